#include "storage/admin_log_sql.hpp"

namespace ow::storage {

Result<void> AppendAdminLog(Connection& conn, const AdminLogEntry& e) {
    OW_TRY(conn.Execute(
        "INSERT INTO admin_log (at, actor_id, action, target, detail) VALUES ($1, $2, $3, $4, $5)",
        {Millis(e.at), Nullable(e.actor_id), e.action, e.target, e.detail}));
    return Ok();
}

Result<std::vector<AdminLogEntry>> RecentAdminLog(Database& db, int limit) {
    return db.Read([&](Connection& c) -> Result<std::vector<AdminLogEntry>> {
        OW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT at, actor_id, action, target, detail FROM admin_log "
                                    "ORDER BY id DESC LIMIT $1",
                                    {int64_t{limit}}));
        std::vector<AdminLogEntry> out;
        for (const Row& r : rows) {
            out.push_back({FromMillis(r.Int(0)), r.OptInt(1), r.Text(2), r.Text(3), r.Text(4)});
        }
        return out;
    });
}

}  // namespace ow::storage
