#include "licenses/license_service.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace ow::licenses {
namespace {

using namespace std::chrono;
using catalog::LicenseValidity;

TEST(LicenseValidity, LastDayCountsFromTheIssueDate) {
    EXPECT_EQ(ValidUntil(LicenseValidity::Permanent(), 2026y / November / 27d), std::nullopt);
    EXPECT_EQ(ValidUntil(LicenseValidity::Years(5), 2026y / November / 27d),
              2031y / November / 26d);
    EXPECT_EQ(ValidUntil(LicenseValidity::Days(1), 2026y / November / 27d), 2026y / November / 27d);
    EXPECT_EQ(ValidUntil(LicenseValidity::Days(90), 2026y / November / 27d),
              2027y / February / 24d);
    // From 29 February, a year later ends on 27 February (the day before the 28th).
    EXPECT_EQ(ValidUntil(LicenseValidity::Years(1), 2028y / February / 29d),
              2029y / February / 27d);
}

TEST(IssuerCode, UnitAndDepartmentCodesInNumberCharacters) {
    org::OrgSnapshot org{org::OrgTree({org::OrgUnit{1, std::nullopt, org::OrgLevel::kCity, "440700",
                                                    "江门市", "Jiangmen"}}),
                         {},
                         {org::Department{7, 1, "amr", "市场监管局", "AMR"},
                          org::Department{8, 1, "land_res-2", "自然资源局", "NR"}}};
    EXPECT_EQ(DepartmentCodeOf(org, 7), "440700-amr");
    EXPECT_EQ(IssuerCodeOf(org, 7), "440700AMR");
    EXPECT_EQ(IssuerCodeOf(org, 8), "440700LANDRES2");
    EXPECT_EQ(DepartmentCodeOf(org, 9), "");
}

}  // namespace
}  // namespace ow::licenses
