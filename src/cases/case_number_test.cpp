#include "cases/case_number.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace ow::cases {
namespace {

using namespace std::chrono;

Timestamp Beijing(int y, unsigned m, unsigned d, int h, int min, int s, int ms = 0) {
    return Timestamp(sys_days(year{y} / month{m} / day{d}).time_since_epoch()) + hours(h - 8) +
           minutes(min) + seconds(s) + milliseconds(ms);
}

TEST(CaseNumber, IsTheLocalDateThenEightCharacters) {
    // 07:30 in Beijing on 1 October is still 30 September in UTC.
    std::string id = NewCaseId(Beijing(2020, 10, 1, 7, 30, 0));
    EXPECT_TRUE(std::regex_match(id, std::regex("20201001-[2-9A-HJ-NP-Z]{8}"))) << id;
}

TEST(CaseNumber, SortsByTheTimeOfDay) {
    std::vector<Timestamp> times = {
        Beijing(2020, 10, 14, 0, 0, 0), Beijing(2020, 10, 14, 0, 0, 0, 90),
        Beijing(2020, 10, 14, 8, 59, 59), Beijing(2020, 10, 14, 9, 0, 0),
        Beijing(2020, 10, 14, 23, 59, 59, 999)};
    std::string before;
    for (Timestamp t : times) {
        std::string id = NewCaseId(t);
        EXPECT_LT(before, id) << id;
        before = id;
    }
}

TEST(CaseNumber, DiffersWithinOneMoment) {
    std::set<std::string> ids;
    Timestamp t = Beijing(2020, 10, 14, 9, 0, 0);
    for (int i = 0; i < 200; ++i) ids.insert(NewCaseId(t));
    EXPECT_GT(ids.size(), 190u);  // 32^4 random endings: a repeat among 200 is rare, not banned
}

}  // namespace
}  // namespace ow::cases
