// User: an account — a citizen, an enterprise, or a member of staff bound to an org unit
// (and, for reviewers, a department).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/role.hpp"
#include "common/clock.hpp"

namespace ow::auth {

struct User {
    int64_t id = 0;
    std::string username;
    std::string display_name;
    std::vector<Role> roles;
    std::optional<int64_t> org_unit_id;
    std::optional<int64_t> department_id;
    std::optional<std::string> id_number;    // citizens: GB 11643 resident ID
    std::optional<std::string> credit_code;  // enterprises: GB 32100 unified social credit code
    bool disabled = false;
    bool must_change_password = false;
    int64_t failed_logins = 0;
    std::optional<Timestamp> locked_until;
    Timestamp password_changed_at{};
    Timestamp created_at{};

    bool HasRole(Role role) const;
    bool IsStaff() const;
};

// What an administrator (or the demo loader) supplies to create an account.
struct NewUser {
    std::string username;
    std::string display_name;
    std::string password;
    // Set instead of `password` for accounts created in bulk with one shared password (the
    // demo city), so it is hashed once; no policy check applies then.
    std::string password_hash;
    std::vector<Role> roles;
    std::optional<int64_t> org_unit_id;
    std::optional<int64_t> department_id;
    std::optional<std::string> id_number;
    std::optional<std::string> credit_code;
    bool must_change_password = false;
};

// A partial update: only the fields that are set change. For the two ids, a set outer optional
// holding nullopt clears the binding.
struct UserPatch {
    std::optional<std::string> display_name;
    std::optional<std::vector<Role>> roles;
    std::optional<std::optional<int64_t>> org_unit_id;
    std::optional<std::optional<int64_t>> department_id;
    std::optional<bool> disabled;
};

struct UserFilter {
    std::optional<Role> role;
    std::string text;  // matched against username and display name
    std::optional<int64_t> org_unit_id;
    int limit = 200;
};

}  // namespace ow::auth
