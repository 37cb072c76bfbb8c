#include "org/org_tree.hpp"

#include <gtest/gtest.h>

namespace ow::org {
namespace {

TEST(OrgTree, ContainsFollowsParents) {
    OrgTree tree({{1, std::nullopt, OrgLevel::kCity, "440700", "江门市", "Jiangmen"},
                  {2, 1, OrgLevel::kDistrict, "440705", "新会区", "Xinhui"},
                  {3, 2, OrgLevel::kTown, "440705107", "古井镇", "Gujing"},
                  {4, 3, OrgLevel::kVillage, "440705107201", "官冲村", "Guanchong"},
                  {5, 1, OrgLevel::kDistrict, "440781", "台山市", "Taishan"}});
    EXPECT_TRUE(tree.Contains(1, 4));
    EXPECT_TRUE(tree.Contains(2, 4));
    EXPECT_TRUE(tree.Contains(4, 4));
    EXPECT_FALSE(tree.Contains(5, 4));
    EXPECT_FALSE(tree.Contains(4, 2));
    EXPECT_FALSE(tree.Contains(1, 99));
    auto path = tree.Path(4);
    ASSERT_EQ(path.size(), 4u);
    EXPECT_EQ(path.front()->name_en, "Jiangmen");
    EXPECT_EQ(path.back()->name_zh, "官冲村");
    EXPECT_EQ(tree.FindByCode("440781")->id, 5);
}

TEST(OrgTree, ACycleInBadDataDoesNotHang) {
    OrgTree tree({{1, 2, OrgLevel::kTown, "a", "a", "a"}, {2, 1, OrgLevel::kTown, "b", "b", "b"}});
    EXPECT_FALSE(tree.Contains(3, 1));
    EXPECT_LE(tree.Path(1).size(), 8u);
}

}  // namespace
}  // namespace ow::org
