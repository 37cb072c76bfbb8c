#include "storage/testing/database_fixture.hpp"

#include <libpq-fe.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>

#include "storage/migrations.hpp"
#include "storage/postgres_database.hpp"
#include "storage/sqlite_database.hpp"

namespace ow::storage {

void PrintTo(Dialect dialect, std::ostream* os) {
    *os << (dialect == Dialect::kSqlite ? "Sqlite" : "Postgres");
}

}  // namespace ow::storage

namespace ow::storage::test {
namespace {

namespace fs = std::filesystem;

constexpr char kUrlVariable[] = "ONEWINDOW_TEST_PG_URL";
constexpr char kRequireVariable[] = "ONEWINDOW_REQUIRE_PG";

bool PostgresRequired() {
    const char* v = std::getenv(kRequireVariable);
    return v && std::string_view(v) == "1";
}

// 12 hex digits: unique enough for databases and directories that live as long as one test.
std::string RandomSuffix() {
    std::random_device rd;
    uint64_t bits = (uint64_t{rd()} << 32 | rd()) & 0xffff'ffff'ffffULL;
    char out[13];
    std::snprintf(out, sizeof out, "%012llx", static_cast<unsigned long long>(bits));
    return out;
}

// Runs one statement outside any transaction (CREATE/DROP DATABASE cannot run in one) on a
// connection to the server's own database, shared by every test in the process.
Result<void> RunMaintenance(const std::string& url, const std::string& sql) {
    static std::mutex mu;
    static std::unique_ptr<PGconn, decltype(&PQfinish)> conn(nullptr, &PQfinish);
    std::lock_guard lock(mu);
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
        conn.reset(PQconnectdb(url.c_str()));
        if (PQstatus(conn.get()) != CONNECTION_OK) {
            std::string message = PQerrorMessage(conn.get());
            conn.reset();
            return Error(ErrorCode::kStorageError)
                .Detail("maintenance connection to " + std::string(kUrlVariable) + ": " + message);
        }
    }
    std::unique_ptr<PGresult, decltype(&PQclear)> res(PQexec(conn.get(), sql.c_str()), &PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
        return Error(ErrorCode::kStorageError).Detail(sql + ": " + PQresultErrorMessage(res.get()));
    }
    return Ok();
}

Result<std::unique_ptr<Database>> OpenDatabase(Dialect dialect, const std::string& location,
                                               int pool_size) {
    if (dialect == Dialect::kSqlite) {
        OW_ASSIGN_OR_RETURN(auto db, SqliteDatabase::Open(location, pool_size));
        return std::unique_ptr<Database>(std::move(db));
    }
    OW_ASSIGN_OR_RETURN(auto db, PostgresDatabase::Open(location, pool_size));
    return std::unique_ptr<Database>(std::move(db));
}

}  // namespace

std::optional<std::string> TestPostgresUrl() {
    const char* v = std::getenv(kUrlVariable);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

Result<std::string> CreateTestPostgresDatabase() {
    std::optional<std::string> url = TestPostgresUrl();
    if (!url)
        return Error(ErrorCode::kStorageError).Detail(std::string(kUrlVariable) + " is unset");
    std::string name = "ow_t_" + RandomSuffix();
    OW_TRY(RunMaintenance(*url, "CREATE DATABASE " + name));
    return name;
}

Result<void> DropTestPostgresDatabase(const std::string& name) {
    std::optional<std::string> url = TestPostgresUrl();
    if (!url)
        return Error(ErrorCode::kStorageError).Detail(std::string(kUrlVariable) + " is unset");
    return RunMaintenance(*url, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

Result<std::string> WithConnectionSetting(const std::string& conninfo, std::string_view keyword,
                                          std::string_view value) {
    char* err = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &err);
    if (!options) {
        std::string message = err ? err : "out of memory";
        PQfreemem(err);
        return Error(ErrorCode::kStorageError).Detail("connection string: " + message);
    }
    auto quoted = [](std::string_view text) {
        std::string out = "'";
        for (char ch : text) {
            if (ch == '\'' || ch == '\\') out += '\\';
            out += ch;
        }
        return out + "'";
    };
    // Rebuilt from the parsed settings, so that every other setting is kept whatever its spelling
    // in the original.
    std::string out;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val || std::string_view(o->keyword) == keyword) continue;
        out += std::string(o->keyword) + "=" + quoted(o->val) + " ";
    }
    PQconninfoFree(options);
    return out + std::string(keyword) + "=" + quoted(value);
}

std::string DialectName(const ::testing::TestParamInfo<Dialect>& info) {
    return ::testing::PrintToString(info.param);
}

void DatabaseContractTest::SetUp() {
    if (dialect() == Dialect::kSqlite) {
        sqlite_dir_ = fs::temp_directory_path() / ("ow-contract-" + RandomSuffix());
        fs::create_directories(sqlite_dir_);
        location_ = (sqlite_dir_ / "test.db").string();
    } else {
        std::optional<std::string> url = TestPostgresUrl();
        if (!url) {
            if (PostgresRequired()) {
                GTEST_FAIL() << "ONEWINDOW_REQUIRE_PG=1 but ONEWINDOW_TEST_PG_URL is not set; "
                                "run the tests under scripts/with-test-postgres.sh";
            }
            GTEST_SKIP() << "no PostgreSQL: set ONEWINDOW_TEST_PG_URL (or run the tests under "
                            "scripts/with-test-postgres.sh) to run the PostgreSQL half";
        }
        Result<std::string> created = CreateTestPostgresDatabase();
        ASSERT_TRUE(created.ok()) << created.error().detail();
        pg_database_ = *created;
        Result<std::string> conninfo = WithConnectionSetting(*url, "dbname", pg_database_);
        ASSERT_TRUE(conninfo.ok()) << conninfo.error().detail();
        location_ = *conninfo;
    }
    Result<std::unique_ptr<Database>> opened = OpenAgain();
    ASSERT_TRUE(opened.ok()) << opened.error().detail();
    db_ = std::move(opened).value();
    Result<int> migrated = Migrate(*db_);
    ASSERT_TRUE(migrated.ok()) << migrated.error().detail();
}

void DatabaseContractTest::TearDown() {
    db_.reset();
    if (!pg_database_.empty()) {
        Result<void> dropped = DropTestPostgresDatabase(pg_database_);
        EXPECT_TRUE(dropped.ok()) << dropped.error().detail();
    }
    if (!sqlite_dir_.empty()) {
        std::error_code ec;
        fs::remove_all(sqlite_dir_, ec);
    }
}

Result<std::unique_ptr<Database>> DatabaseContractTest::OpenAgain(int pool_size) const {
    return OpenDatabase(dialect(), location_, pool_size);
}

}  // namespace ow::storage::test
