#include "calendar/holiday_notice.hpp"

#include <gtest/gtest.h>

namespace ow::calendar {
namespace {

Date D(std::string_view s) {
    return ParseDate(s).value();
}

TEST(HolidayNotice, ShippedDataCoversEveryPublishedYear) {
    const auto& notices = ShippedNotices();
    ASSERT_FALSE(notices.empty());
    EXPECT_EQ(notices.front().year, 2007);
    EXPECT_EQ(notices.back().year, 2026);
    EXPECT_EQ(notices.size(), 20u);
}

TEST(HolidayNotice, ValidationNamesTheProblem) {
    HolidayNotice ok{2027, {{D("2027-01-01"), true, "元旦"}, {D("2026-12-31"), true, "元旦"}}};
    EXPECT_TRUE(ValidateNotice(ok).ok());
    HolidayNotice empty{2027, {}};
    EXPECT_EQ(ValidateNotice(empty).error().code(), ErrorCode::kInvalidHolidayNotice);
    HolidayNotice twice{2027, {{D("2027-01-01"), true, "元旦"}, {D("2027-01-01"), true, "元旦"}}};
    EXPECT_NE(ValidateNotice(twice).error().Message(Lang::kEn).find("listed twice"),
              std::string::npos);
    HolidayNotice stray{2027, {{D("2027-05-01"), true, "劳动节"}, {D("2029-05-01"), true, "x"}}};
    EXPECT_FALSE(ValidateNotice(stray).ok());
    HolidayNotice unnamed{2027, {{D("2027-05-01"), true, ""}}};
    EXPECT_FALSE(ValidateNotice(unnamed).ok());
    HolidayNotice ancient{1999, {{D("1999-05-01"), true, "劳动节"}}};
    EXPECT_FALSE(ValidateNotice(ancient).ok());
}

TEST(HolidayNotice, TableParserReportsTheLine) {
    auto parsed =
        ParseNoticeTable("# c\n2027\t2027-01-01\toff\t元旦\n2027\t2027-01-02\tmaybe\tx\n");
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().Message(Lang::kEn).find("line 3"), std::string::npos);
    auto good = ParseNoticeTable("2027\t2027-01-01\toff\t元旦\r\n2027\t2027-02-06\twork\t春节\n");
    ASSERT_TRUE(good.ok());
    ASSERT_EQ(good->size(), 1u);
    EXPECT_EQ(good->front().days.size(), 2u);
    EXPECT_FALSE(good->front().days[1].off);
}

}  // namespace
}  // namespace ow::calendar
