#include "common/credit_code.hpp"

#include <gtest/gtest.h>

namespace ow {
namespace {

TEST(CreditCode, AcceptsValidCodes) {
    // Published example codes with correct GB 32100 check characters.
    for (const char* text : {"91350100M000100Y43", "914407057292613443", "91440700MA4UJ3QF2K"}) {
        auto code = CreditCode::Parse(text);
        EXPECT_TRUE(code.ok()) << text;
    }
    auto lower = CreditCode::Parse("91350100m000100y43");
    ASSERT_TRUE(lower.ok());
    EXPECT_EQ(lower->str(), "91350100M000100Y43");
    EXPECT_EQ(lower->division(), "350100");
}

TEST(CreditCode, ExactlyOneCheckCharacterFits) {
    std::string body = "91440705MA4UJ3QF2";
    int accepted = 0;
    for (char c : std::string("0123456789ABCDEFGHJKLMNPQRTUWXY")) {
        accepted += CreditCode::Parse(body + c).ok() ? 1 : 0;
    }
    EXPECT_EQ(accepted, 1);
}

TEST(CreditCode, RejectsWithAReason) {
    struct Case {
        const char* text;
        const char* reason;
    };
    for (const Case& c :
         {Case{"91350100M000100Y44", "check_digit"}, Case{"9135", "length"},
          Case{"91350100M000100IO3", "charset"}, Case{"9135A100M000100Y43", "region"}}) {
        auto code = CreditCode::Parse(c.text);
        ASSERT_FALSE(code.ok()) << c.text;
        EXPECT_EQ(code.error().code(), ErrorCode::kInvalidCreditCode);
        EXPECT_EQ(code.error().params()[0].second, c.reason) << c.text;
    }
}

}  // namespace
}  // namespace ow
