#include "codec/catalog_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

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

}  // namespace
}  // namespace ow::codec
