// The seed's scenarios through the API, as the window, the departments and the applicants
// live them: Enping's four-stage construction approval, Taishan's deficiency-tolerant
// acceptance, Pengjiang's second application that takes materials from the vault, a Heshan
// bank-branch submission, acceptance by law, supplements that stop the clock.
#include <boost/json.hpp>

#include "case_fixture.hpp"

namespace ow::test {
namespace {

namespace json = boost::json;

using CaseFlows = CaseFlowTest;

std::string Str(const json::value& v) {
    return std::string(v.as_string());
}

TEST_P(CaseFlows, EnpingConstructionApprovalInFourParallelStages) {
    HttpClient window = Staff("ep_window", {"window_clerk"}, "440785");
    std::map<std::string, HttpClient> reviewers;  // department code @ unit -> reviewer
    for (const char* d : {"housing", "nr", "drc", "emergency"}) {
        reviewers.emplace(std::string(d) + "@440785",
                          Staff(std::string("ep_") + d, {"reviewer"}, "440785", d));
    }
    for (const char* d : {"eco", "water", "transport"}) {
        reviewers.emplace(std::string(d) + "@440700", As(std::string("reviewer_") + d));
    }
    auto item = Item("HOUSING-010");
    ASSERT_EQ(item.at("workflow").as_array().size(), 4u);
    json::object body{
        {"item_code", "HOUSING-010"},
        {"applicant", Enterprise()},
        {"channel", "window"},
        {"service_point", "EP-SC"},
        {"form", FormFor(item)},
        {"materials", Materials(window, item, {}, {"eia_report_form", "soil_water_plan"})},
        {"delivery", "download"}};
    auto submitted = Post(window, "/api/v1/cases", body);
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    auto c = submitted.Json().as_object();
    std::string id = Str(c.at("id"));
    EXPECT_EQ(c.at("status"), "submitted");
    EXPECT_EQ(c.at("materials").as_array().size(), 9u);  // eleven cut to nine
    EXPECT_EQ(c.at("counters").at("submitted"), 9);

    auto accepted = Post(window, "/api/v1/cases/" + id + "/accept", {});
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    c = accepted.Json().as_object();
    EXPECT_EQ(c.at("status"), "in_review");
    EXPECT_EQ(c.at("accepted_on"), "2020-09-07");
    // 40 working days from 7 Sep 2020, the National Day holiday excluded.
    auto promised =
        Client().Get("/api/v1/calendar/add-working-days?from=2020-09-07&days=40").Json();
    EXPECT_EQ(c.at("promised_deadline"), promised.at("date"));
    EXPECT_EQ(c.at("deadline"), c.at("promised_deadline"));  // the one the case is held to

    // Every stage in this drill starts on the day the previous one ends (7 Sep).
    const std::vector<int> limits = {10, 15, 5, 10};
    const std::string stage_start = "2020-09-07";
    for (size_t stage = 0; stage < 4; ++stage) {
        auto current = window.Get("/api/v1/cases/" + id).Json().as_object();
        EXPECT_EQ(current.at("stage"), static_cast<int64_t>(stage + 1));
        std::vector<json::object> pending;
        for (const auto& t : current.at("tasks").as_array()) {
            if (t.at("status") == "open") pending.push_back(t.as_object());
        }
        ASSERT_EQ(pending.size(),
                  item.at("workflow").at(stage).at("departments").as_array().size());
        auto due = Client()
                       .Get("/api/v1/calendar/add-working-days?from=" + stage_start +
                            "&days=" + std::to_string(limits[stage]))
                       .Json();
        for (const json::object& t : pending) {
            EXPECT_EQ(t.at("deadline"), due.at("date")) << "stage " << stage + 1;
            // Each task is in the inbox of the department at the right level: Enping's own
            // bureaus where Enping has them, the city's otherwise.
            std::string code = Str(t.at("department_code"));
            std::string key = code + (reviewers.count(code + "@440785") ? "@440785" : "@440700");
            ASSERT_TRUE(reviewers.count(key)) << key;
            EXPECT_EQ(t.at("department_id").as_int64(),
                      DepartmentId(key.substr(key.find('@') + 1), code));
            HttpClient& reviewer = reviewers.at(key);
            int64_t task = TaskOf(reviewer, id);
            auto decided = Post(reviewer, "/api/v1/tasks/" + std::to_string(task) + "/decision",
                                {{"decision", "approve"}, {"opinion", "同意"}});
            ASSERT_EQ(decided.status, 200) << decided.body;
        }
    }
    auto done = window.Get("/api/v1/cases/" + id).Json().as_object();
    EXPECT_EQ(done.at("status"), "closed");  // a download is delivered when issued
    EXPECT_EQ(done.at("result").at("kind"), "document");
    EXPECT_EQ(done.at("result").at("name_zh"), "工程建设项目各阶段审批文件及联合验收意见书");
    EXPECT_EQ(done.at("tasks").as_array().size(), 11u);
    // The enterprise's licence and land contract are now in its vault for the next application.
    auto vault = window.Get("/api/v1/vault?holder=91440705MA4UJ3QF2U").Json();
    std::set<std::string> kept;
    for (const auto& d : vault.at("documents").as_array()) {
        if (Str(d.at("source_case")) == id) kept.insert(Str(d.at("document_type")));
    }
    EXPECT_TRUE(kept.count("business_license"));
    EXPECT_TRUE(kept.count("land_grant_contract"));
    // The history is a hash chain from the first event to the last.
    auto events = window.Get("/api/v1/cases/" + id + "/events").Json().at("events").as_array();
    ASSERT_GE(events.size(), 20u);
    EXPECT_EQ(events.front().at("prev_hash"), "");
    for (size_t i = 1; i < events.size(); ++i) {
        EXPECT_EQ(events[i].at("prev_hash"), events[i - 1].at("hash"));
        EXPECT_EQ(events[i].at("seq").as_int64(), static_cast<int64_t>(i + 1));
    }
}

TEST_P(CaseFlows, TaishanAcceptsWithADeficiencyAndIssuesWhenTheMaterialArrives) {
    SetClock("2020-09-11T01:00:00Z");  // Friday 11 September: 王女士 at the Taishan centre
    HttpClient window = Staff("ts_window", {"window_clerk"}, "440781");
    HttpClient reviewer = Staff("ts_amr", {"reviewer"}, "440781", "amr");
    auto item = Item("AMR-001");
    json::object body{{"item_code", "AMR-001"},
                      {"applicant", Enterprise()},
                      {"channel", "window"},
                      {"service_point", "TS-SC"},
                      {"form", FormFor(item)},
                      {"materials", Materials(window, item, {"business_scope_statement"})},
                      {"delivery", "window_pickup"}};
    auto submitted = Post(window, "/api/v1/cases", body);
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    std::string id = Str(submitted.Json().at("id"));
    auto precheck = window.Get("/api/v1/cases/" + id + "/precheck").Json();
    std::map<std::string, std::string> states;
    for (const auto& m : precheck.at("materials").as_array()) {
        states[Str(m.at("requirement"))] = Str(m.at("state"));
    }
    EXPECT_EQ(states["business_scope_statement"], "deferrable");
    EXPECT_EQ(states["application"], "provided");

    auto no_commitment = Post(window, "/api/v1/cases/" + id + "/accept",
                              {{"deferred", json::array{"business_scope_statement"}}});
    EXPECT_EQ(no_commitment.status, 400);
    EXPECT_EQ(no_commitment.Json().at("error").at("field"), "commitment");
    auto not_deferrable = Post(window, "/api/v1/cases/" + id + "/accept",
                               {{"deferred", json::array{"application"}}, {"commitment", "x"}});
    EXPECT_EQ(not_deferrable.status, 422);
    auto accepted = Post(window, "/api/v1/cases/" + id + "/accept",
                         {{"deferred", json::array{"business_scope_statement"}},
                          {"waived", json::array{"articles", "officer_appointments",
                                                 "power_of_attorney", "agent_id_card"}},
                          {"commitment", "本人承诺于承诺时限内补交经营范围说明"}});
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    auto c = accepted.Json().as_object();
    ASSERT_EQ(c.at("notices").as_array().size(), 1u);
    auto notice = c.at("notices").at(0).as_object();
    EXPECT_EQ(notice.at("kind"), "deficiency");
    EXPECT_EQ(notice.at("lines").at(0).at("subject"), "business_scope_statement");
    EXPECT_EQ(notice.at("lines").at(0).at("due"), "2020-09-14");  // within the promised 1 day
    EXPECT_EQ(notice.at("consequence"), "terminate");

    int64_t task = TaskOf(reviewer, id);
    ASSERT_EQ(Post(reviewer, "/api/v1/tasks/" + std::to_string(task) + "/decision",
                   {{"decision", "approve"}, {"opinion", "同意设立"}})
                  .status,
              200);
    c = window.Get("/api/v1/cases/" + id).Json().as_object();
    EXPECT_EQ(c.at("status"), "approved");  // reviewed, but no licence without the statement
    EXPECT_TRUE(c.at("result").is_null());

    // The enterprise supplies it from home on Monday; the clerk hands the licence out then.
    SetClock("2020-09-14T02:00:00Z");
    window = As("ts_window", "Staff-password-2020");
    HttpClient enterprise = As("enterprise");
    auto mine = enterprise.Get("/api/v1/cases").Json().at("cases").as_array();
    ASSERT_EQ(mine.size(), 1u);
    auto supplied =
        Post(enterprise, "/api/v1/cases/" + id + "/supplements",
             {{"materials", json::array{json::object{{"requirement", "business_scope_statement"},
                                                     {"file", Upload(enterprise, "scope")}}}}});
    ASSERT_EQ(supplied.status, 200) << supplied.body;
    EXPECT_EQ(supplied.Json().at("status"), "issued");
    auto delivered = Post(window, "/api/v1/cases/" + id + "/deliver", {});
    EXPECT_EQ(delivered.Json().at("status"), "closed");
    EXPECT_EQ(delivered.Json().at("counters").at("visits"), 2);
}

TEST_P(CaseFlows, ADeferredMaterialThatMissesItsDeadlineEndsTheCase) {
    SetClock("2020-09-11T01:00:00Z");
    HttpClient window = Staff("ts_window", {"window_clerk"}, "440781");
    auto item = Item("AMR-001");
    auto submitted = Post(window, "/api/v1/cases",
                          {{"item_code", "AMR-001"},
                           {"applicant", Enterprise()},
                           {"channel", "window"},
                           {"service_point", "TS-SC"},
                           {"form", FormFor(item)},
                           {"materials", Materials(window, item, {"business_scope_statement"})}});
    std::string id = Str(submitted.Json().at("id"));
    ASSERT_EQ(Post(window, "/api/v1/cases/" + id + "/accept",
                   {{"deferred", json::array{"business_scope_statement"}},
                    {"waived", json::array{"articles", "officer_appointments", "power_of_attorney",
                                           "agent_id_card"}},
                    {"commitment", "承诺补交"}})
                  .status,
              200);
    SetClock("2020-09-14T15:00:00Z");  // 23:00 on the due day: still in time
    As("admin").Post("/api/v1/admin/sweep", "");
    EXPECT_EQ(As("ts_window", "Staff-password-2020").Get("/api/v1/cases/" + id).Json().at("status"),
              "in_review");
    SetClock("2020-09-15T01:00:00Z");
    auto sweep = As("admin").Post("/api/v1/admin/sweep", "");
    ASSERT_EQ(sweep.status, 200) << sweep.body;
    EXPECT_GE(sweep.Json().at("changed").as_int64(), 1);
    auto c = As("ts_window", "Staff-password-2020").Get("/api/v1/cases/" + id).Json();
    EXPECT_EQ(c.at("status"), "terminated");
    for (const auto& t : c.at("tasks").as_array()) EXPECT_EQ(t.at("status"), "cancelled");
}

TEST_P(CaseFlows, PengjiangsSecondApplicationTakesMaterialsFromTheVault) {
    HttpClient citizen = As("citizen");
    HttpClient window = As("window_clerk");
    HttpClient civil = As("reviewer_civil");
    auto first = ApplyForElder(citizen);
    ASSERT_EQ(first.status, 201) << first.body;
    std::string id = Str(first.Json().at("id"));
    EXPECT_EQ(first.Json().at("counters").at("visits"), 0);
    ASSERT_EQ(Post(window, "/api/v1/cases/" + id + "/accept", {}).status, 200);
    ASSERT_EQ(Post(civil, "/api/v1/tasks/" + std::to_string(TaskOf(civil, id)) + "/decision",
                   {{"decision", "approve"}, {"opinion", "符合条件"}})
                  .status,
              200);
    auto vault = citizen.Get("/api/v1/vault").Json().at("documents").as_array();
    std::set<std::string> kept;
    for (const auto& d : vault) kept.insert(Str(d.at("document_type")));
    EXPECT_TRUE(kept.count("resident_id_card"));
    EXPECT_TRUE(kept.count("household_register"));

    // A second application needing the ID card: not asked for again, with consent.
    auto replacement = Item("NR-004");
    auto without = Post(citizen, "/api/v1/cases",
                        {{"item_code", "NR-004"},
                         {"applicant", Person()},
                         {"channel", "online"},
                         {"service_point", "PJ-SC"},
                         {"form", FormFor(replacement)},
                         {"materials", Materials(citizen, replacement, {"applicant_id_card"})}});
    ASSERT_EQ(without.status, 201) << without.body;
    auto with = Post(citizen, "/api/v1/cases",
                     {{"item_code", "NR-004"},
                      {"applicant", Person()},
                      {"channel", "online"},
                      {"service_point", "PJ-SC"},
                      {"vault_consent", true},
                      {"form", FormFor(replacement)},
                      {"materials", Materials(citizen, replacement, {"applicant_id_card"})}});
    ASSERT_EQ(with.status, 201) << with.body;
    auto state = [](const HttpResponse& r, const std::string& code) {
        auto body = r.Json();
        for (const auto& m : body.at("materials").as_array()) {
            if (Str(m.at("requirement")) == code) return Str(m.at("state"));
        }
        return std::string();
    };
    EXPECT_EQ(state(without, "applicant_id_card"), "missing");
    EXPECT_EQ(state(with, "applicant_id_card"), "from_vault");
    EXPECT_EQ(with.Json().at("counters").at("reused"), 1);
    // Someone else's vault is not theirs to use.
    HttpClient other = As("enterprise");
    EXPECT_EQ(other.Get("/api/v1/vault?holder=440703199001011239").status, 403);
}

TEST_P(CaseFlows, HeshanBankBranchSubmitsWithTheApplicantsConsent) {
    HttpClient bank = As("bank_clerk");
    HttpClient hpf = Staff("hs_hpf", {"reviewer"}, "440784", "hpf");
    auto item = Item("HPF-002");
    json::object body{{"item_code", "HPF-002"}, {"applicant", Person()},
                      {"channel", "bank"},      {"service_point", "HS-CCB-01"},
                      {"form", FormFor(item)},  {"materials", Materials(bank, item)}};
    auto no_consent = Post(bank, "/api/v1/cases", body);
    EXPECT_EQ(no_consent.status, 400);
    EXPECT_EQ(no_consent.Json().at("error").at("field"), "consent");
    body["consent"] = {{"given", true}, {"method", "signature"}, {"note", "申请人当面签字授权"}};
    auto wrong_point = body;
    wrong_point["service_point"] = "PJ-SC";
    EXPECT_EQ(Post(bank, "/api/v1/cases", wrong_point).status, 422);
    auto submitted = Post(bank, "/api/v1/cases", body);
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    auto c = submitted.Json().as_object();
    EXPECT_EQ(c.at("channel"), "bank");
    EXPECT_EQ(c.at("consent").at("given"), true);
    EXPECT_EQ(c.at("consent").at("method"), "signature");
    EXPECT_EQ(c.at("service_point").at("kind"), "bank_branch");
    EXPECT_EQ(c.at("counters").at("visits"), 1);
    // Handled by Heshan's provident-fund office: the bank branch passes it on.
    EXPECT_EQ(c.at("handling_unit_id").as_int64(), UnitId("440784"));
    auto events = bank.Get("/api/v1/cases/" + Str(c.at("id")) + "/events").Json();
    EXPECT_EQ(events.at("events").at(0).at("data").at("consent"), "signature");
    // The applicant sees it among their cases.
    auto mine = As("citizen").Get("/api/v1/cases").Json().at("cases").as_array();
    ASSERT_EQ(mine.size(), 1u);
    // An instant-approval withdrawal is decided on the spot.
    auto instant_item = Item("HPF-003");
    auto instant = Post(bank, "/api/v1/cases",
                        {{"item_code", "HPF-003"},
                         {"applicant", Person()},
                         {"channel", "bank"},
                         {"service_point", "HS-CCB-01"},
                         {"consent", body["consent"]},
                         {"form", FormFor(instant_item)},
                         {"materials", Materials(bank, instant_item)}});
    ASSERT_EQ(instant.status, 201) << instant.body;
    EXPECT_EQ(instant.Json().at("status"), "closed");
    EXPECT_TRUE(instant.Json().at("accepted_by").is_null());
}

TEST_P(CaseFlows, NoDecisionWithinFiveWorkingDaysMeansAcceptedByLaw) {
    HttpClient citizen = As("citizen");
    auto submitted = ApplyForElder(citizen);
    std::string id = Str(submitted.Json().at("id"));
    SetClock("2020-09-14T08:00:00Z");  // the fifth working day
    As("admin").Post("/api/v1/admin/sweep", "");
    EXPECT_EQ(As("citizen").Get("/api/v1/cases/" + id).Json().at("status"), "submitted");
    SetClock("2020-09-15T01:00:00Z");
    As("admin").Post("/api/v1/admin/sweep", "");
    auto c = As("citizen").Get("/api/v1/cases/" + id).Json();
    EXPECT_EQ(c.at("status"), "in_review");
    EXPECT_EQ(c.at("auto_accepted"), true);
    EXPECT_EQ(c.at("accepted_on"), "2020-09-07");
    EXPECT_TRUE(c.at("accepted_by").is_null());
}

TEST_P(CaseFlows, ASupplementRequestStopsTheClockUntilTheApplicantAnswers) {
    HttpClient citizen = As("citizen");
    HttpClient window = As("window_clerk");
    HttpClient civil = As("reviewer_civil");
    std::string id = ElderCaseOf(citizen);
    auto accepted = Post(window, "/api/v1/cases/" + id + "/accept", {}).Json();
    std::string deadline = Str(accepted.at("promised_deadline"));
    int64_t task = TaskOf(civil, id);
    ASSERT_EQ(Post(civil, "/api/v1/tasks/" + std::to_string(task) + "/claim", {}).status, 200);
    auto asked = Post(civil, "/api/v1/tasks/" + std::to_string(task) + "/decision",
                      {{"decision", "supplement"},
                       {"opinion", "请补充户口簿首页"},
                       {"materials", json::array{"household_register"}}});
    ASSERT_EQ(asked.status, 200) << asked.body;
    EXPECT_EQ(asked.Json().at("status"), "suspended");
    EXPECT_EQ(Post(civil, "/api/v1/tasks/" + std::to_string(task) + "/decision",
                   {{"decision", "approve"}, {"opinion", "同意"}})
                  .status,
              409);                    // waiting for the applicant
    SetClock("2020-09-11T01:00:00Z");  // four working days later
    citizen = As("citizen");
    civil = As("reviewer_civil");
    auto supplied =
        Post(citizen, "/api/v1/cases/" + id + "/supplements",
             {{"materials", json::array{json::object{{"requirement", "household_register"},
                                                     {"file", Upload(citizen, "hukou")}}}}});
    ASSERT_EQ(supplied.status, 200) << supplied.body;
    auto c = supplied.Json();
    EXPECT_EQ(c.at("status"), "in_review");
    auto moved =
        Client().Get("/api/v1/calendar/add-working-days?from=" + deadline + "&days=4").Json();
    EXPECT_EQ(c.at("promised_deadline"), moved.at("date"));
    ASSERT_EQ(Post(civil, "/api/v1/tasks/" + std::to_string(task) + "/decision",
                   {{"decision", "approve"}, {"opinion", "同意"}})
                  .status,
              200);
}

TEST_P(CaseFlows, ReturnResubmitRefuseWithdraw) {
    HttpClient citizen = As("citizen");
    HttpClient window = As("window_clerk");
    auto submit = [&] { return ElderCaseOf(citizen); };
    std::string id = submit();
    auto returned = Post(
        window, "/api/v1/cases/" + id + "/return",
        {{"problems", json::array{json::object{{"subject", "household_register"},
                                               {"message", "户口簿照片不清晰，请重新上传"}}}}});
    ASSERT_EQ(returned.status, 200) << returned.body;
    EXPECT_EQ(returned.Json().at("status"), "returned");
    EXPECT_EQ(returned.Json().at("notices").at(0).at("kind"), "correction");
    auto again = Post(citizen, "/api/v1/cases/" + id + "/resubmit",
                      {{"materials", json::array{json::object{{"requirement", "household_register"},
                                                              {"file", Upload(citizen)}}}}});
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.Json().at("status"), "submitted");
    auto refused =
        Post(window, "/api/v1/cases/" + id + "/refuse", {{"reason", "不符合高龄津贴年龄条件"}});
    EXPECT_EQ(refused.Json().at("status"), "refused");
    std::string second = submit();
    EXPECT_EQ(Post(window, "/api/v1/cases/" + second + "/withdraw", {}).status, 200);
    EXPECT_EQ(Post(citizen, "/api/v1/cases/" + second + "/withdraw", {}).status, 409);
}

TEST_P(CaseFlows, WhoAcceptedMayNotReviewAndReviewersSeeOnlyTheirDepartment) {
    HttpClient both = Staff("jm_both", {"window_clerk", "reviewer"}, "440700", "civil");
    HttpClient citizen = As("citizen");
    std::string id = ElderCaseOf(citizen);
    ASSERT_EQ(Post(both, "/api/v1/cases/" + id + "/accept", {}).status, 200);
    int64_t task = TaskOf(both, id);
    auto claim = Post(both, "/api/v1/tasks/" + std::to_string(task) + "/claim", {});
    EXPECT_EQ(claim.status, 403);
    EXPECT_EQ(claim.ErrorCode(), "separation_of_duties");
    HttpClient nr = As("reviewer_nr");
    auto nr_inbox = nr.Get("/api/v1/tasks").Json();
    for (const auto& t : nr_inbox.at("tasks").as_array()) {
        EXPECT_NE(Str(t.at("case_id")), id);
    }
    EXPECT_EQ(Post(nr, "/api/v1/tasks/" + std::to_string(task) + "/decision",
                   {{"decision", "approve"}, {"opinion", "x"}})
                  .ErrorCode(),
              "out_of_scope");
    EXPECT_EQ(nr.Get("/api/v1/cases/" + id).status, 403);
    // Citizens cannot find other people's cases, whatever id they try.
    EXPECT_EQ(As("enterprise").Get("/api/v1/cases/" + id).status, 404);
    EXPECT_EQ(As("enterprise").Get("/api/v1/cases/" + id + "/events").status, 404);
    // The reviewer's reading of the case is on record.
    EXPECT_EQ(As("reviewer_civil").Get("/api/v1/cases/" + id).status, 200);
}

TEST_P(CaseFlows, StaffReadsAreOnRecordForTheApplicantAndSupervisors) {
    HttpClient citizen = As("citizen");
    std::string id = ElderCaseOf(citizen);
    HttpClient window = As("window_clerk");
    ASSERT_EQ(window.Get("/api/v1/cases/" + id).status, 200);
    ASSERT_EQ(window.Get("/api/v1/cases/" + id + "/events").status, 200);
    ASSERT_EQ(citizen.Get("/api/v1/cases/" + id).status, 200);  // the applicant's own: not logged

    // The applicant sees who looked at the file, and why.
    auto mine = citizen.Get("/api/v1/cases/" + id + "/reads");
    ASSERT_EQ(mine.status, 200) << mine.body;
    auto reads = mine.Json().at("reads").as_array();
    ASSERT_EQ(reads.size(), 2u);
    EXPECT_EQ(reads[0].at("purpose"), "view");
    EXPECT_EQ(reads[1].at("purpose"), "history");
    EXPECT_EQ(reads[0].at("user_id"), window.Get("/api/v1/me").Json().at("id"));
    EXPECT_FALSE(Str(reads[0].at("display_name")).empty());

    // Staff who handle cases do not browse each other's reading; a supervisor may, on record.
    EXPECT_EQ(window.Get("/api/v1/cases/" + id + "/reads").status, 403);
    HttpClient supervisor = As("supervisor");
    auto checked = supervisor.Get("/api/v1/cases/" + id + "/reads");
    ASSERT_EQ(checked.status, 200) << checked.body;
    auto after = citizen.Get("/api/v1/cases/" + id + "/reads").Json().at("reads").as_array();
    ASSERT_EQ(after.size(), 3u);
    EXPECT_EQ(after[2].at("purpose"), "access_log");
    // Someone else's case is not there at all.
    EXPECT_EQ(As("enterprise").Get("/api/v1/cases/" + id + "/reads").status, 404);
}

TEST_P(CaseFlows, TheWindowLooksUpAVisitorsCasesByIdNumber) {
    HttpClient citizen = As("citizen");
    std::string id = ElderCaseOf(citizen);
    std::string number(Person().at("id_number").as_string());
    HttpClient window = As("window_clerk");
    auto found = window.Get("/api/v1/cases?applicant=" + number).Json();
    ASSERT_EQ(found.at("cases").as_array().size(), 1u);
    EXPECT_EQ(Str(found.at("cases").as_array()[0].at("id")), id);
    auto bad = window.Get("/api/v1/cases?applicant=440703199001011230");  // wrong check digit
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.ErrorField(), "applicant");
    // A citizen naming someone else's number sees nothing, not their cases.
    EXPECT_TRUE(citizen.Get("/api/v1/cases?applicant=11010519491231002X")
                    .Json()
                    .at("cases")
                    .as_array()
                    .empty());
    EXPECT_EQ(citizen.Get("/api/v1/cases?applicant=" + number).Json().at("cases").as_array().size(),
              1u);
}

TEST_P(CaseFlows, TheWindowHearsOfCasesForItWithoutAsking) {
    HttpClient window = Client();
    WsClient live(server().port(), {{"Authorization", "Bearer " + window.Login("window_clerk")}});
    EXPECT_NE(live.Read().find("\"hello\""), std::string::npos);
    HttpClient citizen = As("citizen");
    std::string id = ElderCaseOf(citizen);
    auto heard = json::parse(live.Read());
    EXPECT_EQ(heard.at("type"), "case.updated");
    EXPECT_EQ(Str(heard.at("case_id")), id);
    EXPECT_EQ(heard.at("status"), "submitted");
}

TEST_P(CaseFlows, ApplyingForOneselfNeedsNoIdNumberTyped) {
    HttpClient citizen = As("citizen");
    auto elder = Item("CIVIL-003");
    auto mine = Post(citizen, "/api/v1/cases",
                     {{"item_code", "CIVIL-003"},
                      {"channel", "online"},
                      {"service_point", "PJ-SC"},
                      {"form", FormFor(elder)},
                      {"materials", Materials(citizen, elder)}});
    ASSERT_EQ(mine.status, 201) << mine.body;
    EXPECT_EQ(mine.Json().at("applicant").at("id"), "440703199001011239");
    EXPECT_EQ(mine.Json().at("applicant").at("name"), "陈小明");
    // Staff always say whom they act for.
    HttpClient window = As("window_clerk");
    auto staff = Post(window, "/api/v1/cases",
                      {{"item_code", "CIVIL-003"},
                       {"channel", "window"},
                       {"service_point", "PJ-SC"},
                       {"form", FormFor(elder)},
                       {"materials", Materials(window, elder)}});
    EXPECT_EQ(staff.status, 400) << staff.body;
    EXPECT_EQ(staff.ErrorField(), "applicant");
}

TEST_P(CaseFlows, TimersChangingAWarningReachTheDepartmentLive) {
    HttpClient citizen = As("citizen");
    auto submitted = ApplyForElder(citizen);
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    std::string id = Str(submitted.Json().at("id"));
    auto accepted = Post(As("window_clerk"), "/api/v1/cases/" + id + "/accept", {});
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    SetClock("2020-09-17T01:00:00Z");  // the task's last working day but one or so: past a third
    HttpClient reviewer = Client();
    std::string token = reviewer.Login("reviewer_civil");
    reviewer.SetToken(token);
    WsClient live(server().port(), {{"Authorization", "Bearer " + token}});
    EXPECT_NE(live.Read().find("\"hello\""), std::string::npos);
    auto sweep = As("admin").Post("/api/v1/admin/sweep", "");
    ASSERT_EQ(sweep.status, 200) << sweep.body;
    EXPECT_GE(sweep.Json().at("changed").as_int64(), 1);
    // The department hears its inbox changed, without asking.
    bool inbox = false;
    for (int i = 0; i < 3 && !inbox; ++i) {
        std::string heard = live.Read();
        auto msg = json::parse(heard).as_object();
        inbox = msg.at("type") == "inbox.changed" && msg.contains("case_id") &&
                Str(msg.at("case_id")) == id;
        if (!inbox) ADD_FAILURE() << heard;
    }
    EXPECT_TRUE(inbox);
    auto tasks = reviewer.Get("/api/v1/tasks").Json();
    ASSERT_FALSE(tasks.at("tasks").as_array().empty());
    EXPECT_NE(tasks.at("tasks").as_array()[0].at("warning"), "normal");
}

TEST_P(CaseFlows, AReviewerOpensOneTaskOfTheDepartmentEvenOnceDecided) {
    HttpClient citizen = As("citizen");
    HttpClient civil = As("reviewer_civil");
    auto submitted = ApplyForElder(citizen);
    std::string id = Str(submitted.Json().at("id"));
    ASSERT_EQ(Post(As("window_clerk"), "/api/v1/cases/" + id + "/accept", {}).status, 200);
    std::string task = "/api/v1/tasks/" + std::to_string(TaskOf(civil, id));
    auto open = civil.Get(task);
    ASSERT_EQ(open.status, 200) << open.body;
    EXPECT_EQ(Str(open.Json().at("case_id")), id);
    EXPECT_EQ(open.Json().at("status"), "open");
    EXPECT_EQ(open.Json().at("item_code"), "CIVIL-003");
    ASSERT_EQ(
        Post(civil, task + "/decision", {{"decision", "approve"}, {"opinion", "同意"}}).status,
        200);
    // Out of the inbox, still there for whoever follows the link.
    auto decided = civil.Get(task).Json();
    EXPECT_EQ(decided.at("status"), "approved");
    EXPECT_EQ(decided.at("opinion"), "同意");
    // Another department's reviewer is not told the task exists; the applicant may not ask.
    EXPECT_EQ(As("reviewer_nr").Get(task).status, 404);
    EXPECT_EQ(citizen.Get(task).status, 403);
    EXPECT_EQ(civil.Get("/api/v1/tasks/999999").status, 404);
}

TEST_P(CaseFlows, ABundleIsOneApplicationWithOneSetOfMaterials) {
    HttpClient window = As("window_clerk");
    auto bundle = Client().Get("/api/v1/bundles/BUNDLE-STARTUP").Json().as_object();
    json::array materials;
    for (const auto& m : bundle.at("materials").as_array()) {
        if (m.at("requirement") != "required") continue;
        materials.push_back({{"requirement", m.at("code")}, {"file", Upload(window)}});
    }
    EXPECT_LT(bundle.at("materials").as_array().size(),
              static_cast<size_t>(bundle.at("materials_if_separate").as_int64()));
    json::object forms;
    for (const auto& code : bundle.at("items").as_array()) {
        forms[code.as_string()] = FormFor(Item(Str(code)));
    }
    auto submitted = Post(window, "/api/v1/cases",
                          {{"bundle_code", "BUNDLE-STARTUP"},
                           {"applicant", Enterprise()},
                           {"channel", "window"},
                           {"service_point", "PJ-SC"},
                           {"forms", forms},
                           {"materials", materials}});
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    auto cases = submitted.Json().at("cases").as_array();
    EXPECT_EQ(cases.size(), bundle.at("items").as_array().size());
    for (const auto& c : cases) {
        EXPECT_EQ(c.at("bundle_application"), submitted.Json().at("bundle_application"));
        for (const auto& m : c.at("materials").as_array()) {
            if (m.at("kind") == "required") {
                EXPECT_EQ(m.at("state"), "provided") << m;
            }
        }
    }
}

TEST_P(CaseFlows, BadApplicationsAreRefusedAndStoreNothing) {
    HttpClient citizen = As("citizen");
    auto elder = Item("CIVIL-003");
    json::object good{{"item_code", "CIVIL-003"}, {"applicant", Person()},
                      {"channel", "online"},      {"service_point", "PJ-SC"},
                      {"form", FormFor(elder)},   {"materials", Materials(citizen, elder)}};
    auto with = [&](const char* key, json::value v) {
        json::object b = good;
        b[key] = std::move(v);
        return Post(citizen, "/api/v1/cases", b);
    };
    auto bad_id = with("applicant", Person("110101199003070000", "张三"));
    EXPECT_EQ(bad_id.status, 422);
    EXPECT_EQ(bad_id.ErrorCode(), "invalid_id_number");
    EXPECT_EQ(with("applicant", Person("11010519491231002X", "李四")).status, 403);  // not them
    EXPECT_EQ(with("item_code", "NO-SUCH").Json().at("error").at("field"), "item_code");
    EXPECT_EQ(with("channel", "window").status, 422);
    json::object form = FormFor(elder);
    form["elder_id_number"] = "440703199001011230";
    auto bad_form = with("form", form);
    EXPECT_EQ(bad_form.Json().at("error").at("field"), "form.elder_id_number");
    auto stranger_file =
        Post(citizen, "/api/v1/cases",
             {{"item_code", "CIVIL-003"},
              {"applicant", Person()},
              {"channel", "online"},
              {"form", FormFor(elder)},
              {"materials", json::array{json::object{{"requirement", "applicant_id_card"},
                                                     {"file", Upload(As("window_clerk"))}}}}});
    EXPECT_EQ(stranger_file.Json().at("error").at("field"), "materials.applicant_id_card");
    EXPECT_EQ(citizen.Get("/api/v1/cases").Json().at("cases").as_array().size(), 0u);
    // Uploads are checked by content and size.
    auto html = citizen.Request("POST", "/api/v1/files", "<html>hi</html>",
                                {{"Content-Type", "application/pdf"}});
    EXPECT_EQ(html.status, 415);
    // One's own file opens inside this site's pages (the viewer), and runs nothing.
    std::string mine = Upload(citizen);
    auto own = citizen.Get("/api/v1/files/" + mine);
    EXPECT_EQ(own.status, 200);
    // HEAD tells a viewer what kind of file it is without sending it.
    auto head = citizen.Request("HEAD", "/api/v1/files/" + mine, "");
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.Header("content-type"), "application/pdf");
    EXPECT_TRUE(head.body.empty());
    EXPECT_EQ(own.Header("content-type"), "application/pdf");
    EXPECT_EQ(own.Header("x-frame-options"), "SAMEORIGIN");
    EXPECT_NE(own.Header("content-security-policy").find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(citizen.Get("/api/v1/cases").Header("x-frame-options"), "DENY");
    // The file keeps its name, Chinese too (percent-encoded in X-File-Name); a name that is not
    // valid percent-encoding is replaced, the file still taken.
    auto named = citizen.Request("POST", "/api/v1/files", "%PDF-1.4\n% named\n",
                                 {{"Content-Type", "application/pdf"},
                                  {"X-File-Name", "%E8%BA%AB%E4%BB%BD%E8%AF%81%20scan.pdf"}});
    ASSERT_EQ(named.status, 201) << named.body;
    EXPECT_EQ(named.Json().at("name"), "身份证 scan.pdf");
    auto garbled =
        citizen.Request("POST", "/api/v1/files", "%PDF-1.4\n% garbled\n",
                        {{"Content-Type", "application/pdf"}, {"X-File-Name", "%ZZ.pdf"}});
    ASSERT_EQ(garbled.status, 201) << garbled.body;
    EXPECT_EQ(garbled.Json().at("name"), "upload");
}

TEST_P(CaseFlows, RetriesWithAnIdempotencyKeyCreateOneCase) {
    HttpClient citizen = As("citizen");
    auto elder = Item("CIVIL-003");
    std::string body = json::serialize(json::object{{"item_code", "CIVIL-003"},
                                                    {"applicant", Person()},
                                                    {"channel", "online"},
                                                    {"service_point", "PJ-SC"},
                                                    {"form", FormFor(elder)},
                                                    {"materials", Materials(citizen, elder)}});
    auto first = citizen.Request("POST", "/api/v1/cases", body, {{"Idempotency-Key", "apply-1"}});
    auto retry = citizen.Request("POST", "/api/v1/cases", body, {{"Idempotency-Key", "apply-1"}});
    ASSERT_EQ(first.status, 201);
    EXPECT_EQ(retry.status, 201);
    EXPECT_EQ(retry.Header("idempotent-replayed"), "true");
    EXPECT_EQ(first.Json().at("id"), retry.Json().at("id"));
    EXPECT_EQ(citizen.Get("/api/v1/cases").Json().at("cases").as_array().size(), 1u);
    auto other =
        citizen.Request("POST", "/api/v1/cases", body + " ", {{"Idempotency-Key", "apply-1"}});
    EXPECT_EQ(other.status, 409);
}

OW_INSTANTIATE_SERVER_TEST(CaseFlows);

}  // namespace
}  // namespace ow::test
