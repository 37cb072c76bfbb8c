// CalendarService: the city's current working-day calendar. Holds an immutable snapshot built
// from the shipped notices, loaded notices and overrides; changes go to the store and swap in a
// new snapshot, so readers on other threads never wait and never see a half-built calendar.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "calendar/calendar_store.hpp"
#include "calendar/working_day_calendar.hpp"
#include "common/clock.hpp"

namespace ow::calendar {

struct YearSummary {
    int year = 0;
    bool loaded = false;  // false: shipped with the release
    size_t days = 0;
};

class CalendarService {
public:
    CalendarService(CalendarStore& store, const Clock& clock,
                    std::vector<HolidayNotice> shipped = ShippedNotices());

    // Rebuilds the snapshot from the store (at start, and to pick up another instance's changes).
    Result<void> Reload();
    std::shared_ptr<const WorkingDayCalendar> Current() const;

    // Adds or replaces a year's notice (validated) and rebuilds.
    // by_user: the administrator acting, or none for the command line.
    Result<YearSummary> LoadNotice(const HolidayNotice& notice, std::optional<int64_t> by_user);
    Result<DayInfo> PutOverride(const Override& o, std::optional<int64_t> by_user);
    // kNotFound if the date had no override.
    Result<void> DeleteOverride(Date date, std::optional<int64_t> by_user);

    Result<std::vector<StoredOverride>> Overrides() { return store_.Overrides(); }
    Result<std::vector<YearSummary>> Years();

private:
    Result<void> Rebuild();

    CalendarStore& store_;
    const Clock& clock_;
    std::vector<HolidayNotice> shipped_;
    std::mutex write_mu_;  // serialises rebuilds
    mutable std::mutex snapshot_mu_;
    std::shared_ptr<const WorkingDayCalendar> current_;
};

}  // namespace ow::calendar
