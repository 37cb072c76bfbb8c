// Deadlines and warnings in working days. A limit of N working days from a start date ends on
// calendar::AddWorkingDays(start, N) with the case's pauses excluded (the start day is not
// counted). Warnings: yellow when the working days left are at most a share of the limit
// (a third by default), red when at most one is left, overdue after the deadline.
#pragma once

#include <optional>
#include <vector>

#include "calendar/working_day_calendar.hpp"
#include "cases/case_types.hpp"

namespace ow::cases {

struct WarningPolicy {
    int yellow_percent = 33;  // yellow when days left <= ceil(limit * percent / 100)
    int red_days = 1;
};

// The pauses as the calendar takes them; an open pause runs up to `today`.
std::vector<calendar::Suspension> Suspensions(const std::vector<Pause>& pauses, Date today);

// Working days from `start` to the end of a `limit`, pauses excluded.
Result<calendar::DateAnswer> DeadlineFor(const calendar::WorkingDayCalendar& cal, Date start,
                                         int limit, const std::vector<Pause>& pauses, Date today);

Warning WarningOn(const calendar::WorkingDayCalendar& cal, Date deadline, int limit, Date day,
                  const std::vector<Pause>& pauses, const WarningPolicy& policy);

// The first day after `today` on which the warning differs from today's (none once overdue).
std::optional<Date> NextWarningChange(const calendar::WorkingDayCalendar& cal, Date deadline,
                                      int limit, Date today, const std::vector<Pause>& pauses,
                                      const WarningPolicy& policy);

}  // namespace ow::cases
