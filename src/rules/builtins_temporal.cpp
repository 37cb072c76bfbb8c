// Date and time built-ins (DMN 1.4 10.3.4.7): day of year, day of week, month of year, week of
// year, now, today. now() and today() read the evaluation's injected clock.
#include "rules/builtins_internal.hpp"
#include "rules/temporal_math.hpp"

namespace ow::rules {
namespace {

std::optional<Date> DateOf(const Value& v) {
    if (v.kind() == Kind::kDate) return v.AsDate();
    if (v.kind() == Kind::kDateTime) return v.AsDateTime().date;
    return std::nullopt;
}

int DayOfYear(const Date& d) {
    return int(DaysFromCivil(d) - DaysFromCivil(Date{d.year, 1, 1})) + 1;
}

// ISO 8601 week number: the week with the year's first Thursday is week 1.
int IsoWeek(const Date& d) {
    int week = (DayOfYear(d) - IsoWeekday(d) + 10) / 7;
    if (week < 1) {
        Date last{d.year - 1, 12, 31};
        return IsoWeek(last);
    }
    if (week == 53) {
        // Week 53 exists only when the year's last day falls on Thursday or later in the week.
        int dec31 = IsoWeekday(Date{d.year, 12, 31});
        if (dec31 < 4) return 1;
    }
    return week;
}

template <class F>
Value OnDate(Args& a, Evaluation& ev, std::string_view name, F f) {
    auto d = DateOf(a[0]);
    if (!d) return Invalid(ev, name, "date is not a date");
    return f(*d);
}

}  // namespace

void AddTemporalBuiltins(BuiltinTable& t) {
    t.push_back({"day of year", {{"date"}}, false, [](Args& a, Evaluation& ev) {
                     return OnDate(a, ev, "day of year", [](const Date& d) {
                         return Value::Number(int64_t(DayOfYear(d)));
                     });
                 }});
    t.push_back({"day of week", {{"date"}}, false, [](Args& a, Evaluation& ev) {
                     return OnDate(a, ev, "day of week", [](const Date& d) {
                         static const char* kNames[] = {"Monday",   "Tuesday", "Wednesday",
                                                        "Thursday", "Friday",  "Saturday",
                                                        "Sunday"};
                         return Value::String(kNames[IsoWeekday(d) - 1]);
                     });
                 }});
    t.push_back({"month of year", {{"date"}}, false, [](Args& a, Evaluation& ev) {
                     return OnDate(a, ev, "month of year", [](const Date& d) {
                         static const char* kNames[] = {
                             "January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};
                         return Value::String(kNames[d.month - 1]);
                     });
                 }});
    t.push_back({"week of year", {{"date"}}, false, [](Args& a, Evaluation& ev) {
                     return OnDate(a, ev, "week of year", [](const Date& d) {
                         return Value::Number(int64_t(IsoWeek(d)));
                     });
                 }});
    t.push_back(
        {"now", {{}}, false, [](Args&, Evaluation& ev) { return Value::FromDateTime(ev.now()); }});
    t.push_back({"today", {{}}, false, [](Args&, Evaluation& ev) {
                     return Value::FromDate(ev.now().date);
                 }});
}

}  // namespace ow::rules
