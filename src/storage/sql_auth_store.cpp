#include "storage/sql_auth_store.hpp"

#include <map>

#include "storage/admin_log_sql.hpp"
#include "storage/set_clause.hpp"

namespace ow::storage {

using auth::Credentials;
using auth::Role;
using auth::Session;
using auth::User;

namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, org_unit_id, department_id, id_number, credit_code, disabled, "
    "must_change_password, failed_logins, locked_until, password_changed_at, created_at, "
    "password_hash";

User ToUser(const Row& r) {
    User u;
    u.id = r.Int(0);
    u.username = r.Text(1);
    u.display_name = r.Text(2);
    u.org_unit_id = r.OptInt(3);
    u.department_id = r.OptInt(4);
    u.id_number = r.OptText(5);
    u.credit_code = r.OptText(6);
    u.disabled = r.Bool(7);
    u.must_change_password = r.Bool(8);
    u.failed_logins = r.Int(9);
    if (auto l = r.OptInt(10)) u.locked_until = FromMillis(*l);
    u.password_changed_at = FromMillis(r.Int(11));
    u.created_at = FromMillis(r.Int(12));
    return u;
}

Result<std::vector<Role>> LoadRoles(Connection& c, int64_t user_id) {
    OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT role FROM user_roles WHERE user_id = $1 "
                                           "ORDER BY role",
                                           {user_id}));
    std::vector<Role> roles;
    for (const Row& r : rows) {
        if (auto role = auth::ParseRole(r.Text(0))) roles.push_back(*role);
    }
    return roles;
}

Result<std::optional<Credentials>> FindWhere(Connection& c, const std::string& where,
                                             const Params& params) {
    OW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("SELECT " + std::string(kUserColumns) + " FROM users WHERE " + where, params));
    if (rows.empty()) return std::optional<Credentials>();
    Credentials creds{ToUser(rows[0]), rows[0].Text(13)};
    OW_ASSIGN_OR_RETURN(creds.user.roles, LoadRoles(c, creds.user.id));
    return std::optional<Credentials>(std::move(creds));
}

Result<void> WriteRoles(Connection& c, int64_t user_id, const std::vector<Role>& roles) {
    OW_TRY(c.Execute("DELETE FROM user_roles WHERE user_id = $1", {user_id}));
    for (Role role : roles) {
        OW_TRY(c.Execute("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
                         {user_id, std::string(auth::RoleName(role))}));
    }
    return Ok();
}

// Which unique field a violation concerns, from the constraint the driver names.
Error Taken(Error e) {
    if (e.code() != ErrorCode::kAlreadyExists) return e;
    // The constraint is named users.<column> by SQLite and users_<column>... by PostgreSQL.
    const std::string& d = e.detail();
    auto names = [&d](const char* column) {
        return d.find(std::string("users.") + column) != std::string::npos ||
               d.find(std::string("users_") + column) != std::string::npos;
    };
    std::string field = names("id_number")     ? "id_number"
                        : names("credit_code") ? "credit_code"
                                               : "username";
    return std::move(e).Field(field).Param("what", field);
}

}  // namespace

Result<std::optional<Credentials>> SqlAuthStore::FindByUsername(std::string_view username) {
    return db_.Read(
        [&](Connection& c) { return FindWhere(c, "username = $1", {std::string(username)}); });
}

Result<std::optional<Credentials>> SqlAuthStore::FindById(int64_t id) {
    return db_.Read([&](Connection& c) { return FindWhere(c, "id = $1", {id}); });
}

Result<User> SqlAuthStore::CreateUser(const User& u, const std::string& password_hash,
                                      const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) -> Result<User> {
        auto rows = c.Query(
            "INSERT INTO users (username, display_name, password_hash, org_unit_id, "
            "department_id, id_number, credit_code, disabled, must_change_password, "
            "failed_logins, password_changed_at, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11) RETURNING id",
            {u.username, u.display_name, password_hash, Nullable(u.org_unit_id),
             Nullable(u.department_id), Nullable(u.id_number), Nullable(u.credit_code),
             int64_t{u.disabled ? 1 : 0}, int64_t{u.must_change_password ? 1 : 0},
             Millis(u.password_changed_at), Millis(u.created_at)});
        if (!rows.ok()) return Taken(std::move(rows).error());
        int64_t id = rows->at(0).Int(0);
        OW_TRY(WriteRoles(c, id, u.roles));
        AdminLogEntry entry = log;
        entry.target = "user:" + std::to_string(id);
        OW_TRY(AppendAdminLog(c, entry));
        OW_ASSIGN_OR_RETURN(auto created, FindWhere(c, "id = $1", {id}));
        return std::move(created->user);
    });
}

Result<User> SqlAuthStore::UpdateUser(int64_t id, const auth::UserPatch& p,
                                      const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) -> Result<User> {
        SetClause set(id);
        set.AddIfSet("display_name", p.display_name);
        if (p.org_unit_id) set.Add("org_unit_id", Nullable(*p.org_unit_id));
        if (p.department_id) set.Add("department_id", Nullable(*p.department_id));
        if (p.disabled) set.Add("disabled", int64_t{*p.disabled ? 1 : 0});
        if (!set.empty()) {
            OW_ASSIGN_OR_RETURN(int64_t n, c.Execute(set.Statement("users"), set.params()));
            if (n == 0) return Error(ErrorCode::kNotFound).Param("what", "user");
        }
        if (p.roles) OW_TRY(WriteRoles(c, id, *p.roles));
        OW_ASSIGN_OR_RETURN(auto found, FindWhere(c, "id = $1", {id}));
        if (!found) return Error(ErrorCode::kNotFound).Param("what", "user");
        OW_TRY(AppendAdminLog(c, log));
        return std::move(found->user);
    });
}

Result<std::vector<User>> SqlAuthStore::ListUsers(const auth::UserFilter& f) {
    return db_.Read([&](Connection& c) -> Result<std::vector<User>> {
        std::string where = "1 = 1";
        Params params;
        auto param = [&](Value v) {
            params.push_back(std::move(v));
            return "$" + std::to_string(params.size());
        };
        if (f.role) {
            where += " AND id IN (SELECT user_id FROM user_roles WHERE role = " +
                     param(std::string(auth::RoleName(*f.role))) + ")";
        }
        if (!f.text.empty()) {
            std::string p = param("%" + f.text + "%");
            where += " AND (lower(username) LIKE lower(" + p +
                     ") OR lower(display_name) LIKE lower(" + p + "))";
        }
        if (f.org_unit_id) where += " AND org_unit_id = " + param(*f.org_unit_id);
        const Params filter_params = params;  // PostgreSQL refuses unused parameters
        std::string limit = param(int64_t{f.limit});
        OW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT " + std::string(kUserColumns) + " FROM users WHERE " +
                                        where + " ORDER BY id LIMIT " + limit,
                                    params));
        std::vector<User> users;
        for (const Row& r : rows) users.push_back(ToUser(r));
        // Roles of all listed users in one query.
        OW_ASSIGN_OR_RETURN(auto role_rows,
                            c.Query("SELECT user_id, role FROM user_roles WHERE user_id IN "
                                    "(SELECT id FROM users WHERE " +
                                        where + ") ORDER BY role",
                                    filter_params));
        std::map<int64_t, std::vector<Role>> roles;
        for (const Row& r : role_rows) {
            if (auto role = auth::ParseRole(r.Text(1))) roles[r.Int(0)].push_back(*role);
        }
        for (User& u : users) u.roles = roles[u.id];
        return users;
    });
}

Result<void> SqlAuthStore::RecordLogin(int64_t user_id, int64_t failed_logins,
                                       std::optional<Timestamp> locked_until,
                                       const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) -> Result<void> {
        std::optional<int64_t> until;
        if (locked_until) until = Millis(*locked_until);
        OW_TRY(c.Execute("UPDATE users SET failed_logins = $2, locked_until = $3 WHERE id = $1",
                         {user_id, failed_logins, Nullable(until)}));
        return AppendAdminLog(c, log);
    });
}

Result<void> SqlAuthStore::SetPassword(int64_t user_id, const std::string& password_hash,
                                       bool must_change, Timestamp at, const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE users SET password_hash = $2, "
                                                 "must_change_password = $3, "
                                                 "password_changed_at = $4 WHERE id = $1",
                                                 {user_id, password_hash,
                                                  int64_t{must_change ? 1 : 0}, Millis(at)}));
        if (n == 0) return Error(ErrorCode::kNotFound).Param("what", "user");
        return AppendAdminLog(c, log);
    });
}

Result<void> SqlAuthStore::CreateSession(const Session& s) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(c.Execute(
            "INSERT INTO sessions (token_hash, user_id, client, created_at, last_seen_at, "
            "expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
            {s.token_hash, s.user_id,
             std::string(s.client == auth::ClientKind::kBrowser ? "browser" : "api"),
             Millis(s.created_at), Millis(s.last_seen_at), Millis(s.expires_at)}));
        return Ok();
    });
}

Result<std::optional<Session>> SqlAuthStore::FindSession(std::string_view token_hash) {
    return db_.Read([&](Connection& c) -> Result<std::optional<Session>> {
        OW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT token_hash, user_id, client, created_at, "
                                    "last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
                                    {std::string(token_hash)}));
        if (rows.empty()) return std::optional<Session>();
        const Row& r = rows[0];
        return std::optional<Session>(
            Session{r.Text(0), r.Int(1),
                    r.Text(2) == "browser" ? auth::ClientKind::kBrowser : auth::ClientKind::kApi,
                    FromMillis(r.Int(3)), FromMillis(r.Int(4)), FromMillis(r.Int(5))});
    });
}

Result<void> SqlAuthStore::TouchSession(std::string_view token_hash, Timestamp at) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(c.Execute("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1",
                         {std::string(token_hash), Millis(at)}));
        return Ok();
    });
}

Result<void> SqlAuthStore::DeleteSession(std::string_view token_hash) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(c.Execute("DELETE FROM sessions WHERE token_hash = $1", {std::string(token_hash)}));
        return Ok();
    });
}

Result<void> SqlAuthStore::DeleteUserSessions(int64_t user_id, std::string_view keep) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(c.Execute("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
                         {user_id, std::string(keep)}));
        return Ok();
    });
}

Result<int64_t> SqlAuthStore::DeleteExpiredSessions(Timestamp now, Timestamp idle_before) {
    return db_.Write([&](Connection& c) {
        return c.Execute("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2",
                         {Millis(now), Millis(idle_before)});
    });
}

}  // namespace ow::storage
