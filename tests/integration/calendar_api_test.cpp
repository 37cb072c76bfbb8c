// The working-day calendar over HTTP and the command line, with administrators' changes
// reaching signed-in browsers over the WebSocket.
#include <boost/json.hpp>

#include "server_fixture.hpp"

namespace ow::test {
namespace {

using CalendarApiTest = ServerTest;

TEST_P(CalendarApiTest, AnswersWorkingDayQuestions) {
    HttpClient c = Client();
    auto one = c.Get("/api/v1/calendar/add-working-days?from=2020-09-30&days=1").Json();
    EXPECT_EQ(one.at("date").as_string(), "2020-10-09");
    EXPECT_FALSE(one.at("provisional").as_bool());
    EXPECT_EQ(c.Get("/api/v1/calendar/add-working-days?from=2020-09-30&days=2").Json().at("date"),
              "2020-10-10");
    auto day = c.Get("/api/v1/calendar/days/2020-10-01").Json();
    EXPECT_FALSE(day.at("working").as_bool());
    EXPECT_EQ(day.at("kind").as_string(), "holiday");
    EXPECT_EQ(day.at("name").as_string(), "国庆节、中秋节");
    auto makeup = c.Get("/api/v1/calendar/days/2020-10-10").Json();
    EXPECT_TRUE(makeup.at("working").as_bool());
    EXPECT_EQ(makeup.at("kind").as_string(), "makeup_workday");
    EXPECT_EQ(
        c.Get("/api/v1/calendar/working-days?from=2020-09-30&to=2020-10-12").Json().at("count"), 3);
    auto month = c.Get("/api/v1/calendar/days?from=2020-10-01&to=2020-10-31").Json();
    EXPECT_EQ(month.at("days").as_array().size(), 31u);
    auto later = c.Get("/api/v1/calendar/add-working-days?from=2026-12-20&days=15").Json();
    EXPECT_TRUE(later.at("provisional").as_bool());
    EXPECT_TRUE(c.Get("/api/v1/calendar/days/2027-03-01").Json().at("provisional").as_bool());
    auto years = c.Get("/api/v1/calendar/years").Json();
    EXPECT_EQ(years.at("first_year"), 2007);
    EXPECT_EQ(years.at("last_year"), 2026);
}

TEST_P(CalendarApiTest, RefusesBadDatesAndNumbers) {
    HttpClient c = Client();
    auto bad = c.Get("/api/v1/calendar/days/2021-02-29");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.ErrorCode(), "invalid_date");
    EXPECT_EQ(c.Get("/api/v1/calendar/add-working-days?from=2020-09-30&days=x").status, 400);
    EXPECT_EQ(c.Get("/api/v1/calendar/add-working-days?from=2020-09-30").ErrorCode(),
              "missing_field");
    EXPECT_EQ(c.Get("/api/v1/calendar/add-working-days?from=2020-09-30&days=-1").status, 422);
    EXPECT_EQ(c.Get("/api/v1/calendar/days/1900-01-01").status, 422);
    EXPECT_EQ(c.Get("/api/v1/calendar/days?from=2020-01-01&to=2022-01-01").status, 422);
    EXPECT_EQ(c.Get("/api/v1/calendar/working-days?from=2020-10-02&to=2020-10-01").status, 422);
}

TEST_P(CalendarApiTest, AdminOverridesReachBrowsersLive) {
    HttpClient admin = As("admin");
    HttpClient clerk = Client();
    std::string token = clerk.Login("window_clerk");
    WsClient ws(server().port(), {{"Authorization", "Bearer " + token}});
    EXPECT_NE(ws.Read().find("\"hello\""), std::string::npos);

    auto put = admin.Request("PUT", "/api/v1/calendar/overrides/2020-09-29",
                             R"({"working":false,"name":"台风停工"})");
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_NE(ws.Read().find("calendar.changed"), std::string::npos);
    auto day = Client().Get("/api/v1/calendar/days/2020-09-29").Json();
    EXPECT_FALSE(day.at("working").as_bool());
    EXPECT_TRUE(day.at("override").as_bool());
    EXPECT_EQ(day.at("name").as_string(), "台风停工");
    EXPECT_EQ(
        Client().Get("/api/v1/calendar/add-working-days?from=2020-09-28&days=1").Json().at("date"),
        "2020-09-30");
    EXPECT_EQ(Client().Get("/api/v1/calendar/overrides").Json().at("overrides").as_array().size(),
              1u);
    EXPECT_EQ(admin.Request("DELETE", "/api/v1/calendar/overrides/2020-09-29").status, 204);
    EXPECT_NE(ws.Read().find("calendar.changed"), std::string::npos);
    EXPECT_TRUE(Client().Get("/api/v1/calendar/days/2020-09-29").Json().at("working").as_bool());
    EXPECT_EQ(admin.Request("DELETE", "/api/v1/calendar/overrides/2020-09-29").status, 404);
}

TEST_P(CalendarApiTest, ANewlyPublishedYearIsLoadedWithoutARelease) {
    HttpClient admin = As("admin");
    std::string notice = R"({"year":2027,"papers":["https://www.gov.cn/example"],"days":[
        {"name":"元旦","date":"2027-01-01","isOffDay":true},
        {"name":"春节","date":"2027-02-06","isOffDay":true},
        {"name":"春节","date":"2027-02-20","isOffDay":false}]})";
    auto bad =
        admin.Post("/api/v1/calendar/years",
                   R"({"year":2027,"days":[{"name":"元旦","date":"2029-01-01","isOffDay":true}]})");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.ErrorCode(), "invalid_holiday_notice");
    auto loaded = admin.Post("/api/v1/calendar/years", notice);
    ASSERT_EQ(loaded.status, 200) << loaded.body;
    EXPECT_EQ(loaded.Json().at("days"), 3);
    auto day = Client().Get("/api/v1/calendar/days/2027-02-20").Json();
    EXPECT_EQ(day.at("kind").as_string(), "makeup_workday");
    EXPECT_FALSE(day.at("provisional").as_bool());
    EXPECT_EQ(Client().Get("/api/v1/calendar/years").Json().at("last_year"), 2027);
    // The command line sees the loaded year in the same database.
    if (GetParam() == storage::Dialect::kSqlite) {
        auto [status, out] = RunCli({"calendar", "day", "2027-02-20", "--db", db()});
        EXPECT_EQ(status, 0);
        EXPECT_NE(out.find("working makeup_workday"), std::string::npos) << out;
    }
}

OW_INSTANTIATE_SERVER_TEST(CalendarApiTest);

TEST(CalendarCli, AddsWorkingDaysFromTheShippedNotices) {
    auto [status, out] = RunCli({"calendar", "add-working-days", "2020-09-30", "1"});
    EXPECT_EQ(status, 0) << out;
    EXPECT_EQ(out, "2020-10-09\n");
    auto [missing_status, missing_out] = RunCli({"calendar", "add-working-days", "2020-09-30", "1",
                                                 "--db", "/nonexistent/never-created.db"});
    EXPECT_EQ(missing_status, 1);
    EXPECT_FALSE(std::filesystem::exists("/nonexistent"));
    auto [bad_status, bad_out] = RunCli({"calendar", "add-working-days", "2020-13-01", "1"});
    EXPECT_EQ(bad_status, 1);
    EXPECT_NE(bad_out.find("YYYY-MM-DD"), std::string::npos);
}

}  // namespace
}  // namespace ow::test
