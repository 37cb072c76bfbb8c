// AuthStore: where accounts and sessions are kept (implemented in storage/). Changes made by a
// person carry their admin-log line, written in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/session.hpp"
#include "auth/user.hpp"
#include "common/admin_log.hpp"
#include "common/result.hpp"

namespace ow::auth {

struct Credentials {
    User user;
    std::string password_hash;
};

class AuthStore {
public:
    virtual ~AuthStore() = default;

    virtual Result<std::optional<Credentials>> FindByUsername(std::string_view username) = 0;
    virtual Result<std::optional<Credentials>> FindById(int64_t id) = 0;

    // kAlreadyExists with field "username", "id_number" or "credit_code" when taken.
    virtual Result<User> CreateUser(const User& user, const std::string& password_hash,
                                    const AdminLogEntry& log) = 0;
    // kNotFound for an unknown id.
    virtual Result<User> UpdateUser(int64_t id, const UserPatch& patch,
                                    const AdminLogEntry& log) = 0;
    virtual Result<std::vector<User>> ListUsers(const UserFilter& filter) = 0;

    // Sign-in bookkeeping: the failure count and lock, reset on success.
    virtual Result<void> RecordLogin(int64_t user_id, int64_t failed_logins,
                                     std::optional<Timestamp> locked_until,
                                     const AdminLogEntry& log) = 0;
    virtual Result<void> SetPassword(int64_t user_id, const std::string& password_hash,
                                     bool must_change, Timestamp at, const AdminLogEntry& log) = 0;

    virtual Result<void> CreateSession(const Session& session) = 0;
    virtual Result<std::optional<Session>> FindSession(std::string_view token_hash) = 0;
    virtual Result<void> TouchSession(std::string_view token_hash, Timestamp at) = 0;
    virtual Result<void> DeleteSession(std::string_view token_hash) = 0;
    // Ends every session of the user but `keep` (after a password change, a disable).
    virtual Result<void> DeleteUserSessions(int64_t user_id, std::string_view keep) = 0;
    virtual Result<int64_t> DeleteExpiredSessions(Timestamp now, Timestamp idle_before) = 0;
};

}  // namespace ow::auth
