#include "calendar/working_day_calendar.hpp"

#include <algorithm>
#include <map>

namespace ow::calendar {
namespace {

constexpr uint8_t kProvisional = 1;
constexpr uint8_t kOverridden = 2;

bool IsWeekend(std::chrono::sys_days d) {
    std::chrono::weekday wd{d};
    return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

bool IsWorkingKind(DayKind k) {
    return k == DayKind::kWorkday || k == DayKind::kMakeupWorkday;
}

DayKind KindFor(bool working, bool weekend) {
    if (working) return weekend ? DayKind::kMakeupWorkday : DayKind::kWorkday;
    return weekend ? DayKind::kWeekend : DayKind::kHoliday;
}

Error OutOfRange(std::string_view field) {
    return Error(ErrorCode::kInvalidValue)
        .Field(std::string(field))
        .Param("reason", "date_out_of_range");
}

}  // namespace

std::string_view DayKindName(DayKind kind) {
    switch (kind) {
        case DayKind::kWorkday: return "workday";
        case DayKind::kWeekend: return "weekend";
        case DayKind::kHoliday: return "holiday";
        case DayKind::kMakeupWorkday: return "makeup_workday";
    }
    return "workday";
}

WorkingDayCalendar::WorkingDayCalendar(const std::vector<HolidayNotice>& notices,
                                       const std::vector<Override>& overrides) {
    const int64_t size = Index(kLast) + 1;
    kind_.resize(size);
    flags_.resize(size);
    cum_working_.resize(size);
    cum_unknown_.resize(size);

    // Later notices win: apply in year order.
    std::map<int, const HolidayNotice*> by_year;
    for (const HolidayNotice& n : notices) by_year[n.year] = &n;
    for (const auto& [year, n] : by_year) known_years_.push_back(year);

    std::vector<bool> listed(size, false);
    for (int64_t i = 0; i < size; ++i) {
        std::chrono::sys_days d = Days(kFirst) + std::chrono::days(i);
        kind_[i] = static_cast<uint8_t>(KindFor(!IsWeekend(d), IsWeekend(d)));
    }
    for (const auto& [year, n] : by_year) {
        for (const NoticeDay& day : n->days) {
            if (!InRange(day.date)) continue;
            int64_t i = Index(day.date);
            kind_[i] = static_cast<uint8_t>(KindFor(!day.off, IsWeekend(Days(day.date))));
            names_[i] = day.name;
            listed[i] = true;
        }
    }
    for (const Override& o : overrides) {
        if (!InRange(o.date)) continue;
        int64_t i = Index(o.date);
        kind_[i] = static_cast<uint8_t>(KindFor(o.working, IsWeekend(Days(o.date))));
        if (o.name.empty()) {
            names_.erase(i);
        } else {
            names_[i] = o.name;
        }
        flags_[i] |= kOverridden;
        listed[i] = true;
    }
    int32_t working = 0, unknown = 0;
    for (int64_t i = 0; i < size; ++i) {
        int year = static_cast<int>(Date{Days(kFirst) + std::chrono::days(i)}.year());
        if (!listed[i] && !IsKnownYear(year)) flags_[i] |= kProvisional;
        working += IsWorkingKind(static_cast<DayKind>(kind_[i])) ? 1 : 0;
        unknown += (flags_[i] & kProvisional) ? 1 : 0;
        cum_working_[i] = working;
        cum_unknown_[i] = unknown;
    }
}

bool WorkingDayCalendar::IsKnownYear(int year) const {
    return std::binary_search(known_years_.begin(), known_years_.end(), year);
}

int64_t WorkingDayCalendar::Index(Date date) const {
    return (Days(date) - Days(kFirst)).count();
}

Date WorkingDayCalendar::DateAt(int64_t index) const {
    return Date{Days(kFirst) + std::chrono::days(index)};
}

Result<int64_t> WorkingDayCalendar::CheckedIndex(Date date, std::string_view field) const {
    if (!InRange(date)) return OutOfRange(field);
    return Index(date);
}

Result<DayInfo> WorkingDayCalendar::Day(Date date) const {
    OW_ASSIGN_OR_RETURN(int64_t i, CheckedIndex(date, "date"));
    DayInfo info;
    info.date = date;
    info.kind = static_cast<DayKind>(kind_[i]);
    info.working = IsWorkingKind(info.kind);
    if (auto it = names_.find(i); it != names_.end()) info.name = it->second;
    info.provisional = (flags_[i] & kProvisional) != 0;
    info.overridden = (flags_[i] & kOverridden) != 0;
    return info;
}

Result<bool> WorkingDayCalendar::IsWorkingDay(Date date) const {
    OW_ASSIGN_OR_RETURN(int64_t i, CheckedIndex(date, "date"));
    return IsWorkingKind(static_cast<DayKind>(kind_[i]));
}

Result<DateAnswer> WorkingDayCalendar::AddWorkingDays(Date from, int64_t n) const {
    return AddWorkingDays(from, n, {});
}

Result<CountAnswer> WorkingDayCalendar::CountWorkingDays(Date from, Date to) const {
    return CountWorkingDays(from, to, {});
}

std::vector<std::pair<int64_t, int64_t>> WorkingDayCalendar::Normalize(
    std::span<const Suspension> suspensions) const {
    std::vector<std::pair<int64_t, int64_t>> out;
    for (const Suspension& s : suspensions) {
        if (s.last < s.first || s.last < kFirst || s.first > kLast) continue;
        out.emplace_back(Index(std::max(s.first, kFirst)), Index(std::min(s.last, kLast)));
    }
    std::sort(out.begin(), out.end());
    std::vector<std::pair<int64_t, int64_t>> merged;
    for (const auto& iv : out) {
        if (!merged.empty() && iv.first <= merged.back().second + 1) {
            merged.back().second = std::max(merged.back().second, iv.second);
        } else {
            merged.push_back(iv);
        }
    }
    return merged;
}

int64_t WorkingDayCalendar::SuspendedWorking(const std::vector<std::pair<int64_t, int64_t>>& s,
                                             int64_t a, int64_t b) const {
    int64_t lost = 0;
    for (const auto& [first, last] : s) {
        int64_t lo = std::max(a, first - 1), hi = std::min(b, last);
        if (hi > lo) lost += Working(lo, hi);
    }
    return lost;
}

Result<DateAnswer> WorkingDayCalendar::AddWorkingDays(
    Date from, int64_t n, std::span<const Suspension> suspensions) const {
    OW_ASSIGN_OR_RETURN(int64_t start, CheckedIndex(from, "from"));
    if (n < 0) {
        return Error(ErrorCode::kInvalidValue).Field("days").Param("reason", "negative");
    }
    if (n == 0) return DateAnswer{from, false};
    auto merged = Normalize(suspensions);
    const int64_t last = static_cast<int64_t>(cum_working_.size()) - 1;
    auto find = [&](int64_t needed) -> int64_t {
        int64_t target = cum_working_[start] + needed;
        if (target > cum_working_[last]) return -1;
        auto it = std::lower_bound(cum_working_.begin() + start + 1, cum_working_.end(), target);
        return it - cum_working_.begin();
    };
    int64_t at = find(n);
    // Suspended working days do not count: look further until the answer is stable.
    while (at >= 0 && !merged.empty()) {
        int64_t next = find(n + SuspendedWorking(merged, start, at));
        if (next == at) break;
        at = next;
    }
    if (at < 0) return OutOfRange("days");
    return DateAnswer{DateAt(at), Unknown(start, at)};
}

Result<CountAnswer> WorkingDayCalendar::CountWorkingDays(
    Date from, Date to, std::span<const Suspension> suspensions) const {
    OW_ASSIGN_OR_RETURN(int64_t a, CheckedIndex(from, "from"));
    OW_ASSIGN_OR_RETURN(int64_t b, CheckedIndex(to, "to"));
    if (b < a) return Error(ErrorCode::kInvalidValue).Field("to").Param("reason", "before_from");
    auto merged = Normalize(suspensions);
    return CountAnswer{Working(a, b) - SuspendedWorking(merged, a, b), Unknown(a, b)};
}

}  // namespace ow::calendar
