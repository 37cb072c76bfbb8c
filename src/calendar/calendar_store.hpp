// CalendarStore: where loaded notices and overrides are kept. Implemented by storage/; the
// shipped notices are not stored, they are in the binary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/holiday_notice.hpp"
#include "calendar/working_day_calendar.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"

namespace ow::calendar {

struct StoredOverride {
    Override override;
    std::optional<int64_t> updated_by;  // user id
    Timestamp updated_at;
};

class CalendarStore {
public:
    virtual ~CalendarStore() = default;
    // Every notice loaded after release, one per year.
    virtual Result<std::vector<HolidayNotice>> LoadedNotices() = 0;
    // Replaces the loaded notice for notice.year, if any.
    // by_user: the administrator, or none when loaded from the command line.
    virtual Result<void> SaveNotice(const HolidayNotice& notice, std::optional<int64_t> by_user,
                                    Timestamp at) = 0;
    virtual Result<std::vector<StoredOverride>> Overrides() = 0;
    virtual Result<void> PutOverride(const StoredOverride& o) = 0;
    // false if there was no override for the date.
    virtual Result<bool> DeleteOverride(Date date, std::optional<int64_t> by_user,
                                        Timestamp at) = 0;
};

}  // namespace ow::calendar
