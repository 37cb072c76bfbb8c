// Properties of values (`date.year`, `duration.days`, `range.start included`, `context.key`).
#include "rules/temporal_math.hpp"
#include "rules/value_ops.hpp"

namespace ow::rules {
namespace {

Value Seconds(int64_t nanos_of_minute) {
    return Value::Number(Decimal::FromScaled(nanos_of_minute, 9));
}

Value TimeProperty(const Time& t, std::string_view name) {
    int64_t secs = t.nanos / 1'000'000'000;
    if (name == "hour") return Value::Number(secs / 3600);
    if (name == "minute") return Value::Number(secs / 60 % 60);
    if (name == "second") return Seconds(t.nanos % 60'000'000'000);
    if (name == "time offset") {
        if (!t.offset_seconds) return Value();
        return Value::FromDuration(DaysTimeDuration{*t.offset_seconds, 0});
    }
    if (name == "timezone") return t.zone.empty() ? Value() : Value::String(t.zone);
    return Value();
}

Value DateProperty(const Date& d, std::string_view name) {
    if (name == "year") return Value::Number(d.year);
    if (name == "month") return Value::Number(int64_t(d.month));
    if (name == "day") return Value::Number(int64_t(d.day));
    if (name == "weekday") return Value::Number(int64_t(IsoWeekday(d)));
    return Value();
}

}  // namespace

Value Property(const Value& v, std::string_view name) {
    switch (v.kind()) {
        case Kind::kDate: return DateProperty(v.AsDate(), name);
        case Kind::kDateTime: {
            Value r = DateProperty(v.AsDateTime().date, name);
            if (!r.IsNull()) return r;
            return TimeProperty(v.AsDateTime().time, name);
        }
        case Kind::kTime: return TimeProperty(v.AsTime(), name);
        case Kind::kDaysTimeDuration: {
            Nanos n = ToNanos(v.AsDaysTimeDuration());
            int64_t secs = int64_t(n / kNanosPerSecond);
            if (name == "days") return Value::Number(secs / 86400);
            if (name == "hours") return Value::Number(secs / 3600 % 24);
            if (name == "minutes") return Value::Number(secs / 60 % 60);
            if (name == "seconds") return Seconds(int64_t(n % (60 * kNanosPerSecond)));
            return Value();
        }
        case Kind::kYearsMonthsDuration: {
            int64_t m = v.AsYearsMonthsDuration().months;
            if (name == "years") return Value::Number(m / 12);
            if (name == "months") return Value::Number(m % 12);
            return Value();
        }
        case Kind::kRange: {
            const Range& r = v.AsRange();
            if (name == "start") return r.start;
            if (name == "end") return r.end;
            if (name == "start included") return Value::Bool(r.start_closed);
            if (name == "end included") return Value::Bool(r.end_closed);
            return Value();
        }
        case Kind::kContext: {
            const Value* e = v.AsContext().Find(name);
            return e ? *e : Value();
        }
        case Kind::kList: {
            List out;
            out.reserve(v.AsList().size());
            for (const auto& item : v.AsList()) out.push_back(Property(item, name));
            return Value::FromList(std::move(out));
        }
        default: return Value();
    }
}

}  // namespace ow::rules
