#include "cases/deadlines.hpp"

#include <gtest/gtest.h>

namespace ow::cases {
namespace {

Date D(std::string_view s) {
    return ParseDate(s).value();
}

const calendar::WorkingDayCalendar& Calendar() {
    static const calendar::WorkingDayCalendar cal(calendar::ShippedNotices(), {});
    return cal;
}

TEST(Deadlines, PausesPushTheDeadline) {
    auto plain = DeadlineFor(Calendar(), D("2020-09-01"), 10, {}, D("2020-09-01"));
    EXPECT_EQ(plain->date, D("2020-09-15"));
    std::vector<Pause> closed = {{D("2020-09-04"), D("2020-09-08"), 1}};  // Fri, Mon, Tue
    EXPECT_EQ(DeadlineFor(Calendar(), D("2020-09-01"), 10, closed, D("2020-09-20"))->date,
              D("2020-09-18"));
    // An open pause runs until today.
    std::vector<Pause> open = {{D("2020-09-04"), std::nullopt, 1}};
    EXPECT_EQ(DeadlineFor(Calendar(), D("2020-09-01"), 10, open, D("2020-09-04"))->date,
              D("2020-09-16"));
}

TEST(Deadlines, WarningBands) {
    WarningPolicy p;
    Date deadline = D("2020-09-15");
    EXPECT_EQ(WarningOn(Calendar(), deadline, 10, D("2020-09-08"), {}, p), Warning::kNormal);
    EXPECT_EQ(WarningOn(Calendar(), deadline, 10, D("2020-09-09"), {}, p), Warning::kYellow);
    EXPECT_EQ(WarningOn(Calendar(), deadline, 10, D("2020-09-14"), {}, p), Warning::kRed);
    EXPECT_EQ(WarningOn(Calendar(), deadline, 10, D("2020-09-16"), {}, p), Warning::kOverdue);
    EXPECT_EQ(NextWarningChange(Calendar(), deadline, 10, D("2020-09-02"), {}, p), D("2020-09-09"));
    EXPECT_EQ(NextWarningChange(Calendar(), deadline, 10, D("2020-09-09"), {}, p), D("2020-09-14"));
    EXPECT_EQ(NextWarningChange(Calendar(), deadline, 10, D("2020-09-15"), {}, p), D("2020-09-16"));
    EXPECT_FALSE(NextWarningChange(Calendar(), deadline, 10, D("2020-09-16"), {}, p));
    WarningPolicy half{50, 1};
    EXPECT_EQ(WarningOn(Calendar(), deadline, 10, D("2020-09-08"), {}, half), Warning::kYellow);
}

}  // namespace
}  // namespace ow::cases
