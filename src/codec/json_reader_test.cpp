#include "http/json_input.hpp"

#include <gtest/gtest.h>

namespace ow::http {
namespace {

Request Json(std::string body) {
    Request r;
    r.headers["content-type"] = "application/json; charset=utf-8";
    r.body = std::move(body);
    return r;
}

TEST(JsonInput, ReadsFieldsAndRefusesUnknownOnes) {
    auto in = JsonInput::Parse(Json(R"({"username":"admin","n":3,"ok":true,"roles":["a"]})"));
    ASSERT_TRUE(in.ok());
    EXPECT_EQ(*in->String("username"), "admin");
    EXPECT_EQ(*in->Int("n"), 3);
    EXPECT_TRUE(*in->Bool("ok"));
    EXPECT_EQ(in->Finish().error().code(), ErrorCode::kUnknownField);
    EXPECT_EQ(in->Finish().error().field(), "roles");
    EXPECT_EQ(in->OptStringArray("roles")->value().at(0), "a");
    EXPECT_TRUE(in->Finish().ok());
}

TEST(JsonInput, NamesWhatIsWrong) {
    EXPECT_EQ(JsonInput::Parse(Json(R"({"username":)")).error().code(), ErrorCode::kMalformedJson);
    EXPECT_EQ(JsonInput::Parse(Json("[1,2]")).error().code(), ErrorCode::kMalformedJson);
    EXPECT_EQ(JsonInput::Parse(Json(std::string(100, '[') + std::string(100, ']'))).error().code(),
              ErrorCode::kMalformedJson);
    Request text = Json("{}");
    text.headers["content-type"] = "text/plain";
    EXPECT_EQ(JsonInput::Parse(text).error().code(), ErrorCode::kUnsupportedMediaType);
    auto in2 = JsonInput::Parse(Json(R"({"username":5,"n":"x"})"));
    ASSERT_TRUE(in2.ok());
    auto u = in2->String("username");
    EXPECT_EQ(u.error().code(), ErrorCode::kWrongType);
    EXPECT_EQ(u.error().field(), "username");
    EXPECT_EQ(in2->Int("n").error().code(), ErrorCode::kWrongType);
    EXPECT_EQ(in2->String("missing").error().code(), ErrorCode::kMissingField);
    auto nullable = in2->NullableInt("absent");
    EXPECT_FALSE(nullable->has_value());
}

}  // namespace
}  // namespace ow::http
