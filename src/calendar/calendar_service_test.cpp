#include "calendar/calendar_service.hpp"

#include <gtest/gtest.h>

#include <map>

namespace ow::calendar {
namespace {

Date D(std::string_view s) {
    return ParseDate(s).value();
}

// The service's contract with its store is tested here against a store held in memory; the SQL
// stores are tested against the same expectations in storage/.
class MemoryStore final : public CalendarStore {
public:
    Result<std::vector<HolidayNotice>> LoadedNotices() override {
        std::vector<HolidayNotice> out;
        for (auto& [y, n] : notices) out.push_back(n);
        return out;
    }
    Result<void> SaveNotice(const HolidayNotice& n, std::optional<int64_t>, Timestamp) override {
        notices[n.year] = n;
        return Ok();
    }
    Result<std::vector<StoredOverride>> Overrides() override {
        std::vector<StoredOverride> out;
        for (auto& [d, o] : overrides) out.push_back(o);
        return out;
    }
    Result<void> PutOverride(const StoredOverride& o) override {
        overrides[FormatDate(o.override.date)] = o;
        return Ok();
    }
    Result<bool> DeleteOverride(Date date, std::optional<int64_t>, Timestamp) override {
        return overrides.erase(FormatDate(date)) > 0;
    }

    std::map<int, HolidayNotice> notices;
    std::map<std::string, StoredOverride> overrides;
};

TEST(CalendarService, LoadingANewYearMakesItKnown) {
    MemoryStore store;
    ManualClock clock(Timestamp{});
    CalendarService service(store, clock);
    ASSERT_TRUE(service.Reload().ok());
    EXPECT_TRUE(service.Current()->Day(D("2027-01-01"))->provisional);
    auto before = service.Current();

    HolidayNotice y2027{2027, {{D("2027-01-01"), true, "元旦"}, {D("2027-02-06"), false, "春节"}}};
    auto summary = service.LoadNotice(y2027, 1);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->days, 2u);
    auto day = service.Current()->Day(D("2027-01-01")).value();
    EXPECT_FALSE(day.working);
    EXPECT_FALSE(day.provisional);
    EXPECT_EQ(service.Current()->Day(D("2027-02-06"))->kind, DayKind::kMakeupWorkday);
    // A reader holding the old snapshot keeps a consistent view.
    EXPECT_TRUE(before->Day(D("2027-01-01"))->provisional);
    auto years = service.Years().value();
    EXPECT_EQ(years.back().year, 2027);
    EXPECT_TRUE(years.back().loaded);
    EXPECT_FALSE(years.front().loaded);

    HolidayNotice bad{2027, {}};
    EXPECT_EQ(service.LoadNotice(bad, 1).error().code(), ErrorCode::kInvalidHolidayNotice);
    EXPECT_EQ(store.notices.at(2027).days.size(), 2u);  // nothing stored
}

TEST(CalendarService, OverridesAreStoredAndRemoved) {
    MemoryStore store;
    ManualClock clock(Timestamp{std::chrono::milliseconds(1000)});
    CalendarService service(store, clock);
    auto day = service.PutOverride({D("2020-09-29"), false, "台风停工"}, 7);
    ASSERT_TRUE(day.ok());
    EXPECT_FALSE(day->working);
    EXPECT_EQ(store.overrides.begin()->second.updated_by, 7);
    EXPECT_FALSE(service.Current()->IsWorkingDay(D("2020-09-29")).value());
    ASSERT_TRUE(service.DeleteOverride(D("2020-09-29"), 7).ok());
    EXPECT_TRUE(service.Current()->IsWorkingDay(D("2020-09-29")).value());
    EXPECT_EQ(service.DeleteOverride(D("2020-09-29"), 7).error().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace ow::calendar
