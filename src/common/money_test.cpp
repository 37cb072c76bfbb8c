#include "common/money.hpp"

#include <gtest/gtest.h>

namespace ow {
namespace {

TEST(Money, ParsesExactly) {
    EXPECT_EQ(Money::Parse("15200")->fen(), 1520000);
    EXPECT_EQ(Money::Parse("0.1")->fen(), 10);
    EXPECT_EQ(Money::Parse("-3.07")->fen(), -307);
    for (const char* bad : {"", "1.234", "1e3", "1,000", "abc", "1.", ".5", "-"}) {
        EXPECT_FALSE(Money::Parse(bad).has_value()) << bad;
    }
    EXPECT_EQ((Money::Parse("0.1").value() + Money::Parse("0.2").value()).ToString(), "0.30");
    EXPECT_EQ(Money::FromFen(-5).ToString(), "-0.05");
}

}  // namespace
}  // namespace ow
