#include "common/lang.hpp"

#include <gtest/gtest.h>

namespace ow {
namespace {

TEST(AcceptLanguage, PicksHighestSupportedQuality) {
    EXPECT_EQ(ParseAcceptLanguage(""), Lang::kZhCN);
    EXPECT_EQ(ParseAcceptLanguage("en"), Lang::kEn);
    EXPECT_EQ(ParseAcceptLanguage("en-US,en;q=0.9"), Lang::kEn);
    EXPECT_EQ(ParseAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"), Lang::kZhCN);
    EXPECT_EQ(ParseAcceptLanguage("fr-FR, en;q=0.5, zh;q=0.4"), Lang::kEn);
    EXPECT_EQ(ParseAcceptLanguage("en;q=0.3, zh-Hans;q=0.7"), Lang::kZhCN);
    EXPECT_EQ(ParseAcceptLanguage("de"), Lang::kZhCN);
    EXPECT_EQ(ParseAcceptLanguage("EN-gb"), Lang::kEn);
    EXPECT_EQ(ParseAcceptLanguage("en;q=0"), Lang::kZhCN);
    EXPECT_EQ(ParseAcceptLanguage(";;,,q=="), Lang::kZhCN);
}

}  // namespace
}  // namespace ow
