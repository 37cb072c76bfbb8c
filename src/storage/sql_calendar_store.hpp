// SqlCalendarStore: calendar::CalendarStore on the SQL interface.
#pragma once

#include "calendar/calendar_store.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

class SqlCalendarStore final : public calendar::CalendarStore {
public:
    explicit SqlCalendarStore(Database& db) : db_(db) {}

    Result<std::vector<calendar::HolidayNotice>> LoadedNotices() override;
    Result<void> SaveNotice(const calendar::HolidayNotice& notice, std::optional<int64_t> by_user,
                            Timestamp at) override;
    Result<std::vector<calendar::StoredOverride>> Overrides() override;
    Result<void> PutOverride(const calendar::StoredOverride& o) override;
    Result<bool> DeleteOverride(Date date, std::optional<int64_t> by_user, Timestamp at) override;

private:
    Database& db_;
};

}  // namespace ow::storage
