// ServerProcess: the real onewindow binary started for a test on a free port, against a fresh
// SQLite file or a fresh PostgreSQL database, with the demo city. Stopped with SIGTERM (or
// killed) when the test ends.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/sql.hpp"

namespace ow::test {

class ServerProcess {
public:
    struct Options {
        std::string db;  // SQLite path or postgresql:// URL
        bool demo = true;
        std::vector<std::string> extra_args;
    };

    // Starts the server and waits until /healthz answers; throws std::runtime_error otherwise.
    explicit ServerProcess(Options options);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    uint16_t port() const { return port_; }
    const Options& options() const { return options_; }
    // Sends `signal` and waits; returns the exit status (128 + signal if killed by it).
    int Stop(int signal);
    std::string Log() const;

private:
    Options options_;
    std::filesystem::path dir_;
    pid_t pid_ = -1;
    uint16_t port_ = 0;
};

// The onewindow binary under test.
std::string BinaryPath();

// A fresh database location for `dialect`: a new SQLite file under `dir`, or a new, empty
// PostgreSQL database on ONEWINDOW_TEST_PG_URL's server. Empty if PostgreSQL is not available.
std::string FreshDatabase(storage::Dialect dialect, const std::filesystem::path& dir);

// Runs the binary with `args` and returns {exit status, stdout}.
std::pair<int, std::string> RunCli(const std::vector<std::string>& args);

}  // namespace ow::test
