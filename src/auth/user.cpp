#include "auth/user.hpp"

#include <algorithm>

namespace ow::auth {

bool User::HasRole(Role role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool User::IsStaff() const {
    return std::any_of(roles.begin(), roles.end(), IsStaffRole);
}

}  // namespace ow::auth
