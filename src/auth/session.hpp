// Session: a signed-in client. Expires at a fixed time after sign-in and after a period without
// use, whichever comes first.
#pragma once

#include <cstdint>
#include <string>

#include "auth/principal.hpp"
#include "common/clock.hpp"

namespace ow::auth {

struct Session {
    std::string token_hash;
    int64_t user_id = 0;
    ClientKind client = ClientKind::kApi;
    Timestamp created_at{};
    Timestamp last_seen_at{};
    Timestamp expires_at{};  // absolute
};

}  // namespace ow::auth
