#include "codec/catalog_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

#include "catalog/catalog_validation.hpp"
#include "catalog/test_items.hpp"

namespace ow::codec {
namespace {

using catalog::Catalog;

Result<Catalog> Reparse(const std::string& text) {
    OW_ASSIGN_OR_RETURN(JsonReader in, JsonReader::Parse(text));
    return ReadCatalog(in);
}

TEST(CatalogJson, RoundTripsCanonically) {
    Catalog original = catalog::testing::SmallCatalog();
    std::string text = boost::json::serialize(WriteCatalog(original));
    auto back = Reparse(text);
    ASSERT_TRUE(back.ok()) << back.error().Message(Lang::kEn) << " " << back.error().field();
    ASSERT_EQ(back->items.size(), original.items.size());
    for (size_t i = 0; i < original.items.size(); ++i) {
        EXPECT_TRUE(back->items[i].SameContent(original.items[i])) << original.items[i].code;
    }
    EXPECT_EQ(back->document_types, original.document_types);
    EXPECT_EQ(back->bundles, original.bundles);
    EXPECT_EQ(boost::json::serialize(WriteCatalog(*back)), text);
    EXPECT_TRUE(catalog::ValidateCatalog(*back, catalog::testing::Departments()).ok());
}

TEST(CatalogJson, ShapeErrorsNameThePath) {
    auto doc = WriteCatalog(catalog::testing::SmallCatalog());
    auto& items = doc["items"].as_array();
    items[0].as_object()["materials"].as_array()[1].as_object()["legal_basis"] = 5;
    auto r = Reparse(boost::json::serialize(doc));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code(), ErrorCode::kWrongType);
    EXPECT_EQ(r.error().field(), "items[AMR-001].materials[id_card].legal_basis");

    doc = WriteCatalog(catalog::testing::SmallCatalog());
    doc["items"].as_array()[1].as_object()["colour"] = "red";
    r = Reparse(boost::json::serialize(doc));
    EXPECT_EQ(r.error().code(), ErrorCode::kUnknownField);
    EXPECT_EQ(r.error().field(), "items[PSB-001].colour");

    doc = WriteCatalog(catalog::testing::SmallCatalog());
    doc["format"] = "something-else/2";
    EXPECT_EQ(Reparse(boost::json::serialize(doc)).error().code(), ErrorCode::kInvalidCatalog);

    doc = WriteCatalog(catalog::testing::SmallCatalog());
    doc["items"].as_array()[0].as_object()["fees"] = boost::json::array{
        boost::json::object{{"name_zh", "工本费"}, {"name_en", "Fee"}, {"amount", "10.005"}}};
    r = Reparse(boost::json::serialize(doc));
    EXPECT_EQ(r.error().field(), "items[AMR-001].fees[0].amount");

    doc = WriteCatalog(catalog::testing::SmallCatalog());
    doc["items"].as_array()[0].as_object().erase("result");
    EXPECT_EQ(Reparse(boost::json::serialize(doc)).error().field(), "items[AMR-001].result");
}

// The small catalog's file form with the business license's "license" object changed.
Result<Catalog> WithLicense(const std::function<void(boost::json::object&)>& change) {
    auto doc = WriteCatalog(catalog::testing::SmallCatalog());
    auto& type = doc["document_types"].as_array()[1].as_object();
    change(type);
    return Reparse(boost::json::serialize(doc));
}

TEST(CatalogJson, LicenseTypeRoundTripsWithEachValidity) {
    using catalog::LicenseValidity;
    for (LicenseValidity v :
         {LicenseValidity::Permanent(), LicenseValidity::Years(5), LicenseValidity::Days(90)}) {
        Catalog original = catalog::testing::SmallCatalog();
        original.document_types[1].license_spec->validity = v;
        original.document_types[1].validity_days = v.MinDays();
        std::string text = boost::json::serialize(WriteCatalog(original));
        auto back = Reparse(text);
        ASSERT_TRUE(back.ok()) << back.error().field();
        EXPECT_EQ(back->document_types, original.document_types);
        EXPECT_EQ(boost::json::serialize(WriteCatalog(*back)), text);
    }
    auto doc = WriteDocumentType(catalog::testing::SmallCatalog().document_types[1]);
    const auto& license = doc.at("license").as_object();
    EXPECT_EQ(license.at("type_code"), "BL");
    EXPECT_EQ(license.at("issuer"), "amr");
    EXPECT_EQ(license.at("validity"), "permanent");
    EXPECT_EQ(license.at("fields").as_array()[0].as_object().at("source"), "form.company_name");
    EXPECT_FALSE(
        WriteDocumentType(catalog::testing::SmallCatalog().document_types[0]).contains("license"));
}

TEST(CatalogJson, LicenseValidityForms) {
    auto r = WithLicense([](auto& t) {
        t["license"].as_object()["validity"] = boost::json::object{{"years", 5}};
        t.erase("validity_days");
    });
    ASSERT_TRUE(r.ok()) << r.error().field();
    EXPECT_EQ(r->document_types[1].license_spec->validity, catalog::LicenseValidity::Years(5));
    EXPECT_EQ(r->document_types[1].validity_days, 5 * 365 + 1);  // left out: while valid
    r = WithLicense([](auto& t) {
        t["license"].as_object()["validity"] = boost::json::object{{"days", 90}};
    });
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->document_types[1].license_spec->validity, catalog::LicenseValidity::Days(90));
    EXPECT_EQ(r->document_types[1].validity_days, 0);  // as written

    const std::string path = "document_types[business_license].license.validity";
    for (boost::json::value bad :
         {boost::json::value("forever"), boost::json::value(5),
          boost::json::value(boost::json::object{}),
          boost::json::value(boost::json::object{{"years", 5}, {"days", 3}}),
          boost::json::value(boost::json::object{{"years", 0}}),
          boost::json::value(boost::json::object{{"days", 36501}})}) {
        r = WithLicense([&](auto& t) { t["license"].as_object()["validity"] = bad; });
        ASSERT_FALSE(r.ok()) << boost::json::serialize(bad);
        EXPECT_EQ(r.error().code(), ErrorCode::kInvalidCatalog) << boost::json::serialize(bad);
        EXPECT_EQ(r.error().field(), path) << boost::json::serialize(bad);
    }
    r = WithLicense([](auto& t) {
        t["license"].as_object()["validity"] = boost::json::object{{"months", 6}};
    });
    EXPECT_EQ(r.error().code(), ErrorCode::kUnknownField);
    EXPECT_EQ(r.error().field(), path + ".months");
}

TEST(CatalogJson, LicenseShapeErrorsNameThePath) {
    const std::string p = "document_types[business_license].license";
    auto r = WithLicense([](auto& t) { t["license"].as_object()["colour"] = "red"; });
    EXPECT_EQ(r.error().code(), ErrorCode::kUnknownField);
    EXPECT_EQ(r.error().field(), p + ".colour");
    r = WithLicense([](auto& t) { t["license"].as_object().erase("fields"); });
    EXPECT_EQ(r.error().code(), ErrorCode::kMissingField);
    EXPECT_EQ(r.error().field(), p + ".fields");
    r = WithLicense([](auto& t) { t["license"].as_object().erase("issuer"); });
    EXPECT_EQ(r.error().code(), ErrorCode::kMissingField);
    EXPECT_EQ(r.error().field(), p + ".issuer");
    r = WithLicense([](auto& t) {
        t["license"].as_object()["fields"].as_array()[0].as_object()["source"] = 1;
    });
    EXPECT_EQ(r.error().code(), ErrorCode::kWrongType);
    EXPECT_EQ(r.error().field(), p + ".fields[name].source");
    r = WithLicense([](auto& t) { t["license"] = "BL"; });
    EXPECT_EQ(r.error().code(), ErrorCode::kWrongType);
    EXPECT_EQ(r.error().field(), p);
    // Read as it is; whether a document of kind "document" may have one is ValidateCatalog's.
    r = WithLicense([](auto& t) { t["kind"] = "document"; });
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->document_types[1].license_spec.has_value());
}

}  // namespace
}  // namespace ow::codec
