// WorkingDayCalendar: an immutable answer book for Chinese working days. Built from the holiday
// notices and the administrators' per-date overrides, it answers whether a date is a working
// day, adds working days to a date and counts working days between dates, optionally with
// suspension periods (补正, special procedures) that stop the clock. Every answer says whether
// it rests on a year with no published notice ("provisional"), so a deadline reaching into an
// unpublished year is shown as such instead of being silently guessed.
//
// Precomputed prefix sums make every query O(1) or O(log n); a snapshot is shared read-only
// between threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "calendar/holiday_notice.hpp"
#include "common/dates.hpp"
#include "common/result.hpp"

namespace ow::calendar {

enum class DayKind { kWorkday, kWeekend, kHoliday, kMakeupWorkday };
std::string_view DayKindName(DayKind kind);  // "workday", "weekend", "holiday", "makeup_workday"

// An administrator's decision for one date (e.g. a local holiday or a typhoon closure).
struct Override {
    Date date;
    bool working = true;
    std::string name;
};

struct DayInfo {
    Date date;
    bool working = false;
    DayKind kind = DayKind::kWorkday;
    std::string name;          // holiday name; empty for ordinary days
    bool provisional = false;  // the year has no published notice and nothing is known of the date
    bool overridden = false;   // an administrator's override decides this date
};

// A closed interval of dates on which the clock stands still.
struct Suspension {
    Date first;
    Date last;
};

struct DateAnswer {
    Date date;
    bool provisional = false;
};

struct CountAnswer {
    int64_t count = 0;
    bool provisional = false;
};

class WorkingDayCalendar {
public:
    // The dates the calendar answers for. Outside: kInvalidDate.
    static constexpr Date kFirst{std::chrono::year{1990}, std::chrono::January,
                                 std::chrono::day{1}};
    static constexpr Date kLast{std::chrono::year{2199}, std::chrono::December,
                                std::chrono::day{31}};

    // Later notices win where two list the same date; overrides win over notices.
    WorkingDayCalendar(const std::vector<HolidayNotice>& notices,
                       const std::vector<Override>& overrides);

    static bool InRange(Date date) { return date >= kFirst && date <= kLast; }
    // Years with a published notice.
    const std::vector<int>& KnownYears() const { return known_years_; }
    bool IsKnownYear(int year) const;

    Result<DayInfo> Day(Date date) const;
    Result<bool> IsWorkingDay(Date date) const;

    // The date n working days after `from` (the start day is not counted; n = 0 gives `from`).
    // Fails with kInvalidValue for negative n, kInvalidDate outside the calendar's range.
    Result<DateAnswer> AddWorkingDays(Date from, int64_t n) const;
    Result<DateAnswer> AddWorkingDays(Date from, int64_t n,
                                      std::span<const Suspension> suspensions) const;

    // Working days d with from < d <= to. Fails with kInvalidValue if to < from.
    Result<CountAnswer> CountWorkingDays(Date from, Date to) const;
    Result<CountAnswer> CountWorkingDays(Date from, Date to,
                                         std::span<const Suspension> suspensions) const;

private:
    int64_t Index(Date date) const;
    Date DateAt(int64_t index) const;
    Result<int64_t> CheckedIndex(Date date, std::string_view field) const;
    // Working days with index in (a, b].
    int64_t Working(int64_t a, int64_t b) const { return cum_working_[b] - cum_working_[a]; }
    bool Unknown(int64_t a, int64_t b) const { return cum_unknown_[b] != cum_unknown_[a]; }
    // Merged, clipped suspension intervals as index pairs [first, last].
    std::vector<std::pair<int64_t, int64_t>> Normalize(std::span<const Suspension> s) const;
    int64_t SuspendedWorking(const std::vector<std::pair<int64_t, int64_t>>& s, int64_t a,
                             int64_t b) const;

    std::vector<uint8_t> kind_;         // DayKind per day index
    std::vector<uint8_t> flags_;        // kProvisional | kOverridden
    std::vector<int32_t> cum_working_;  // working days in [0, i]
    std::vector<int32_t> cum_unknown_;  // provisional days in [0, i]
    std::unordered_map<int64_t, std::string> names_;
    std::vector<int> known_years_;
};

}  // namespace ow::calendar
