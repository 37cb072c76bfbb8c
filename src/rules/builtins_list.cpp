// List built-ins (DMN 1.4 10.3.4.4): membership, slicing, building and reordering lists, sort.
#include <algorithm>

#include "rules/builtins_internal.hpp"
#include "rules/function.hpp"

namespace ow::rules {
namespace {

// 1-based position (negative counts from the end) -> 0-based index in [0, size), or nullopt.
std::optional<size_t> IndexOf(const Value& pos, size_t size) {
    // A fractional position is truncated (the TCK's list replace([1,2,3], 2.5, 4)).
    if (!IsNum(pos)) return std::nullopt;
    auto p = pos.AsNumber().Round(0, RoundingMode::kDown).ToInt64();
    if (!p || *p == 0) return std::nullopt;
    int64_t i = *p > 0 ? *p - 1 : int64_t(size) + *p;
    if (i < 0 || i >= int64_t(size)) return std::nullopt;
    return size_t(i);
}

bool Same(const Value& a, const Value& b) {
    auto e = Equal(a, b);
    return e && *e;
}

void Flatten(const List& in, List& out) {
    for (const auto& v : in) {
        if (IsList(v)) {
            Flatten(v.AsList(), out);
        } else {
            out.push_back(v);
        }
    }
}

Value Sublist(Args& a, Evaluation& ev) {
    if (!IsList(a[0])) return Invalid(ev, "sublist", "list is not a list");
    const List& l = a[0].AsList();
    auto start = IndexOf(a[1], l.size());
    if (!start) return Invalid(ev, "sublist", "start position out of range");
    size_t end = l.size();
    if (a.size() == 3) {
        auto len = IntArg(a[2]);
        if (!len || *len < 0 || size_t(*len) > l.size() - *start) {
            return Invalid(ev, "sublist", "length out of range");
        }
        end = *start + size_t(*len);
    }
    return Value::FromList(List(l.begin() + long(*start), l.begin() + long(end)));
}

Value Append(Args& a, Evaluation& ev) {
    if (a.empty() || !IsList(a[0])) return Invalid(ev, "append", "list is not a list");
    List out = a[0].AsList();
    out.insert(out.end(), a.begin() + 1, a.end());
    return Value::FromList(std::move(out));
}

Value Concatenate(Args& a, Evaluation& ev) {
    List out;
    for (const auto& l : a) {
        if (!IsList(l)) return Invalid(ev, "concatenate", "arguments must be lists");
        out.insert(out.end(), l.AsList().begin(), l.AsList().end());
    }
    return Value::FromList(std::move(out));
}

Value InsertBefore(Args& a, Evaluation& ev) {
    if (!IsList(a[0])) return Invalid(ev, "insert before", "list is not a list");
    List out = a[0].AsList();
    auto i = IndexOf(a[1], out.size());
    if (!i) return Invalid(ev, "insert before", "position out of range");
    out.insert(out.begin() + long(*i), a[2]);
    return Value::FromList(std::move(out));
}

Value Remove(Args& a, Evaluation& ev) {
    if (!IsList(a[0])) return Invalid(ev, "remove", "list is not a list");
    List out = a[0].AsList();
    auto i = IndexOf(a[1], out.size());
    if (!i) return Invalid(ev, "remove", "position out of range");
    out.erase(out.begin() + long(*i));
    return Value::FromList(std::move(out));
}

Value Union(Args& a, Evaluation& ev) {
    List out;
    for (const auto& l : a) {
        if (!IsList(l)) return Invalid(ev, "union", "arguments must be lists");
        for (const auto& v : l.AsList()) {
            // Quadratic in the list length: each comparison counts against the step budget.
            if (std::none_of(out.begin(), out.end(), [&](const Value& o) {
                    ev.Step();
                    return Same(o, v);
                })) {
                out.push_back(v);
            }
        }
    }
    return Value::FromList(std::move(out));
}

Value Distinct(Args& a, Evaluation& ev) {
    if (!IsList(a[0])) return Invalid(ev, "distinct values", "list is not a list");
    Args one{a[0]};
    return Union(one, ev);
}

Value Sort(Args& a, Evaluation& ev) {
    if (!IsList(a[0])) return Invalid(ev, "sort", "list is not a list");
    List out = a[0].AsList();
    bool failed = false;
    if (a.size() == 2 && !a[1].IsNull()) {
        if (a[1].kind() != Kind::kFunction)
            return Invalid(ev, "sort", "precedes is not a function");
        const Function& precedes = *a[1].AsFunction();
        std::stable_sort(out.begin(), out.end(), [&](const Value& x, const Value& y) {
            if (failed) return false;
            Value r = precedes.Call({x, y}, ev);
            if (r.kind() != Kind::kBoolean) {
                failed = true;
                return false;
            }
            return r.AsBool();
        });
    } else {
        std::stable_sort(out.begin(), out.end(), [&](const Value& x, const Value& y) {
            auto c = Compare(x, y);
            if (!c) failed = true;
            return c && *c < 0;
        });
    }
    if (failed) return Invalid(ev, "sort", "items cannot be ordered");
    return Value::FromList(std::move(out));
}

Value ListReplace(Args& a, Evaluation& ev) {
    if (!IsList(a[0])) return Invalid(ev, "list replace", "list is not a list");
    List out = a[0].AsList();
    if (a[1].kind() == Kind::kFunction) {
        const Function& match = *a[1].AsFunction();
        for (auto& item : out) {
            Value r = match.Call({item, a[2]}, ev);
            if (r.kind() != Kind::kBoolean) return Invalid(ev, "list replace", "match failed");
            if (r.AsBool()) item = a[2];
        }
        return Value::FromList(std::move(out));
    }
    auto i = IndexOf(a[1], out.size());
    if (!i) return Invalid(ev, "list replace", "position out of range");
    out[*i] = a[2];
    return Value::FromList(std::move(out));
}

}  // namespace

void AddListBuiltins(BuiltinTable& t) {
    t.push_back({"list contains", {{"list", "element"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsList(a[0])) return Invalid(ev, "list contains", "list is not a list");
                     const List& l = a[0].AsList();
                     return Value::Bool(std::any_of(l.begin(), l.end(),
                                                    [&](const Value& v) { return Same(v, a[1]); }));
                 }});
    t.push_back({"count", {{"list"}}, true, [](Args& a, Evaluation& ev) {
                     if (a.size() != 1 || !IsList(a[0])) return Invalid(ev, "count", "not a list");
                     return Value::Number(int64_t(a[0].AsList().size()));
                 }});
    t.push_back({"sublist",
                 {{"list", "start position"}, {"list", "start position", "length"}},
                 false,
                 Sublist});
    t.push_back({"append", {{"list", "item"}}, true, Append});
    t.push_back({"concatenate", {{"list"}}, true, Concatenate});
    t.push_back({"insert before", {{"list", "position", "newItem"}}, false, InsertBefore});
    t.push_back({"remove", {{"list", "position"}}, false, Remove});
    t.push_back({"reverse", {{"list"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsList(a[0])) return Invalid(ev, "reverse", "list is not a list");
                     List out(a[0].AsList().rbegin(), a[0].AsList().rend());
                     return Value::FromList(std::move(out));
                 }});
    t.push_back({"index of", {{"list", "match"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsList(a[0])) return Invalid(ev, "index of", "list is not a list");
                     List out;
                     const List& l = a[0].AsList();
                     for (size_t i = 0; i < l.size(); ++i) {
                         if (Same(l[i], a[1])) out.push_back(Value::Number(int64_t(i + 1)));
                     }
                     return Value::FromList(std::move(out));
                 }});
    t.push_back({"union", {{"list"}}, true, Union});
    t.push_back({"distinct values", {{"list"}}, false, Distinct});
    t.push_back({"flatten", {{"list"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsList(a[0])) return Invalid(ev, "flatten", "list is not a list");
                     List out;
                     Flatten(a[0].AsList(), out);
                     return Value::FromList(std::move(out));
                 }});
    t.push_back({"sort", {{"list"}, {"list", "precedes"}}, false, Sort});
    t.push_back({"list replace",
                 {{"list", "position", "newItem"}, {"list", "match", "newItem"}},
                 false,
                 ListReplace});
}

}  // namespace ow::rules
