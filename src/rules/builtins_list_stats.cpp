// Aggregating list built-ins: min, max, sum, mean, product, median, stddev, mode, all, any
// (and their DMN 1.1 names and, or). Each takes a list or the items as arguments.
#include <algorithm>
#include <cmath>

#include "rules/builtins_internal.hpp"

namespace ow::rules {
namespace {

// The items when all are numbers; nullopt (with a warning) otherwise.
std::optional<std::vector<Decimal>> Numbers(const Args& a, Evaluation& ev, std::string_view name) {
    List storage;
    const List& items = Items(a, storage);
    std::vector<Decimal> out;
    out.reserve(items.size());
    for (const auto& v : items) {
        if (!IsNum(v)) {
            Invalid(ev, name, "items must be numbers");
            return std::nullopt;
        }
        out.push_back(v.AsNumber());
    }
    return out;
}

Value Extreme(const Args& a, Evaluation& ev, std::string_view name, int want) {
    if (a.empty()) return Invalid(ev, name, "no arguments");
    List storage;
    const List& items = Items(a, storage);
    // Null items are skipped, as other engines do: max(a decision that matched nothing, 5) = 5.
    const Value* best = nullptr;
    for (const auto& v : items) {
        if (v.IsNull()) continue;
        if (best == nullptr) {
            best = &v;
            continue;
        }
        auto c = Compare(v, *best);
        if (!c) return Invalid(ev, name, "items cannot be compared");
        if (*c == want) best = &v;
    }
    return best ? *best : Value();
}

Value Sum(const Args& a, Evaluation& ev, std::string_view name) {
    if (a.empty()) return Invalid(ev, name, "no arguments");
    auto nums = Numbers(a, ev, name);
    if (!nums) return Value();
    if (nums->empty()) return Value();
    Decimal s;
    for (const auto& d : *nums) s = s + d;
    return Value::Number(s);
}

Value Mean(Args& a, Evaluation& ev) {
    Value s = Sum(a, ev, "mean");
    if (s.IsNull()) return s;
    List storage;
    size_t n = Items(a, storage).size();
    return Value::Number(*s.AsNumber().Divide(Decimal::FromInt(int64_t(n))));
}

Value Product(Args& a, Evaluation& ev) {
    if (a.empty()) return Invalid(ev, "product", "no arguments");
    auto nums = Numbers(a, ev, "product");
    if (!nums || nums->empty()) return Value();
    Decimal p = Decimal::FromInt(1);
    for (const auto& d : *nums) p = p * d;
    return Value::Number(p);
}

Value Median(Args& a, Evaluation& ev) {
    if (a.empty()) return Invalid(ev, "median", "no arguments");
    auto nums = Numbers(a, ev, "median");
    if (!nums || nums->empty()) return Value();
    std::sort(nums->begin(), nums->end());
    size_t n = nums->size();
    if (n % 2 == 1) return Value::Number((*nums)[n / 2]);
    return Value::Number(*((*nums)[n / 2 - 1] + (*nums)[n / 2]).Divide(Decimal::FromInt(2)));
}

Value Stddev(Args& a, Evaluation& ev) {
    if (a.empty()) return Invalid(ev, "stddev", "no arguments");
    auto nums = Numbers(a, ev, "stddev");
    if (!nums || nums->size() < 2) return Value();
    Decimal sum;
    for (const auto& d : *nums) sum = sum + d;
    Decimal n = Decimal::FromInt(int64_t(nums->size()));
    Decimal mean = *sum.Divide(n);
    Decimal sq;
    for (const auto& d : *nums) sq = sq + (d - mean) * (d - mean);
    Decimal variance = *sq.Divide(n - Decimal::FromInt(1));
    return Value::Number(DecimalSqrt(variance));
}

Value Mode(Args& a, Evaluation& ev) {
    if (a.empty()) return Invalid(ev, "mode", "no arguments");
    auto nums = Numbers(a, ev, "mode");
    if (!nums) return Value();
    std::sort(nums->begin(), nums->end());
    size_t best = 0;
    List out;
    for (size_t i = 0; i < nums->size();) {
        size_t j = i;
        while (j < nums->size() && (*nums)[j] == (*nums)[i]) ++j;
        if (j - i > best) {
            best = j - i;
            out.clear();
        }
        if (j - i == best) out.push_back(Value::Number((*nums)[i]));
        i = j;
    }
    return Value::FromList(std::move(out));
}

// all/any: `decisive` is the value that settles the answer (false for all, true for any).
Value Quantifier(const Args& a, Evaluation& ev, std::string_view name, bool decisive) {
    if (a.empty()) return Invalid(ev, name, "no arguments");
    List storage;
    const List& items = Items(a, storage);
    bool unknown = false;
    for (const auto& v : items) {
        if (v.kind() != Kind::kBoolean) {
            unknown = true;
        } else if (v.AsBool() == decisive) {
            return Value::Bool(decisive);
        }
    }
    if (unknown) return Invalid(ev, name, "items must be booleans");
    return Value::Bool(!decisive);
}

}  // namespace

void AddListStatsBuiltins(BuiltinTable& t) {
    t.push_back({"min", {{"list"}}, true, [](Args& a, Evaluation& ev) {
                     return Extreme(a, ev, "min", -1);
                 }});
    t.push_back({"max", {{"list"}}, true, [](Args& a, Evaluation& ev) {
                     return Extreme(a, ev, "max", 1);
                 }});
    t.push_back(
        {"sum", {{"list"}}, true, [](Args& a, Evaluation& ev) { return Sum(a, ev, "sum"); }});
    t.push_back({"mean", {{"list"}}, true, Mean});
    t.push_back({"product", {{"list"}}, true, Product});
    t.push_back({"median", {{"list"}}, true, Median});
    t.push_back({"stddev", {{"list"}}, true, Stddev});
    t.push_back({"mode", {{"list"}}, true, Mode});
    t.push_back({"all", {{"list"}}, true, [](Args& a, Evaluation& ev) {
                     return Quantifier(a, ev, "all", false);
                 }});
    t.push_back({"and", {{"list"}}, true, [](Args& a, Evaluation& ev) {
                     return Quantifier(a, ev, "and", false);
                 }});
    t.push_back({"any", {{"list"}}, true, [](Args& a, Evaluation& ev) {
                     return Quantifier(a, ev, "any", true);
                 }});
    t.push_back({"or", {{"list"}}, true, [](Args& a, Evaluation& ev) {
                     return Quantifier(a, ev, "or", true);
                 }});
}

}  // namespace ow::rules
