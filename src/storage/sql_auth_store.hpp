// SqlAuthStore: auth::AuthStore on the SQL interface.
#pragma once

#include "auth/auth_store.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

class SqlAuthStore final : public auth::AuthStore {
public:
    explicit SqlAuthStore(Database& db) : db_(db) {}

    Result<std::optional<auth::Credentials>> FindByUsername(std::string_view username) override;
    Result<std::optional<auth::Credentials>> FindById(int64_t id) override;
    Result<auth::User> CreateUser(const auth::User& user, const std::string& password_hash,
                                  const AdminLogEntry& log) override;
    Result<auth::User> UpdateUser(int64_t id, const auth::UserPatch& patch,
                                  const AdminLogEntry& log) override;
    Result<std::vector<auth::User>> ListUsers(const auth::UserFilter& filter) override;
    Result<void> RecordLogin(int64_t user_id, int64_t failed_logins,
                             std::optional<Timestamp> locked_until,
                             const AdminLogEntry& log) override;
    Result<void> SetPassword(int64_t user_id, const std::string& password_hash, bool must_change,
                             Timestamp at, const AdminLogEntry& log) override;
    Result<void> CreateSession(const auth::Session& session) override;
    Result<std::optional<auth::Session>> FindSession(std::string_view token_hash) override;
    Result<void> TouchSession(std::string_view token_hash, Timestamp at) override;
    Result<void> DeleteSession(std::string_view token_hash) override;
    Result<void> DeleteUserSessions(int64_t user_id, std::string_view keep) override;
    Result<int64_t> DeleteExpiredSessions(Timestamp now, Timestamp idle_before) override;

private:
    Database& db_;
};

}  // namespace ow::storage
