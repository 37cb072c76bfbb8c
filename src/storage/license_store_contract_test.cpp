// SqlLicenseStore over both drivers: keys with one active per department, numbering in series,
// one license per case however often it is issued, versions that supersede, states, copies and
// the link from a case's result in the vault.
#include <gtest/gtest.h>

#include "licenses/license_text.hpp"
#include "licenses/test_licenses.hpp"
#include "storage/admin_log_sql.hpp"
#include "storage/sql_license_store.hpp"
#include "storage/sql_vault_store.hpp"
#include "storage/testing/database_fixture.hpp"

namespace ow::storage {
namespace {

using namespace std::chrono;
using namespace licenses;

const Timestamp kNow = sys_days(2026y / November / 26d) + hours(2);

class LicenseStoreContractTest : public test::DatabaseContractTest {
protected:
    void SetUp() override {
        DatabaseContractTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        store_ = std::make_unique<SqlLicenseStore>(db());
        key_ = GenerateKey("amr", master_, kNow);
        ASSERT_TRUE(store_->SaveKeys(key_, std::nullopt).ok());
    }

    // A result in `holder`'s vault from `case_id`, as the case store deposits it.
    void Deposit(const std::string& case_id, const std::string& holder) {
        auto r = db().Write([&](Connection& c) -> Result<void> {
            OW_TRY(
                c.Execute("INSERT INTO vault_documents (holder, document_type, source, "
                          "source_case, valid_from, created_at) VALUES ($1, "
                          "'business_license', 'result', $2, '2026-11-26', $3)",
                          {holder, case_id, Millis(kNow)}));
            return Ok();
        });
        ASSERT_TRUE(r.ok()) << r.error().detail();
    }

    Issuance For(const std::string& case_id, int* built) {
        Issuance in;
        in.source_case = case_id;
        in.type_code = "BL";
        in.issuer_code = "440700AMR";
        in.holder_user_id = 7;
        in.build = [this, case_id, built](uint64_t sequence) -> Result<StoredLicense> {
            ++*built;
            License l = testing::SampleLicense();
            l.number = LicenseNumber::Make("BL", "440700AMR", sequence, 1).value();
            StoredLicense s(l);
            OW_ASSIGN_OR_RETURN(s.signed_, Sign(l, OpenKey(key_, master_).value()));
            s.source_case = case_id;
            s.holder_user_id = 7;
            s.created_at = kNow;
            return s;
        };
        return in;
    }

    MasterKey master_ = MasterKey::Generate();
    StoredKey key_;
    std::unique_ptr<SqlLicenseStore> store_;
};

TEST_P(LicenseStoreContractTest, OneActiveKeyPerDepartmentAndRotationKeepsTheOld) {
    auto second = store_->SaveKeys(GenerateKey("amr", master_, kNow), std::nullopt);
    EXPECT_EQ(second.error().code(), ErrorCode::kAlreadyExists);
    KeyRing ring("amr", store_->Keys("amr").value());
    ASSERT_EQ(ring.keys(), std::vector<StoredKey>{key_});
    StoredKey added = ring.Rotate(master_, kNow + hours(1));
    StoredKey retired = ring.keys().front();
    ASSERT_TRUE(store_->SaveKeys(added, retired).ok());
    ASSERT_TRUE(store_->SaveKeys(GenerateKey("psb", master_, kNow), std::nullopt).ok());
    auto amr = store_->Keys("amr").value();
    ASSERT_EQ(amr.size(), 2u);
    EXPECT_EQ(amr[0], retired);
    EXPECT_EQ(amr[1], added);
    EXPECT_EQ(store_->Keys("").value().size(), 3u);
    EXPECT_TRUE(OpenKey(amr[1], master_).ok());
}

TEST_P(LicenseStoreContractTest, ACaseGetsOneLicenseNumberedInItsSeriesAndLinkedInTheVault) {
    Deposit("C1", "91440700MA4UJ3QF2K");
    Deposit("C2", "91440700MA4UJ3QF2K");
    EXPECT_EQ(store_->CasesAwaitingLicense(10).value(), (std::vector<std::string>{"C1", "C2"}));
    int built = 0;
    auto first = store_->Issue(For("C1", &built));
    ASSERT_TRUE(first.ok()) << first.error().detail();
    EXPECT_TRUE(first->second);
    EXPECT_EQ(first->first.license.number.sequence(), 1u);
    auto again = store_->Issue(For("C1", &built));
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->second);
    EXPECT_EQ(again->first.license.number, first->first.license.number);
    EXPECT_EQ(built, 1);
    auto second = store_->Issue(For("C2", &built));
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->first.license.number.sequence(), 2u);
    EXPECT_TRUE(store_->CasesAwaitingLicense(10).value().empty());

    auto found = store_->FindByCase("C1").value();
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->license, first->first.license);
    EXPECT_EQ(found->signed_, first->first.signed_);
    EXPECT_EQ(found->holder_user_id, 7);
    ASSERT_EQ(found->events.size(), 1u);
    EXPECT_EQ(found->events[0].type, "issued");
    SqlVaultStore vault(db());
    auto docs = vault.Documents("91440700MA4UJ3QF2K").value();
    ASSERT_EQ(docs.size(), 2u);
    ASSERT_TRUE(docs[0].license.has_value());
    EXPECT_EQ(docs[0].license->number, first->first.license.number.str());
    EXPECT_EQ(docs[0].license->state, "valid");
    EXPECT_EQ(docs[0].license->issuer_zh, "江门市市场监督管理局");
    EXPECT_TRUE(docs[0].Reusable(2026y / November / 27d));
}

TEST_P(LicenseStoreContractTest, VersionsSupersedeStatesAndCopiesAreKept) {
    Deposit("C1", "91440700MA4UJ3QF2K");
    int built = 0;
    StoredLicense v1 = store_->Issue(For("C1", &built)).value().first;
    License next = v1.license;
    next.number = v1.license.number.WithVersion(2).value();
    next.previous = v1.license.number;
    StoredLicense v2(next);
    v2.signed_ = Sign(next, OpenKey(key_, master_).value()).value();
    v2.created_at = kNow + hours(1);
    LicenseEvent renewed{"renewed", kNow + hours(1), 3, ""};
    ASSERT_TRUE(store_->AddVersion(v1.license.number.str(), v2, renewed).ok());
    EXPECT_EQ(store_->AddVersion(v1.license.number.str(), v2, renewed).error().code(),
              ErrorCode::kConflict);
    auto old = store_->Find(v1.license.number.str()).value();
    EXPECT_EQ(old->superseded_by, next.number.str());
    EXPECT_EQ(old->events.back(), renewed);
    auto docs = SqlVaultStore(db()).Documents("91440700MA4UJ3QF2K").value();
    EXPECT_EQ(docs.at(0).license->number, next.number.str());

    LicenseEvent revoked{"revoked", kNow + hours(2), 3, "伪造材料"};
    ASSERT_TRUE(store_->SetState(next.number.str(), LicenseState::kRevoked, revoked, {}).ok());
    EXPECT_EQ(store_->Find(next.number.str()).value()->license.state, LicenseState::kRevoked);
    EXPECT_EQ(store_->SetState("nope", LicenseState::kRevoked, revoked, {}).error().code(),
              ErrorCode::kNotFound);
    docs = SqlVaultStore(db()).Documents("91440700MA4UJ3QF2K").value();
    EXPECT_EQ(docs.at(0).license->state, "revoked");
    EXPECT_FALSE(docs.at(0).Reusable(2026y / November / 27d));

    LicenseQuery q;
    q.holder = "91440700MA4UJ3QF2K";
    auto list = store_->List(q).value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].license.number, next.number);  // newest first
    q.departments = std::vector<std::string>{"psb"};
    EXPECT_TRUE(store_->List(q).value().empty());
    q.departments.reset();
    q.number_contains = "AMR.1.2.";  // sequence 1, version 2
    EXPECT_EQ(store_->List(q).value().size(), 1u);

    StoredCopy copy{{"ABC123", "银行开户", 2026y / November / 26d, 2026y / December / 26d},
                    v1.license.number.str(),
                    "OWC1.x",
                    7,
                    kNow};
    ASSERT_TRUE(store_->AddCopy(copy, {"copy_made", kNow, 7, "银行开户"}).ok());
    EXPECT_EQ(store_->Copies(v1.license.number.str()).value(), std::vector<StoredCopy>{copy});
    EXPECT_TRUE(store_->Copies(next.number.str()).value().empty());
}

}  // namespace

OW_INSTANTIATE_DATABASE_CONTRACT_TEST(LicenseStoreContractTest);

}  // namespace ow::storage
