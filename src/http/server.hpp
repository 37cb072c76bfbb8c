// Server: the HTTP/1.1 and WebSocket front door on Boost.Beast. A few I/O threads accept and
// serve connections, one strand (coroutine) per connection, keep-alive, header and body size
// limits, read timeouts. Every request's handling — which touches the database — runs on a
// separate worker pool, never on the I/O threads. Stop() is graceful: no new connections,
// idle ones close, in-flight requests finish and are answered.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "auth/auth_service.hpp"
#include "common/metrics.hpp"
#include "common/result.hpp"
#include "http/api.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "http/websocket_hub.hpp"

namespace ow::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    uint16_t port = 8080;  // 0: any free port (see Server::port())
    int io_threads = 2;
    int worker_threads = 8;
    std::chrono::seconds read_timeout{30};
    std::chrono::seconds shutdown_grace{15};
    size_t header_limit = 16 * 1024;
};

class Server {
public:
    Server(ServerOptions options, const Router& router, Api& api, const StaticFiles& files,
           WebSocketHub& hub, auth::AuthService& auth, metrics::Registry& metrics);
    ~Server();

    // Binds and listens. kUnavailable if the address cannot be bound.
    Result<void> Start();
    uint16_t port() const { return port_; }
    // Serves until Stop() completes; returns when every thread has finished.
    void Run();
    // Thread-safe, returns at once; Run() returns once the shutdown is done.
    void Stop();

    struct State;

private:
    std::unique_ptr<State> state_;
    uint16_t port_ = 0;
};

}  // namespace ow::http
