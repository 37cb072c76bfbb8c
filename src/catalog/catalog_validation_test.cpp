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

LicenseSpec& License(Catalog& c) {
    return *c.document_types[1].license_spec;
}

TEST(CatalogValidation, LicenseTypeRulesNameTheirField) {
    const std::string p = "document_types[business_license]";
    std::string reason;
    EXPECT_EQ(Break([](Catalog& c) { c.document_types[1].license_spec.reset(); }, &reason),
              p + ".license");
    EXPECT_EQ(reason, "license_rule");
    EXPECT_EQ(Break([](Catalog& c) { c.document_types[0].license_spec = License(c); }, &reason),
              "document_types[resident_id_card].license");
    EXPECT_EQ(reason, "license_rule");
    EXPECT_EQ(Break([](Catalog& c) { License(c).type_code = "b.l"; }, &reason),
              p + ".license.type_code");
    EXPECT_EQ(reason, "type_code_rule");
    EXPECT_EQ(Break(
                  [](Catalog& c) {
                      DocumentType food = c.document_types[1];
                      food.code = "food_business_license";
                      c.document_types.push_back(food);
                  },
                  &reason),
              "document_types[food_business_license].license.type_code");
    EXPECT_EQ(reason, "duplicate:BL");
    EXPECT_EQ(Break([](Catalog& c) { License(c).issuer = "nasa"; }, &reason),
              p + ".license.issuer");
    EXPECT_EQ(reason, "unknown_value:nasa");
    EXPECT_EQ(Break([](Catalog& c) { License(c).validity = LicenseValidity::Years(0); }, &reason),
              p + ".license.validity");
    EXPECT_EQ(reason, "validity_rule");
    EXPECT_EQ(Break([](Catalog& c) { License(c).validity = LicenseValidity::Days(36501); }),
              p + ".license.validity");
    EXPECT_EQ(Break([](Catalog& c) { License(c).fields.clear(); }, &reason), p + ".license.fields");
    EXPECT_EQ(reason, "empty_list");
    EXPECT_EQ(Break([](Catalog& c) { License(c).fields[0].key = "Name"; }, &reason),
              p + ".license.fields[Name].key");
    EXPECT_EQ(reason, "code_rule");
    EXPECT_EQ(Break([](Catalog& c) { License(c).fields[1].key = "name"; }, &reason),
              p + ".license.fields[name].key");
    EXPECT_EQ(reason, "duplicate:name");
    EXPECT_EQ(Break([](Catalog& c) { License(c).fields[0].label.en = ""; }, &reason),
              p + ".license.fields[name].label_en");
    EXPECT_EQ(reason, "text_rule");
    EXPECT_EQ(Break([](Catalog& c) { License(c).fields[0].label.zh = std::string(101, 'x'); }),
              p + ".license.fields[name].label_zh");
    for (const char* source : {"form.", "form.Name", "applicant.age", "fixed:", "case", ""}) {
        EXPECT_EQ(Break([&](Catalog& c) { License(c).fields[0].source = source; }, &reason),
                  p + ".license.fields[name].source")
            << source;
        EXPECT_EQ(reason, "license_source_rule") << source;
    }
}

TEST(CatalogValidation, LicenseSourcesAreAnsweredByEveryIssuingItem) {
    const std::string p = "document_types[business_license]";
    std::string reason;
    EXPECT_EQ(Break([](Catalog& c) { License(c).fields[0].source = "form.nickname"; }, &reason),
              p + ".license.fields[name].source");
    EXPECT_EQ(reason, "not_in_form:AMR-001");
    // A second item issuing the same license must ask for every printed answer too.
    auto second_issuer = [](Catalog& c) {
        c.items[1].result = {true, "business_license", {}};
        c.items[1].form.erase(c.items[1].form.begin() + 1);  // capital
    };
    EXPECT_EQ(Break(second_issuer, &reason), p + ".license.fields[capital].source");
    EXPECT_EQ(reason, "not_in_form:PSB-001");
    // Other sources need no form field.
    EXPECT_EQ(Break([](Catalog& c) {
                  c.items[1].result = {true, "business_license", {}};
                  License(c).fields = {{"holder", {"持有人", "Holder"}, "applicant.name"},
                                       {"case", {"办件编号", "Case"}, "case.id"},
                                       {"note", {"备注", "Note"}, "fixed:正本"}};
                  c.items[1].form.clear();
              }),
              "");
    // One item changed on its own is held to the same rule.
    Catalog c = SmallCatalog();
    Item item = c.items[0];
    item.form.erase(item.form.begin());  // company_name
    auto r = ValidateItem(item, c.document_types, Departments());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field(), "items[AMR-001].form");
    EXPECT_EQ(r.error().params().at(0).second, "license_needs_field:company_name");
}

TEST(CatalogValidation, AKeptLicenseIsNotReusedAfterItExpires) {
    auto with = [](LicenseValidity v, int reuse_days) {
        return [=](Catalog& c) {
            License(c).validity = v;
            c.document_types[1].validity_days = reuse_days;
        };
    };
    const std::string path = "document_types[business_license].validity_days";
    EXPECT_EQ(Break(with(LicenseValidity::Permanent(), 0)), "");
    EXPECT_EQ(Break(with(LicenseValidity::Permanent(), 3650)), "");
    EXPECT_EQ(Break(with(LicenseValidity::Years(5), 1826)), "");  // 5 * 365 + 1 leap day
    EXPECT_EQ(Break(with(LicenseValidity::Years(5), 30)), "");
    EXPECT_EQ(Break(with(LicenseValidity::Days(90), 90)), "");
    std::string reason;
    EXPECT_EQ(Break(with(LicenseValidity::Years(5), 1827), &reason), path);
    EXPECT_EQ(reason, "reuse_over_validity");
    EXPECT_EQ(Break(with(LicenseValidity::Years(5), 0)), path);  // 0 would mean "never expires"
    EXPECT_EQ(Break(with(LicenseValidity::Days(90), 91)), path);
}

}  // namespace
}  // namespace ow::catalog
