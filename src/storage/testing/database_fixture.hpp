// DatabaseContractTest: runs each test body once per storage driver, each time on a fresh, fully
// migrated database, so that a store (users, org units, the calendar...) is shown to behave the
// same on SQLite and on PostgreSQL.
//
//   #include "storage/testing/database_fixture.hpp"
//
//   using OrgStoreContractTest = storage::test::DatabaseContractTest;  // one name per suite
//
//   TEST_P(OrgStoreContractTest, FindsAUnitByCode) {
//       OrgStore store(db());  // db(): a storage::Database& of its own for this test
//       ASSERT_TRUE(store.Create({.code = "440700", .name_zh = "江门市"}).ok());
//       EXPECT_EQ(store.FindByCode("440700")->name_zh, "江门市");
//   }
//
//   OW_INSTANTIATE_DATABASE_CONTRACT_TEST(OrgStoreContractTest);
//
// The tests are named Drivers/OrgStoreContractTest.FindsAUnitByCode/Sqlite and .../Postgres.
// Link the test with ow::storage_testing.
//
// SQLite databases are files in a temporary directory. PostgreSQL databases are created as
// ow_t_<random> on the server that ONEWINDOW_TEST_PG_URL names (scripts/with-test-postgres.sh
// starts a throwaway one) and dropped after the test. Without that variable the PostgreSQL half
// is skipped, or fails if ONEWINDOW_REQUIRE_PG=1 (CI sets it, so that a missing server cannot
// pass as green).
//
// A subclass that overrides SetUp must call DatabaseContractTest::SetUp() first and return if
// IsSkipped() or HasFatalFailure(). Handles from OpenAgain() must be gone before TearDown.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "storage/sql.hpp"

namespace ow::storage {

// Shows a test's Dialect as Sqlite or Postgres in GoogleTest's messages (found by
// argument-dependent lookup).
void PrintTo(Dialect dialect, std::ostream* os);

}  // namespace ow::storage

namespace ow::storage::test {

class DatabaseContractTest : public ::testing::TestWithParam<Dialect> {
protected:
    // Every database's pool: SQLite's read connections (besides its one writer), PostgreSQL's
    // connections.
    static constexpr int kPoolSize = 4;

    void SetUp() override;
    void TearDown() override;

    Database& db() { return *db_; }
    Dialect dialect() const { return GetParam(); }

    // Another handle on this test's database, as a second server instance would hold.
    Result<std::unique_ptr<Database>> OpenAgain(int pool_size = kPoolSize) const;

private:
    std::unique_ptr<Database> db_;
    std::string location_;  // the SQLite file, or the PostgreSQL connection string
    std::filesystem::path sqlite_dir_;
    std::string pg_database_;
};

// "Sqlite" or "Postgres", for test names.
std::string DialectName(const ::testing::TestParamInfo<Dialect>& info);

// The PostgreSQL server for tests (ONEWINDOW_TEST_PG_URL), if one is set.
std::optional<std::string> TestPostgresUrl();

// A new, empty database ow_t_<random> on the test server, for a test that needs one outside this
// fixture (a server process under test, say); returns its name. Fails with kStorageError if
// ONEWINDOW_TEST_PG_URL is unset or the server refuses. Drop it with DropTestPostgresDatabase.
Result<std::string> CreateTestPostgresDatabase();
// Drops it even if connections to it remain open.
Result<void> DropTestPostgresDatabase(const std::string& name);

// A libpq connection string (URL or keyword=value) with one setting replaced or added, as a
// keyword=value string: WithConnectionSetting(url, "password", "wrong"). Fails with
// kStorageError if libpq cannot parse `conninfo`.
Result<std::string> WithConnectionSetting(const std::string& conninfo, std::string_view keyword,
                                          std::string_view value);

}  // namespace ow::storage::test

// Runs a DatabaseContractTest suite (or a suite derived from it) over both drivers.
#define OW_INSTANTIATE_DATABASE_CONTRACT_TEST(suite)                                           \
    INSTANTIATE_TEST_SUITE_P(                                                                  \
        Drivers, suite,                                                                        \
        ::testing::Values(::ow::storage::Dialect::kSqlite, ::ow::storage::Dialect::kPostgres), \
        ::ow::storage::test::DialectName)
