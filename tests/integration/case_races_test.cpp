// Concurrency and integrity: reviewers deciding at the same moment, decisions racing the timers,
// and a history that shows any change made behind the application's back.
#include <boost/json.hpp>
#include <future>
#include <thread>

#include "app/database_factory.hpp"
#include "case_fixture.hpp"

namespace ow::test {
namespace {

namespace json = boost::json;

std::string Str(const json::value& v) {
    return std::string(v.as_string());
}

class CaseRaces : public CaseFlowTest {
protected:
    // A citizen's online application for the item at Pengjiang, accepted by its window.
    std::string SubmitAndAccept(const std::string& item_code) {
        HttpClient citizen = As("citizen");
        HttpClient window = As("window_clerk");
        auto item = Item(item_code);
        auto submitted = Post(citizen, "/api/v1/cases",
                              {{"item_code", item_code},
                               {"applicant", Person()},
                               {"channel", "online"},
                               {"service_point", "PJ-SC"},
                               {"form", FormFor(item)},
                               {"materials", Materials(citizen, item)}});
        EXPECT_EQ(submitted.status, 201) << submitted.body;
        std::string id = Str(submitted.Json().at("id"));
        auto accepted = window.Post("/api/v1/cases/" + id + "/accept", "");
        EXPECT_EQ(accepted.status, 200) << accepted.body;
        return id;
    }
};

void ExpectIntactHistory(const HttpClient& reader, const std::string& id) {
    auto events = reader.Get("/api/v1/cases/" + id + "/events").Json().at("events").as_array();
    for (size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].at("seq").as_int64(), static_cast<int64_t>(i + 1));
        if (i > 0) {
            EXPECT_EQ(events[i].at("prev_hash"), events[i - 1].at("hash"));
        }
    }
}

TEST_P(CaseRaces, TwoReviewersDecidingOneTaskAtOnce) {
    HttpClient second = Staff("civil_2", {"reviewer"}, "440700", "civil");
    HttpClient first = As("reviewer_civil");
    for (int round = 0; round < 3; ++round) {
        std::string id = SubmitAndAccept("CIVIL-003");
        int64_t task = TaskOf(first, id);
        std::string path = "/api/v1/tasks/" + std::to_string(task) + "/decision";
        auto a = std::async(std::launch::async, [&] {
            return first.Post(path, R"({"decision":"approve","opinion":"同意"})");
        });
        auto b = std::async(std::launch::async, [&] {
            return second.Post(path, R"({"decision":"reject","opinion":"不符合条件"})");
        });
        HttpResponse ra = a.get(), rb = b.get();
        EXPECT_EQ((ra.status == 200) + (rb.status == 200), 1) << ra.body << rb.body;
        EXPECT_TRUE(ra.status == 409 || rb.status == 409) << ra.status << " " << rb.status;
        auto c = first.Get("/api/v1/cases/" + id).Json();
        std::string status = Str(c.at("status"));
        EXPECT_TRUE(status == "closed" || status == "refused") << status;
        EXPECT_EQ(c.at("tasks").as_array().size(), 1u);
        ExpectIntactHistory(first, id);
    }
}

TEST_P(CaseRaces, ParallelDepartmentsApproveTogetherAndTheStagePassesOnce) {
    // DRC-002: one stage in which drc, nr and eco review in parallel.
    auto item = Item("DRC-002");
    ASSERT_EQ(item.at("workflow").at(0).at("departments").as_array().size(), 3u);
    HttpClient city = Staff("jm_window", {"window_clerk"}, "440700");
    auto submitted = Post(city, "/api/v1/cases",
                          {{"item_code", "DRC-002"},
                           {"applicant", Enterprise()},
                           {"channel", "window"},
                           {"service_point", "JM-SC"},
                           {"form", FormFor(item)},
                           {"materials", Materials(city, item)}});
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    std::string id = Str(submitted.Json().at("id"));
    auto accepted = Post(city, "/api/v1/cases/" + id + "/accept", {{"waived", Optional(item)}});
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    std::vector<std::future<HttpResponse>> decisions;
    std::vector<HttpClient> reviewers;
    for (const auto& d : item.at("workflow").at(0).at("departments").as_array()) {
        reviewers.push_back(As("reviewer_" + Str(d)));
    }
    std::vector<int64_t> tasks;
    for (auto& r : reviewers) tasks.push_back(TaskOf(r, id));
    for (size_t i = 0; i < reviewers.size(); ++i) {
        decisions.push_back(std::async(std::launch::async, [&, i] {
            return reviewers[i].Post("/api/v1/tasks/" + std::to_string(tasks[i]) + "/decision",
                                     R"({"decision":"approve","opinion":"同意"})");
        }));
    }
    for (auto& f : decisions) {
        auto r = f.get();
        EXPECT_EQ(r.status, 200) << r.body;
    }
    auto events =
        reviewers[0].Get("/api/v1/cases/" + id + "/events").Json().at("events").as_array();
    int passed = 0, decided = 0;
    for (const auto& e : events) {
        passed += e.at("type") == "stage.passed" ? 1 : 0;
        decided += e.at("type") == "task.decided" ? 1 : 0;
    }
    EXPECT_EQ(passed, 1);
    EXPECT_EQ(decided, 3);
    ExpectIntactHistory(reviewers[0], id);
}

TEST_P(CaseRaces, DecisionsRacingTheTimersLoseNothing) {
    std::vector<std::string> ids;
    for (int i = 0; i < 6; ++i) ids.push_back(SubmitAndAccept("CIVIL-003"));
    SetClock("2020-09-16T01:00:00Z");  // warnings change: every case's timers are due
    HttpClient admin = As("admin");
    HttpClient civil = As("reviewer_civil");
    std::atomic<bool> done{false};
    std::atomic<int> sweep_errors{0};
    std::thread sweeper([&] {
        while (!done) {
            auto r = admin.Post("/api/v1/admin/sweep", "");
            if (r.status != 200 || r.Json().at("failed").as_int64() != 0) ++sweep_errors;
        }
    });
    for (const auto& id : ids) {
        auto r = civil.Post("/api/v1/tasks/" + std::to_string(TaskOf(civil, id)) + "/decision",
                            R"({"decision":"approve","opinion":"同意"})");
        EXPECT_EQ(r.status, 200) << r.body;
    }
    done = true;
    sweeper.join();
    EXPECT_EQ(sweep_errors, 0);
    for (const auto& id : ids) {
        EXPECT_EQ(civil.Get("/api/v1/cases/" + id).Json().at("status"), "closed");
        ExpectIntactHistory(civil, id);
    }
    auto [status, out] = RunCli({"audit", "verify", "--db", db()});
    EXPECT_EQ(status, 0) << out;
}

TEST_P(CaseRaces, AlteringTheHistoryIsRefusedAndDetected) {
    std::string id = SubmitAndAccept("CIVIL-003");
    auto [ok_status, ok_out] = RunCli({"audit", "verify", "--db", db()});
    ASSERT_EQ(ok_status, 0) << ok_out;
    EXPECT_NE(ok_out.find("intact"), std::string::npos);
    auto db = app::OpenDatabase(this->db(), 2);
    ASSERT_TRUE(db.ok());
    // The database itself refuses to change an event.
    auto refused = (*db)->Write([&](storage::Connection& c) {
        return c.Execute("UPDATE case_events SET data = '{}' WHERE case_id = $1", {id});
    });
    EXPECT_FALSE(refused.ok());
    // Someone with the power to drop the guard can change a row, but not unnoticed.
    bool sqlite = GetParam() == storage::Dialect::kSqlite;
    auto tampered = (*db)->Write([&](storage::Connection& c) -> Result<void> {
        OW_TRY(c.ExecuteScript(sqlite ? "DROP TRIGGER case_events_no_update"
                                      : "DROP TRIGGER case_events_append_only ON case_events"));
        OW_TRY(c.Execute("UPDATE case_events SET data = $2 WHERE case_id = $1 AND seq = 2",
                         {id, std::string(R"({"deferred":"forged"})")}));
        return Ok();
    });
    ASSERT_TRUE(tampered.ok()) << tampered.error().detail();
    auto [status, out] = RunCli({"audit", "verify", "--db", this->db()});
    EXPECT_EQ(status, 1);
    EXPECT_NE(out.find(id), std::string::npos) << out;
    EXPECT_NE(out.find("event 2"), std::string::npos) << out;
}

OW_INSTANTIATE_SERVER_TEST(CaseRaces);

}  // namespace
}  // namespace ow::test
