// AuthService: signing in and out, sessions, password changes, and the administration of
// accounts. Sign-in is throttled per client address (in memory) and per account (a lock-out
// after repeated failures, kept in the database so it holds across instances).
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "auth/auth_store.hpp"
#include "auth/principal.hpp"
#include "auth/rate_limiter.hpp"
#include "common/clock.hpp"
#include "org/org_service.hpp"

namespace ow::auth {

struct AuthPolicy {
    int max_failed_logins = 5;  // consecutive failures before the account locks
    std::chrono::minutes lockout{15};
    std::chrono::hours session_lifetime{12};
    std::chrono::minutes session_idle{120};
    int client_max_failures = 20;  // failed sign-ins per client address per window
    std::chrono::seconds client_window{300};
    std::chrono::seconds touch_interval{60};  // how often last_seen_at is written
    // How long a checked session is trusted without asking the database again. Signing out,
    // a password change, a reset or a disable on this instance take effect at once; on another
    // instance, within this time.
    std::chrono::milliseconds session_cache{5000};
};

struct LoginResult {
    std::string token;
    Timestamp expires_at;
    User user;
};

class AuthService {
public:
    AuthService(AuthStore& store, org::OrgService& org, const Clock& clock, AuthPolicy policy = {});

    // Failures: kRateLimited ("seconds"), kBadCredentials, kAccountLocked ("minutes"),
    // kAccountDisabled (only after a correct password, so guessing learns nothing).
    Result<LoginResult> Login(std::string_view username, std::string_view password,
                              const std::string& client_address, ClientKind client);
    // kUnauthenticated for an unknown, expired or idle session, or a disabled account.
    Result<Principal> Authenticate(std::string_view token);
    Result<void> Logout(const Principal& principal);
    // kBadCredentials (field current_password), kWeakPassword (field new_password). Ends the
    // user's other sessions.
    Result<void> ChangePassword(const Principal& principal, std::string_view current,
                                std::string_view next);

    Result<User> GetUser(int64_t id);
    // The same, for an administrator: kOutOfScope outside their org scope.
    Result<User> GetUser(const org::Actor& actor, int64_t id);

    // Administration, within the actor's org scope (kOutOfScope otherwise). Accounts without an
    // org unit (citizens, enterprises) are managed from the city level.
    Result<User> CreateUser(const org::Actor& actor, const NewUser& user);
    Result<User> UpdateUser(const org::Actor& actor, int64_t id, const UserPatch& patch);
    // Sets a new password the user must change at next sign-in; ends their sessions, unlocks.
    Result<void> ResetPassword(const org::Actor& actor, int64_t id, std::string_view password);
    Result<void> Unlock(const org::Actor& actor, int64_t id);
    Result<std::vector<User>> ListUsers(const org::Actor& actor, UserFilter filter);

    Result<int64_t> PurgeExpiredSessions();

private:
    struct CachedSession {
        Principal principal;
        Session session;
        std::chrono::steady_clock::time_point checked_at;
    };
    void Forget(int64_t user_id);
    Result<void> ValidateAccount(const User& user) const;
    Result<void> CheckUserScope(const org::Actor& actor, const std::optional<int64_t>& unit) const;
    Result<Credentials> Load(int64_t id);
    AdminLogEntry Log(std::optional<int64_t> actor, std::string action, int64_t user_id) const;

    AuthStore& store_;
    org::OrgService& org_;
    const Clock& clock_;
    AuthPolicy policy_;
    RateLimiter client_failures_;
    std::mutex cache_mu_;
    std::unordered_map<std::string, CachedSession> cache_;  // by token hash
};

}  // namespace ow::auth
