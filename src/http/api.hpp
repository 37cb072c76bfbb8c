// Api: runs one request through its route — who is calling (session from a Bearer token or
// the HttpOnly cookie), whether they may (roles, cross-site check for cookie sessions, a
// pending password change), the handler, and the mapping of every failure to a JSON error
// in the caller's language. Blocking (database) work happens here, so callers run it off
// the I/O threads.
#pragma once

#include <string>

#include "auth/auth_service.hpp"
#include "common/clock.hpp"
#include "common/idempotency.hpp"
#include "common/metrics.hpp"
#include "http/router.hpp"

namespace ow::http {

inline constexpr const char* kSessionCookie = "ow_session";

// The session token of a request: "Authorization: Bearer T" or the ow_session cookie.
// Sets `from_cookie` when it came from the cookie.
std::string SessionToken(const Request& req, bool* from_cookie);

class Api {
public:
    // `idempotency`, when given, makes POSTs with an Idempotency-Key answer retries with the
    // first answer.
    Api(const Router& router, auth::AuthService& auth, metrics::Registry& metrics,
        IdempotencyStore* idempotency = nullptr, const Clock* clock = nullptr);

    // Handles a request whose route matched (match.route set) or not (404/405 as JSON).
    Response Handle(Request& req, const RouteMatch& match);

private:
    Result<Response> Run(Request& req, const Route& route);
    Result<Response> RunOnce(Request& req, const Route& route);

    const Router& router_;
    auth::AuthService& auth_;
    metrics::Registry& metrics_;
    IdempotencyStore* idempotency_;
    const Clock* clock_;
};

}  // namespace ow::http
