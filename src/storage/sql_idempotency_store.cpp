#include "storage/sql_idempotency_store.hpp"

#include "storage/admin_log_sql.hpp"

namespace ow::storage {

namespace {

// An unanswered claim older than this was left by a crash: it may be taken again.
constexpr int64_t kStaleClaimMillis = 60'000;

}  // namespace

Result<std::optional<StoredResponse>> SqlIdempotencyStore::Begin(int64_t user_id,
                                                                 const std::string& key,
                                                                 const std::string& request_hash,
                                                                 Timestamp now) {
    return db_.Write([&](Connection& c) -> Result<std::optional<StoredResponse>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT request_hash, status, content_type, body, "
                                               "created_at FROM idempotency_keys WHERE user_id = "
                                               "$1 AND key = $2",
                                               {user_id, key}));
        if (!rows.empty()) {
            const Row& r = rows[0];
            if (r.Text(0) != request_hash) {
                return Error(ErrorCode::kConflict).Param("reason", "idempotency_key_reused");
            }
            if (auto status = r.OptInt(1)) {
                return std::optional<StoredResponse>(
                    StoredResponse{static_cast<int>(*status), r.Text(2), r.Text(3)});
            }
            if (Millis(now) - r.Int(4) < kStaleClaimMillis) {
                return Error(ErrorCode::kConflict).Param("reason", "request_in_progress");
            }
            OW_TRY(
                c.Execute("UPDATE idempotency_keys SET created_at = $3 WHERE user_id = $1 AND "
                          "key = $2",
                          {user_id, key, Millis(now)}));
            return std::optional<StoredResponse>();
        }
        OW_TRY(
            c.Execute("INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) "
                      "VALUES ($1, $2, $3, $4)",
                      {user_id, key, request_hash, Millis(now)}));
        return std::optional<StoredResponse>();
    });
}

Result<void> SqlIdempotencyStore::Finish(int64_t user_id, const std::string& key,
                                         const StoredResponse& r) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(
            c.Execute("UPDATE idempotency_keys SET status = $3, content_type = $4, body = $5 "
                      "WHERE user_id = $1 AND key = $2",
                      {user_id, key, int64_t{r.status}, r.content_type, r.body}));
        return Ok();
    });
}

Result<void> SqlIdempotencyStore::Abandon(int64_t user_id, const std::string& key) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(
            c.Execute("DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status "
                      "IS NULL",
                      {user_id, key}));
        return Ok();
    });
}

}  // namespace ow::storage
