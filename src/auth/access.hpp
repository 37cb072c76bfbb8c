// Access: what an endpoint declares about who may use it — nobody needs to sign in (public),
// any signed-in user, or only some roles — and how far a staff user's org scope reaches for it.
// The router checks roles before a handler runs; handlers check the org scope of the object
// they touch (the object is not known before). A test walks every route with every role.
#pragma once

#include <initializer_list>
#include <vector>

#include "auth/principal.hpp"

namespace ow::auth {

enum class OrgScope {
    kNone,        // not about org units (public data, the caller's own account)
    kOwn,         // the caller's own records only (citizens, enterprises)
    kOrgSubtree,  // objects inside the caller's org unit and below
};

struct Access {
    bool requires_login = true;
    std::vector<Role> roles;  // empty: any signed-in user
    OrgScope scope = OrgScope::kNone;

    static Access Public() { return Access{false, {}, OrgScope::kNone}; }
    static Access AnyUser() { return Access{true, {}, OrgScope::kNone}; }
    static Access Roles(std::initializer_list<Role> roles, OrgScope scope = OrgScope::kNone) {
        return Access{true, roles, scope};
    }

    // Whether `principal` (null when not signed in) passes the role check.
    bool AllowsRoles(const Principal* principal) const {
        if (!requires_login) return true;
        if (principal == nullptr) return false;
        return roles.empty() || principal->HasAnyRole(roles);
    }
};

}  // namespace ow::auth
