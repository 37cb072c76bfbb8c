#include "auth/role.hpp"

#include <gtest/gtest.h>

namespace ow::auth {
namespace {

TEST(Role, NamesRoundTrip) {
    for (Role r : kAllRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
    EXPECT_EQ(RoleName(Role::kWindowClerk), "window_clerk");
    EXPECT_FALSE(ParseRole("root").has_value());
    EXPECT_FALSE(IsStaffRole(Role::kCitizen));
    EXPECT_FALSE(IsStaffRole(Role::kEnterprise));
    EXPECT_TRUE(IsStaffRole(Role::kReviewer));
}

}  // namespace
}  // namespace ow::auth
