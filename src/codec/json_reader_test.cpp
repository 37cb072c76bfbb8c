#include "codec/json_reader.hpp"

#include <gtest/gtest.h>

namespace ow::codec {
namespace {

TEST(JsonReader, ReadsFieldsAndRefusesUnknownOnes) {
    auto in = JsonReader::Parse(R"({"username":"admin","n":3,"ok":true,"roles":["a"]})");
    ASSERT_TRUE(in.ok());
    EXPECT_EQ(*in->String("username"), "admin");
    EXPECT_EQ(*in->Int("n"), 3);
    EXPECT_TRUE(*in->Bool("ok"));
    EXPECT_EQ(in->Finish().error().code(), ErrorCode::kUnknownField);
    EXPECT_EQ(in->Finish().error().field(), "roles");
    EXPECT_EQ(in->OptStringArray("roles")->value().at(0), "a");
    EXPECT_TRUE(in->Finish().ok());
}

TEST(JsonReader, NamesWhatIsWrong) {
    EXPECT_EQ(JsonReader::Parse(R"({"username":)").error().code(), ErrorCode::kMalformedJson);
    EXPECT_EQ(JsonReader::Parse("[1,2]").error().code(), ErrorCode::kMalformedJson);
    EXPECT_EQ(JsonReader::Parse(std::string(100, '[') + std::string(100, ']')).error().code(),
              ErrorCode::kMalformedJson);
    auto in = JsonReader::Parse(R"({"username":5,"n":"x"})");
    ASSERT_TRUE(in.ok());
    auto u = in->String("username");
    EXPECT_EQ(u.error().code(), ErrorCode::kWrongType);
    EXPECT_EQ(u.error().field(), "username");
    EXPECT_EQ(in->Int("n").error().code(), ErrorCode::kWrongType);
    EXPECT_EQ(in->String("missing").error().code(), ErrorCode::kMissingField);
    EXPECT_FALSE(in->NullableInt("absent")->has_value());
}

TEST(JsonReader, NestedObjectsCarryTheirPath) {
    auto in = JsonReader::Parse(
        R"({"items":[{"code":"AMR-001","materials":[{"code":"id_card","basis":1}]},{"x":1}]})");
    ASSERT_TRUE(in.ok());
    auto items = in->Objects("items", "code");
    ASSERT_TRUE(items.ok());
    ASSERT_EQ(items->size(), 2u);
    auto materials = (*items)[0].Objects("materials", "code");
    auto basis = (*materials)[0].String("basis");
    EXPECT_EQ(basis.error().field(), "items[AMR-001].materials[id_card].basis");
    EXPECT_EQ((*items)[1].String("code").error().field(), "items[1].code");
    EXPECT_EQ((*items)[1].Finish().error().field(), "items[1].x");
    EXPECT_EQ(in->Object("missing").error().code(), ErrorCode::kMissingField);
}

}  // namespace
}  // namespace ow::codec
