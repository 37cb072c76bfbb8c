#include "storage/sql_calendar_store.hpp"

#include <map>

#include "storage/admin_log_sql.hpp"

namespace ow::storage {

using calendar::HolidayNotice;
using calendar::StoredOverride;

Result<std::vector<HolidayNotice>> SqlCalendarStore::LoadedNotices() {
    return db_.Read([](Connection& c) -> Result<std::vector<HolidayNotice>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT year, day, off, name FROM "
                                               "calendar_notice_days ORDER BY year, day"));
        std::map<int, HolidayNotice> by_year;
        for (const Row& r : rows) {
            auto date = ParseDate(r.Text(1));
            if (!date) return Error(ErrorCode::kStorageError).Detail("bad date in calendar");
            HolidayNotice& n = by_year[static_cast<int>(r.Int(0))];
            n.year = static_cast<int>(r.Int(0));
            n.days.push_back({*date, r.Bool(2), r.Text(3)});
        }
        std::vector<HolidayNotice> out;
        for (auto& [y, n] : by_year) out.push_back(std::move(n));
        return out;
    });
}

Result<void> SqlCalendarStore::SaveNotice(const HolidayNotice& notice,
                                          std::optional<int64_t> by_user, Timestamp at) {
    return db_.Write([&](Connection& c) -> Result<void> {
        const int64_t year = notice.year;
        OW_TRY(c.Execute("DELETE FROM calendar_notice_days WHERE year = $1", {year}));
        OW_TRY(c.Execute(
            "INSERT INTO calendar_notices (year, loaded_by, loaded_at) VALUES ($1, $2, $3) "
            "ON CONFLICT (year) DO UPDATE SET loaded_by = excluded.loaded_by, "
            "loaded_at = excluded.loaded_at",
            {year, Nullable(by_user), Millis(at)}));
        for (const auto& d : notice.days) {
            OW_TRY(c.Execute(
                "INSERT INTO calendar_notice_days (year, day, off, name) VALUES ($1, $2, $3, $4)",
                {year, FormatDate(d.date), int64_t{d.off ? 1 : 0}, d.name}));
        }
        return AppendAdminLog(c,
                              {at, by_user, "calendar.load_notice", "year:" + std::to_string(year),
                               std::to_string(notice.days.size()) + " days"});
    });
}

Result<std::vector<StoredOverride>> SqlCalendarStore::Overrides() {
    return db_.Read([](Connection& c) -> Result<std::vector<StoredOverride>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT day, working, name, updated_by, updated_at "
                                               "FROM calendar_overrides ORDER BY day"));
        std::vector<StoredOverride> out;
        for (const Row& r : rows) {
            auto date = ParseDate(r.Text(0));
            if (!date) return Error(ErrorCode::kStorageError).Detail("bad date in overrides");
            out.push_back({{*date, r.Bool(1), r.Text(2)}, r.OptInt(3), FromMillis(r.Int(4))});
        }
        return out;
    });
}

Result<void> SqlCalendarStore::PutOverride(const StoredOverride& o) {
    return db_.Write([&](Connection& c) -> Result<void> {
        std::string day = FormatDate(o.override.date);
        OW_TRY(c.Execute(
            "INSERT INTO calendar_overrides (day, working, name, updated_by, updated_at) "
            "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (day) DO UPDATE SET "
            "working = excluded.working, name = excluded.name, updated_by = excluded.updated_by, "
            "updated_at = excluded.updated_at",
            {day, int64_t{o.override.working ? 1 : 0}, o.override.name, Nullable(o.updated_by),
             Millis(o.updated_at)}));
        return AppendAdminLog(c, {o.updated_at, o.updated_by, "calendar.override", "day:" + day,
                                  o.override.working ? "working" : "off"});
    });
}

Result<bool> SqlCalendarStore::DeleteOverride(Date date, std::optional<int64_t> by_user,
                                              Timestamp at) {
    return db_.Write([&](Connection& c) -> Result<bool> {
        std::string day = FormatDate(date);
        OW_ASSIGN_OR_RETURN(int64_t n,
                            c.Execute("DELETE FROM calendar_overrides WHERE day = $1", {day}));
        if (n > 0)
            OW_TRY(AppendAdminLog(c, {at, by_user, "calendar.override_delete", "day:" + day, ""}));
        return n > 0;
    });
}

}  // namespace ow::storage
