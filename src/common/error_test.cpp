#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/result.hpp"

namespace ow {
namespace {

TEST(ErrorTable, EveryCodeHasDistinctNameStatusAndBothLanguages) {
    std::set<std::string_view> names;
    for (int i = 0; i <= static_cast<int>(ErrorCode::kInternal); ++i) {
        auto code = static_cast<ErrorCode>(i);
        Error e(code);
        std::string_view name = ErrorCodeName(code);
        EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
        if (code != ErrorCode::kInternal) {
            EXPECT_NE(name, "internal") << i << " missing in table";
        }
        EXPECT_GE(e.HttpStatus(), 400);
        EXPECT_LT(e.HttpStatus(), 600);
        EXPECT_FALSE(e.Message(Lang::kZhCN).empty());
        EXPECT_FALSE(e.Message(Lang::kEn).empty());
        EXPECT_NE(e.Message(Lang::kZhCN), e.Message(Lang::kEn)) << name;
    }
}

TEST(ErrorTable, ExpectedFailuresAreClientErrors) {
    EXPECT_EQ(Error(ErrorCode::kMalformedJson).HttpStatus(), 400);
    EXPECT_EQ(Error(ErrorCode::kUnauthenticated).HttpStatus(), 401);
    EXPECT_EQ(Error(ErrorCode::kBadCredentials).HttpStatus(), 401);
    EXPECT_EQ(Error(ErrorCode::kForbidden).HttpStatus(), 403);
    EXPECT_EQ(Error(ErrorCode::kPayloadTooLarge).HttpStatus(), 413);
    EXPECT_EQ(Error(ErrorCode::kInvalidIdNumber).HttpStatus(), 422);
    EXPECT_EQ(Error(ErrorCode::kRateLimited).HttpStatus(), 429);
}

TEST(ErrorMessage, FillsFieldAndLocalizesWords) {
    Error e = Error(ErrorCode::kWrongType).Field("username").Param("expected", "a string");
    EXPECT_EQ(e.Message(Lang::kEn), "\"username\" must be a string");
    EXPECT_EQ(e.Message(Lang::kZhCN), "“username”应为字符串");
    Error id = Error(ErrorCode::kInvalidIdNumber).Param("reason", "check_digit");
    EXPECT_NE(id.Message(Lang::kZhCN).find("校验码不符"), std::string::npos);
    EXPECT_NE(id.Message(Lang::kEn).find("check character does not match"), std::string::npos);
}

Result<int> Half(int v) {
    if (v % 2 != 0) return Error(ErrorCode::kInvalidValue).Field("v");
    return v / 2;
}

Result<int> Quarter(int v) {
    OW_ASSIGN_OR_RETURN(int h, Half(v));
    OW_ASSIGN_OR_RETURN(int q, Half(h));
    return q;
}

TEST(Result, PropagatesTheFirstError) {
    EXPECT_EQ(*Quarter(8), 2);
    auto r = Quarter(6);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidValue);
}

}  // namespace
}  // namespace ow
