// The SQL interface's contract (sql.hpp), run over both drivers: what goes in comes out, failures
// carry the right codes, transactions are all or nothing, and concurrent writers lose nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "storage/migrations.hpp"
#include "storage/postgres_database.hpp"
#include "storage/testing/database_fixture.hpp"

namespace ow::storage {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using SqlContractTest = test::DatabaseContractTest;

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

Result<int64_t> AddUnit(Connection& c, const std::string& code) {
    OW_ASSIGN_OR_RETURN(
        auto rows, c.Query("INSERT INTO org_units (level, code, name_zh, name_en, created_at) "
                           "VALUES ('city', $1, $2, $3, $4) RETURNING id",
                           {code, std::string("江门市"), std::string("Jiangmen"), int64_t{1}}));
    return rows.at(0).Int(0);
}

Result<int64_t> CountUnits(Database& db) {
    return db.Read([](Connection& c) -> Result<int64_t> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT count(*) FROM org_units"));
        return rows.at(0).Int(0);
    });
}

void CreateTable(Database& db, const std::string& ddl) {
    auto made = db.Write([&](Connection& c) -> Result<void> {
        return c.ExecuteScript(TranslateForDialect(ddl, c.dialect()));
    });
    ASSERT_TRUE(made.ok()) << made.error().detail();
}

TEST_P(SqlContractTest, ValuesComeBackAsTheyWentIn) {
    CreateTable(db(), "CREATE TABLE vals (id BIGINT PRIMARY KEY, n BIGINT, t TEXT, b @BLOB@)");
    const std::string chinese = "广东省江门市蓬江区 — 政务服务 ✓";
    const Bytes binary{std::string("\0a\0\xff\x00\x7f\\x", 8)};
    auto written = db().Write([&](Connection& c) -> Result<void> {
        const char* insert = "INSERT INTO vals (id, n, t, b) VALUES ($1, $2, $3, $4)";
        OW_TRY(c.Execute(insert, {int64_t{1}, Value(), Value(), Value()}));
        OW_TRY(c.Execute(insert, {int64_t{2}, kMin, chinese, binary}));
        OW_TRY(c.Execute(insert, {int64_t{3}, kMax, std::string(), Bytes{}}));
        return Ok();
    });
    ASSERT_TRUE(written.ok()) << written.error().detail();

    auto rows =
        db().Read([](Connection& c) { return c.Query("SELECT n, t, b FROM vals ORDER BY id"); });
    ASSERT_TRUE(rows.ok()) << rows.error().detail();
    ASSERT_EQ(rows->size(), 3u);
    const Row& nulls = (*rows)[0];
    EXPECT_TRUE(nulls.IsNull(0));
    EXPECT_TRUE(nulls.IsNull(1));
    EXPECT_TRUE(nulls.IsNull(2));
    EXPECT_EQ(nulls.OptInt(0), std::nullopt);
    const Row& full = (*rows)[1];
    EXPECT_EQ(full.OptInt(0), kMin);
    EXPECT_EQ(full.Text(1), chinese);
    EXPECT_EQ(full.BlobData(2), binary.data);
    const Row& edge = (*rows)[2];
    EXPECT_EQ(edge.OptInt(0), kMax);
    EXPECT_FALSE(edge.IsNull(1)) << "empty text must not read back as null";
    EXPECT_FALSE(edge.IsNull(2)) << "empty bytes must not read back as null";
    EXPECT_EQ(edge.Text(1), "");

    // Values also work as parameters in a comparison, bytes included.
    auto found = db().Read([&](Connection& c) -> Result<std::vector<int64_t>> {
        std::vector<int64_t> ids;
        for (const Value& v : {Value(kMax), Value(chinese), Value(binary)}) {
            const char* where = std::holds_alternative<int64_t>(v)       ? "n = $1"
                                : std::holds_alternative<std::string>(v) ? "t = $1"
                                                                         : "b = $1";
            OW_ASSIGN_OR_RETURN(auto r,
                                c.Query(std::string("SELECT id FROM vals WHERE ") + where, {v}));
            ids.push_back(r.empty() ? -1 : r[0].Int(0));
        }
        return ids;
    });
    ASSERT_TRUE(found.ok()) << found.error().detail();
    EXPECT_EQ(*found, (std::vector<int64_t>{3, 2, 2}));
}

TEST_P(SqlContractTest, ParametersMayRepeatAndComeInAnyOrder) {
    CreateTable(db(), "CREATE TABLE triple (a BIGINT, b TEXT, c BIGINT)");
    auto result = db().Write([](Connection& c) -> Result<int64_t> {
        OW_TRY(c.Execute("INSERT INTO triple (c, b, a) VALUES ($2, $1, $2)",
                         {std::string("one"), int64_t{2}}));
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT count(*) FROM triple "
                                               "WHERE c = $3 AND a = $3 AND b = $1 AND $2 = $2",
                                               {std::string("one"), int64_t{7}, int64_t{2}}));
        return rows.at(0).Int(0);
    });
    ASSERT_TRUE(result.ok()) << result.error().detail();
    EXPECT_EQ(*result, 1);

    // The same statement with a value, then a null, in the same place.
    auto nulled = db().Write([](Connection& c) -> Result<bool> {
        const char* update = "UPDATE triple SET a = $1 WHERE b = $2";
        OW_TRY(c.Execute(update, {int64_t{5}, std::string("one")}));
        OW_TRY(c.Execute(update, {Value(), std::string("one")}));
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT a FROM triple"));
        return rows.at(0).IsNull(0);
    });
    ASSERT_TRUE(nulled.ok()) << nulled.error().detail();
    EXPECT_TRUE(*nulled);
}

TEST_P(SqlContractTest, InsertReturningGivesTheNewId) {
    auto ids = db().Write([](Connection& c) -> Result<std::pair<int64_t, int64_t>> {
        OW_ASSIGN_OR_RETURN(int64_t first, AddUnit(c, "440700"));
        OW_ASSIGN_OR_RETURN(int64_t second, AddUnit(c, "440703"));
        return std::pair{first, second};
    });
    ASSERT_TRUE(ids.ok()) << ids.error().detail();
    EXPECT_GT(ids->first, 0);
    EXPECT_GT(ids->second, ids->first);
    auto code = db().Read([&](Connection& c) -> Result<std::string> {
        OW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT code FROM org_units WHERE id = $1", {ids->second}));
        return rows.at(0).Text(0);
    });
    EXPECT_EQ(code.value(), "440703");
}

TEST_P(SqlContractTest, ExecuteCountsTheRowsItChanged) {
    ASSERT_TRUE(db().Write([](Connection& c) -> Result<void> {
                        OW_TRY(AddUnit(c, "a"));
                        OW_TRY(AddUnit(c, "b"));
                        OW_TRY(AddUnit(c, "c"));
                        return Ok();
                    })
                    .ok());
    auto changed = db().Write([](Connection& c) {
        return c.Execute("UPDATE org_units SET name_en = $1 WHERE code <> $2",
                         {std::string("x"), std::string("b")});
    });
    EXPECT_EQ(changed.value(), 2);
}

TEST_P(SqlContractTest, UniqueViolationIsAlreadyExistsWithoutTheValue) {
    // An identity number is personal data: it must not reach the logs through the error.
    const std::string id_number = "440703199001011234";
    auto add_user = [&](const std::string& username) {
        return db().Write([&](Connection& c) {
            return c.Execute(
                "INSERT INTO users (username, display_name, password_hash, id_number, "
                "password_changed_at, created_at) VALUES ($1, $2, 'h', $3, 0, 0)",
                {username, std::string("张三"), id_number});
        });
    };
    ASSERT_TRUE(add_user("zhangsan").ok());
    auto again = add_user("zhangsan2");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
    EXPECT_THAT(again.error().detail(), Not(HasSubstr(id_number)));
    EXPECT_THAT(again.error().detail(), Not(HasSubstr("zhangsan2")));
    if (dialect() == Dialect::kPostgres) {
        EXPECT_THAT(again.error().detail(), HasSubstr("23505"));
        EXPECT_THAT(again.error().detail(), HasSubstr("users_id_number"));  // the constraint
    }
}

TEST_P(SqlContractTest, ForeignKeyViolationIsReferenceMissing) {
    auto point = db().Write([](Connection& c) {
        return c.Execute(
            "INSERT INTO service_points (org_unit_id, kind, code, name_zh, name_en, created_at) "
            "VALUES ($1, 'kiosk', 'K1', '自助机', 'Kiosk', 0)",
            {int64_t{424242}});
    });
    ASSERT_FALSE(point.ok());
    EXPECT_EQ(point.error().code(), ErrorCode::kReferenceMissing);
    if (dialect() == Dialect::kPostgres) {
        EXPECT_THAT(point.error().detail(), HasSubstr("23503"));
    }
}

TEST_P(SqlContractTest, AFailingFunctionLeavesNoTrace) {
    // The function's own error comes back as it was returned, and nothing it did stays.
    auto refused = db().Write([](Connection& c) -> Result<void> {
        OW_TRY(AddUnit(c, "440700"));
        OW_TRY(AddUnit(c, "440703"));
        return Error(ErrorCode::kInvalidState).Field("state");
    });
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidState);
    EXPECT_EQ(refused.error().field(), "state");

    // A statement that fails after others succeeded: the earlier ones are undone too.
    auto failed = db().Write([](Connection& c) -> Result<void> {
        OW_TRY(AddUnit(c, "440704"));
        OW_TRY(AddUnit(c, "440704"));
        return Ok();
    });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code(), ErrorCode::kAlreadyExists);
    EXPECT_EQ(CountUnits(db()).value(), 0);

    // And the database is fine afterwards.
    ASSERT_TRUE(db().Write([](Connection& c) { return AddUnit(c, "440705"); }).ok());
    EXPECT_EQ(CountUnits(db()).value(), 1);
}

TEST_P(SqlContractTest, ReadSeesCommittedDataOnAStableSnapshot) {
    ASSERT_TRUE(db().Write([](Connection& c) { return AddUnit(c, "440700"); }).ok());
    EXPECT_EQ(CountUnits(db()).value(), 1);

    auto counts = db().Read([&](Connection& c) -> Result<std::pair<int64_t, int64_t>> {
        OW_ASSIGN_OR_RETURN(auto before, c.Query("SELECT count(*) FROM org_units"));
        // Another caller commits while this snapshot is open.
        Result<int64_t> other = Error(ErrorCode::kInternal);
        std::thread writer(
            [&] { other = db().Write([](Connection& w) { return AddUnit(w, "x"); }); });
        writer.join();
        OW_TRY(other);
        OW_ASSIGN_OR_RETURN(auto after, c.Query("SELECT count(*) FROM org_units"));
        return std::pair{before.at(0).Int(0), after.at(0).Int(0)};
    });
    ASSERT_TRUE(counts.ok()) << counts.error().detail();
    EXPECT_EQ(counts->first, 1);
    EXPECT_EQ(counts->second, 1) << "a read transaction saw a commit made after it began";
    EXPECT_EQ(CountUnits(db()).value(), 2);
}

TEST_P(SqlContractTest, ReadRefusesToWrite) {
    auto wrote = db().Read([](Connection& c) { return AddUnit(c, "440700"); });
    ASSERT_FALSE(wrote.ok());
    EXPECT_EQ(wrote.error().code(), ErrorCode::kStorageError);
    EXPECT_EQ(CountUnits(db()).value(), 0);
}

TEST_P(SqlContractTest, ConcurrentWritersLoseNoUpdate) {
    CreateTable(db(),
                "CREATE TABLE counter (id BIGINT PRIMARY KEY, v BIGINT NOT NULL);"
                "INSERT INTO counter VALUES (1, 0);");
    // More threads than pooled connections, each doing read-modify-write in application code:
    // on PostgreSQL this only adds up if serialization failures are retried.
    constexpr int kThreads = test::DatabaseContractTest::kPoolSize + 2;
    constexpr int kIncrements = 20;
    std::atomic<int> attempts{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < kIncrements; ++i) {
                auto r = db().Write([&](Connection& c) -> Result<void> {
                    ++attempts;
                    OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT v FROM counter WHERE id = 1"));
                    OW_TRY(c.Execute("UPDATE counter SET v = $1 WHERE id = 1",
                                     {rows.at(0).Int(0) + 1}));
                    return Ok();
                });
                if (!r.ok()) {
                    ++failures;
                    ADD_FAILURE() << r.error().detail();
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    auto total = db().Read([](Connection& c) -> Result<int64_t> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT v FROM counter WHERE id = 1"));
        return rows.at(0).Int(0);
    });
    EXPECT_EQ(total.value(), kThreads * kIncrements);
    EXPECT_GE(attempts.load(), kThreads * kIncrements);
    RecordProperty("write_attempts", attempts.load());
    PoolStats stats = db().Stats();
    EXPECT_EQ(stats.in_use, 0);
    EXPECT_EQ(stats.waiting, 0);
}

TEST_P(SqlContractTest, AFunctionThatThrowsGivesItsConnectionBack) {
    // Exceptions are for the edges, but a stray one (Result::value() on an error) must not leave
    // a connection in its transaction for the next caller.
    for (int i = 0; i < kPoolSize + 1; ++i) {
        EXPECT_THROW((void)db().Write([](Connection& c) -> Result<void> {
            OW_TRY(AddUnit(c, "440700"));
            throw std::runtime_error("bug");
        }),
                     std::runtime_error);
    }
    EXPECT_EQ(db().Stats().in_use, 0);
    EXPECT_EQ(CountUnits(db()).value(), 0);  // and what it did is undone
    EXPECT_TRUE(db().Write([](Connection& c) { return AddUnit(c, "440700"); }).ok());
}

TEST_P(SqlContractTest, MigratingAgainAppliesNothing) {
    EXPECT_EQ(Migrate(db()).value(), 0);
    auto versions = db().Read([](Connection& c) -> Result<int64_t> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT count(*) FROM schema_migrations"));
        return rows.at(0).Int(0);
    });
    EXPECT_EQ(versions.value(), static_cast<int64_t>(KnownMigrations().size()));
}

TEST_P(SqlContractTest, StatsCountConnectionsInUse) {
    PoolStats idle = db().Stats();
    EXPECT_GE(idle.connections, 1);
    EXPECT_LE(idle.connections, kPoolSize + 1);  // SQLite counts its writer besides the pool
    EXPECT_EQ(idle.in_use, 0);
    EXPECT_EQ(idle.waiting, 0);
    auto in_write = db().Write([&](Connection&) -> Result<PoolStats> { return db().Stats(); });
    EXPECT_EQ(in_write.value().in_use, 1);
    auto in_read = db().Read([&](Connection&) -> Result<PoolStats> { return db().Stats(); });
    EXPECT_EQ(in_read.value().in_use, 1);
    EXPECT_EQ(db().Stats().in_use, 0);
}

TEST_P(SqlContractTest, ReadersBeyondThePoolWaitForAConnection) {
    std::mutex mu;
    std::condition_variable cv;
    int holding = 0;
    bool release = false;
    std::vector<std::thread> holders;
    for (int i = 0; i < kPoolSize; ++i) {
        holders.emplace_back([&] {
            auto r = db().Read([&](Connection& c) -> Result<void> {
                OW_TRY(c.Query("SELECT count(*) FROM org_units"));
                std::unique_lock lock(mu);
                ++holding;
                cv.notify_all();
                cv.wait(lock, [&] { return release; });
                return Ok();
            });
            EXPECT_TRUE(r.ok()) << r.error().detail();
        });
    }
    {
        std::unique_lock lock(mu);
        ASSERT_TRUE(
            cv.wait_for(lock, std::chrono::seconds(10), [&] { return holding == kPoolSize; }));
    }
    std::atomic<bool> late_done{false};
    std::thread late([&] {
        auto r = db().Read([](Connection& c) { return c.Query("SELECT 1"); });
        EXPECT_TRUE(r.ok()) << r.error().detail();
        late_done = true;
    });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (db().Stats().waiting < 1 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    PoolStats full = db().Stats();
    EXPECT_EQ(full.waiting, 1);
    EXPECT_EQ(full.in_use, kPoolSize);
    EXPECT_FALSE(late_done.load());
    {
        std::lock_guard lock(mu);
        release = true;
    }
    cv.notify_all();
    for (auto& t : holders) t.join();
    late.join();
    EXPECT_TRUE(late_done.load());
    PoolStats after = db().Stats();
    EXPECT_EQ(after.waiting, 0);
    EXPECT_EQ(after.in_use, 0);
    EXPECT_LE(after.connections, kPoolSize + 1);
}

OW_INSTANTIATE_DATABASE_CONTRACT_TEST(SqlContractTest);

// What only the PostgreSQL driver has to do: retry, reconnect, and keep secrets out of errors.
using PostgresDriverTest = test::DatabaseContractTest;

Result<int64_t> ReadCounter(Database& db) {
    return db.Read([](Connection& c) -> Result<int64_t> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT v FROM counter WHERE id = 1"));
        return rows.at(0).Int(0);
    });
}

TEST_P(PostgresDriverTest, AConcurrentUpdateReRunsTheFunctionFromScratch) {
    CreateTable(db(),
                "CREATE TABLE counter (id BIGINT PRIMARY KEY, v BIGINT NOT NULL);"
                "INSERT INTO counter VALUES (1, 0);");
    auto other = OpenAgain(1);
    ASSERT_TRUE(other.ok()) << other.error().detail();
    int attempts = 0;
    auto r = db().Write([&](Connection& c) -> Result<void> {
        ++attempts;
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT v FROM counter WHERE id = 1"));
        if (attempts == 1) {
            // Another instance commits a change to the row this transaction has read.
            OW_TRY((*other)->Write([](Connection& o) {
                return o.Execute("UPDATE counter SET v = v + 10 WHERE id = 1");
            }));
        }
        OW_TRY(c.Execute("UPDATE counter SET v = $1 WHERE id = 1", {rows.at(0).Int(0) + 1}));
        return Ok();
    });
    ASSERT_TRUE(r.ok()) << r.error().detail();
    EXPECT_EQ(attempts, 2);
    EXPECT_EQ(ReadCounter(db()).value(), 11);
}

TEST_P(PostgresDriverTest, WriteSkewIsRetriedNotCommitted) {
    // Two clerks each sign off duty if someone else is still on duty: run interleaved at a weaker
    // isolation level, both succeed and nobody is left.
    CreateTable(db(),
                "CREATE TABLE on_duty (clerk TEXT PRIMARY KEY, present BIGINT NOT NULL);"
                "INSERT INTO on_duty VALUES ('a', 1), ('b', 1);");
    auto other = OpenAgain(1);
    ASSERT_TRUE(other.ok()) << other.error().detail();
    auto sign_off = [](Connection& c, const std::string& clerk) -> Result<void> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT count(*) FROM on_duty WHERE present = 1"));
        if (rows.at(0).Int(0) < 2) return Ok();
        OW_TRY(c.Execute("UPDATE on_duty SET present = 0 WHERE clerk = $1", {clerk}));
        return Ok();
    };
    int attempts = 0;
    auto r = db().Write([&](Connection& c) -> Result<void> {
        ++attempts;
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT count(*) FROM on_duty WHERE present = 1"));
        if (attempts == 1) {
            OW_TRY((*other)->Write([&](Connection& o) { return sign_off(o, "b"); }));
        }
        if (rows.at(0).Int(0) < 2) return Ok();
        OW_TRY(c.Execute("UPDATE on_duty SET present = 0 WHERE clerk = 'a'"));
        return Ok();
    });
    ASSERT_TRUE(r.ok()) << r.error().detail();
    EXPECT_EQ(attempts, 2);
    auto present = db().Read([](Connection& c) -> Result<int64_t> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT count(*) FROM on_duty WHERE present = 1"));
        return rows.at(0).Int(0);
    });
    EXPECT_EQ(present.value(), 1);
}

// fail_first(code, n): raises SQLSTATE `code` the first n times it runs in this database.
// Sequences ignore rollbacks, so the count survives the transactions it aborts.
void CreateFailFirst(Database& db) {
    CreateTable(db, R"(
        CREATE SEQUENCE failures;
        CREATE FUNCTION fail_first(code TEXT, n BIGINT) RETURNS BIGINT LANGUAGE plpgsql AS $$
        BEGIN
            IF nextval('failures') <= n THEN
                RAISE EXCEPTION 'simulated failure' USING ERRCODE = code;
            END IF;
            RETURN 0;
        END $$;
        CREATE FUNCTION fail_first_commit() RETURNS TRIGGER LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM fail_first('serialization_failure', 1);
            RETURN NULL;
        END $$;
        CREATE TABLE guarded (v BIGINT);
        CREATE CONSTRAINT TRIGGER guarded_at_commit AFTER INSERT ON guarded
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_first_commit();
    )");
}

TEST_P(PostgresDriverTest, ASerializationFailureAtCommitIsRetried) {
    CreateFailFirst(db());
    int attempts = 0;
    auto r = db().Write([&](Connection& c) {
        ++attempts;
        return c.Execute("INSERT INTO guarded VALUES (1)");  // the trigger fires at COMMIT
    });
    ASSERT_TRUE(r.ok()) << r.error().detail();
    EXPECT_EQ(attempts, 2);
    auto rows = db().Read([](Connection& c) { return c.Query("SELECT v FROM guarded"); });
    EXPECT_EQ(rows.value().size(), 1u);
}

TEST_P(PostgresDriverTest, ADeadlockIsRetried) {
    CreateFailFirst(db());
    int attempts = 0;
    auto r = db().Write([&](Connection& c) -> Result<void> {
        ++attempts;
        OW_TRY(AddUnit(c, "440700"));
        OW_TRY(c.Query("SELECT fail_first('deadlock_detected', 2)"));
        return Ok();
    });
    ASSERT_TRUE(r.ok()) << r.error().detail();
    EXPECT_EQ(attempts, 3);
    EXPECT_EQ(CountUnits(db()).value(), 1);
}

TEST_P(PostgresDriverTest, RetriesGiveUpAfterALimit) {
    CreateFailFirst(db());
    int attempts = 0;
    auto r = db().Write([&](Connection& c) {
        ++attempts;
        return c.Query("SELECT fail_first('serialization_failure', 1000)");
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code(), ErrorCode::kStorageError);
    EXPECT_THAT(r.error().detail(), HasSubstr("40001"));
    EXPECT_EQ(attempts, PostgresDatabase::kMaxWriteAttempts);
}

TEST_P(PostgresDriverTest, AnErrorOfTheFunctionsOwnIsNotRetried) {
    CreateFailFirst(db());
    int attempts = 0;
    auto r = db().Write([&](Connection& c) {
        ++attempts;
        return c.Query("SELECT fail_first('check_violation', 1000)");
    });
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(r.error().detail(), HasSubstr("23514"));
    EXPECT_EQ(attempts, 1);
}

TEST_P(PostgresDriverTest, PreparedStatementsSurviveASchemaChange) {
    CreateTable(db(), "CREATE TABLE widened (a BIGINT); INSERT INTO widened VALUES (1);");
    auto select_all = [&] {
        return db().Read([](Connection& c) { return c.Query("SELECT * FROM widened"); });
    };
    ASSERT_EQ(select_all().value().at(0).size(), 1u);
    CreateTable(db(), "ALTER TABLE widened ADD COLUMN b TEXT NOT NULL DEFAULT 'x'");
    auto after = select_all();
    ASSERT_TRUE(after.ok()) << after.error().detail();
    ASSERT_EQ(after->at(0).size(), 2u);
    EXPECT_EQ(after->at(0).Text(1), "x");
}

TEST_P(PostgresDriverTest, ManyDistinctStatementsStillRun) {
    // More distinct statements than a connection keeps prepared.
    auto sum = db().Read([](Connection& c) -> Result<int64_t> {
        int64_t total = 0;
        for (int i = 0; i < 300; ++i) {
            OW_ASSIGN_OR_RETURN(auto rows,
                                c.Query("SELECT " + std::to_string(i) + " + $1", {int64_t{1}}));
            total += rows.at(0).Int(0);
        }
        return total;
    });
    ASSERT_TRUE(sum.ok()) << sum.error().detail();
    EXPECT_EQ(*sum, 300 * 299 / 2 + 300);
}

TEST_P(PostgresDriverTest, AConnectionKilledInATransactionIsReplaced) {
    auto killed = db().Write(
        [](Connection& c) { return c.Query("SELECT pg_terminate_backend(pg_backend_pid())"); });
    ASSERT_FALSE(killed.ok());
    EXPECT_EQ(killed.error().code(), ErrorCode::kStorageError);
    EXPECT_EQ(db().Stats().in_use, 0);
    auto after = db().Write([](Connection& c) { return AddUnit(c, "440700"); });
    EXPECT_TRUE(after.ok()) << after.error().detail();
    EXPECT_LE(db().Stats().connections, kPoolSize);
}

TEST_P(PostgresDriverTest, AConnectionKilledWhileIdleIsReopened) {
    auto backend = [&] {
        return db().Read([](Connection& c) -> Result<int64_t> {
            OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT pg_backend_pid()"));
            return rows.at(0).Int(0);
        });
    };
    int64_t before = backend().value();
    auto other = OpenAgain(1);
    ASSERT_TRUE(other.ok()) << other.error().detail();
    auto terminated = (*other)->Write([&](Connection& c) -> Result<void> {
        OW_TRY(c.Query("SELECT pg_terminate_backend($1, 5000)", {before}));
        return Ok();
    });
    ASSERT_TRUE(terminated.ok()) << terminated.error().detail();
    auto after = backend();
    ASSERT_TRUE(after.ok()) << after.error().detail();
    EXPECT_NE(*after, before);
}

TEST_P(PostgresDriverTest, ErrorsCarryTheSqlstateButNoValues) {
    auto bad = db().Write([](Connection& c) {
        return c.Execute(
            "INSERT INTO org_units (level, code, name_zh, name_en, created_at) "
            "VALUES ('city', 'c', 'n', 'n', $1)",
            {std::string("王小明的身份证")});
    });
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code(), ErrorCode::kStorageError);
    EXPECT_THAT(bad.error().detail(), HasSubstr("22P02"));
    EXPECT_THAT(bad.error().detail(), Not(HasSubstr("王小明")));
}

TEST_P(PostgresDriverTest, DescribeNamesTheDatabaseButNotThePassword) {
    EXPECT_THAT(db().Describe(),
                ::testing::MatchesRegex("postgresql://[^:@/]+@[^@/]+:[0-9]+/ow_t_[0-9a-f]+"));
}

TEST_P(PostgresDriverTest, AWrongPasswordFailsWithoutRepeatingIt) {
    auto conninfo =
        test::WithConnectionSetting(*test::TestPostgresUrl(), "password", "not-the-password-42");
    ASSERT_TRUE(conninfo.ok());
    auto db = PostgresDatabase::Open(*conninfo);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code(), ErrorCode::kStorageError);
    EXPECT_THAT(db.error().detail(), HasSubstr("password authentication failed"));
    EXPECT_THAT(db.error().detail(), Not(HasSubstr("not-the-password-42")));
}

INSTANTIATE_TEST_SUITE_P(Drivers, PostgresDriverTest, ::testing::Values(Dialect::kPostgres),
                         test::DialectName);

// Needs no server: nothing listens on port 1.
TEST(PostgresOpenTest, AnUnreachableServerFailsFastWithoutThePassword) {
    auto started = std::chrono::steady_clock::now();
    auto db = PostgresDatabase::Open("postgresql://onewindow:hunter2-secret@127.0.0.1:1/ow");
    ASSERT_FALSE(db.ok());
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
    EXPECT_EQ(db.error().code(), ErrorCode::kStorageError);
    EXPECT_THAT(db.error().detail(), HasSubstr("postgresql://onewindow@127.0.0.1:1/ow"));
    EXPECT_THAT(db.error().detail(), Not(HasSubstr("hunter2")));
}

TEST(PostgresOpenTest, AMalformedUrlFailsWithoutThePassword) {
    auto db = PostgresDatabase::Open("postgresql://onewindow:hunter2-secret@127.0.0.1:port/ow");
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code(), ErrorCode::kStorageError);
    EXPECT_THAT(db.error().detail(), Not(HasSubstr("hunter2")));
}

}  // namespace
}  // namespace ow::storage
