#include "catalog/catalog_validation.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "catalog/test_items.hpp"

namespace ow::catalog {
namespace {

using testing::Departments;
using testing::SmallCatalog;

// Applies a change to the small catalog and returns where validation points, "" if valid.
std::string Break(const std::function<void(Catalog&)>& change, std::string* reason = nullptr) {
    Catalog c = SmallCatalog();
    change(c);
    auto r = ValidateCatalog(c, Departments());
    if (r.ok()) return "";
    if (reason) *reason = r.error().params().at(0).second;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidCatalog);
    return r.error().field();
}

TEST(CatalogValidation, TheSmallCatalogIsValid) {
    EXPECT_EQ(Break([](Catalog&) {}), "");
}

TEST(CatalogValidation, EveryRuleNamesItsField) {
    std::string reason;
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].materials[1].legal_basis = ""; }, &reason),
              "items[AMR-001].materials[id_card].legal_basis");
    EXPECT_EQ(reason, "no_basis");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].promised_limit_days = 16; }, &reason),
              "items[AMR-001].promised_limit_days");
    EXPECT_EQ(reason, "promised_over_statutory");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].department = "nasa"; }),
              "items[AMR-001].department");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].channels.push_back("fax"); }, &reason),
              "items[AMR-001].channels");
    EXPECT_EQ(reason, "unknown_value:fax");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].workflow[0].limit_days = 2; }, &reason),
              "items[AMR-001].workflow");
    EXPECT_EQ(reason, "stages_over_promised");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].workflow.clear(); }, &reason),
              "items[AMR-001].workflow");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].instant_approval = true; }),
              "items[AMR-001].instant_approval");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].fully_online = true; }),
              "items[AMR-001].fully_online");
    EXPECT_EQ(
        Break([](Catalog& c) { c.items[0].result.document_type = "resident_id_card"; }, &reason),
        "items[AMR-001].result.document_type");
    EXPECT_EQ(reason, "not_a_license");
    EXPECT_EQ(Break([](Catalog& c) { c.items[1].materials[0].deferrable = true; }),
              "items[PSB-001].materials[license].deferrable");
    EXPECT_EQ(Break(
                  [](Catalog& c) {
                      for (auto& m : c.items[0].materials) m.deferrable = false;
                  },
                  &reason),
              "items[AMR-001].materials");
    EXPECT_EQ(reason, "deficiency_rule");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].materials[3].condition = {}; }),
              "items[AMR-001].materials[lease].condition");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].materials[1].document_type = "passport"; }),
              "items[AMR-001].materials[id_card].document_type");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].form[3].options.clear(); }),
              "items[AMR-001].form[type].options");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].form[1].key = "Capital"; }),
              "items[AMR-001].form[Capital].key");
    EXPECT_EQ(Break([](Catalog& c) { c.items.push_back(c.items[0]); }, &reason),
              "items[AMR-001].code");
    EXPECT_EQ(Break([](Catalog& c) { c.bundles[0].items.pop_back(); }, &reason),
              "bundles[BUNDLE-STARTUP].items");
    EXPECT_EQ(reason, "bundle_rule");
    EXPECT_EQ(Break([](Catalog& c) { c.bundles[0].items[1] = "XYZ-404"; }),
              "bundles[BUNDLE-STARTUP].items");
    EXPECT_EQ(Break([](Catalog& c) { c.items[0].name.en = ""; }), "items[AMR-001].name_en");
    EXPECT_EQ(Break([](Catalog& c) {
                  c.items[0].fees.push_back({{"工本费", "Fee"}, Money::FromFen(-1), ""});
              }),
              "items[AMR-001].fees[0].amount");
}

}  // namespace
}  // namespace ow::catalog
