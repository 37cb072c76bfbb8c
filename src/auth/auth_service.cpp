#include "auth/auth_service.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "auth/password.hpp"
#include "auth/session_token.hpp"
#include "common/credit_code.hpp"
#include "common/resident_id.hpp"
#include "common/text.hpp"

namespace ow::auth {
namespace {

using namespace std::chrono;

bool IsValidUsername(std::string_view name) {
    if (name.size() < 3 || name.size() > 32) return false;
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        bool ok = std::islower(static_cast<unsigned char>(c)) ||
                  std::isdigit(static_cast<unsigned char>(c)) ||
                  (i > 0 && (c == '_' || c == '.' || c == '-'));
        if (!ok) return false;
    }
    return true;
}

Principal ToPrincipal(const User& u, const Session& s) {
    return Principal{u.id,         u.username,    u.display_name,
                     u.roles,      u.org_unit_id, u.department_id,
                     u.id_number,  u.credit_code, u.must_change_password,
                     s.token_hash, s.client};
}

}  // namespace

AuthService::AuthService(AuthStore& store, org::OrgService& org, const Clock& clock,
                         AuthPolicy policy)
    : store_(store),
      org_(org),
      clock_(clock),
      policy_(policy),
      client_failures_(clock, policy.client_max_failures, policy.client_window) {}

AdminLogEntry AuthService::Log(std::optional<int64_t> actor, std::string action,
                               int64_t user_id) const {
    return AdminLogEntry{clock_.Now(), actor, std::move(action), "user:" + std::to_string(user_id),
                         ""};
}

Result<LoginResult> AuthService::Login(std::string_view username, std::string_view password,
                                       const std::string& client_address, ClientKind client) {
    const std::string limiter_key = "login:" + client_address;
    if (int64_t wait = client_failures_.RetryAfterSeconds(limiter_key); wait > 0) {
        return Error(ErrorCode::kRateLimited).Param("seconds", std::to_string(wait));
    }
    OW_ASSIGN_OR_RETURN(auto found, store_.FindByUsername(username));
    const Timestamp now = clock_.Now();
    if (!found) {
        (void)VerifyPassword(DummyHash(), password);  // same cost as a real check
        client_failures_.Record(limiter_key);
        return Error(ErrorCode::kBadCredentials);
    }
    User& user = found->user;
    auto minutes_left = [&](Timestamp until) {
        return std::to_string(std::max<int64_t>(1, ceil<minutes>(until - now).count()));
    };
    if (user.locked_until && *user.locked_until > now) {
        client_failures_.Record(limiter_key);
        return Error(ErrorCode::kAccountLocked).Param("minutes", minutes_left(*user.locked_until));
    }
    if (!VerifyPassword(found->password_hash, password)) {
        client_failures_.Record(limiter_key);
        int64_t failures = user.failed_logins + 1;
        std::optional<Timestamp> lock;
        if (failures >= policy_.max_failed_logins) {
            lock = now + policy_.lockout;
            failures = 0;
        }
        OW_TRY(
            store_.RecordLogin(user.id, failures, lock,
                               Log(std::nullopt, lock ? "login.locked" : "login.failed", user.id)));
        if (lock) return Error(ErrorCode::kAccountLocked).Param("minutes", minutes_left(*lock));
        return Error(ErrorCode::kBadCredentials);
    }
    if (user.disabled) return Error(ErrorCode::kAccountDisabled);
    OW_TRY(store_.RecordLogin(user.id, 0, std::nullopt, Log(user.id, "login.ok", user.id)));
    Session session{"", user.id, client, now, now, now + policy_.session_lifetime};
    std::string token = NewSessionToken();
    session.token_hash = HashToken(token);
    OW_TRY(store_.CreateSession(session));
    user.failed_logins = 0;
    user.locked_until.reset();
    return LoginResult{std::move(token), session.expires_at, std::move(user)};
}

void AuthService::Forget(int64_t user_id) {
    std::lock_guard lock(cache_mu_);
    std::erase_if(cache_, [&](const auto& e) { return e.second.principal.user_id == user_id; });
}

Result<Principal> AuthService::Authenticate(std::string_view token) {
    if (token.empty() || token.size() > 128) return Error(ErrorCode::kUnauthenticated);
    std::string hash = HashToken(token);
    const Timestamp now = clock_.Now();
    auto steady = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(cache_mu_);
        auto it = cache_.find(hash);
        if (it != cache_.end()) {
            const CachedSession& c = it->second;
            bool fresh = steady - c.checked_at < policy_.session_cache;
            bool alive =
                now < c.session.expires_at && now - c.session.last_seen_at < policy_.touch_interval;
            if (fresh && alive) return c.principal;
            cache_.erase(it);
        }
    }
    OW_ASSIGN_OR_RETURN(auto session, store_.FindSession(hash));
    if (!session) return Error(ErrorCode::kUnauthenticated);
    if (now >= session->expires_at || now - session->last_seen_at >= policy_.session_idle) {
        OW_TRY(store_.DeleteSession(hash));
        return Error(ErrorCode::kUnauthenticated);
    }
    OW_ASSIGN_OR_RETURN(auto creds, store_.FindById(session->user_id));
    if (!creds || creds->user.disabled) return Error(ErrorCode::kUnauthenticated);
    if (now - session->last_seen_at >= policy_.touch_interval) {
        OW_TRY(store_.TouchSession(hash, now));
        session->last_seen_at = now;
    }
    Principal principal = ToPrincipal(creds->user, *session);
    std::lock_guard lock(cache_mu_);
    if (cache_.size() > 50000) cache_.clear();  // bounded; it refills as requests come
    cache_[hash] = CachedSession{principal, *session, steady};
    return principal;
}

Result<void> AuthService::Logout(const Principal& principal) {
    {
        std::lock_guard lock(cache_mu_);
        cache_.erase(principal.token_hash);
    }
    return store_.DeleteSession(principal.token_hash);
}

Result<Credentials> AuthService::Load(int64_t id) {
    OW_ASSIGN_OR_RETURN(auto creds, store_.FindById(id));
    if (!creds) return Error(ErrorCode::kNotFound).Param("what", "user");
    return std::move(*creds);
}

Result<User> AuthService::GetUser(int64_t id) {
    OW_ASSIGN_OR_RETURN(Credentials creds, Load(id));
    return std::move(creds.user);
}

Result<User> AuthService::GetUser(const org::Actor& actor, int64_t id) {
    OW_ASSIGN_OR_RETURN(Credentials creds, Load(id));
    OW_TRY(CheckUserScope(actor, creds.user.org_unit_id));
    return std::move(creds.user);
}

Result<void> AuthService::ChangePassword(const Principal& principal, std::string_view current,
                                         std::string_view next) {
    OW_ASSIGN_OR_RETURN(Credentials creds, Load(principal.user_id));
    if (!VerifyPassword(creds.password_hash, current)) {
        return Error(ErrorCode::kBadCredentials).Field("current_password");
    }
    OW_TRY(CheckPasswordPolicy(principal.username, next));
    if (current == next) {
        return Error(ErrorCode::kWeakPassword).Field("new_password").Param("reason", "same_as_old");
    }
    OW_TRY(store_.SetPassword(principal.user_id, HashPassword(next), false, clock_.Now(),
                              Log(principal.user_id, "password.change", principal.user_id)));
    Forget(principal.user_id);
    return store_.DeleteUserSessions(principal.user_id, principal.token_hash);
}

Result<void> AuthService::ValidateAccount(const User& user) const {
    if (!IsValidUsername(user.username)) return InvalidValue("username", "username_rule");
    if (!IsValidName(user.display_name, 50)) return InvalidValue("display_name", "name_rule");
    if (user.roles.empty()) return Error(ErrorCode::kMissingField).Field("roles");
    std::set<Role> distinct(user.roles.begin(), user.roles.end());
    if (distinct.size() != user.roles.size()) return InvalidValue("roles", "duplicate_role");
    bool citizen = distinct.count(Role::kCitizen) > 0;
    bool enterprise = distinct.count(Role::kEnterprise) > 0;
    bool staff = user.IsStaff();
    if ((citizen || enterprise) && distinct.size() > 1) return InvalidValue("roles", "role_mix");
    if (citizen) {
        if (!user.id_number) return Error(ErrorCode::kMissingField).Field("id_number");
        OW_TRY(ResidentId::Parse(*user.id_number));
    }
    if (enterprise) {
        if (!user.credit_code) return Error(ErrorCode::kMissingField).Field("credit_code");
        OW_TRY(CreditCode::Parse(*user.credit_code));
    }
    auto snap = org_.Current();
    if (staff) {
        if (!user.org_unit_id) return Error(ErrorCode::kMissingField).Field("org_unit_id");
        if (!snap->tree.Find(*user.org_unit_id)) {
            return Error(ErrorCode::kReferenceMissing).Field("org_unit_id");
        }
    }
    if (user.HasRole(Role::kReviewer) && !user.department_id) {
        return Error(ErrorCode::kMissingField).Field("department_id");
    }
    if (user.department_id) {
        const org::Department* d = snap->FindDepartment(*user.department_id);
        if (!d) return Error(ErrorCode::kReferenceMissing).Field("department_id");
        if (!user.org_unit_id || !snap->tree.Contains(d->org_unit_id, *user.org_unit_id)) {
            return InvalidValue("department_id", "department_outside_unit");
        }
    }
    return Ok();
}

Result<void> AuthService::CheckUserScope(const org::Actor& actor,
                                         const std::optional<int64_t>& unit) const {
    if (!actor.scope_root) return Ok();
    auto snap = org_.Current();
    if (unit) {
        if (snap->tree.Contains(*actor.scope_root, *unit)) return Ok();
        return Error(ErrorCode::kOutOfScope);
    }
    const org::OrgUnit* root = snap->tree.Find(*actor.scope_root);
    if (root && root->level == org::OrgLevel::kCity) return Ok();
    return Error(ErrorCode::kOutOfScope);
}

Result<User> AuthService::CreateUser(const org::Actor& actor, const NewUser& n) {
    User user;
    user.username = n.username;
    user.display_name = n.display_name;
    user.roles = n.roles;
    user.org_unit_id = n.org_unit_id;
    user.department_id = n.department_id;
    user.id_number = n.id_number;
    user.credit_code = n.credit_code;
    user.must_change_password = n.must_change_password;
    // Normalise identity numbers (lower-case x, lower-case letters) before they are stored.
    if (user.id_number) {
        if (auto id = ResidentId::Parse(*user.id_number); id.ok()) user.id_number = id->str();
    }
    if (user.credit_code) {
        if (auto cc = CreditCode::Parse(*user.credit_code); cc.ok()) user.credit_code = cc->str();
    }
    OW_TRY(ValidateAccount(user));
    OW_TRY(CheckUserScope(actor, user.org_unit_id));
    if (n.password_hash.empty()) {
        auto policy = CheckPasswordPolicy(user.username, n.password);
        if (!policy.ok()) return Error(std::move(policy).error()).Field("password");
    }
    const Timestamp now = clock_.Now();
    user.created_at = now;
    user.password_changed_at = now;
    return store_.CreateUser(
        user, n.password_hash.empty() ? HashPassword(n.password) : n.password_hash,
        AdminLogEntry{now, actor.user_id, "user.create", "user:" + user.username, ""});
}

Result<User> AuthService::UpdateUser(const org::Actor& actor, int64_t id, const UserPatch& patch) {
    OW_ASSIGN_OR_RETURN(Credentials creds, Load(id));
    OW_TRY(CheckUserScope(actor, creds.user.org_unit_id));
    User merged = creds.user;
    if (patch.display_name) merged.display_name = *patch.display_name;
    if (patch.roles) merged.roles = *patch.roles;
    if (patch.org_unit_id) merged.org_unit_id = *patch.org_unit_id;
    if (patch.department_id) merged.department_id = *patch.department_id;
    if (patch.disabled) merged.disabled = *patch.disabled;
    OW_TRY(ValidateAccount(merged));
    OW_TRY(CheckUserScope(actor, merged.org_unit_id));
    if (actor.user_id == id &&
        (merged.disabled || (creds.user.HasRole(Role::kAdmin) && !merged.HasRole(Role::kAdmin)))) {
        return Error(ErrorCode::kInvalidState).Param("reason", "self_lockout");
    }
    OW_ASSIGN_OR_RETURN(User updated,
                        store_.UpdateUser(id, patch, Log(actor.user_id, "user.update", id)));
    Forget(id);  // roles, unit or department may have changed
    if (updated.disabled) OW_TRY(store_.DeleteUserSessions(id, ""));
    return updated;
}

Result<void> AuthService::ResetPassword(const org::Actor& actor, int64_t id,
                                        std::string_view password) {
    OW_ASSIGN_OR_RETURN(Credentials creds, Load(id));
    OW_TRY(CheckUserScope(actor, creds.user.org_unit_id));
    OW_TRY(CheckPasswordPolicy(creds.user.username, password));
    OW_TRY(store_.SetPassword(id, HashPassword(password), true, clock_.Now(),
                              Log(actor.user_id, "password.reset", id)));
    OW_TRY(store_.RecordLogin(id, 0, std::nullopt, Log(actor.user_id, "user.unlock", id)));
    Forget(id);
    return store_.DeleteUserSessions(id, "");
}

Result<void> AuthService::Unlock(const org::Actor& actor, int64_t id) {
    OW_ASSIGN_OR_RETURN(Credentials creds, Load(id));
    OW_TRY(CheckUserScope(actor, creds.user.org_unit_id));
    return store_.RecordLogin(id, 0, std::nullopt, Log(actor.user_id, "user.unlock", id));
}

Result<std::vector<User>> AuthService::ListUsers(const org::Actor& actor, UserFilter filter) {
    filter.limit = std::clamp(filter.limit, 1, 500);
    OW_ASSIGN_OR_RETURN(auto users, store_.ListUsers(filter));
    std::erase_if(users, [&](const User& u) { return !CheckUserScope(actor, u.org_unit_id).ok(); });
    return users;
}

Result<int64_t> AuthService::PurgeExpiredSessions() {
    Timestamp now = clock_.Now();
    return store_.DeleteExpiredSessions(now, now - policy_.session_idle);
}

}  // namespace ow::auth
