#include "common/dates.hpp"

#include <gtest/gtest.h>

namespace ow {
namespace {

using namespace std::chrono;

TEST(Dates, ParseIsStrict) {
    EXPECT_EQ(ParseDate("2020-10-09"), Date(year{2020}, October, day{9}));
    EXPECT_EQ(ParseDate("2020-02-29"), Date(year{2020}, February, day{29}));
    for (const char* bad : {"2021-02-29", "2020-13-01", "2020-1-01", "20201001", "2020-10-0a", "",
                            "0999-01-01", "2020-10-091"}) {
        EXPECT_FALSE(ParseDate(bad).has_value()) << bad;
    }
    EXPECT_EQ(FormatDate(*ParseDate("2007-01-01")), "2007-01-01");
}

TEST(Dates, LocalDateIsShanghai) {
    Timestamp t = sys_days(year{2020} / September / 30) + hours(16) + minutes(30);
    EXPECT_EQ(LocalDate(t), Date(year{2020}, October, day{1}));
    EXPECT_EQ(FormatTimestamp(t + milliseconds(7)), "2020-09-30T16:30:00.007Z");
}

}  // namespace
}  // namespace ow
