#include "cases/deadlines.hpp"

namespace ow::cases {

std::vector<calendar::Suspension> Suspensions(const std::vector<Pause>& pauses, Date today) {
    std::vector<calendar::Suspension> out;
    for (const Pause& p : pauses) {
        Date last = p.last.value_or(today);
        if (Days(last) >= Days(p.first)) out.push_back({p.first, last});
    }
    return out;
}

Result<calendar::DateAnswer> DeadlineFor(const calendar::WorkingDayCalendar& cal, Date start,
                                         int limit, const std::vector<Pause>& pauses, Date today) {
    return cal.AddWorkingDays(start, limit, Suspensions(pauses, today));
}

Warning WarningOn(const calendar::WorkingDayCalendar& cal, Date deadline, int limit, Date day,
                  const std::vector<Pause>& pauses, const WarningPolicy& policy) {
    if (Days(day) > Days(deadline)) return Warning::kOverdue;
    auto left = cal.CountWorkingDays(day, deadline, Suspensions(pauses, day));
    if (!left.ok()) return Warning::kNormal;
    int64_t yellow = (static_cast<int64_t>(limit) * policy.yellow_percent + 99) / 100;
    if (left->count <= policy.red_days) return Warning::kRed;
    if (left->count <= yellow) return Warning::kYellow;
    return Warning::kNormal;
}

std::optional<Date> NextWarningChange(const calendar::WorkingDayCalendar& cal, Date deadline,
                                      int limit, Date today, const std::vector<Pause>& pauses,
                                      const WarningPolicy& policy) {
    Warning now = WarningOn(cal, deadline, limit, today, pauses, policy);
    if (now == Warning::kOverdue) return std::nullopt;
    // Limits are weeks, not years: walking the days to the deadline is cheap.
    for (auto d = Days(today) + std::chrono::days(1); d <= Days(deadline) + std::chrono::days(1);
         d += std::chrono::days(1)) {
        if (WarningOn(cal, deadline, limit, Date{d}, pauses, policy) != now) return Date{d};
    }
    return std::nullopt;
}

}  // namespace ow::cases
