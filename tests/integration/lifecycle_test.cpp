// Operating the server: metrics, static files, keep-alive, graceful shutdown, durability after
// kill -9, online backup, and who may open the live channel.
#include <signal.h>

#include <boost/json.hpp>
#include <fstream>
#include <future>
#include <thread>

#include "server_fixture.hpp"

namespace ow::test {
namespace {

namespace fs = std::filesystem;

using LifecycleTest = ServerTest;

TEST_P(LifecycleTest, MetricsCountRequestsPerRoute) {
    HttpClient c = Client();
    c.Get("/api/v1/calendar/days/2020-10-01");
    c.Get("/api/v1/calendar/days/2020-10-02");
    auto m = c.Get("/metrics");
    ASSERT_EQ(m.status, 200);
    EXPECT_NE(m.Header("content-type").find("text/plain"), std::string::npos);
    const std::string& text = m.body;
    EXPECT_NE(text.find("onewindow_http_requests_total{method=\"GET\",route=\"/api/v1/calendar/"
                        "days/{date}\",status=\"200\"} 2"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("# TYPE onewindow_http_request_duration_seconds histogram"),
              std::string::npos);
    EXPECT_NE(text.find("onewindow_db_pool_connections"), std::string::npos);
    EXPECT_NE(text.find("onewindow_websocket_sessions 0"), std::string::npos);
}

TEST_P(LifecycleTest, KeepAliveServesSeveralRequestsOnOneConnection) {
    std::string two =
        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /api/v1/calendar/days/2020-10-10 HTTP/1.1\r\nHost: x\r\n"
        "Connection: close\r\n\r\n";
    std::string out = Client().Raw(two);
    EXPECT_EQ(out.find("HTTP/1.1 200"), 0u);
    EXPECT_NE(out.find("HTTP/1.1 200", 10), std::string::npos);
    EXPECT_NE(out.find("makeup_workday"), std::string::npos);
    std::string garbage = Client().Raw("NOT HTTP AT ALL\r\n\r\n");
    EXPECT_EQ(garbage.find("HTTP/1.1 200"), std::string::npos);
    EXPECT_EQ(Client().Get("/healthz").status, 200);
}

TEST_P(LifecycleTest, ServesTheFrontEndWithoutLeavingItsRoot) {
    fs::path root = fs::temp_directory_path() / "ow-it-web";
    fs::create_directories(root / "assets");
    std::ofstream(root / "index.html") << "<!doctype html><script src=\"/assets/app.js\"></script>";
    std::ofstream(root / "assets" / "app.js") << "console.log('onewindow')";
    StartServer({"--web-root", root.string()});
    HttpClient c = Client();
    auto index = c.Get("/");
    EXPECT_EQ(index.status, 200);
    EXPECT_NE(index.body.find("<script"), std::string::npos);
    EXPECT_NE(index.Header("content-security-policy").find("default-src 'self'"),
              std::string::npos);
    auto js = c.Get("/assets/app.js");
    EXPECT_EQ(js.status, 200);
    EXPECT_NE(js.Header("cache-control").find("immutable"), std::string::npos);
    EXPECT_EQ(c.Get("/cases/does-not-exist").status, 200);  // client-side route
    EXPECT_EQ(c.Get("/assets/missing.js").status, 404);
    EXPECT_EQ(c.Get("/api/v1/not-a-page").status, 404);
    std::string escape = c.Raw(
        "GET /%2e%2e/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n"
        "Connection: close\r\n\r\n");
    EXPECT_EQ(escape.find("root:"), std::string::npos);
    EXPECT_EQ(escape.find("HTTP/1.1 200"), std::string::npos);
    fs::remove_all(root);
}

TEST_P(LifecycleTest, SigtermLetsInFlightRequestsFinish) {
    HttpClient c = Client();
    // A sign-in takes tens of milliseconds (Argon2id): it is still running when SIGTERM comes.
    auto pending = std::async(std::launch::async, [c] {
        return c.Post("/api/v1/auth/login", R"({"username":"admin","password":"onewindow-demo"})");
    });
    // Signal only once the server holds it (the /metrics request asking is the other one).
    HttpClient watcher = Client();
    for (int i = 0; i < 500; ++i) {
        if (watcher.Get("/metrics").body.find("onewindow_http_requests_in_flight 2") !=
            std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    int status = server().Stop(SIGTERM);
    auto r = pending.get();
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("connection"), "close");
    EXPECT_EQ(status, 0);
    EXPECT_NE(server().Log().find("\"stopped\""), std::string::npos);
}

TEST_P(LifecycleTest, AcknowledgedWritesSurviveKillDashNine) {
    HttpClient admin = As("admin");
    auto created = admin.Post("/api/v1/users", R"({"username":"durable","display_name":"持久",
        "password":"Survives-kill-2020","roles":["citizen"],"id_number":"440524188001010014"})");
    ASSERT_EQ(created.status, 201);
    EXPECT_EQ(server().Stop(SIGKILL), 128 + SIGKILL);
    StartServer({}, /*fresh_db=*/false);
    EXPECT_EQ(As("admin").Get("/api/v1/users?q=durable").Json().at("users").as_array().size(), 1u);
}

TEST_P(LifecycleTest, LiveChannelNeedsASessionFromThisSite) {
    EXPECT_THROW(WsClient(server().port(), {}), std::exception);
    HttpClient c = Client();
    auto login =
        c.Post("/api/v1/auth/login", R"({"username":"admin","password":"onewindow-demo"})");
    std::string set = login.Header("set-cookie");
    std::string cookie = set.substr(0, set.find(';'));
    EXPECT_THROW(WsClient(server().port(), {{"Cookie", cookie}, {"Origin", "http://evil.example"}}),
                 std::exception);
    WsClient ok(
        server().port(),
        {{"Cookie", cookie}, {"Origin", "http://127.0.0.1:" + std::to_string(server().port())}});
    EXPECT_NE(ok.Read().find("hello"), std::string::npos);
    EXPECT_NE(c.Get("/metrics").body.find("onewindow_websocket_sessions 1"), std::string::npos);
}

OW_INSTANTIATE_SERVER_TEST(LifecycleTest);

TEST(Backup, CopiesALiveDatabaseConsistently) {
    fs::path dir = fs::temp_directory_path() / "ow-it-backup";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string live = (dir / "live.db").string();
    ServerProcess server({live, true, {}});
    HttpClient c(server.port());
    c.SetToken(c.Login("admin"));
    // Writes keep coming while the copy is made.
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        for (int i = 0; !stop; ++i) {
            c.Request("PUT",
                      "/api/v1/calendar/overrides/2030-01-" + std::string(i % 28 < 9 ? "0" : "") +
                          std::to_string(i % 28 + 1),
                      R"({"working":false,"name":"备份测试"})");
        }
    });
    std::string copy = (dir / "copy.db").string();
    auto [status, out] = RunCli({"backup", copy, "--db", live});
    stop = true;
    writer.join();
    ASSERT_EQ(status, 0) << out;
    auto [again, again_out] = RunCli({"backup", copy, "--db", live});
    EXPECT_EQ(again, 1);  // never overwrites
    ServerProcess restored({copy, false, {}});
    HttpClient r(restored.port());
    r.SetToken(r.Login("admin"));
    EXPECT_EQ(r.Get("/api/v1/org/units").Json().at("units").as_array().size(),
              c.Get("/api/v1/org/units").Json().at("units").as_array().size());
    fs::remove_all(dir);
}

}  // namespace
}  // namespace ow::test
