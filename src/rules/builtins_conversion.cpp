// Conversion built-ins (DMN 1.4 10.3.4.1) and the boolean ones: date, date and time, time,
// number, string, duration, years and months duration, not, is.
#include "rules/builtins_internal.hpp"
#include "rules/temporal_math.hpp"

namespace ow::rules {
namespace {

Value DateFrom(Args& a, Evaluation& ev) {
    if (a.size() == 3) {
        auto y = IntArg(a[0]), m = IntArg(a[1]), d = IntArg(a[2]);
        if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > 31 ||
            !IsValidDate(*y, int(*m), int(*d))) {
            return Invalid(ev, "date", "not a valid year, month and day");
        }
        return Value::FromDate(Date{*y, int(*m), int(*d)});
    }
    const Value& from = a[0];
    switch (from.kind()) {
        case Kind::kString: {
            if (auto d = ParseDate(from.AsString())) return Value::FromDate(*d);
            return Invalid(ev, "date", "not a date: " + from.AsString());
        }
        case Kind::kDate: return from;
        case Kind::kDateTime: return Value::FromDate(from.AsDateTime().date);
        default: return Invalid(ev, "date", "from is not a string or date");
    }
}

Value DateTimeFrom(Args& a, Evaluation& ev) {
    if (a.size() == 2) {
        Date date;
        if (a[0].kind() == Kind::kDate) {
            date = a[0].AsDate();
        } else if (a[0].kind() == Kind::kDateTime) {
            date = a[0].AsDateTime().date;
        } else {
            return Invalid(ev, "date and time", "date is not a date");
        }
        if (a[1].kind() != Kind::kTime) return Invalid(ev, "date and time", "time is not a time");
        DateTime dt{date, a[1].AsTime()};
        if (!dt.time.zone.empty()) {
            dt.time.offset_seconds = ZoneOffset(dt.time.zone, dt.date, dt.time.nanos);
        }
        return Value::FromDateTime(dt);
    }
    const Value& from = a[0];
    switch (from.kind()) {
        case Kind::kString: {
            if (auto dt = ParseDateTime(from.AsString())) return Value::FromDateTime(*dt);
            return Invalid(ev, "date and time", "not a date and time: " + from.AsString());
        }
        case Kind::kDateTime: return from;
        case Kind::kDate: return Value::FromDateTime(DateTime{from.AsDate(), Time{}});
        default: return Invalid(ev, "date and time", "from is not a string");
    }
}

Value TimeFrom(Args& a, Evaluation& ev) {
    if (a.size() >= 3) {
        auto h = IntArg(a[0]), m = IntArg(a[1]);
        if (!h || !m || !IsNum(a[2]) || *h < 0 || *h > 23 || *m < 0 || *m > 59) {
            return Invalid(ev, "time", "not a valid hour, minute and second");
        }
        auto sn = a[2].AsNumber().ToScaled(9);
        if (!sn || *sn < 0 || *sn >= 60'000'000'000) return Invalid(ev, "time", "bad second");
        Time t;
        t.nanos = (*h * 3600 + *m * 60) * 1'000'000'000 + *sn;
        if (a.size() == 4 && !a[3].IsNull()) {
            if (a[3].kind() != Kind::kDaysTimeDuration) {
                return Invalid(ev, "time", "offset is not a days and time duration");
            }
            const auto& off = a[3].AsDaysTimeDuration();
            if (off.nanos != 0 || off.seconds <= -86400 || off.seconds >= 86400) {
                return Invalid(ev, "time", "offset out of range");
            }
            t.offset_seconds = int32_t(off.seconds);
        }
        return Value::FromTime(t);
    }
    const Value& from = a[0];
    switch (from.kind()) {
        case Kind::kString: {
            if (auto t = ParseTime(from.AsString())) return Value::FromTime(*t);
            return Invalid(ev, "time", "not a time: " + from.AsString());
        }
        case Kind::kTime: return from;
        case Kind::kDateTime: {
            Time t = from.AsDateTime().time;
            if (!t.zone.empty()) t.offset_seconds.reset();
            return Value::FromTime(t);
        }
        case Kind::kDate: {
            Time t;
            t.offset_seconds = 0;
            return Value::FromTime(t);
        }
        default: return Invalid(ev, "time", "from is not a string");
    }
}

Value DurationFrom(Args& a, Evaluation& ev) {
    const Value& from = a[0];
    if (from.kind() == Kind::kDaysTimeDuration || from.kind() == Kind::kYearsMonthsDuration) {
        return from;
    }
    if (!IsStr(from)) return Invalid(ev, "duration", "from is not a string");
    if (auto d = ParseDaysTimeDuration(from.AsString())) return Value::FromDuration(*d);
    if (auto d = ParseYearsMonthsDuration(from.AsString())) return Value::FromDuration(*d);
    return Invalid(ev, "duration", "not a duration: " + from.AsString());
}

// Whole months from `from` to `to`, truncated toward zero (2011-12-31 to 2013-02-28 is P1Y1M).
Value MonthsBetween(Args& a, Evaluation& ev) {
    auto as_dt = [](const Value& v) -> std::optional<DateTime> {
        if (v.kind() == Kind::kDate) return DateTime{v.AsDate(), Time{}};
        if (v.kind() == Kind::kDateTime) return v.AsDateTime();
        return std::nullopt;
    };
    auto from = as_dt(a[0]), to = as_dt(a[1]);
    if (!from || !to) return Invalid(ev, "years and months duration", "from and to must be dates");
    int64_t months = (to->date.year - from->date.year) * 12 + (to->date.month - from->date.month);
    // Whole months count by calendar day; the time of day does not shorten a month.
    if (months > 0 && to->date.day < from->date.day) --months;
    if (months < 0 && to->date.day > from->date.day) ++months;
    return Value::FromDuration(YearsMonthsDuration{months});
}

Value NumberFrom(Args& a, Evaluation& ev) {
    if (!IsStr(a[0])) return Invalid(ev, "number", "from is not a string");
    std::string text = a[0].AsString();
    if (a.size() == 3) {
        const Value &g = a[1], &d = a[2];
        if ((!g.IsNull() && !IsStr(g)) || (!d.IsNull() && !IsStr(d))) {
            return Invalid(ev, "number", "separators must be strings");
        }
        std::string gs = g.IsNull() ? "" : g.AsString();
        std::string ds = d.IsNull() ? "." : d.AsString();
        if (!gs.empty() && gs != " " && gs != "," && gs != ".") {
            return Invalid(ev, "number", "grouping separator must be space, comma or period");
        }
        if (!ds.empty() && ds != "," && ds != ".") {
            return Invalid(ev, "number", "decimal separator must be comma or period");
        }
        if (!gs.empty() && gs == ds) return Invalid(ev, "number", "separators are the same");
        std::string clean;
        for (char c : text) {
            if (!gs.empty() && c == gs[0]) continue;
            if (!ds.empty() && c == ds[0]) {
                clean.push_back('.');
                continue;
            }
            if (c == '.' && ds != ".") return Invalid(ev, "number", "not a number: " + text);
            clean.push_back(c);
        }
        text = clean;
    }
    auto n = Decimal::Parse(text);
    if (!n || text.find_first_of(" \t") != std::string::npos) {
        return Invalid(ev, "number", "not a number: " + a[0].AsString());
    }
    return Value::Number(*n);
}

// `is`: the same value and the same kind of value, offsets and zones included.
bool Identical(const Value& a, const Value& b) {
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
        case Kind::kTime: return a.AsTime() == b.AsTime();
        case Kind::kDateTime: {
            const DateTime &x = a.AsDateTime(), &y = b.AsDateTime();
            return x.date == y.date && x.time.nanos == y.time.nanos && x.time.zone == y.time.zone &&
                   x.time.offset_seconds == y.time.offset_seconds;
        }
        default: {
            auto e = Equal(a, b);
            return e && *e;
        }
    }
}

}  // namespace

void AddConversionBuiltins(BuiltinTable& t) {
    t.push_back({"date", {{"from"}, {"year", "month", "day"}}, false, DateFrom});
    t.push_back({"date and time", {{"from"}, {"date", "time"}}, false, DateTimeFrom});
    t.push_back({"time",
                 {{"from"}, {"hour", "minute", "second"}, {"hour", "minute", "second", "offset"}},
                 false,
                 TimeFrom});
    t.push_back({"duration", {{"from"}}, false, DurationFrom});
    t.push_back({"years and months duration", {{"from", "to"}}, false, MonthsBetween});
    t.push_back({"number",
                 {{"from"}, {"from", "grouping separator", "decimal separator"}},
                 false,
                 NumberFrom});
    t.push_back({"string", {{"from"}}, false, [](Args& a, Evaluation&) {
                     if (a[0].IsNull()) return Value();
                     return Value::String(ToText(a[0]));
                 }});
    t.push_back({"not", {{"negand"}}, false, [](Args& a, Evaluation& ev) {
                     if (a[0].kind() != Kind::kBoolean) return Invalid(ev, "not", "not a boolean");
                     return Value::Bool(!a[0].AsBool());
                 }});
    t.push_back({"is", {{"value1", "value2"}}, false, [](Args& a, Evaluation&) {
                     return Value::Bool(Identical(a[0], a[1]));
                 }});
}

}  // namespace ow::rules
