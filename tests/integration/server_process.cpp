#include "server_process.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "http_client.hpp"
#include "storage/testing/database_fixture.hpp"

namespace ow::test {

namespace fs = std::filesystem;

std::string BinaryPath() {
    const char* env = std::getenv("ONEWINDOW_BIN");
    return env ? env : ONEWINDOW_BIN_PATH;
}

namespace {

std::string RandomSuffix() {
    static std::mt19937_64 rng(std::random_device{}());
    static std::mutex mu;
    std::lock_guard lock(mu);
    return std::to_string(rng() % 1000000000000ULL);
}

std::string ReadFile(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

}  // namespace

std::string FreshDatabase(storage::Dialect dialect, const fs::path& dir) {
    if (dialect == storage::Dialect::kSqlite)
        return (dir / ("ow-" + RandomSuffix() + ".db")).string();
    auto url = storage::test::TestPostgresUrl();
    if (!url) return "";
    std::string name = "ow_it_" + RandomSuffix();
    PGconn* conn = PQconnectdb(url->c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        throw std::runtime_error("cannot reach the test PostgreSQL: " + message);
    }
    PGresult* r = PQexec(conn, ("CREATE DATABASE " + name).c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    PQfinish(conn);
    if (!ok) throw std::runtime_error("cannot create test database " + name);
    auto conninfo = storage::test::WithConnectionSetting(*url, "dbname", name);
    if (!conninfo.ok()) throw std::runtime_error("bad test PostgreSQL URL");
    // The server takes postgresql:// URLs: rebuild one from the keyword form.
    std::string base = *url;
    auto slash = base.find('/', base.find("://") + 3);
    auto query = base.find('?', slash == std::string::npos ? 0 : slash);
    std::string tail = query == std::string::npos ? "" : base.substr(query);
    return base.substr(0, slash) + "/" + name + tail;
}

ServerProcess::ServerProcess(Options options) : options_(std::move(options)) {
    dir_ = fs::temp_directory_path() / ("ow-server-" + RandomSuffix());
    fs::create_directories(dir_);
    std::vector<std::string> args = {
        BinaryPath(),   "serve",       "--db",        options_.db,
        "--listen",     "127.0.0.1:0", "--port-file", (dir_ / "port").string(),
        "--io-threads", "2",           "--workers",   "4"};
    if (options_.demo) args.push_back("--demo");
    for (const auto& a : options_.extra_args) args.push_back(a);
    pid_ = fork();
    if (pid_ == 0) {
        int log = open((dir_ / "server.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(log, 1);
        dup2(log, 2);
        setenv("ONEWINDOW_DEMO_PASSWORD", "onewindow-demo", 1);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("server exited at start: " + Log());
        }
        std::string port = ReadFile(dir_ / "port");
        if (!port.empty() && port.back() == '\n') {
            port_ = static_cast<uint16_t>(std::stoi(port));
            HttpClient client(port_);
            try {
                if (client.Get("/healthz").status == 200) return;
            } catch (const std::exception&) {
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    Stop(SIGKILL);
    throw std::runtime_error("server not healthy within 30 s: " + Log());
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) Stop(SIGTERM);
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

int ServerProcess::Stop(int signal) {
    if (pid_ <= 0) return -1;
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

std::string ServerProcess::Log() const {
    return ReadFile(dir_ / "server.log");
}

std::pair<int, std::string> RunCli(const std::vector<std::string>& args) {
    std::string command = BinaryPath();
    for (const auto& a : args) command += " '" + a + "'";
    command += " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace ow::test
