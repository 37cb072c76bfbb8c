#include "common/text.hpp"

#include <gtest/gtest.h>

namespace ow {
namespace {

TEST(Text, Utf8LengthCountsCharactersAndRejectsBadBytes) {
    EXPECT_EQ(Utf8Length("江门市"), 3u);
    EXPECT_EQ(Utf8Length("Jiangmen"), 8u);
    EXPECT_EQ(Utf8Length("😀"), 1u);
    EXPECT_FALSE(Utf8Length("\xff"));
    EXPECT_FALSE(Utf8Length("\xe6\xb1"));      // truncated
    EXPECT_FALSE(Utf8Length("\xc0\xaf"));      // overlong '/'
    EXPECT_FALSE(Utf8Length("\xed\xa0\x80"));  // surrogate
}

TEST(Text, NamesAndCodes) {
    EXPECT_TRUE(IsValidName("台山市行政服务中心", 60));
    EXPECT_FALSE(IsValidName("", 60));
    EXPECT_FALSE(IsValidName("   ", 60));
    EXPECT_FALSE(IsValidName("a\nb", 60));
    EXPECT_FALSE(IsValidName("江门", 1));
    EXPECT_TRUE(IsValidCode("440781"));
    EXPECT_TRUE(IsValidCode("HS-CCB_01"));
    EXPECT_FALSE(IsValidCode("a b"));
    EXPECT_FALSE(IsValidCode(""));
    EXPECT_FALSE(IsValidCode("../x"));
}

}  // namespace
}  // namespace ow
