// Idempotency-Key: a client that retries a POST with the same key gets the first answer and
// changes nothing twice. The store remembers, per user and key, a hash of the request and, once
// there is one, the response.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/result.hpp"

namespace ow {

struct StoredResponse {
    int status = 0;
    std::string content_type;
    std::string body;
};

class IdempotencyStore {
public:
    virtual ~IdempotencyStore() = default;
    // Claims the key for this request. Returns the stored response if the same request was
    // already answered; kConflict if it is still being answered (a concurrent retry) or if the
    // key was used for a different request (reason "idempotency_key_reused").
    virtual Result<std::optional<StoredResponse>> Begin(int64_t user_id, const std::string& key,
                                                        const std::string& request_hash,
                                                        Timestamp now) = 0;
    // Records the answer (a claim left unfinished by a crash expires after a while).
    virtual Result<void> Finish(int64_t user_id, const std::string& key,
                                const StoredResponse& response) = 0;
    // Releases the claim without an answer (the request failed before changing anything).
    virtual Result<void> Abandon(int64_t user_id, const std::string& key) = 0;
};

}  // namespace ow
