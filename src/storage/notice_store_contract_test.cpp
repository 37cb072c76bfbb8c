// The notice store and directory over both drivers: a notice is written once per dedup key,
// the outbox is claimed by one worker at a time and retried on schedule, and the directory
// finds applicants, reviewers and supervisors.
#include <gtest/gtest.h>

#include "storage/admin_log_sql.hpp"
#include "storage/sql_notice_directory.hpp"
#include "storage/sql_notice_store.hpp"
#include "storage/testing/database_fixture.hpp"

namespace ow::storage {
namespace {

using namespace std::chrono;
using notices::NewNotice;

class NoticeStoreContractTest : public test::DatabaseContractTest {
protected:
    void SetUp() override {
        DatabaseContractTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        store_ = std::make_unique<SqlNoticeStore>(db());
        directory_ = std::make_unique<SqlNoticeDirectory>(db());
        auto done = db().Write([&](Connection& c) -> Result<void> {
            OW_TRY(
                c.Execute("INSERT INTO org_units (id, parent_id, level, code, name_zh, "
                          "name_en, created_at) VALUES (1, NULL, 'city', '440700', '江门市', "
                          "'Jiangmen', 0), (2, 1, 'district', '440781', '台山市', 'Taishan', 0)"));
            OW_TRY(
                c.Execute("INSERT INTO departments (id, org_unit_id, code, name_zh, name_en, "
                          "created_at) VALUES (5, 2, 'amr', '市场监管局', 'AMR', 0)"));
            // 11 citizen (ID number), 12 enterprise, 21/22 reviewers of 5 (22 disabled),
            // 31 supervisor at the city, 41 a window clerk.
            struct U {
                int64_t id;
                const char* role;
                Value id_number, unit, department;
                int64_t disabled;
            };
            for (const U& u : {U{11, "citizen", "440781199001011234", {}, {}, 0},
                               U{12, "enterprise", {}, {}, {}, 0},
                               U{21, "reviewer", {}, int64_t{2}, int64_t{5}, 0},
                               U{22, "reviewer", {}, int64_t{2}, int64_t{5}, 1},
                               U{31, "supervisor", {}, int64_t{1}, {}, 0},
                               U{41, "window_clerk", {}, int64_t{2}, {}, 0}}) {
                OW_TRY(
                    c.Execute("INSERT INTO users (id, username, display_name, password_hash, "
                              "org_unit_id, department_id, id_number, disabled, "
                              "password_changed_at, created_at) VALUES ($1, $2, $2, 'x', $3, "
                              "$4, $5, $6, 0, 0)",
                              {u.id, "u" + std::to_string(u.id), u.unit, u.department, u.id_number,
                               u.disabled}));
                OW_TRY(c.Execute("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
                                 {u.id, std::string(u.role)}));
            }
            return Ok();
        });
        ASSERT_TRUE(done.ok()) << done.error().detail();
    }

    NewNotice Notice(int64_t user, std::string key) {
        NewNotice n;
        n.user_id = user;
        n.event = "case.accepted";
        n.zh = {"已受理", "正文"};
        n.en = {"Accepted", "Body"};
        n.case_id = "C1";
        n.created_at = t0_;
        n.dedup_key = std::move(key);
        n.deliveries = {{"inbox", "", "zh-CN"}, {"email", "a@example.cn", "en"}};
        return n;
    }

    Timestamp t0_{milliseconds(1'700'000'000'000)};
    std::unique_ptr<SqlNoticeStore> store_;
    std::unique_ptr<SqlNoticeDirectory> directory_;
};

TEST_P(NoticeStoreContractTest, WritesEachNoticeOnceAndOnlyItsOwnerReadsIt) {
    ASSERT_EQ(*store_->Write({Notice(11, "k1"), Notice(11, "k2")}), 2);
    ASSERT_EQ(*store_->Write({Notice(11, "k1")}), 0);  // a retried change tells no one twice
    auto list = store_->List(11, false, 50);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].en.subject, "Accepted");
    EXPECT_EQ(*store_->UnreadCount(11), 2);
    EXPECT_EQ(store_->Outbox(std::nullopt, 100)->size(), 4u);

    int64_t id = (*list)[0].id;
    EXPECT_FALSE(store_->MarkRead(12, id, t0_)->has_value());  // not theirs
    auto read = store_->MarkRead(11, id, t0_ + seconds(5));
    ASSERT_TRUE(read.ok() && read->has_value());
    EXPECT_EQ((*read)->read_at, t0_ + seconds(5));
    EXPECT_EQ(*store_->UnreadCount(11), 1);
    EXPECT_EQ(store_->List(11, true, 50)->size(), 1u);
    ASSERT_TRUE(store_->MarkAllRead(11, t0_ + seconds(6)).ok());
    EXPECT_EQ(*store_->UnreadCount(11), 0);
}

TEST_P(NoticeStoreContractTest, OutboxIsClaimedOnceRetriedOnScheduleAndRequeued) {
    ASSERT_TRUE(store_->Write({Notice(11, "k1")}).ok());
    auto first = store_->ClaimDue(t0_, minutes(2), 10);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 2u);
    EXPECT_EQ((*first)[0].attempts, 1);
    EXPECT_TRUE(store_->ClaimDue(t0_, minutes(2), 10)->empty());  // leased to the first worker

    const auto& inbox = (*first)[0].channel == "inbox" ? (*first)[0] : (*first)[1];
    const auto& email = (*first)[0].channel == "email" ? (*first)[0] : (*first)[1];
    EXPECT_EQ(email.Text().subject, "Accepted");  // the person's language
    ASSERT_TRUE(store_->MarkSent(inbox.id, t0_, true).ok());
    ASSERT_TRUE(store_->MarkFailedAttempt(email.id, t0_ + seconds(30), "connection refused").ok());
    EXPECT_TRUE(store_->ClaimDue(t0_ + seconds(29), minutes(2), 10)->empty());
    auto again = store_->ClaimDue(t0_ + seconds(30), minutes(2), 10);
    ASSERT_EQ(again->size(), 1u);
    EXPECT_EQ((*again)[0].attempts, 2);
    EXPECT_EQ((*again)[0].last_error, "connection refused");

    // Given up: failed until an admin queues it again.
    ASSERT_TRUE(store_->MarkFailedAttempt(email.id, std::nullopt, "still down").ok());
    auto counts = store_->OutboxCounts();
    EXPECT_EQ(counts->at("failed"), 1);
    EXPECT_EQ(counts->at("delivered"), 1);
    EXPECT_EQ(store_->Requeue(inbox.id, t0_).error().code(), ErrorCode::kInvalidState);
    auto requeued = store_->Requeue(email.id, t0_ + minutes(5));
    ASSERT_TRUE(requeued.ok());
    EXPECT_EQ(requeued->status, "queued");
    auto third = store_->ClaimDue(t0_ + minutes(5), minutes(2), 10);
    ASSERT_EQ(third->size(), 1u);
    ASSERT_TRUE(store_->MarkSent(email.id, t0_ + minutes(5), false).ok());
    EXPECT_EQ((*store_->FindMessage(email.id))->status, "sent");
    EXPECT_TRUE(*store_->MarkDelivered(email.idempotency_key, t0_ + minutes(6)));
    EXPECT_FALSE(*store_->MarkDelivered("no-such-key", t0_));
    auto delivered = *store_->FindMessage(email.id);
    EXPECT_EQ(delivered->status, "delivered");
    EXPECT_EQ(delivered->delivered_at, t0_ + minutes(6));
}

TEST_P(NoticeStoreContractTest, DirectoryFindsApplicantsReviewersSupervisorsAndContacts) {
    EXPECT_EQ(*directory_->ApplicantUsers("440781199001011234", 41), (std::vector<int64_t>{11}));
    EXPECT_EQ(*directory_->ApplicantUsers("91440700MA0000000X", 12), (std::vector<int64_t>{12}));
    EXPECT_EQ(*directory_->Reviewers(5), (std::vector<int64_t>{21}));  // 22 is disabled
    EXPECT_EQ(*directory_->Supervisors({2, 1}), (std::vector<int64_t>{31}));
    EXPECT_TRUE(directory_->Supervisors({2})->empty());

    notices::Contact c{11, "a@example.cn", "13800138000", {"email", "sms"}, "en"};
    ASSERT_TRUE(store_->PutContact(c).ok());
    c.channels = {"sms"};
    ASSERT_TRUE(store_->PutContact(c).ok());
    EXPECT_EQ(**store_->FindContact(11), c);
    EXPECT_FALSE(store_->FindContact(12)->has_value());
    auto contacts = directory_->Contacts({12, 11});
    ASSERT_EQ(contacts->size(), 2u);
    EXPECT_EQ((*contacts)[0].user_id, 12);
    EXPECT_TRUE((*contacts)[0].channels.empty());
    EXPECT_EQ((*contacts)[1], c);
}

TEST_P(NoticeStoreContractTest, TemplatesAreVersionedInTheAdminLog) {
    EXPECT_TRUE(store_->Templates()->empty());
    notices::NoticeTemplate t{"case.accepted", {"受理 {case_id}", "正文"}, {"Accepted", "Body"}};
    ASSERT_TRUE(store_->PutTemplate(t, t0_, 31).ok());
    t.en.body = "Body 2";
    ASSERT_TRUE(store_->PutTemplate(t, t0_ + seconds(1), 31).ok());
    auto stored = store_->Templates();
    ASSERT_EQ(stored->size(), 1u);
    EXPECT_EQ((*stored)[0], t);
    auto log = RecentAdminLog(db(), 10);
    ASSERT_TRUE(log.ok());
    ASSERT_GE(log->size(), 2u);
    EXPECT_EQ((*log)[0].action, "notice_template.put");
    EXPECT_EQ((*log)[0].detail, "version 2");
}

OW_INSTANTIATE_DATABASE_CONTRACT_TEST(NoticeStoreContractTest);

}  // namespace
}  // namespace ow::storage
