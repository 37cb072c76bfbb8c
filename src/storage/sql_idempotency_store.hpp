// SqlIdempotencyStore: IdempotencyStore on the SQL interface.
#pragma once

#include "common/idempotency.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

class SqlIdempotencyStore final : public IdempotencyStore {
public:
    explicit SqlIdempotencyStore(Database& db) : db_(db) {}

    Result<std::optional<StoredResponse>> Begin(int64_t user_id, const std::string& key,
                                                const std::string& request_hash,
                                                Timestamp now) override;
    Result<void> Finish(int64_t user_id, const std::string& key,
                        const StoredResponse& response) override;
    Result<void> Abandon(int64_t user_id, const std::string& key) override;

private:
    Database& db_;
};

}  // namespace ow::storage
