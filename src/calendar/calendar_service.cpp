#include "calendar/calendar_service.hpp"

#include <map>

namespace ow::calendar {

CalendarService::CalendarService(CalendarStore& store, const Clock& clock,
                                 std::vector<HolidayNotice> shipped)
    : store_(store),
      clock_(clock),
      shipped_(std::move(shipped)),
      current_(std::make_shared<const WorkingDayCalendar>(shipped_, std::vector<Override>{})) {}

std::shared_ptr<const WorkingDayCalendar> CalendarService::Current() const {
    std::lock_guard lock(snapshot_mu_);
    return current_;
}

Result<void> CalendarService::Reload() {
    std::lock_guard lock(write_mu_);
    return Rebuild();
}

Result<void> CalendarService::Rebuild() {
    OW_ASSIGN_OR_RETURN(std::vector<HolidayNotice> loaded, store_.LoadedNotices());
    OW_ASSIGN_OR_RETURN(std::vector<StoredOverride> stored, store_.Overrides());
    // A loaded notice replaces the shipped one for the same year.
    std::map<int, HolidayNotice> notices;
    for (const HolidayNotice& n : shipped_) notices[n.year] = n;
    for (HolidayNotice& n : loaded) notices[n.year] = std::move(n);
    std::vector<HolidayNotice> all;
    for (auto& [year, n] : notices) all.push_back(std::move(n));
    std::vector<Override> overrides;
    for (const StoredOverride& s : stored) overrides.push_back(s.override);
    auto next = std::make_shared<const WorkingDayCalendar>(all, overrides);
    std::lock_guard lock(snapshot_mu_);
    current_ = std::move(next);
    return Ok();
}

Result<YearSummary> CalendarService::LoadNotice(const HolidayNotice& notice,
                                                std::optional<int64_t> by_user) {
    OW_TRY(ValidateNotice(notice));
    std::lock_guard lock(write_mu_);
    OW_TRY(store_.SaveNotice(notice, by_user, clock_.Now()));
    OW_TRY(Rebuild());
    return YearSummary{notice.year, true, notice.days.size()};
}

Result<DayInfo> CalendarService::PutOverride(const Override& o, std::optional<int64_t> by_user) {
    if (!WorkingDayCalendar::InRange(o.date)) {
        return Error(ErrorCode::kInvalidValue).Field("date").Param("reason", "date_out_of_range");
    }
    if (o.name.size() > 120) {
        return Error(ErrorCode::kInvalidValue).Field("name").Param("reason", "too_long");
    }
    std::lock_guard lock(write_mu_);
    OW_TRY(store_.PutOverride(StoredOverride{o, by_user, clock_.Now()}));
    OW_TRY(Rebuild());
    return Current()->Day(o.date);
}

Result<void> CalendarService::DeleteOverride(Date date, std::optional<int64_t> by_user) {
    std::lock_guard lock(write_mu_);
    OW_ASSIGN_OR_RETURN(bool existed, store_.DeleteOverride(date, by_user, clock_.Now()));
    if (!existed) return Error(ErrorCode::kNotFound).Param("what", "override");
    return Rebuild();
}

Result<std::vector<YearSummary>> CalendarService::Years() {
    OW_ASSIGN_OR_RETURN(std::vector<HolidayNotice> loaded, store_.LoadedNotices());
    std::map<int, YearSummary> years;
    for (const HolidayNotice& n : shipped_) years[n.year] = {n.year, false, n.days.size()};
    for (const HolidayNotice& n : loaded) years[n.year] = {n.year, true, n.days.size()};
    std::vector<YearSummary> out;
    for (auto& [y, s] : years) out.push_back(s);
    return out;
}

}  // namespace ow::calendar
