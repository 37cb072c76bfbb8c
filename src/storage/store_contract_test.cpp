// The domain services on the SQL stores, over both drivers, with time injected: lock-outs and
// sessions expire when the clock says so, calendar notices and overrides persist, and the org
// rules hold.
#include <gtest/gtest.h>

#include "auth/auth_service.hpp"
#include "calendar/calendar_service.hpp"
#include "org/org_service.hpp"
#include "storage/admin_log_sql.hpp"
#include "storage/sql_auth_store.hpp"
#include "storage/sql_calendar_store.hpp"
#include "storage/sql_case_store.hpp"
#include "storage/sql_org_store.hpp"
#include "storage/testing/database_fixture.hpp"

namespace ow::storage {
namespace {

using namespace std::chrono;

auth::NewUser Staff(std::string username, std::string password, auth::Role role, int64_t unit) {
    auth::NewUser n;
    n.username = std::move(username);
    n.display_name = n.username == "clerk" ? "李晓华" : "管理员";
    n.password = std::move(password);
    n.roles = {role};
    n.org_unit_id = unit;
    return n;
}

auth::UserFilter Filter(std::optional<auth::Role> role, std::string text) {
    auth::UserFilter f;
    f.role = role;
    f.text = std::move(text);
    return f;
}

class StoreContractTest : public test::DatabaseContractTest {
protected:
    void SetUp() override {
        DatabaseContractTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        org_store_ = std::make_unique<SqlOrgStore>(db());
        auth_store_ = std::make_unique<SqlAuthStore>(db());
        org_ = std::make_unique<org::OrgService>(*org_store_, clock_);
        auth_ = std::make_unique<auth::AuthService>(*auth_store_, *org_, clock_);
        auto city = org_->CreateUnit(
            {}, {0, std::nullopt, org::OrgLevel::kCity, "440700", "江门市", "Jiangmen"});
        ASSERT_TRUE(city.ok());
        city_ = city->id;
        auto user = auth_->CreateUser(
            {}, Staff("clerk", "Qiaodu-window-2020", auth::Role::kWindowClerk, city_));
        ASSERT_TRUE(user.ok()) << user.error().Message(Lang::kEn);
    }

    ManualClock clock_{Timestamp(sys_days(year{2020} / September / 30).time_since_epoch())};
    std::unique_ptr<SqlOrgStore> org_store_;
    std::unique_ptr<SqlAuthStore> auth_store_;
    std::unique_ptr<org::OrgService> org_;
    std::unique_ptr<auth::AuthService> auth_;
    int64_t city_ = 0;
};

TEST_P(StoreContractTest, LockOutEndsAfterFifteenMinutes) {
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(
            auth_->Login("clerk", "wrong", "10.0.0." + std::to_string(i), auth::ClientKind::kApi)
                .error()
                .code(),
            ErrorCode::kBadCredentials);
    }
    auto locked = auth_->Login("clerk", "wrong", "10.0.1.1", auth::ClientKind::kApi);
    EXPECT_EQ(locked.error().code(), ErrorCode::kAccountLocked);
    EXPECT_EQ(locked.error().params().at(0).second, "15");
    clock_.Advance(minutes(14));
    EXPECT_EQ(auth_->Login("clerk", "Qiaodu-window-2020", "10.0.1.2", auth::ClientKind::kApi)
                  .error()
                  .code(),
              ErrorCode::kAccountLocked);
    clock_.Advance(minutes(1));
    EXPECT_TRUE(
        auth_->Login("clerk", "Qiaodu-window-2020", "10.0.1.3", auth::ClientKind::kApi).ok());
    auto log = RecentAdminLog(db(), 10).value();
    EXPECT_EQ(log.front().action, "login.ok");
    EXPECT_EQ(log.at(1).action, "login.locked");
}

TEST_P(StoreContractTest, SessionsExpireWhenIdleAndAtTheirEnd) {
    auto login =
        auth_->Login("clerk", "Qiaodu-window-2020", "10.0.0.1", auth::ClientKind::kBrowser);
    ASSERT_TRUE(login.ok());
    EXPECT_EQ(login->expires_at, clock_.Now() + hours(12));
    // Used every 100 minutes: never idle for two hours, but over after twelve.
    for (int i = 0; i < 7; ++i) {
        clock_.Advance(minutes(100));
        auto p = auth_->Authenticate(login->token);
        ASSERT_TRUE(p.ok()) << i;
        EXPECT_EQ(p->username, "clerk");
        EXPECT_EQ(p->client, auth::ClientKind::kBrowser);
    }
    clock_.Advance(minutes(100));  // 13 h 20 min after sign-in
    EXPECT_EQ(auth_->Authenticate(login->token).error().code(), ErrorCode::kUnauthenticated);

    auto idle = auth_->Login("clerk", "Qiaodu-window-2020", "10.0.0.1", auth::ClientKind::kApi);
    clock_.Advance(minutes(121));
    EXPECT_EQ(auth_->Authenticate(idle->token).error().code(), ErrorCode::kUnauthenticated);
    EXPECT_EQ(auth_->Authenticate("not-a-token").error().code(), ErrorCode::kUnauthenticated);
}

TEST_P(StoreContractTest, ExpiredSessionsArePurged) {
    auto a = auth_->Login("clerk", "Qiaodu-window-2020", "10.0.0.1", auth::ClientKind::kApi);
    clock_.Advance(hours(3));
    auto b = auth_->Login("clerk", "Qiaodu-window-2020", "10.0.0.1", auth::ClientKind::kApi);
    EXPECT_EQ(auth_->PurgeExpiredSessions().value(), 1);  // a has been idle for 3 hours
    EXPECT_TRUE(auth_->Authenticate(b->token).ok());
}

TEST_P(StoreContractTest, DisablingAnAccountEndsItsSessions) {
    auto admin =
        auth_->CreateUser({}, Staff("root", "Admin-account-2020", auth::Role::kAdmin, city_));
    ASSERT_TRUE(admin.ok());
    auto login = auth_->Login("clerk", "Qiaodu-window-2020", "10.0.0.1", auth::ClientKind::kApi);
    auto clerk = auth_->Authenticate(login->token).value();
    org::Actor actor{admin->id, city_};
    auth::UserPatch off;
    off.disabled = true;
    ASSERT_TRUE(auth_->UpdateUser(actor, clerk.user_id, off).ok());
    EXPECT_EQ(auth_->Authenticate(login->token).error().code(), ErrorCode::kUnauthenticated);
    EXPECT_EQ(auth_->Login("clerk", "Qiaodu-window-2020", "10.0.0.1", auth::ClientKind::kApi)
                  .error()
                  .code(),
              ErrorCode::kAccountDisabled);
    auth::UserPatch self;
    self.disabled = true;
    EXPECT_EQ(auth_->UpdateUser({admin->id, city_}, admin->id, self).error().code(),
              ErrorCode::kInvalidState);
}

TEST_P(StoreContractTest, UserPatchesChangeOnlyWhatIsSet) {
    auto d = org_->CreateDepartment({}, {0, city_, "amr", "市场监督管理局", "AMR"});
    ASSERT_TRUE(d.ok());
    auto clerk = auth_->ListUsers({}, Filter(std::nullopt, "clerk")).value().at(0);
    auth::UserPatch patch;
    patch.roles = std::vector{auth::Role::kReviewer};
    EXPECT_EQ(auth_->UpdateUser({}, clerk.id, patch).error().field(), "department_id");
    patch.department_id = std::optional<int64_t>(d->id);
    auto updated = auth_->UpdateUser({}, clerk.id, patch);
    ASSERT_TRUE(updated.ok());
    EXPECT_EQ(updated->roles, std::vector{auth::Role::kReviewer});
    EXPECT_EQ(updated->display_name, "李晓华");
    EXPECT_EQ(updated->department_id, d->id);
    auto reviewers = auth_->ListUsers({}, Filter(auth::Role::kReviewer, "")).value();
    ASSERT_EQ(reviewers.size(), 1u);
    EXPECT_EQ(reviewers[0].username, "clerk");
}

TEST_P(StoreContractTest, CalendarNoticesAndOverridesPersist) {
    SqlCalendarStore store(db());
    calendar::CalendarService service(store, clock_);
    ASSERT_TRUE(service.Reload().ok());
    auto d = [](const char* s) { return ParseDate(s).value(); };
    calendar::HolidayNotice y2027{2027, {{d("2027-01-01"), true, "元旦"}}};
    ASSERT_TRUE(service.LoadNotice(y2027, std::nullopt).ok());
    calendar::HolidayNotice corrected{
        2027, {{d("2027-01-01"), true, "元旦"}, {d("2027-02-08"), true, "春节"}}};
    ASSERT_TRUE(service.LoadNotice(corrected, std::nullopt).ok());  // replaces, not adds
    ASSERT_TRUE(service.PutOverride({d("2020-09-29"), false, "台风停工"}, std::nullopt).ok());
    ASSERT_TRUE(service.PutOverride({d("2020-09-29"), false, "台风"}, std::nullopt).ok());

    calendar::CalendarService fresh(store, clock_);  // as another instance would load it
    ASSERT_TRUE(fresh.Reload().ok());
    EXPECT_EQ(fresh.Current()->Day(d("2027-02-08"))->kind, calendar::DayKind::kHoliday);
    EXPECT_FALSE(fresh.Current()->Day(d("2027-03-01"))->provisional);
    EXPECT_EQ(fresh.Current()->Day(d("2020-09-29"))->name, "台风");
    auto overrides = fresh.Overrides().value();
    ASSERT_EQ(overrides.size(), 1u);
    EXPECT_EQ(overrides[0].updated_at, clock_.Now());
    auto years = fresh.Years().value();
    EXPECT_EQ(years.back().year, 2027);
    EXPECT_EQ(years.back().days, 2u);
}

TEST_P(StoreContractTest, OrgCodesAreUniqueAndUpdatesArePartial) {
    auto district =
        org_->CreateUnit({}, {0, city_, org::OrgLevel::kDistrict, "440781", "台山市", "Taishan"});
    ASSERT_TRUE(district.ok());
    auto dup = org_->CreateUnit({}, {0, city_, org::OrgLevel::kDistrict, "440781", "x", "x"});
    EXPECT_EQ(dup.error().code(), ErrorCode::kAlreadyExists);
    EXPECT_EQ(dup.error().field(), "code");
    org::OrgUnitPatch patch;
    patch.name_en = "Taishan City";
    auto renamed = org_->UpdateUnit({}, district->id, patch);
    ASSERT_TRUE(renamed.ok());
    EXPECT_EQ(renamed->name_zh, "台山市");
    EXPECT_EQ(renamed->name_en, "Taishan City");
    org::OrgUnitPatch taken;
    taken.code = "440700";
    EXPECT_EQ(org_->UpdateUnit({}, district->id, taken).error().code(), ErrorCode::kAlreadyExists);
    EXPECT_EQ(org_->Current()->tree.Find(district->id)->code, "440781");
}

// A write the database has to retry (here: PostgreSQL failing the first commit with a
// serialization failure) must store what its last attempt wrote, not keep ids from the attempt
// that was rolled back.
// A case as the window would submit it, at the city's service centre.
cases::Case NewCase(StoreContractTest& t, std::string id, int64_t point, int64_t city,
                    int64_t clerk, Timestamp now) {
    (void)t;
    cases::Case c;
    c.id = std::move(id);
    c.item_code = "CIVIL-003";
    c.item_version = 1;
    c.applicant = {"person", "440703199001011239", "陈小明", std::nullopt};
    c.channel = "window";
    c.service_point_id = point;
    c.handling_unit_id = city;
    c.submitted_by = clerk;
    c.delivery = "download";
    c.submitted_at = now;
    c.submitted_on = LocalDate(now);
    return c;
}

TEST_P(StoreContractTest, ARetriedCaseWriteKeepsNoIdsFromTheFailedAttempt) {
    auto point = org_->CreateServicePoint({}, {0, city_, org::ServicePointKind::kServiceCentre,
                                               "JM-SC", "市中心", "Centre", "", true});
    auto dept = org_->CreateDepartment({}, {0, city_, "civil", "民政局", "Civil Affairs"});
    ASSERT_TRUE(point.ok() && dept.ok());
    SqlCaseStore store(db());
    int64_t clerk = auth_->ListUsers({}, Filter(std::nullopt, "clerk")).value().at(0).id;
    cases::Case c = NewCase(*this, "20200907-RETRY", point->id, city_, clerk, clock_.Now());
    ASSERT_TRUE(store.Insert(c, {}).ok());
    if (dialect() == Dialect::kPostgres) {
        ASSERT_TRUE(db().Write([](Connection& conn) -> Result<void> {
                            return conn.ExecuteScript(R"(
            CREATE SEQUENCE failures;
            CREATE FUNCTION fail_once() RETURNS TRIGGER LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('failures') <= 1 THEN
                    RAISE EXCEPTION 'simulated' USING ERRCODE = 'serialization_failure';
                END IF;
                RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER tasks_at_commit AFTER INSERT ON case_tasks
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_once();)");
                        })
                        .ok());
    }
    auto updated = store.Update(c.id, [&](cases::Case& x, cases::Outcome& out) -> Result<bool> {
        cases::Task t;
        t.department_id = dept->id;
        t.department_code = "civil";
        t.started_on = x.submitted_on;
        t.deadline = x.submitted_on;
        x.tasks.push_back(t);
        x.status = cases::CaseStatus::kInReview;
        out.events.push_back({"stage.started", clock_.Now(), std::nullopt, "system", {}});
        return true;
    });
    ASSERT_TRUE(updated.ok()) << updated.error().detail();
    ASSERT_EQ(updated->tasks.size(), 1u);
    int64_t task = updated->tasks[0].id;
    EXPECT_EQ(store.CaseOfTask(task).value(), c.id);
    auto stored = store.Find(c.id).value();
    ASSERT_EQ(stored->tasks.size(), 1u);
    EXPECT_EQ(stored->tasks[0].id, task);
    EXPECT_EQ(store.Events(c.id).value().size(), 1u);
}

// Two servers on one database, each remembering the cases it wrote last: a change made through
// one is seen by the other's next change, and the history stays one unbroken chain.
TEST_P(StoreContractTest, TwoServersChangingOneCaseSeeEachOthersChanges) {
    auto point = org_->CreateServicePoint({}, {0, city_, org::ServicePointKind::kServiceCentre,
                                               "JM-SC", "市中心", "Centre", "", true});
    ASSERT_TRUE(point.ok());
    SqlCaseStore a(db()), b(db());
    int64_t clerk = auth_->ListUsers({}, Filter(std::nullopt, "clerk")).value().at(0).id;
    cases::Case c = NewCase(*this, "20200907-TWO", point->id, city_, clerk, clock_.Now());
    cases::Outcome submitted;
    submitted.events.push_back({"case.submitted", clock_.Now(), clerk, "window", {}});
    ASSERT_TRUE(a.Insert(c, submitted).ok());
    auto change = [&](SqlCaseStore& store, cases::CaseStatus to, const char* type,
                      std::vector<cases::CaseStatus>* seen) {
        return store.Update(c.id, [&, to, type](cases::Case& x, cases::Outcome& out) {
            if (seen) seen->push_back(x.status);
            x.status = to;
            out.events.push_back({type, clock_.Now(), clerk, "window", {}});
            return Result<bool>(true);
        });
    };
    ASSERT_TRUE(change(a, cases::CaseStatus::kReturned, "case.returned", nullptr).ok());
    ASSERT_TRUE(change(b, cases::CaseStatus::kInReview, "stage.started", nullptr).ok());
    std::vector<cases::CaseStatus> seen;
    auto last = change(a, cases::CaseStatus::kSuspended, "case.suspended", &seen);
    ASSERT_TRUE(last.ok()) << last.error().detail();
    // Server a decided on what b had written, whatever it remembered.
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.back(), cases::CaseStatus::kInReview);
    EXPECT_EQ(last->revision, 4);
    auto stored = b.Find(c.id).value();
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->status, cases::CaseStatus::kSuspended);
    auto events = a.Events(c.id).value();
    ASSERT_EQ(events.size(), 4u);
    for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].seq, int64_t(i + 1));
    int64_t checked = 0;
    auto broken = a.VerifyHistory(&checked);
    ASSERT_TRUE(broken.ok());
    EXPECT_FALSE(broken->has_value());
    EXPECT_EQ(checked, 4);
}

OW_INSTANTIATE_DATABASE_CONTRACT_TEST(StoreContractTest);

}  // namespace
}  // namespace ow::storage
