// Role: what a user does in the platform. A user holds one or more; every endpoint names the
// roles that may use it.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace ow::auth {

enum class Role {
    kCitizen,         // 自然人: applies, tracks, supplies, bids, rates
    kEnterprise,      // 法人: the same for an enterprise; receives policy awards
    kWindowClerk,     // 综合窗口: accepts for every department at one window
    kReviewer,        // 后台审批: reviews for one department
    kBankClerk,       // 政银通办: submits at a bank branch with the applicant's consent
    kPolicyOfficer,   // 政策兑现: rules, screening, award lists
    kTradingOfficer,  // 三资交易: listings, bidders, auctions
    kSupervisor,      // 政数局/观察团: dashboards
    kAdmin,           // org tree, users, catalog, calendar
};

inline constexpr std::array kAllRoles = {
    Role::kCitizen,        Role::kEnterprise, Role::kWindowClerk,
    Role::kReviewer,       Role::kBankClerk,  Role::kPolicyOfficer,
    Role::kTradingOfficer, Role::kSupervisor, Role::kAdmin,
};

std::string_view RoleName(Role role);  // "citizen", "window_clerk", ...
std::optional<Role> ParseRole(std::string_view name);
// Staff roles act for the city and are bound to an org unit; citizens and enterprises are not.
bool IsStaffRole(Role role);

}  // namespace ow::auth
