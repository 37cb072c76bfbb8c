// Settings: the server's configuration, from flags and ONEWINDOW_* environment variables
// (flags win). Typed and checked once at start.
#pragma once

#include <cstdint>
#include <string>

#include "common/result.hpp"

namespace ow::app {

struct Settings {
    std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free one
    std::string db = "var/onewindow.db";    // a SQLite file path or a postgresql:// URL
    bool demo = false;                      // load the demo city into an empty database
    std::string demo_password = "onewindow-demo";
    std::string web_root;   // the built front end; empty: found next to the binary
    std::string port_file;  // if set, the bound port is written here once listening
    int io_threads = 0;     // 0: one per core
    int workers = 0;        // 0: eight per core, at least 16
    int db_pool = 8;        // PostgreSQL connections
    std::string log_level = "info";
    bool cookie_secure = false;       // set when served over HTTPS (behind a TLS proxy)
    int warning_yellow_percent = 33;  // a deadline turns yellow with this share of it left
    std::string clock_file;           // drills and tests: read "now" from this file (RFC 3339)
    // The 32-byte key sealing the license signing keys; empty: next to the SQLite file, or
    // var/master.key for PostgreSQL (created on first start).
    std::string master_key_file;
    // Notices: the SMTP relay for e-mail (smtp://host:port; empty: no e-mail) and its sender;
    // the message gateway for SMS and WeChat (empty: none) and the secret signing its requests
    // and its delivery receipts.
    std::string smtp_url;
    std::string smtp_from = "noreply@onewindow.local";
    std::string webhook_url;
    std::string webhook_secret;
};

struct ListenAddress {
    std::string host;
    uint16_t port = 0;
};

// "127.0.0.1:8080", "0.0.0.0:0", "[::1]:8080". kInvalidValue (field "listen") otherwise.
Result<ListenAddress> ParseListen(const std::string& text);

bool IsPostgresUrl(const std::string& db);

}  // namespace ow::app
