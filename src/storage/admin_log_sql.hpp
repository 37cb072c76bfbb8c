// Writes admin-log lines inside a store's transaction, and reads the recent ones.
#pragma once

#include <vector>

#include "common/admin_log.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

Result<void> AppendAdminLog(Connection& conn, const AdminLogEntry& entry);
Result<std::vector<AdminLogEntry>> RecentAdminLog(Database& db, int limit);

inline int64_t Millis(Timestamp t) {
    return t.time_since_epoch().count();
}
inline Timestamp FromMillis(int64_t ms) {
    return Timestamp(std::chrono::milliseconds(ms));
}

}  // namespace ow::storage
