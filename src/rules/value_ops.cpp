// FEEL's operators: equality, ordering and arithmetic (DMN 1.4 tables 53-60), with the temporal
// rules: a local date and time never mixes with one that has an offset or zone, a date is
// midnight UTC when it meets one that has, durations scale by numbers exactly.
#include "rules/value_ops.hpp"

#include <cmath>

#include "rules/function.hpp"
#include "rules/temporal_math.hpp"

namespace ow::rules {
namespace {

int Sign(Nanos n) {
    return n < 0 ? -1 : (n > 0 ? 1 : 0);
}

template <class T>
int Cmp(const T& a, const T& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

// A time's instant within the day, in UTC when it has an offset.
struct TimePoint {
    Nanos nanos;
    bool zoned;
};

TimePoint PointOf(const Time& t) {
    if (t.offset_seconds)
        return {Nanos(t.nanos) - Nanos(*t.offset_seconds) * kNanosPerSecond, true};
    if (!t.zone.empty()) {
        // A bare time in a zone: its offset today is unknowable; compare wall clocks.
        return {t.nanos, true};
    }
    return {t.nanos, false};
}

// FEEL orders times and date and times by valuedt, a count of whole seconds (the TCK's
// 10:30:00.0001 = 10:30:00.0002).
Nanos WholeSeconds(Nanos n) {
    return FloorDiv(n, kNanosPerSecond);
}

// A date meeting a date and time with an offset or zone is midnight UTC (DMN 1.4 10.3.2.3.6).
DateTime DateAsDateTime(const Date& d, bool utc) {
    DateTime dt;
    dt.date = d;
    if (utc) dt.time.offset_seconds = 0;
    return dt;
}

bool HasZone(const DateTime& dt) {
    return dt.time.offset_seconds.has_value() || !dt.time.zone.empty();
}

// Difference of two date and times as an instant difference; nullopt when exactly one is local.
std::optional<Nanos> DateTimeDiff(const DateTime& a, const DateTime& b) {
    bool za = HasZone(a), zb = HasZone(b);
    if (za != zb) return std::nullopt;
    if (!za) return LocalNanos(a) - LocalNanos(b);
    auto ua = UtcNanos(a), ub = UtcNanos(b);
    if (!ua || !ub) return std::nullopt;
    return *ua - *ub;
}

std::optional<int> CompareTemporal(const Value& a, const Value& b) {
    switch (a.kind()) {
        case Kind::kDate:
            if (b.kind() == Kind::kDate) {
                return Cmp(DaysFromCivil(a.AsDate()), DaysFromCivil(b.AsDate()));
            }
            break;
        case Kind::kTime:
            if (b.kind() == Kind::kTime) {
                TimePoint pa = PointOf(a.AsTime()), pb = PointOf(b.AsTime());
                if (pa.zoned != pb.zoned) return std::nullopt;
                return Cmp(WholeSeconds(pa.nanos), WholeSeconds(pb.nanos));
            }
            break;
        case Kind::kDateTime:
            if (b.kind() == Kind::kDateTime) {
                auto d = DateTimeDiff(a.AsDateTime(), b.AsDateTime());
                if (!d) return std::nullopt;
                return Sign(WholeSeconds(*d));
            }
            break;
        case Kind::kDaysTimeDuration:
            if (b.kind() == Kind::kDaysTimeDuration) {
                return Cmp(ToNanos(a.AsDaysTimeDuration()), ToNanos(b.AsDaysTimeDuration()));
            }
            break;
        case Kind::kYearsMonthsDuration:
            if (b.kind() == Kind::kYearsMonthsDuration) {
                return Cmp(a.AsYearsMonthsDuration().months, b.AsYearsMonthsDuration().months);
            }
            break;
        default: break;
    }
    return std::nullopt;
}

Value Fail(Evaluation& ev, const char* op, const Value& a, const Value& b) {
    ev.Warn(std::string("cannot ") + op + " " + std::string(KindName(a.kind())) + " and " +
            std::string(KindName(b.kind())));
    return Value();
}

Value NumberOrNull(const Decimal& d, Evaluation& ev) {
    if (!d.IsFinite()) {
        ev.Warn("number out of the decimal128 range");
        return Value();
    }
    return Value::Number(d);
}

Decimal SecondsOf(const DaysTimeDuration& d) {
    return Decimal::FromInt(d.seconds) + Decimal::FromScaled(d.nanos, 9);
}

// Seconds (a decimal) -> a duration, rounding to whole nanoseconds.
std::optional<DaysTimeDuration> DurationFromSeconds(const Decimal& seconds) {
    if (!seconds.IsFinite()) return std::nullopt;
    Decimal whole = seconds.Round(0, RoundingMode::kDown);
    auto s = whole.ToInt64();
    auto n = (seconds - whole).Round(9, RoundingMode::kHalfEven).ToScaled(9);
    if (!s || !n) return std::nullopt;
    return DurationFromNanos(Nanos(*s) * kNanosPerSecond + *n);
}

Value ScaleDuration(const Value& d, const Decimal& factor, bool divide, Evaluation& ev) {
    if (divide && factor.IsZero()) {
        ev.Warn("division by zero");
        return Value();
    }
    if (d.kind() == Kind::kYearsMonthsDuration) {
        Decimal months = Decimal::FromInt(d.AsYearsMonthsDuration().months);
        Decimal r = divide ? *months.Divide(factor) : months * factor;
        auto m = r.Round(0, RoundingMode::kDown).ToInt64();
        if (!r.IsFinite() || !m) return Value();
        return Value::FromDuration(YearsMonthsDuration{*m});
    }
    Decimal secs = SecondsOf(d.AsDaysTimeDuration());
    Decimal r = divide ? *secs.Divide(factor) : secs * factor;
    auto out = DurationFromSeconds(r);
    if (!out) return Value();
    return Value::FromDuration(*out);
}

bool IsDuration(const Value& v) {
    return v.kind() == Kind::kDaysTimeDuration || v.kind() == Kind::kYearsMonthsDuration;
}

// Results past the years the parser accepts are errors, not silently wrapped numbers.
Value CheckYear(Value v) {
    constexpr int64_t kMaxYear = 999'999'999;
    const Date* d = v.kind() == Kind::kDate       ? &v.AsDate()
                    : v.kind() == Kind::kDateTime ? &v.AsDateTime().date
                                                  : nullptr;
    if (d != nullptr && (d->year > kMaxYear || d->year < -kMaxYear)) return Value();
    return v;
}

Value ShiftTemporalUnchecked(const Value& t, const Value& d, int sign);

// Temporal + duration (sign -1 subtracts); null when the pair has no meaning.
Value ShiftTemporal(const Value& t, const Value& d, int sign) {
    return CheckYear(ShiftTemporalUnchecked(t, d, sign));
}

Value ShiftTemporalUnchecked(const Value& t, const Value& d, int sign) {
    if (d.kind() == Kind::kDaysTimeDuration) {
        Nanos delta = ToNanos(d.AsDaysTimeDuration()) * sign;
        switch (t.kind()) {
            case Kind::kDate: {
                Nanos local = Nanos(DaysFromCivil(t.AsDate())) * kNanosPerDay + delta;
                return Value::FromDate(CivilFromDays(int64_t(FloorDiv(local, kNanosPerDay))));
            }
            case Kind::kDateTime: {
                const DateTime& dt = t.AsDateTime();
                return Value::FromDateTime(WithLocalNanos(dt, LocalNanos(dt) + delta));
            }
            case Kind::kTime: {
                Time out = t.AsTime();
                out.nanos = int64_t(FloorMod(Nanos(out.nanos) + delta, kNanosPerDay));
                return Value::FromTime(out);
            }
            default: return Value();
        }
    }
    int64_t months = d.AsYearsMonthsDuration().months * sign;
    switch (t.kind()) {
        case Kind::kDate: return Value::FromDate(AddMonths(t.AsDate(), months));
        case Kind::kDateTime: {
            DateTime dt = t.AsDateTime();
            dt.date = AddMonths(dt.date, months);
            return Value::FromDateTime(WithLocalNanos(dt, LocalNanos(dt)));
        }
        default: return Value();
    }
}

bool IsTemporalPoint(const Value& v) {
    return v.kind() == Kind::kDate || v.kind() == Kind::kDateTime || v.kind() == Kind::kTime;
}

// Exact integer power by repeated squaring.
Decimal IntPow(Decimal base, uint64_t n) {
    Decimal result = Decimal::FromInt(1);
    while (n > 0) {
        if (n & 1) result = result * base;
        n >>= 1;
        if (n > 0) base = base * base;
        if (!result.IsFinite() || !base.IsFinite()) break;
    }
    return result;
}

}  // namespace

std::optional<bool> Equal(const Value& a, const Value& b) {
    if (a.IsNull() || b.IsNull()) return a.IsNull() && b.IsNull();
    if (a.kind() != b.kind()) return std::nullopt;
    switch (a.kind()) {
        case Kind::kBoolean: return a.AsBool() == b.AsBool();
        case Kind::kNumber: return a.AsNumber().Compare(b.AsNumber()) == 0;
        case Kind::kString: return a.AsString() == b.AsString();
        case Kind::kTime: {
            const Time &ta = a.AsTime(), &tb = b.AsTime();
            if (!ta.zone.empty() || !tb.zone.empty()) return ta == tb;
            auto c = CompareTemporal(a, b);
            return c ? std::optional<bool>(*c == 0) : std::optional<bool>(false);
        }
        case Kind::kDateTime: {
            auto c = CompareTemporal(a, b);
            return c ? std::optional<bool>(*c == 0) : std::optional<bool>(false);
        }
        case Kind::kDate:
        case Kind::kDaysTimeDuration:
        case Kind::kYearsMonthsDuration: {
            auto c = CompareTemporal(a, b);
            if (!c) return std::nullopt;
            return *c == 0;
        }
        case Kind::kList: {
            const List &la = a.AsList(), &lb = b.AsList();
            if (la.size() != lb.size()) return false;
            bool unknown = false;
            for (size_t i = 0; i < la.size(); ++i) {
                auto e = Equal(la[i], lb[i]);
                if (!e) {
                    unknown = true;
                } else if (!*e) {
                    return false;
                }
            }
            if (unknown) return std::nullopt;
            return true;
        }
        case Kind::kContext: {
            const Context &ca = a.AsContext(), &cb = b.AsContext();
            if (ca.entries.size() != cb.entries.size()) return false;
            for (const auto& [k, v] : ca.entries) {
                const Value* other = cb.Find(k);
                if (other == nullptr) return false;
                auto e = Equal(v, *other);
                if (!e || !*e) return e;
            }
            return true;
        }
        case Kind::kRange: {
            const Range &ra = a.AsRange(), &rb = b.AsRange();
            if (ra.start_closed != rb.start_closed || ra.end_closed != rb.end_closed) return false;
            auto s = Equal(ra.start, rb.start);
            auto e = Equal(ra.end, rb.end);
            if (!s || !e) return std::nullopt;
            return *s && *e;
        }
        case Kind::kFunction: return a.AsFunction() == b.AsFunction();
        case Kind::kNull: return true;
    }
    return std::nullopt;
}

std::optional<int> Compare(const Value& a, const Value& b) {
    if (a.kind() == Kind::kNumber && b.kind() == Kind::kNumber) {
        return a.AsNumber().Compare(b.AsNumber());
    }
    if (a.kind() == Kind::kString && b.kind() == Kind::kString) {
        int c = a.AsString().compare(b.AsString());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return CompareTemporal(a, b);
}

Value Add(const Value& a, const Value& b, Evaluation& ev) {
    if (a.kind() == Kind::kNumber && b.kind() == Kind::kNumber) {
        return NumberOrNull(a.AsNumber() + b.AsNumber(), ev);
    }
    if (a.IsNull() || b.IsNull()) return Value();
    if (a.kind() == Kind::kString && b.kind() == Kind::kString) {
        return Value::String(a.AsString() + b.AsString());
    }
    if (a.kind() == Kind::kDaysTimeDuration && b.kind() == Kind::kDaysTimeDuration) {
        return Value::FromDuration(
            DurationFromNanos(ToNanos(a.AsDaysTimeDuration()) + ToNanos(b.AsDaysTimeDuration())));
    }
    if (a.kind() == Kind::kYearsMonthsDuration && b.kind() == Kind::kYearsMonthsDuration) {
        return Value::FromDuration(YearsMonthsDuration{a.AsYearsMonthsDuration().months +
                                                       b.AsYearsMonthsDuration().months});
    }
    if (IsTemporalPoint(a) && IsDuration(b)) {
        Value r = ShiftTemporal(a, b, 1);
        if (!r.IsNull()) return r;
    }
    if (IsDuration(a) && IsTemporalPoint(b)) {
        Value r = ShiftTemporal(b, a, 1);
        if (!r.IsNull()) return r;
    }
    return Fail(ev, "add", a, b);
}

Value Subtract(const Value& a, const Value& b, Evaluation& ev) {
    if (a.kind() == Kind::kNumber && b.kind() == Kind::kNumber) {
        return NumberOrNull(a.AsNumber() - b.AsNumber(), ev);
    }
    if (a.IsNull() || b.IsNull()) return Value();
    if (a.kind() == Kind::kDaysTimeDuration && b.kind() == Kind::kDaysTimeDuration) {
        return Value::FromDuration(
            DurationFromNanos(ToNanos(a.AsDaysTimeDuration()) - ToNanos(b.AsDaysTimeDuration())));
    }
    if (a.kind() == Kind::kYearsMonthsDuration && b.kind() == Kind::kYearsMonthsDuration) {
        return Value::FromDuration(YearsMonthsDuration{a.AsYearsMonthsDuration().months -
                                                       b.AsYearsMonthsDuration().months});
    }
    bool a_dt = a.kind() == Kind::kDate || a.kind() == Kind::kDateTime;
    bool b_dt = b.kind() == Kind::kDate || b.kind() == Kind::kDateTime;
    if (a_dt && b_dt) {
        DateTime da, db;
        if (a.kind() == Kind::kDate && b.kind() == Kind::kDate) {
            da = DateAsDateTime(a.AsDate(), false);
            db = DateAsDateTime(b.AsDate(), false);
        } else if (a.kind() == Kind::kDate) {
            db = b.AsDateTime();
            da = DateAsDateTime(a.AsDate(), true);
        } else if (b.kind() == Kind::kDate) {
            da = a.AsDateTime();
            db = DateAsDateTime(b.AsDate(), true);
        } else {
            da = a.AsDateTime();
            db = b.AsDateTime();
        }
        auto d = DateTimeDiff(da, db);
        if (!d) return Fail(ev, "subtract (one has a zone, the other not)", a, b);
        return Value::FromDuration(DurationFromNanos(*d));
    }
    if (a.kind() == Kind::kTime && b.kind() == Kind::kTime) {
        TimePoint pa = PointOf(a.AsTime()), pb = PointOf(b.AsTime());
        if (pa.zoned != pb.zoned) return Fail(ev, "subtract", a, b);
        return Value::FromDuration(DurationFromNanos(pa.nanos - pb.nanos));
    }
    if (IsTemporalPoint(a) && IsDuration(b)) {
        Value r = ShiftTemporal(a, b, -1);
        if (!r.IsNull()) return r;
    }
    return Fail(ev, "subtract", a, b);
}

Value Multiply(const Value& a, const Value& b, Evaluation& ev) {
    if (a.kind() == Kind::kNumber && b.kind() == Kind::kNumber) {
        return NumberOrNull(a.AsNumber() * b.AsNumber(), ev);
    }
    if (a.IsNull() || b.IsNull()) return Value();
    if (IsDuration(a) && b.kind() == Kind::kNumber)
        return ScaleDuration(a, b.AsNumber(), false, ev);
    if (a.kind() == Kind::kNumber && IsDuration(b))
        return ScaleDuration(b, a.AsNumber(), false, ev);
    return Fail(ev, "multiply", a, b);
}

Value Divide(const Value& a, const Value& b, Evaluation& ev) {
    if (a.kind() == Kind::kNumber && b.kind() == Kind::kNumber) {
        auto q = a.AsNumber().Divide(b.AsNumber());
        if (!q) {
            ev.Warn("division by zero");
            return Value();
        }
        return NumberOrNull(*q, ev);
    }
    if (a.IsNull() || b.IsNull()) return Value();
    if (IsDuration(a) && b.kind() == Kind::kNumber) return ScaleDuration(a, b.AsNumber(), true, ev);
    if (a.kind() == Kind::kDaysTimeDuration && b.kind() == Kind::kDaysTimeDuration) {
        auto q = SecondsOf(a.AsDaysTimeDuration()).Divide(SecondsOf(b.AsDaysTimeDuration()));
        if (!q) return Value();
        return NumberOrNull(*q, ev);
    }
    if (a.kind() == Kind::kYearsMonthsDuration && b.kind() == Kind::kYearsMonthsDuration) {
        auto q = Decimal::FromInt(a.AsYearsMonthsDuration().months)
                     .Divide(Decimal::FromInt(b.AsYearsMonthsDuration().months));
        if (!q) return Value();
        return NumberOrNull(*q, ev);
    }
    return Fail(ev, "divide", a, b);
}

Value Power(const Value& a, const Value& b, Evaluation& ev) {
    if (a.kind() != Kind::kNumber || b.kind() != Kind::kNumber) {
        if (a.IsNull() || b.IsNull()) return Value();
        return Fail(ev, "raise", a, b);
    }
    const Decimal& base = a.AsNumber();
    const Decimal& exp = b.AsNumber();
    if (auto n = exp.ToInt64(); n && *n > -1'000'000'000 && *n < 1'000'000'000) {
        uint64_t mag = uint64_t(*n < 0 ? -*n : *n);
        Decimal p = IntPow(base, mag);
        if (*n < 0) {
            auto inv = Decimal::FromInt(1).Divide(p);
            if (!inv) {
                ev.Warn("division by zero");
                return Value();
            }
            p = *inv;
        }
        return NumberOrNull(p, ev);
    }
    double r = std::pow(base.ToDouble(), exp.ToDouble());
    if (!std::isfinite(r)) {
        ev.Warn("power is not a real number");
        return Value();
    }
    auto d = Decimal::FromDouble(r);
    if (!d) return Value();
    return Value::Number(*d);
}

Value Negate(const Value& a, Evaluation& ev) {
    switch (a.kind()) {
        case Kind::kNumber: return Value::Number(-a.AsNumber());
        case Kind::kDaysTimeDuration:
            return Value::FromDuration(DurationFromNanos(-ToNanos(a.AsDaysTimeDuration())));
        case Kind::kYearsMonthsDuration:
            return Value::FromDuration(YearsMonthsDuration{-a.AsYearsMonthsDuration().months});
        case Kind::kNull: return Value();
        default: ev.Warn("cannot negate " + std::string(KindName(a.kind()))); return Value();
    }
}

std::optional<bool> InRange(const Value& x, const Range& r) {
    if (x.IsNull()) return std::nullopt;
    if (!r.start.IsNull()) {
        auto c = Compare(x, r.start);
        if (!c) return std::nullopt;
        if (*c < 0 || (*c == 0 && !r.start_closed)) return false;
    }
    if (!r.end.IsNull()) {
        auto c = Compare(x, r.end);
        if (!c) return std::nullopt;
        if (*c > 0 || (*c == 0 && !r.end_closed)) return false;
    }
    return true;
}

}  // namespace ow::rules
