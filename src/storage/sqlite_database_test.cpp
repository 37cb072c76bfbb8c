#include "storage/sqlite_database.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "storage/migrations.hpp"

namespace ow::storage {
namespace {

namespace fs = std::filesystem;

class SqliteTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("ow-sqlite-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(SqliteTest, OpensInWalModeWithForeignKeys) {
    auto db = SqliteDatabase::Open((dir_ / "a.db").string()).value();
    auto mode = db->Write([](Connection& c) { return c.Query("PRAGMA journal_mode"); }).value();
    EXPECT_EQ(mode[0].Text(0), "wal");
    auto fk = db->Read([](Connection& c) { return c.Query("PRAGMA foreign_keys"); }).value();
    EXPECT_EQ(fk[0].Int(0), 1);
}

TEST_F(SqliteTest, RefusesAFileThatIsNotADatabase) {
    fs::path p = dir_ / "junk.db";
    {
        std::FILE* f = std::fopen(p.c_str(), "w");
        std::fputs("this is not a database, just some text long enough to look like a header", f);
        std::fclose(f);
    }
    auto db = SqliteDatabase::Open(p.string());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code(), ErrorCode::kStorageError);
}

TEST_F(SqliteTest, BackupIsAConsistentCopy) {
    std::string path = (dir_ / "live.db").string();
    auto db = SqliteDatabase::Open(path).value();
    ASSERT_TRUE(Migrate(*db).ok());
    ASSERT_TRUE(db->Write([](Connection& c) {
                      return c.Execute(
                          "INSERT INTO org_units (level, code, name_zh, name_en, created_at) "
                          "VALUES ('city', '440700', '江门市', 'Jiangmen', 1)");
                  }).ok());
    std::string copy = (dir_ / "copy.db").string();
    ASSERT_TRUE(db->BackupTo(copy).ok());
    EXPECT_EQ(db->BackupTo(copy).error().code(), ErrorCode::kAlreadyExists);
    auto restored = SqliteDatabase::Open(copy).value();
    auto rows = restored->Read([](Connection& c) {
        return c.Query("SELECT name_zh FROM org_units WHERE code = $1", {std::string("440700")});
    });
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].Text(0), "江门市");
    EXPECT_EQ(Migrate(*restored).value(), 0);  // already at the latest version
}

// The checkpointer thread copies the WAL back into the database while writes go on, so the WAL
// is reused from its start rather than growing with every write ever made.
TEST_F(SqliteTest, TheWalStaysSmallUnderSteadyWrites) {
    std::string path = (dir_ / "w.db").string();
    auto db = SqliteDatabase::Open(path).value();
    ASSERT_TRUE(db->Write([](Connection& c) {
                      return c.ExecuteScript("CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)");
                  }).ok());
    const std::string page(3000, 'x');  // about one page a write: 8,000 writes, ~32 MB
    for (int i = 0; i < 8000; ++i) {
        ASSERT_TRUE(db->Write([&](Connection& c) {
                          return c.Execute("INSERT INTO t (b) VALUES ($1)", {Bytes{page}});
                      }).ok());
    }
    EXPECT_LT(fs::file_size(path + "-wal"), 16u << 20);
    auto n = db->Read([](Connection& c) { return c.Query("SELECT count(*) FROM t"); });
    EXPECT_EQ(n.value()[0].Int(0), 8000);
}

TEST_F(SqliteTest, ReadersSeeCommittedDataWhileAWriterWorks) {
    auto db = SqliteDatabase::Open((dir_ / "c.db").string()).value();
    ASSERT_TRUE(db->Write([](Connection& c) -> Result<int64_t> {
                      OW_TRY(c.Execute("CREATE TABLE t (v BIGINT)"));
                      return c.Execute("INSERT INTO t VALUES (1)");
                  }).ok());
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        for (int i = 0; i < 200; ++i) {
            (void)db->Write([](Connection& c) { return c.Execute("UPDATE t SET v = v + 1"); });
        }
        stop = true;
    });
    int64_t last = 0;
    while (!stop) {
        auto rows = db->Read([](Connection& c) { return c.Query("SELECT v FROM t"); });
        ASSERT_TRUE(rows.ok());
        int64_t v = (*rows)[0].Int(0);
        EXPECT_GE(v, last);  // never goes backwards, never a torn value
        last = v;
    }
    writer.join();
    EXPECT_EQ(db->Read([](Connection& c) { return c.Query("SELECT v FROM t"); })->at(0).Int(0),
              201);
}

}  // namespace
}  // namespace ow::storage
