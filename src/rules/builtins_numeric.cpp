// Numeric built-ins (DMN 1.4 10.3.4.5): decimal, floor, ceiling, the round functions, abs,
// modulo, sqrt, log, exp, odd, even. Exact decimal arithmetic except log/exp, which are
// transcendental and go through binary double (then back to the closest short decimal).
#include <cmath>

#include "rules/builtins_internal.hpp"

namespace ow::rules {
namespace {

// A scale argument: an integral number in [-6111, 6176]; a fractional scale is truncated (the
// TCK's decimal(1/3, 2.5) = 0.33).
std::optional<int> ScaleArg(const Value& v) {
    if (!IsNum(v)) return std::nullopt;
    auto i = v.AsNumber().Round(0, RoundingMode::kDown).ToInt64();
    if (!i || *i < -6111 || *i > 6176) return std::nullopt;
    return int(*i);
}

template <RoundingMode kMode>
Value RoundWith(Args& a, Evaluation& ev, std::string_view name) {
    if (!IsNum(a[0])) return Invalid(ev, name, "n is not a number");
    int scale = 0;
    if (a.size() > 1) {
        auto s = ScaleArg(a[1]);
        if (!s) return Invalid(ev, name, "scale is not an integer");
        scale = *s;
    }
    return Value::Number(a[0].AsNumber().Round(scale, kMode));
}

Value Transcendental(Args& a, Evaluation& ev, std::string_view name, double (*f)(double),
                     bool positive_only) {
    if (!IsNum(a[0])) return Invalid(ev, name, "argument is not a number");
    const Decimal& n = a[0].AsNumber();
    if (positive_only && (n.IsNegative() || n.IsZero())) {
        return Invalid(ev, name, "argument must be positive");
    }
    double r = f(n.ToDouble());
    if (!std::isfinite(r)) return Invalid(ev, name, "result is not a finite number");
    auto d = Decimal::FromDouble(r);
    if (!d) return Value();
    return Value::Number(*d);
}

Value Parity(Args& a, Evaluation& ev, std::string_view name, bool want_even) {
    if (!IsNum(a[0])) return Invalid(ev, name, "argument is not a number");
    const Decimal& n = a[0].AsNumber();
    if (!n.IsInteger()) return Invalid(ev, name, "argument is not an integer");
    Decimal half = *n.Divide(Decimal::FromInt(2));
    return Value::Bool(half.IsInteger() == want_even);
}

}  // namespace

// Square root to 34 digits: a double estimate refined by Newton steps in decimal.
Decimal DecimalSqrt(const Decimal& x) {
    if (x.IsZero()) return x;
    auto guess = Decimal::FromDouble(std::sqrt(x.ToDouble()));
    Decimal g = guess ? *guess : x;
    Decimal two = Decimal::FromInt(2);
    for (int i = 0; i < 4 && !g.IsZero(); ++i) g = *(g + *x.Divide(g)).Divide(two);
    return g;
}

void AddNumericBuiltins(BuiltinTable& t) {
    t.push_back({"decimal", {{"n", "scale"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsNum(a[1])) return Invalid(ev, "decimal", "scale is not a number");
                     return RoundWith<RoundingMode::kHalfEven>(a, ev, "decimal");
                 }});
    t.push_back({"floor", {{"n"}, {"n", "scale"}}, false, [](Args& a, Evaluation& ev) {
                     return RoundWith<RoundingMode::kFloor>(a, ev, "floor");
                 }});
    t.push_back({"ceiling", {{"n"}, {"n", "scale"}}, false, [](Args& a, Evaluation& ev) {
                     return RoundWith<RoundingMode::kCeiling>(a, ev, "ceiling");
                 }});
    t.push_back({"round up", {{"n", "scale"}}, false, [](Args& a, Evaluation& ev) {
                     return RoundWith<RoundingMode::kUp>(a, ev, "round up");
                 }});
    t.push_back({"round down", {{"n", "scale"}}, false, [](Args& a, Evaluation& ev) {
                     return RoundWith<RoundingMode::kDown>(a, ev, "round down");
                 }});
    t.push_back({"round half up", {{"n", "scale"}}, false, [](Args& a, Evaluation& ev) {
                     return RoundWith<RoundingMode::kHalfUp>(a, ev, "round half up");
                 }});
    t.push_back({"round half down", {{"n", "scale"}}, false, [](Args& a, Evaluation& ev) {
                     return RoundWith<RoundingMode::kHalfDown>(a, ev, "round half down");
                 }});
    t.push_back({"abs", {{"n"}}, false, [](Args& a, Evaluation& ev) {
                     switch (a[0].kind()) {
                         case Kind::kNumber: return Value::Number(a[0].AsNumber().Abs());
                         case Kind::kDaysTimeDuration: {
                             auto d = a[0].AsDaysTimeDuration();
                             if (d.seconds < 0 || d.nanos < 0) d = {-d.seconds, -d.nanos};
                             return Value::FromDuration(d);
                         }
                         case Kind::kYearsMonthsDuration: {
                             int64_t m = a[0].AsYearsMonthsDuration().months;
                             return Value::FromDuration(YearsMonthsDuration{m < 0 ? -m : m});
                         }
                         default: return Invalid(ev, "abs", "n is not a number or duration");
                     }
                 }});
    t.push_back({"modulo", {{"dividend", "divisor"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsNum(a[0]) || !IsNum(a[1])) {
                         return Invalid(ev, "modulo", "arguments must be numbers");
                     }
                     const Decimal &x = a[0].AsNumber(), &y = a[1].AsNumber();
                     auto q = x.Divide(y);
                     if (!q) return Invalid(ev, "modulo", "division by zero");
                     // Sign of the divisor: x - y * floor(x / y).
                     return Value::Number(x - y * q->Round(0, RoundingMode::kFloor));
                 }});
    t.push_back({"sqrt", {{"number"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsNum(a[0])) return Invalid(ev, "sqrt", "argument is not a number");
                     if (a[0].AsNumber().IsNegative()) return Invalid(ev, "sqrt", "negative");
                     return Value::Number(DecimalSqrt(a[0].AsNumber()));
                 }});
    t.push_back({"log", {{"number"}}, false, [](Args& a, Evaluation& ev) {
                     return Transcendental(
                         a, ev, "log", [](double x) { return std::log(x); }, true);
                 }});
    t.push_back({"exp", {{"number"}}, false, [](Args& a, Evaluation& ev) {
                     return Transcendental(
                         a, ev, "exp", [](double x) { return std::exp(x); }, false);
                 }});
    t.push_back({"odd", {{"number"}}, false, [](Args& a, Evaluation& ev) {
                     return Parity(a, ev, "odd", false);
                 }});
    t.push_back({"even", {{"number"}}, false, [](Args& a, Evaluation& ev) {
                     return Parity(a, ev, "even", true);
                 }});
}

}  // namespace ow::rules
