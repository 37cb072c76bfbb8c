#include "calendar/working_day_calendar.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace ow::calendar {
namespace {

using namespace std::chrono;
namespace fs = std::filesystem;

Date D(std::string_view s) {
    return ParseDate(s).value();
}

const WorkingDayCalendar& Shipped() {
    static const WorkingDayCalendar cal(ShippedNotices(), {});
    return cal;
}

fs::path ReferenceDir() {
    const char* shared = std::getenv("ONEWINDOW_SHARED");
    return fs::path(shared ? shared : "../shared") / "reference" / "holiday-cn";
}

// Golden test: every date of every year in the State Council notices (the reference data the
// shipped file was converted from) has the working status the notices give it.
TEST(WorkingDayCalendar, EveryDateOfEveryShippedYearMatchesTheNotices) {
    ASSERT_TRUE(fs::is_directory(ReferenceDir())) << ReferenceDir();
    std::map<std::string, std::pair<int, boost::json::object>> listed;  // date -> (year, day)
    std::vector<int> years;
    for (const auto& entry : fs::directory_iterator(ReferenceDir())) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        std::stringstream buf;
        buf << in.rdbuf();
        auto notice = boost::json::parse(buf.str()).as_object();
        int year = static_cast<int>(notice.at("year").as_int64());
        if (notice.at("days").as_array().empty()) continue;  // not yet published
        years.push_back(year);
        for (const auto& d : notice.at("days").as_array()) {
            std::string date(d.at("date").as_string());
            auto& slot = listed[date];
            if (slot.second.empty() || slot.first < year) slot = {year, d.as_object()};
        }
    }
    ASSERT_GE(years.size(), 20u);  // 2007 … 2026
    int checked = 0;
    for (int y : years) {
        EXPECT_TRUE(Shipped().IsKnownYear(y)) << y;
        for (sys_days d = sys_days(year{y} / January / 1); d <= sys_days(year{y} / December / 31);
             d += days(1)) {
            Date date{d};
            auto info = Shipped().Day(date).value();
            auto it = listed.find(FormatDate(date));
            weekday wd{d};
            bool expected_working = wd != Saturday && wd != Sunday;
            std::string expected_name;
            if (it != listed.end()) {
                expected_working = !it->second.second.at("isOffDay").as_bool();
                expected_name = std::string(it->second.second.at("name").as_string());
            }
            ASSERT_EQ(info.working, expected_working) << FormatDate(date);
            ASSERT_EQ(info.name, expected_name) << FormatDate(date);
            ASSERT_FALSE(info.provisional) << FormatDate(date);
            ++checked;
        }
    }
    EXPECT_GE(checked, 7300);
}

TEST(WorkingDayCalendar, NationalDay2020) {
    // Accepted on 30 Sep 2020: the holiday runs 1-8 Oct, Saturday 10 Oct is a make-up day.
    EXPECT_EQ(Shipped().AddWorkingDays(D("2020-09-30"), 1)->date, D("2020-10-09"));
    EXPECT_EQ(Shipped().AddWorkingDays(D("2020-09-30"), 2)->date, D("2020-10-10"));
    EXPECT_EQ(Shipped().AddWorkingDays(D("2020-09-30"), 3)->date, D("2020-10-12"));
    EXPECT_EQ(Shipped().AddWorkingDays(D("2020-09-30"), 0)->date, D("2020-09-30"));
    auto day = Shipped().Day(D("2020-10-10")).value();
    EXPECT_TRUE(day.working);
    EXPECT_EQ(day.kind, DayKind::kMakeupWorkday);
    EXPECT_EQ(day.name, "国庆节、中秋节");
    EXPECT_EQ(Shipped().Day(D("2020-10-01"))->kind, DayKind::kHoliday);
    EXPECT_EQ(Shipped().Day(D("2020-10-17"))->kind, DayKind::kWeekend);
    EXPECT_EQ(Shipped().CountWorkingDays(D("2020-09-30"), D("2020-10-12"))->count, 3);
}

TEST(WorkingDayCalendar, StartDayIsNotCountedEvenWhenItIsAHoliday) {
    // Applying on a holiday: the first working day after it is day 1.
    EXPECT_EQ(Shipped().AddWorkingDays(D("2020-10-01"), 1)->date, D("2020-10-09"));
    EXPECT_EQ(Shipped().AddWorkingDays(D("2020-10-09"), 1)->date, D("2020-10-10"));
}

TEST(WorkingDayCalendar, UnpublishedYearsAreProvisional) {
    ASSERT_FALSE(Shipped().IsKnownYear(2027));
    auto day = Shipped().Day(D("2027-01-04")).value();
    EXPECT_TRUE(day.provisional);
    EXPECT_TRUE(day.working);  // Monday, by the weekly rule
    auto in_year = Shipped().AddWorkingDays(D("2026-11-02"), 10).value();
    EXPECT_FALSE(in_year.provisional);
    auto into_next = Shipped().AddWorkingDays(D("2026-12-20"), 15).value();
    EXPECT_TRUE(into_next.provisional);
    EXPECT_TRUE(Shipped().CountWorkingDays(D("2026-12-30"), D("2027-01-05"))->provisional);
    EXPECT_FALSE(Shipped().CountWorkingDays(D("2026-12-01"), D("2026-12-31"))->provisional);
}

TEST(WorkingDayCalendar, OverridesWin) {
    WorkingDayCalendar cal(ShippedNotices(),
                           {{D("2020-09-29"), false, "台风停工"}, {D("2020-09-26"), true, ""}});
    auto off = cal.Day(D("2020-09-29")).value();
    EXPECT_FALSE(off.working);
    EXPECT_EQ(off.kind, DayKind::kHoliday);
    EXPECT_TRUE(off.overridden);
    EXPECT_EQ(off.name, "台风停工");
    EXPECT_EQ(cal.Day(D("2020-09-26"))->kind, DayKind::kMakeupWorkday);
    // 28 Sep (Mon) accepted: the 29th is now off, so day 1 is the 30th.
    EXPECT_EQ(cal.AddWorkingDays(D("2020-09-28"), 1)->date, D("2020-09-30"));
}

TEST(WorkingDayCalendar, RejectsBadArguments) {
    EXPECT_EQ(Shipped().AddWorkingDays(D("2020-09-30"), -1).error().code(),
              ErrorCode::kInvalidValue);
    EXPECT_FALSE(Shipped().Day(D("1989-12-31")).ok());
    EXPECT_FALSE(Shipped().AddWorkingDays(D("2199-12-01"), 100).ok());
    EXPECT_FALSE(Shipped().CountWorkingDays(D("2020-10-02"), D("2020-10-01")).ok());
}

// The fast paths (prefix sums, binary search, suspension arithmetic) agree with walking the
// calendar one day at a time.
TEST(WorkingDayCalendar, AgreesWithDayByDayWalk) {
    const auto& cal = Shipped();
    std::mt19937 rng(20200930);
    std::uniform_int_distribution<int> day_dist(0, 365 * 22);
    std::uniform_int_distribution<int> n_dist(0, 60);
    std::uniform_int_distribution<int> len_dist(0, 12);
    const sys_days base = sys_days(year{2006} / January / 1);
    for (int iter = 0; iter < 3000; ++iter) {
        Date from{base + days(day_dist(rng))};
        int n = n_dist(rng);
        std::vector<Suspension> susp;
        for (int k = 0; k < iter % 3; ++k) {
            sys_days s = Days(from) + days(n_dist(rng) - 5);
            susp.push_back({Date{s}, Date{s + days(len_dist(rng))}});
        }
        auto suspended = [&](sys_days d) {
            for (const auto& s : susp) {
                if (d >= Days(s.first) && d <= Days(s.last)) return true;
            }
            return false;
        };
        // Walk.
        sys_days d = Days(from);
        for (int left = n; left > 0;) {
            d += days(1);
            if (*cal.IsWorkingDay(Date{d}) && !suspended(d)) --left;
        }
        auto fast = cal.AddWorkingDays(from, n, susp);
        ASSERT_TRUE(fast.ok());
        ASSERT_EQ(fast->date, Date{d}) << FormatDate(from) << " + " << n;
        int64_t walked = 0;
        for (sys_days x = Days(from) + days(1); x <= d; x += days(1)) {
            walked += (*cal.IsWorkingDay(Date{x}) && !suspended(x)) ? 1 : 0;
        }
        ASSERT_EQ(cal.CountWorkingDays(from, Date{d}, susp)->count, walked);
    }
}

}  // namespace
}  // namespace ow::calendar
