#include "notices/notice_planner.hpp"

#include <gtest/gtest.h>

#include "catalog/test_items.hpp"

namespace ow::notices {
namespace {

// Applicant 11 (their own account) and 12 (a second account with the same ID number);
// department 5's reviewers 21 and 22; supervisor 31 at the city (unit 1), 32 at the district.
class FakeDirectory : public Directory {
public:
    Result<std::vector<int64_t>> ApplicantUsers(const std::string& id, int64_t) override {
        return id == "440781199001011234" ? std::vector<int64_t>{11, 12} : std::vector<int64_t>{};
    }
    Result<std::vector<int64_t>> Reviewers(int64_t department) override {
        return department == 5 ? std::vector<int64_t>{21, 22} : std::vector<int64_t>{};
    }
    Result<std::vector<int64_t>> Supervisors(const std::vector<int64_t>& units) override {
        std::vector<int64_t> out;
        for (int64_t u : units) {
            if (u == 1) out.push_back(31);
            if (u == 2) out.push_back(32);
        }
        return out;
    }
    Result<std::vector<Contact>> Contacts(const std::vector<int64_t>& users) override {
        std::vector<Contact> out;
        for (int64_t u : users) {
            Contact c;
            c.user_id = u;
            if (u == 11) c = {11, "a@example.cn", "13800138000", {"email", "sms"}, "en"};
            out.push_back(c);
        }
        return out;
    }
};

std::shared_ptr<const org::OrgSnapshot> Org() {
    auto s = std::make_shared<org::OrgSnapshot>(org::OrgSnapshot{
        org::OrgTree({{1, std::nullopt, org::OrgLevel::kCity, "440700", "江门市", "Jiangmen"},
                      {2, 1, org::OrgLevel::kDistrict, "440781", "台山市", "Taishan"}}),
        {},
        {{5, 2, "amr", "市场监督管理局", "Market Regulation"}}});
    return s;
}

cases::Case ACase() {
    cases::Case c;
    c.id = "C20260101-0001";
    c.applicant = {"person", "440781199001011234", "张三", 11};
    c.submitted_by = 11;
    c.promised_deadline = Date{std::chrono::year(2026) / 1 / 20};
    cases::Task t;
    t.stage = 0;
    t.department_id = 5;
    t.department_code = "amr";
    t.deadline = Date{std::chrono::year(2026) / 1 / 10};
    c.tasks.push_back(t);
    return c;
}

class PlannerTest : public ::testing::Test {
protected:
    FakeDirectory directory;
    NoticePlanner planner{directory, [] { return Org(); },
                          [] { return std::vector<NoticeTemplate>{}; }};
    catalog::Item item = catalog::testing::StartupRegistration();
    Timestamp at{std::chrono::milliseconds(1'700'000'000'000)};
};

TEST_F(PlannerTest, AcceptanceTellsEveryAccountOfTheApplicantInBothLanguages) {
    cases::Case c = ACase();
    auto out =
        planner.PlanCase(c, item, {{"accepted", at, 7, "window", {{"deferred", ""}}}}, 3, at);
    ASSERT_TRUE(out.ok());
    ASSERT_EQ(out->size(), 2u);
    const NewNotice& n = (*out)[0];
    EXPECT_EQ(n.user_id, 11);
    EXPECT_EQ(n.event, "case.accepted");
    EXPECT_NE(n.zh.body.find(item.name.zh), std::string::npos);
    EXPECT_NE(n.en.body.find(item.name.en), std::string::npos);
    EXPECT_NE(n.zh.body.find("2026-01-20"), std::string::npos);
    EXPECT_NE(n.zh.subject.find(c.id), std::string::npos);
    // Inbox always; email and SMS as chosen, in the person's language.
    ASSERT_EQ(n.deliveries.size(), 3u);
    EXPECT_EQ(n.deliveries[1].channel, "email");
    EXPECT_EQ(n.deliveries[1].address, "a@example.cn");
    EXPECT_EQ(n.deliveries[1].language, "en");
    EXPECT_EQ((*out)[1].deliveries.size(), 1u);  // no contact: the inbox only
    EXPECT_NE(n.dedup_key, (*out)[1].dedup_key);
}

TEST_F(PlannerTest, SameChangePlannedTwiceHasTheSameKeys) {
    cases::Case c = ACase();
    std::vector<cases::CaseEvent> events{{"approved", at, 7, "window", {}},
                                         {"issued", at, 7, "window", {{"delivery", "download"}}}};
    auto a = planner.PlanCase(c, item, events, 4, at);
    auto b = planner.PlanCase(c, item, events, 4, at);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->size(), 4u);
    for (size_t i = 0; i < a->size(); ++i) EXPECT_EQ((*a)[i].dedup_key, (*b)[i].dedup_key);
    EXPECT_EQ((*a)[0].event, "case.decided");
    EXPECT_EQ((*a)[2].event, "case.result_ready");
    EXPECT_NE((*a)[2].zh.body.find("网上下载"), std::string::npos);
}

TEST_F(PlannerTest, YellowWarningGoesToTheDepartmentsReviewersOnly) {
    cases::Case c = ACase();
    auto out = planner.PlanCase(
        c, item,
        {{"task.warning", at, {}, "system", {{"department", "amr"}, {"warning", "yellow"}}}}, 5,
        at);
    ASSERT_TRUE(out.ok());
    std::vector<int64_t> users;
    for (const auto& n : *out) users.push_back(n.user_id);
    EXPECT_EQ(users, (std::vector<int64_t>{21, 22}));
}

TEST_F(PlannerTest, RedWarningGoesToTheClaimantAndSupervisorsUpTheTree) {
    cases::Case c = ACase();
    c.tasks[0].claimed_by = 22;
    auto out = planner.PlanCase(
        c, item, {{"task.warning", at, {}, "system", {{"department", "amr"}, {"warning", "red"}}}},
        5, at);
    ASSERT_TRUE(out.ok());
    std::vector<int64_t> users;
    for (const auto& n : *out) users.push_back(n.user_id);
    EXPECT_EQ(users, (std::vector<int64_t>{22, 31, 32}));
    EXPECT_NE((*out)[0].zh.body.find("市场监督管理局"), std::string::npos);
    EXPECT_NE((*out)[0].en.subject.find("red"), std::string::npos);
}

TEST_F(PlannerTest, EventsNobodyIsToldAboutPlanNothing) {
    cases::Case c = ACase();
    auto out = planner.PlanCase(c, item, {{"task.claimed", at, 21, "window", {}}}, 2, at);
    ASSERT_TRUE(out.ok());
    EXPECT_TRUE(out->empty());
}

TEST_F(PlannerTest, LicenseIssuedTellsTheHolder) {
    LicenseHappening h{"license.issued",
                       "L-2026-1",
                       "440781199001011234",
                       "张三",
                       {"营业执照", "Business licence"},
                       "C1",
                       "",
                       at};
    auto out = planner.PlanLicense(h);
    ASSERT_TRUE(out.ok());
    ASSERT_EQ(out->size(), 2u);
    EXPECT_EQ((*out)[0].license_number, "L-2026-1");
    EXPECT_NE((*out)[0].en.body.find("Business licence"), std::string::npos);
}

}  // namespace
}  // namespace ow::notices
