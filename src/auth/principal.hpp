// Principal: the signed-in user a request acts for, as established from its session token.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "auth/role.hpp"

namespace ow::auth {

enum class ClientKind { kBrowser, kApi };

struct Principal {
    int64_t user_id = 0;
    std::string username;
    std::string display_name;
    std::vector<Role> roles;
    std::optional<int64_t> org_unit_id;
    std::optional<int64_t> department_id;
    std::optional<std::string> id_number;
    std::optional<std::string> credit_code;
    bool must_change_password = false;
    std::string token_hash;  // the session this request came with
    ClientKind client = ClientKind::kApi;

    bool HasRole(Role role) const {
        return std::find(roles.begin(), roles.end(), role) != roles.end();
    }
    bool HasAnyRole(std::span<const Role> any) const {
        return std::any_of(any.begin(), any.end(), [&](Role r) { return HasRole(r); });
    }
};

}  // namespace ow::auth
