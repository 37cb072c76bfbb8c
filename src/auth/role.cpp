#include "auth/role.hpp"

namespace ow::auth {
namespace {

constexpr std::array<std::string_view, kAllRoles.size()> kNames = {
    "citizen",        "enterprise",      "window_clerk", "reviewer", "bank_clerk",
    "policy_officer", "trading_officer", "supervisor",   "admin",
};

}  // namespace

std::string_view RoleName(Role role) {
    return kNames[static_cast<size_t>(role)];
}

std::optional<Role> ParseRole(std::string_view name) {
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) return kAllRoles[i];
    }
    return std::nullopt;
}

bool IsStaffRole(Role role) {
    return role != Role::kCitizen && role != Role::kEnterprise;
}

}  // namespace ow::auth
