#include "common/resident_id.hpp"

#include <gtest/gtest.h>

namespace ow {
namespace {

TEST(ResidentId, AcceptsValidNumbers) {
    // Check characters computed by the GB 11643 rule, including one ending in X.
    for (const char* text : {"11010519491231002X", "440524188001010014", "440781199001011238"}) {
        auto id = ResidentId::Parse(text);
        ASSERT_TRUE(id.ok()) << text << ": " << id.error().Message(Lang::kEn);
        EXPECT_EQ(id->str(), text);
    }
    auto lower = ResidentId::Parse("11010519491231002x");
    ASSERT_TRUE(lower.ok());
    EXPECT_EQ(lower->str(), "11010519491231002X");
    EXPECT_EQ(lower->birth_date(),
              std::chrono::year_month_day(std::chrono::year{1949}, std::chrono::December,
                                          std::chrono::day{31}));
    EXPECT_EQ(lower->Masked(), "110***********002X");
}

TEST(ResidentId, EveryCheckDigitMatchesTheStandardsWeights) {
    // For one body, exactly one of the 11 possible last characters is accepted.
    std::string body = "44070319850612003";
    int accepted = 0;
    for (char c : std::string("0123456789X")) {
        accepted += ResidentId::Parse(body + c).ok() ? 1 : 0;
    }
    EXPECT_EQ(accepted, 1);
}

TEST(ResidentId, RejectsWithAReason) {
    struct Case {
        const char* text;
        const char* reason;
    };
    for (const Case& c :
         {Case{"110101199003070000", "check_digit"}, Case{"12345", "length"},
          Case{"1101051949123100AX", "digits"}, Case{"000105194912310021", "region"},
          Case{"110105194902300021", "birth_date"}}) {
        auto id = ResidentId::Parse(c.text);
        ASSERT_FALSE(id.ok()) << c.text;
        EXPECT_EQ(id.error().code(), ErrorCode::kInvalidIdNumber);
        EXPECT_EQ(id.error().field(), "id_number");
        ASSERT_EQ(id.error().params().size(), 1u);
        EXPECT_EQ(id.error().params()[0].second, c.reason) << c.text;
    }
}

}  // namespace
}  // namespace ow
