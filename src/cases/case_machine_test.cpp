#include "cases/case_machine.hpp"

#include <gtest/gtest.h>

#include "catalog/test_items.hpp"

namespace ow::cases {
namespace {

using namespace std::chrono;

Date D(std::string_view s) {
    return ParseDate(s).value();
}

const calendar::WorkingDayCalendar& Calendar() {
    static const calendar::WorkingDayCalendar cal(calendar::ShippedNotices(), {});
    return cal;
}

// Enping's construction approval: four stages of 10, 15, 5 and 10 working days.
catalog::Item Construction() {
    catalog::Item i = catalog::testing::StartupRegistration();
    i.code = "HOUSING-010";
    i.version = 3;
    i.department = "housing";
    i.statutory_limit_days = 55;
    i.promised_limit_days = 40;
    i.workflow = {{{"立项用地规划许可", "Project and land-use planning"}, 10, {"drc", "nr"}},
                  {{"工程建设许可", "Construction works permit"}, 15, {"nr", "housing", "eco"}},
                  {{"施工许可", "Construction permit"}, 5, {"housing", "emergency"}},
                  {{"竣工验收", "Completion acceptance"}, 10, {"housing", "nr", "water"}}};
    i.result = {true, "construction_permit", {}};
    return i;
}

struct Harness {
    explicit Harness(catalog::Item i) : item(std::move(i)) {}
    catalog::Item item;
    std::vector<catalog::DocumentType> types = {
        {"resident_id_card", {"居民身份证", "ID card"}, false, 0, {}},
        {"construction_permit", {"施工许可证", "Construction permit"}, true, 0, {}},
        {"business_license", {"营业执照", "Business license"}, true, 0, {}}};
    Date today;
    Outcome out;
    std::map<std::string, int64_t> departments = {{"drc", 1}, {"nr", 2},        {"housing", 3},
                                                  {"eco", 4}, {"emergency", 5}, {"water", 6},
                                                  {"amr", 7}};

    MachineContext Ctx(std::optional<int64_t> actor = 100, std::string channel = "window") {
        return MachineContext{
            item,
            Calendar(),
            types,
            StartOfDay(today) + hours(3),
            today,
            actor,
            std::move(channel),
            WarningPolicy{},
            [this](const std::string& code) -> Result<int64_t> { return departments.at(code); },
            {}};
    }

    NewCase Submission(std::map<std::string, std::string> uploads) {
        NewCase s;
        s.id = "20200901-TEST";
        s.applicant = {"enterprise", "91440705MA4UJ3QF2U", "江门市桥裕纸业有限公司", 9};
        s.channel = "window";
        s.service_point_id = 1;
        s.handling_unit_id = 1;
        s.submitted_by = 100;
        s.delivery = "window_pickup";
        s.uploads = std::move(uploads);
        return s;
    }

    // Stored ids, as the store would assign them.
    static void NumberTasks(Case& c) {
        int64_t next = 1;
        for (Task& t : c.tasks) {
            if (t.id == 0) t.id = 1000 + next;
            ++next;
        }
    }

    std::vector<Task*> Pending(Case& c) {
        std::vector<Task*> out;
        for (Task& t : c.tasks) {
            if (IsPending(t.status)) out.push_back(&t);
        }
        return out;
    }

    void ApproveStage(Case& c, int64_t reviewer = 200) {
        NumberTasks(c);
        for (Task* t : Pending(c)) {
            ASSERT_TRUE(Decide(c, t->id, reviewer, t->department_id, {"approve", "同意", {}},
                               Ctx(reviewer), out)
                            .ok());
        }
        NumberTasks(c);
    }

    bool HasEvent(const std::string& type) const {
        for (const auto& e : out.events) {
            if (e.type == type) return true;
        }
        return false;
    }
};

const std::map<std::string, std::string> kAll = {
    {"application", "f1"}, {"id_card", "f2"}, {"scope", "f3"}, {"lease", "f4"}};

TEST(CaseMachine, EnpingFourStagesInParallelThenTheLicense) {
    Harness h{Construction()};
    h.today = D("2020-09-01");
    auto c = Submit(h.Submission(kAll), h.Ctx(), h.out);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->status, CaseStatus::kSubmitted);
    EXPECT_EQ(c->counters.submitted, 4);
    EXPECT_EQ(c->counters.visits, 1);
    ASSERT_TRUE(Accept(*c, {}, h.Ctx(), h.out).ok());
    EXPECT_EQ(c->status, CaseStatus::kInReview);
    EXPECT_EQ(c->accepted_on, D("2020-09-01"));
    // 40 working days from 1 Sep 2020, across the National Day holiday (1-8 Oct, 27 Sep and
    // 10 Oct worked).
    EXPECT_EQ(c->promised_deadline, Calendar().AddWorkingDays(D("2020-09-01"), 40)->date);
    EXPECT_EQ(c->statutory_deadline, Calendar().AddWorkingDays(D("2020-09-01"), 55)->date);
    ASSERT_EQ(h.Pending(*c).size(), 2u);  // drc and nr in parallel
    EXPECT_EQ(c->tasks[0].deadline, D("2020-09-15"));
    // The accepting clerk may not review.
    Harness::NumberTasks(*c);
    EXPECT_EQ(Claim(*c, c->tasks[0].id, 100, 1, h.Ctx(100), h.out).error().code(),
              ErrorCode::kSeparationOfDuties);
    // Another department's reviewer may not decide this one.
    EXPECT_EQ(
        Decide(*c, c->tasks[0].id, 201, 2, {"approve", "", {}}, h.Ctx(201), h.out).error().code(),
        ErrorCode::kOutOfScope);
    h.ApproveStage(*c);
    EXPECT_EQ(c->stage, 1);
    ASSERT_EQ(h.Pending(*c).size(), 3u);
    h.ApproveStage(*c);
    h.ApproveStage(*c);
    EXPECT_EQ(c->stage, 3);
    h.ApproveStage(*c);
    EXPECT_EQ(c->status, CaseStatus::kIssued);
    ASSERT_TRUE(c->result);
    EXPECT_EQ(c->result->kind, "license");
    EXPECT_EQ(c->result->document_type, "construction_permit");
    int results = 0;
    for (const auto& d : h.out.deposits) results += d.source == "result" ? 1 : 0;
    EXPECT_EQ(results, 1);
    EXPECT_EQ(c->tasks.size(), 10u);
    ASSERT_TRUE(Deliver(*c, "", h.Ctx(), h.out).ok());
    EXPECT_EQ(c->status, CaseStatus::kClosed);
    EXPECT_EQ(c->counters.visits, 2);  // the application and the pickup
}

TEST(CaseMachine, AnyRejectionRefusesWithEveryReason) {
    Harness h{Construction()};
    h.today = D("2020-09-01");
    auto c = Submit(h.Submission(kAll), h.Ctx(), h.out).value();
    ASSERT_TRUE(Accept(c, {}, h.Ctx(), h.out).ok());
    Harness::NumberTasks(c);
    auto tasks = h.Pending(c);
    ASSERT_TRUE(
        Decide(c, tasks[0]->id, 201, 1, {"reject", "不符合产业规划", {}}, h.Ctx(201), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kInReview);  // nr has not decided yet
    EXPECT_EQ(
        Decide(c, tasks[1]->id, 202, 2, {"reject", "", {}}, h.Ctx(202), h.out).error().field(),
        "opinion");
    ASSERT_TRUE(
        Decide(c, tasks[1]->id, 202, 2, {"reject", "用地性质不符", {}}, h.Ctx(202), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kRefused);
    EXPECT_NE(c.refusal_reason.find("不符合产业规划"), std::string::npos);
    EXPECT_NE(c.refusal_reason.find("用地性质不符"), std::string::npos);
    EXPECT_FALSE(c.next_check_at);
}

TEST(CaseMachine, TaishanDeficiencyAcceptanceIssuesOnlyAfterTheDeferredMaterial) {
    Harness h{catalog::testing::StartupRegistration()};
    h.item.version = 1;
    h.today = D("2020-09-11");  // Friday: 王女士's business-scope statement was wrong
    auto c =
        Submit(h.Submission({{"application", "f1"}, {"id_card", "f2"}}), h.Ctx(), h.out).value();
    EXPECT_EQ(Accept(c, {{{"scope", std::nullopt}}, {}, ""}, h.Ctx(), h.out).error().field(),
              "commitment");
    auto missing = Accept(c, {{{"scope", std::nullopt}}, {}, "一周内补交"}, h.Ctx(), h.out);
    EXPECT_EQ(missing.error().field(), "materials.lease");  // conditional: waive or supply
    EXPECT_EQ(Accept(c, {{{"application", std::nullopt}}, {"lease"}, "x"}, h.Ctx(), h.out)
                  .error()
                  .field(),
              "deferred.application");
    ASSERT_TRUE(
        Accept(c, {{{"scope", std::nullopt}}, {"lease"}, "一周内补交经营范围说明"}, h.Ctx(), h.out)
            .ok());
    EXPECT_EQ(c.status, CaseStatus::kInReview);
    ASSERT_EQ(c.notices.size(), 1u);
    EXPECT_EQ(c.notices[0].kind, "deficiency");
    EXPECT_EQ(c.notices[0].lines[0].subject, "scope");
    EXPECT_EQ(c.notices[0].lines[0].due, D("2020-09-14"));  // the promised 1 working day
    EXPECT_EQ(c.counters.deferred, 1);
    EXPECT_EQ(c.counters.waived, 1);
    h.ApproveStage(c);
    EXPECT_EQ(c.status, CaseStatus::kApproved);  // reviewed, but no result without the material
    EXPECT_FALSE(c.result);
    ASSERT_TRUE(Supply(c, {{"scope", "f9"}}, h.Ctx(9, "online"), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kIssued);
    EXPECT_EQ(c.FindMaterial("scope")->state, MaterialState::kProvided);
}

TEST(CaseMachine, ADeferredMaterialThatNeverComesTerminatesTheCase) {
    Harness h{catalog::testing::StartupRegistration()};
    h.today = D("2020-09-11");
    auto c = Submit(h.Submission({{"application", "f1"}, {"id_card", "f2"}, {"lease", "f4"}}),
                    h.Ctx(), h.out)
                 .value();
    ASSERT_TRUE(Accept(c, {{{"scope", std::nullopt}}, {}, "补交"}, h.Ctx(), h.out).ok());
    EXPECT_EQ(c.next_check_at, StartOfDay(D("2020-09-15")));
    h.today = D("2020-09-14");  // the due day itself is still in time
    EXPECT_FALSE(Tick(c, h.Ctx(std::nullopt, "system"), h.out).value() &&
                 c.status == CaseStatus::kTerminated);
    h.today = D("2020-09-15");
    ASSERT_TRUE(Tick(c, h.Ctx(std::nullopt, "system"), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kTerminated);
    EXPECT_TRUE(h.HasEvent("terminated"));
    for (const Task& t : c.tasks) EXPECT_EQ(t.status, TaskStatus::kCancelled);
}

TEST(CaseMachine, ASupplementRequestStopsTheClock) {
    Harness h{Construction()};
    h.today = D("2020-09-01");
    auto c = Submit(h.Submission(kAll), h.Ctx(), h.out).value();
    ASSERT_TRUE(Accept(c, {}, h.Ctx(), h.out).ok());
    Date promised = *c.promised_deadline;
    Harness::NumberTasks(c);
    int64_t nr_task = c.tasks[1].id;
    h.today = D("2020-09-03");
    // A request that names no material would leave the applicant guessing: refused.
    auto vague = Decide(c, nr_task, 202, 2, {"supplement", "请补充材料", {}}, h.Ctx(202), h.out);
    ASSERT_FALSE(vague.ok());
    EXPECT_EQ(vague.error().code(), ErrorCode::kMissingField);
    EXPECT_EQ(vague.error().field(), "materials");
    ASSERT_TRUE(
        Decide(c, nr_task, 202, 2, {"supplement", "请补充宗地图", {"lease"}}, h.Ctx(202), h.out)
            .ok());
    EXPECT_EQ(c.status, CaseStatus::kSuspended);
    // A week later (five working days) the applicant supplies it.
    h.today = D("2020-09-10");
    // What nobody asked for is not taken: the reviewed materials stay as they were checked.
    auto unasked = Supply(c, {{"scope", "f11"}}, h.Ctx(9, "online"), h.out);
    ASSERT_FALSE(unasked.ok());
    EXPECT_EQ(unasked.error().field(), "materials.scope");
    EXPECT_EQ(c.status, CaseStatus::kSuspended);
    ASSERT_TRUE(Supply(c, {{"lease", "f10"}}, h.Ctx(9, "online"), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kInReview);
    ASSERT_EQ(c.pauses.size(), 1u);
    EXPECT_EQ(c.pauses[0].first, D("2020-09-04"));
    EXPECT_EQ(c.pauses[0].last, D("2020-09-10"));
    // 4, 7, 8, 9, 10 Sep were working days in the pause: the deadline moves by five.
    EXPECT_EQ(*c.promised_deadline, Calendar().AddWorkingDays(promised, 5)->date);
    EXPECT_EQ(c.tasks[1].status, TaskStatus::kClaimed);
    ASSERT_TRUE(Decide(c, nr_task, 202, 2, {"approve", "同意", {}}, h.Ctx(202), h.out).ok());
}

TEST(CaseMachine, ASupplementGivenTheDayItIsAskedForStopsNoDay) {
    Harness h{Construction()};
    h.today = D("2020-09-01");
    auto c = Submit(h.Submission(kAll), h.Ctx(), h.out).value();
    ASSERT_TRUE(Accept(c, {}, h.Ctx(), h.out).ok());
    Date promised = *c.promised_deadline;
    Harness::NumberTasks(c);
    int64_t nr_task = c.tasks[1].id;
    h.today = D("2020-09-03");
    ASSERT_TRUE(
        Decide(c, nr_task, 202, 2, {"supplement", "请补充宗地图", {"lease"}}, h.Ctx(202), h.out)
            .ok());
    ASSERT_TRUE(Supply(c, {{"lease", "f10"}}, h.Ctx(9, "online"), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kInReview);
    EXPECT_TRUE(c.pauses.empty());
    EXPECT_EQ(*c.promised_deadline, promised);
}

TEST(CaseMachine, NoDecisionInFiveWorkingDaysMeansAcceptedByLaw) {
    Harness h{Construction()};
    h.today = D("2020-09-07");  // Monday
    NewCase online = h.Submission(kAll);
    online.channel = "online";
    auto c = Submit(online, h.Ctx(9, "online"), h.out).value();
    EXPECT_EQ(c.counters.visits, 0);
    EXPECT_EQ(c.next_check_at, StartOfDay(D("2020-09-15")));
    h.today = D("2020-09-14");
    ASSERT_TRUE(Tick(c, h.Ctx(std::nullopt, "system"), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kSubmitted);
    h.today = D("2020-09-15");
    ASSERT_TRUE(Tick(c, h.Ctx(std::nullopt, "system"), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kInReview);
    EXPECT_TRUE(c.auto_accepted);
    EXPECT_EQ(c.accepted_on, D("2020-09-07"));  // as of the day it was received
    EXPECT_FALSE(c.accepted_by);
}

TEST(CaseMachine, WarningsTurnYellowRedThenOverdue) {
    Harness h{Construction()};
    h.today = D("2020-09-01");
    auto c = Submit(h.Submission(kAll), h.Ctx(), h.out).value();
    ASSERT_TRUE(Accept(c, {}, h.Ctx(), h.out).ok());
    Harness::NumberTasks(c);
    // Stage 1: 10 working days, due 15 Sep. Yellow at 4 days left (ceil(10/3)), red at 1.
    std::map<std::string, Warning> seen;
    for (auto d = sys_days(year{2020} / September / 2); d <= sys_days(year{2020} / September / 16);
         d += days(1)) {
        h.today = Date{d};
        ASSERT_TRUE(Tick(c, h.Ctx(std::nullopt, "system"), h.out).ok());
        seen[FormatDate(h.today)] = c.tasks[0].warning;
    }
    EXPECT_EQ(seen["2020-09-08"], Warning::kNormal);  // 5 days left
    EXPECT_EQ(seen["2020-09-09"], Warning::kYellow);  // 4 days left
    EXPECT_EQ(seen["2020-09-14"], Warning::kRed);     // 1 day left
    EXPECT_EQ(seen["2020-09-15"], Warning::kRed);     // the last day
    EXPECT_EQ(seen["2020-09-16"], Warning::kOverdue);
    EXPECT_EQ(c.warning, Warning::kNormal);  // the case's 40 days are far from over
    EXPECT_TRUE(h.HasEvent("task.warning"));
}

TEST(CaseMachine, OnTheSpotAndInstantItemsFinishInOneStep) {
    Harness h{catalog::testing::SmallCatalog().items[1]};  // PSB-001: on the spot, no workflow
    h.item.version = 1;
    h.today = D("2020-09-01");
    auto c = Submit(h.Submission({{"license", "f1"}}), h.Ctx(), h.out);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->status, CaseStatus::kSubmitted);
    // The clerk takes the ID card from the applicant's vault (they consented).
    NewCase s = h.Submission({{"license", "f1"}});
    s.vault_consent = true;
    s.vault_available = {{"resident_id_card", 77}};
    auto reused = Submit(s, h.Ctx(), h.out).value();
    EXPECT_EQ(reused.FindMaterial("id_card")->state, MaterialState::kFromVault);
    EXPECT_EQ(reused.counters.reused, 1);
    ASSERT_TRUE(Accept(reused, {}, h.Ctx(), h.out).ok());
    EXPECT_EQ(reused.status, CaseStatus::kIssued);
    EXPECT_EQ(reused.result->name_zh, "备案回执");

    h.item.instant_approval = true;
    h.item.channels = {"online"};
    auto instant = Submit(s, h.Ctx(9, "online"), h.out).value();
    EXPECT_EQ(instant.status, CaseStatus::kIssued);
    EXPECT_FALSE(instant.accepted_by);
}

TEST(CaseMachine, ReturnResubmitRefuseWithdraw) {
    Harness h{catalog::testing::StartupRegistration()};
    h.today = D("2020-09-01");
    auto c = Submit(h.Submission({{"application", "f1"}}), h.Ctx(9, "online"), h.out).value();
    EXPECT_EQ(Return(c, {}, h.Ctx(), h.out).error().field(), "problems");
    ASSERT_TRUE(Return(c,
                       {{"id_card", "请上传法定代表人身份证", {}},
                        {"form.company_name", "名称与核名不一致", {}}},
                       h.Ctx(), h.out)
                    .ok());
    EXPECT_EQ(c.status, CaseStatus::kReturned);
    EXPECT_EQ(c.notices.back().lines.size(), 2u);
    EXPECT_FALSE(c.next_check_at);  // no clock while the applicant corrects
    h.today = D("2020-09-03");
    ASSERT_TRUE(Resubmit(c, std::nullopt, {{"id_card", "f2"}}, h.Ctx(9, "online"), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kSubmitted);
    EXPECT_EQ(c.submitted_on, D("2020-09-03"));
    EXPECT_EQ(Refuse(c, "", h.Ctx(), h.out).error().field(), "reason");
    Case copy = c;
    ASSERT_TRUE(Refuse(copy, "不属于本部门职权范围", h.Ctx(), h.out).ok());
    EXPECT_EQ(copy.status, CaseStatus::kRefused);
    ASSERT_TRUE(Withdraw(c, "不再需要", h.Ctx(9, "online"), h.out).ok());
    EXPECT_EQ(c.status, CaseStatus::kWithdrawn);
    EXPECT_EQ(Withdraw(c, "", h.Ctx(9, "online"), h.out).error().code(), ErrorCode::kInvalidState);
}

}  // namespace
}  // namespace ow::cases
