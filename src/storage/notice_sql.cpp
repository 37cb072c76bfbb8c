#include "storage/notice_sql.hpp"

#include "common/sha256.hpp"
#include "storage/admin_log_sql.hpp"

namespace ow::storage {

std::string OutboxKey(const std::string& dedup_key, const std::string& channel) {
    return Sha256Hex(dedup_key + "\n" + channel).substr(0, 32);
}

Result<int> WriteNotices(Connection& conn, const std::vector<notices::NewNotice>& notices) {
    int written = 0;
    for (const notices::NewNotice& n : notices) {
        OW_ASSIGN_OR_RETURN(
            auto rows,
            conn.Query("INSERT INTO notices (user_id, event, subject_zh, body_zh, subject_en, "
                       "body_en, case_id, license_number, created_at, dedup_key) VALUES ($1, $2, "
                       "$3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (dedup_key) DO NOTHING "
                       "RETURNING id",
                       {n.user_id, n.event, n.zh.subject, n.zh.body, n.en.subject, n.en.body,
                        Nullable(n.case_id), Nullable(n.license_number), Millis(n.created_at),
                        n.dedup_key}));
        if (rows.empty()) continue;  // told before
        ++written;
        const int64_t id = rows[0].Int(0);
        for (const notices::Delivery& d : n.deliveries) {
            OW_TRY(conn.Execute(
                "INSERT INTO outbox (notice_id, channel, address, language, idempotency_key, "
                "status, attempts, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, "
                "'queued', 0, $6, $6)",
                {id, d.channel, d.address, d.language, OutboxKey(n.dedup_key, d.channel),
                 Millis(n.created_at)}));
        }
    }
    return written;
}

}  // namespace ow::storage
