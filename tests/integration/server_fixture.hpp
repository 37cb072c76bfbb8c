// ServerTest: each test gets the real server, freshly started with the demo city, on SQLite and
// again on PostgreSQL (when ONEWINDOW_TEST_PG_URL names a server; required when
// ONEWINDOW_REQUIRE_PG=1, as in `make test`).
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "http_client.hpp"
#include "server_process.hpp"
#include "storage/testing/database_fixture.hpp"

namespace ow::test {

class ServerTest : public ::testing::TestWithParam<storage::Dialect> {
protected:
    void SetUp() override { StartServer({}); }

    // (Re)starts the server on this test's database with extra flags.
    void StartServer(std::vector<std::string> extra_args, bool fresh_db = true) {
        server_.reset();
        if (fresh_db) {
            dir_ = std::filesystem::temp_directory_path() / "ow-it";
            std::filesystem::create_directories(dir_);
            db_ = FreshDatabase(GetParam(), dir_);
            if (db_.empty()) {
                const char* require = std::getenv("ONEWINDOW_REQUIRE_PG");
                if (require && std::string(require) == "1") {
                    FAIL() << "ONEWINDOW_TEST_PG_URL is not set but ONEWINDOW_REQUIRE_PG=1";
                }
                GTEST_SKIP() << "no PostgreSQL for tests (ONEWINDOW_TEST_PG_URL)";
            }
        }
        server_ = std::make_unique<ServerProcess>(
            ServerProcess::Options{db_, true, std::move(extra_args)});
    }

    HttpClient Client() const { return HttpClient(server_->port()); }
    // A client signed in as `username` (Bearer token).
    HttpClient As(const std::string& username,
                  const std::string& password = "onewindow-demo") const {
        HttpClient c = Client();
        c.SetToken(c.Login(username, password));
        return c;
    }
    ServerProcess& server() { return *server_; }
    // The id of the demo org unit with this code (e.g. "440781" for Taishan).
    int64_t UnitId(const std::string& code) const {
        auto units = Client().Get("/api/v1/org/units").Json();
        for (const auto& u : units.at("units").as_array()) {
            if (u.at("code").as_string() == code) return u.at("id").as_int64();
        }
        ADD_FAILURE() << "no unit " << code;
        return -1;
    }
    int64_t DepartmentId(const std::string& unit_code, const std::string& code) const {
        int64_t unit = UnitId(unit_code);
        auto departments = Client().Get("/api/v1/org/departments").Json();
        for (const auto& d : departments.at("departments").as_array()) {
            if (d.at("code").as_string() == code && d.at("org_unit_id").as_int64() == unit) {
                return d.at("id").as_int64();
            }
        }
        ADD_FAILURE() << "no department " << code;
        return -1;
    }
    const std::string& db() const { return db_; }

private:
    std::filesystem::path dir_;
    std::string db_;
    std::unique_ptr<ServerProcess> server_;
};

#define OW_INSTANTIATE_SERVER_TEST(suite)                                                      \
    INSTANTIATE_TEST_SUITE_P(                                                                  \
        Drivers, suite,                                                                        \
        ::testing::Values(::ow::storage::Dialect::kSqlite, ::ow::storage::Dialect::kPostgres), \
        ::ow::storage::test::DialectName)

}  // namespace ow::test
