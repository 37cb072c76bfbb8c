#include "catalog/bundle.hpp"

#include <gtest/gtest.h>

#include "catalog/test_items.hpp"

namespace ow::catalog {
namespace {

TEST(Bundle, AsksForEachDocumentOnce) {
    Catalog c = testing::SmallCatalog();
    auto merged = MergeMaterials({&c.items[0], &c.items[1]});
    // AMR-001: application, id_card(resident_id_card), scope, lease;
    // PSB-001: license(business_license), id_card(resident_id_card) -> the ID card once.
    ASSERT_EQ(merged.size(), 5u);
    int id_cards = 0;
    for (const auto& m : merged) {
        if (m.material.document_type == "resident_id_card") {
            ++id_cards;
            EXPECT_EQ(m.items, (std::vector<std::string>{"AMR-001", "PSB-001"}));
        }
    }
    EXPECT_EQ(id_cards, 1);
}

TEST(Bundle, TheStrictestRequirementWins) {
    Item a = testing::StartupRegistration();
    Item b = a;
    b.code = "AMR-002";
    b.materials[3].requirement = "required";  // lease: conditional in a, required in b
    b.materials[3].deferrable = false;
    auto merged = MergeMaterials({&a, &b});
    ASSERT_EQ(merged.size(), 4u);  // same codes, no document types: merged by code
    EXPECT_EQ(merged[3].material.requirement, "required");
    EXPECT_FALSE(merged[3].material.deferrable);
    EXPECT_TRUE(merged[2].material.deferrable);
}

}  // namespace
}  // namespace ow::catalog
