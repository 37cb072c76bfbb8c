#include "http/server.hpp"

#include <array>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/url/parse.hpp>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "http/log.hpp"
#include "http/websocket_session.hpp"

namespace ow::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);

namespace {

// A connection as the server's registry sees it, for graceful shutdown.
struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    std::atomic<bool> busy{false};  // a request is being handled; let it finish
};

std::string NewRequestId() {
    static std::atomic<uint64_t> counter{0};
    static const uint64_t prefix = static_cast<uint64_t>(
        std::chrono::steady_clock::now().time_since_epoch().count() & 0xffffff);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%06llx-%llu", static_cast<unsigned long long>(prefix),
                  static_cast<unsigned long long>(++counter));
    return buf;
}

bool SameOriginUpgrade(const Request& req) {
    std::string_view origin = req.Header("origin");
    if (origin.empty()) return true;  // not a browser: no cross-site risk
    std::string_view host = req.Header("host");
    return origin == "http://" + std::string(host) || origin == "https://" + std::string(host);
}

}  // namespace

struct Server::State {
    State(ServerOptions o, const Router& r, Api& a, const StaticFiles& f, WebSocketHub& h,
          auth::AuthService& au, metrics::Registry& m)
        : options(std::move(o)),
          router(r),
          api(a),
          files(f),
          hub(h),
          auth(au),
          metrics(m),
          ioc(options.io_threads),
          acceptor(asio::make_strand(ioc)),
          workers(options.worker_threads),
          shutdown_timer(ioc) {}

    ServerOptions options;
    const Router& router;
    Api& api;
    const StaticFiles& files;
    WebSocketHub& hub;
    auth::AuthService& auth;
    metrics::Registry& metrics;
    asio::io_context ioc;
    tcp::acceptor acceptor;
    asio::thread_pool workers;
    asio::steady_timer shutdown_timer;
    std::atomic<bool> stopping{false};
    std::mutex conn_mu;
    std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;

    // Runs fn on the worker pool and resumes the caller on its own strand. fn is taken by
    // reference, never as a temporary: g++ 12 destroys temporaries with non-trivial destructors
    // in a co_await expression twice (GCC PR 100611).
    template <class F>
    asio::awaitable<std::invoke_result_t<F&>> Offload(F& fn) {
        using R = std::invoke_result_t<F&>;
        auto strand = co_await asio::this_coro::executor;
        std::optional<R> result;
        std::exception_ptr failure;
        co_await asio::async_initiate<decltype(asio::use_awaitable), void()>(
            [&](auto handler) {
                asio::post(workers, [&, strand, handler = std::move(handler)]() mutable {
                    try {
                        result.emplace(fn());
                    } catch (...) {
                        failure = std::current_exception();
                    }
                    asio::post(strand, std::move(handler));
                });
            },
            asio::use_awaitable);
        if (failure) std::rethrow_exception(failure);
        co_return std::move(*result);
    }

    void Register(const std::shared_ptr<Connection>& c) {
        std::lock_guard lock(conn_mu);
        connections[c.get()] = c;
    }
    void Unregister(Connection* c) {
        bool last = false;
        {
            std::lock_guard lock(conn_mu);
            connections.erase(c);
            last = connections.empty();
        }
        if (last && stopping) Finish();
    }
    void Finish() {
        asio::post(ioc, [this] {
            shutdown_timer.cancel();
            ioc.stop();
        });
    }

    asio::awaitable<void> Accept();
    asio::awaitable<void> Serve(std::shared_ptr<Connection> conn);
    Response Dispatch(Request& req);
};

Response Server::State::Dispatch(Request& req) {
    // HEAD is GET without the body (the writer drops it): a viewer can ask a file's type first.
    RouteMatch match = router.Find(req.method == "HEAD" ? "GET" : req.method, req.path);
    bool api_path = req.path.rfind("/api/", 0) == 0 || req.path.rfind("/ws/", 0) == 0;
    if (!match.route && !api_path && (req.method == "GET" || req.method == "HEAD")) {
        if (auto file = files.Serve(req.path)) return std::move(*file);
    }
    return api.Handle(req, match);
}

asio::awaitable<void> Server::State::Accept() {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), kAwait);
        if (ec) {
            if (stopping || ec == asio::error::operation_aborted) co_return;
            continue;  // e.g. too many open files: keep serving the connections we have
        }
        auto conn = std::make_shared<Connection>(std::move(socket));
        Register(conn);
        asio::co_spawn(conn->stream.get_executor(), Serve(conn), asio::detached);
    }
}

asio::awaitable<void> Server::State::Serve(std::shared_ptr<Connection> conn) {
    struct Unregister {
        State* state;
        Connection* conn;
        ~Unregister() { state->Unregister(conn); }
    } unregister{this, conn.get()};

    beast::flat_buffer buffer;
    bool drain = false;
    std::string remote;
    {
        beast::error_code ec;
        auto ep = conn->stream.socket().remote_endpoint(ec);
        if (!ec) remote = ep.address().to_string();
    }
    for (;;) {
        if (stopping) break;
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<uint32_t>(options.header_limit));
        // The route decides the body limit once the header is read; Beast would otherwise
        // refuse a large Content-Length while reading the header, with no answer.
        parser.body_limit(boost::none);
        conn->stream.expires_after(options.read_timeout);
        auto [hec, hn] = co_await bhttp::async_read_header(conn->stream, buffer, parser, kAwait);
        if (hec) break;  // closed, timed out, cancelled at shutdown, or a malformed header
        conn->busy = true;

        Request req;
        req.request_id = NewRequestId();
        req.remote_address = remote;
        const auto& header = parser.get();
        req.method = std::string(header.method_string());
        for (const auto& field : header) {
            std::string name(field.name_string());
            for (char& ch : name)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            req.headers[name] = std::string(field.value());
        }
        req.lang = ParseAcceptLanguage(req.Header("accept-language"));
        bool keep_alive = header.keep_alive();
        bool close_after = false;
        std::optional<Response> response;  // set early when the request is refused unread

        auto target = boost::urls::parse_origin_form(header.target());
        if (!target) {
            response = Response::FromError(Error(ErrorCode::kBadRequest).Param("reason", "target"),
                                           req.lang);
            close_after = true;
        } else {
            req.path = std::string(target->path());
            for (const auto& param : target->params()) {
                req.query[std::string(param.key)] = std::string(param.value);
            }
            RouteMatch match = router.Find(req.method, req.path);
            size_t limit = match.route ? match.route->body_limit : kDefaultBodyLimit;
            parser.body_limit(limit);  // for chunked bodies, checked as they arrive
            auto too_large = [&] {
                return Response::FromError(
                    Error(ErrorCode::kPayloadTooLarge).Param("max", std::to_string(limit)),
                    req.lang);
            };
            if (parser.content_length() && *parser.content_length() > limit) {
                response = too_large();
                close_after = true;  // the body is still on the wire
            }

            if (!response && beast::websocket::is_upgrade(header) && req.path == "/ws/events") {
                conn->stream.expires_never();
                bool from_cookie = false;
                std::string token = SessionToken(req, &from_cookie);
                auto authenticate = [this, &token] { return auth.Authenticate(token); };
                auto principal = co_await Offload(authenticate);
                if (!principal.ok() || (from_cookie && !SameOriginUpgrade(req))) {
                    response =
                        Response::FromError(principal.ok() ? Error(ErrorCode::kCrossSiteRequest)
                                                           : Error(ErrorCode::kUnauthenticated),
                                            req.lang);
                    close_after = true;
                } else {
                    auto [bec, bn] =
                        co_await bhttp::async_read(conn->stream, buffer, parser, kAwait);
                    if (bec) break;
                    conn->busy = false;
                    auto session = std::make_shared<WebSocketSession>(
                        std::move(conn->stream), std::move(principal).value(), hub);
                    session->Start(parser.release());
                    co_return;
                }
            } else if (!response && !parser.is_done()) {
                auto [bec, bn] = co_await bhttp::async_read(conn->stream, buffer, parser, kAwait);
                if (bec == bhttp::error::body_limit) {
                    response = too_large();
                    close_after = true;  // the rest of the body is still on the wire
                } else if (bec) {
                    break;
                }
            }
            if (!response) {
                req.body = std::move(parser.get().body());
                auto dispatch = [this, &req] { return Dispatch(req); };
                response = co_await Offload(dispatch);
            }
        }

        bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(response->status),
                                                header.version()};
        res.set(bhttp::field::server, "onewindow");
        if (!response->content_type.empty()) {
            res.set(bhttp::field::content_type, response->content_type);
        }
        res.set("X-Request-Id", req.request_id);
        res.set("X-Content-Type-Options", "nosniff");
        res.set("Referrer-Policy", "same-origin");
        bool has_cache_control = false, has_frame_options = false;
        for (auto& [name, value] : response->headers) {
            has_cache_control |= name == "Cache-Control";
            has_frame_options |= name == "X-Frame-Options";
            res.insert(name, value);
        }
        if (!has_cache_control) res.set(bhttp::field::cache_control, "no-store");
        if (!has_frame_options) res.set("X-Frame-Options", "DENY");
        bool head = req.method == "HEAD";
        size_t length = response->body.size();
        res.body() = head ? std::string() : std::move(response->body);
        res.keep_alive(keep_alive && !close_after && !stopping);
        res.content_length(length);
        conn->stream.expires_after(options.read_timeout);
        auto [wec, wn] = co_await bhttp::async_write(conn->stream, res, kAwait);
        conn->busy = false;
        if (wec || !res.keep_alive()) {
            drain = !wec && close_after;
            break;
        }
    }
    beast::error_code ec;
    conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (drain) {
        // A refused request may still be arriving. Closing with unread data would reset the
        // connection and could destroy our answer before the client reads it: read and drop
        // what comes, for a short while.
        conn->stream.expires_after(std::chrono::seconds(2));
        std::array<char, 16384> sink;
        size_t drained = 0;
        while (drained < (64u << 20)) {
            auto [rec, n] = co_await conn->stream.async_read_some(asio::buffer(sink), kAwait);
            if (rec) break;
            drained += n;
        }
    }
}

Server::Server(ServerOptions options, const Router& router, Api& api, const StaticFiles& files,
               WebSocketHub& hub, auth::AuthService& auth, metrics::Registry& metrics)
    : state_(std::make_unique<State>(std::move(options), router, api, files, hub, auth, metrics)) {
    metrics.AddGaugeCallback("onewindow_websocket_sessions", "Open WebSocket sessions",
                             [&hub] { return static_cast<int64_t>(hub.size()); });
    metrics.AddGaugeCallback("onewindow_http_connections", "Open HTTP connections", [this] {
        std::lock_guard lock(state_->conn_mu);
        return static_cast<int64_t>(state_->connections.size());
    });
    metrics.AddGaugeCallback("onewindow_http_requests_in_flight",
                             "Requests read and not yet answered", [this] {
                                 std::lock_guard lock(state_->conn_mu);
                                 int64_t n = 0;
                                 for (const auto& [raw, weak] : state_->connections) {
                                     if (auto c = weak.lock(); c && c->busy) ++n;
                                 }
                                 return n;
                             });
}

Server::~Server() {
    state_->workers.join();
}

Result<void> Server::Start() {
    beast::error_code ec;
    auto address = asio::ip::make_address(state_->options.host, ec);
    if (ec) return Error(ErrorCode::kUnavailable).Detail("bad listen address: " + ec.message());
    tcp::endpoint endpoint(address, state_->options.port);
    auto& acceptor = state_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        return Error(ErrorCode::kUnavailable)
            .Detail("cannot listen on " + state_->options.host + ":" +
                    std::to_string(state_->options.port) + ": " + ec.message());
    }
    port_ = acceptor.local_endpoint().port();
    asio::co_spawn(acceptor.get_executor(), state_->Accept(), asio::detached);
    return Ok();
}

void Server::Run() {
    std::vector<std::thread> threads;
    for (int i = 1; i < state_->options.io_threads; ++i) {
        threads.emplace_back([this] { state_->ioc.run(); });
    }
    state_->ioc.run();
    for (auto& t : threads) t.join();
    state_->workers.join();  // handlers still running finish before we return
}

void Server::Stop() {
    State* s = state_.get();
    if (s->stopping.exchange(true)) return;
    asio::post(s->acceptor.get_executor(), [s] {
        beast::error_code ec;
        s->acceptor.close(ec);
    });
    s->hub.CloseAll();
    std::vector<std::shared_ptr<Connection>> conns;
    {
        std::lock_guard lock(s->conn_mu);
        for (auto& [ptr, weak] : s->connections) {
            if (auto c = weak.lock()) conns.push_back(std::move(c));
        }
        if (s->connections.empty()) {
            s->Finish();
        }
    }
    for (auto& c : conns) {
        // Idle connections wait for a request that will not come: close them now. Busy ones
        // finish their request and close after answering.
        asio::post(c->stream.get_executor(), [c] {
            if (!c->busy) c->stream.cancel();
        });
    }
    asio::post(s->ioc, [s] {
        s->shutdown_timer.expires_after(s->options.shutdown_grace);
        s->shutdown_timer.async_wait([s](beast::error_code ec) {
            if (!ec) {
                Log(LogLevel::kWarn, "shutdown grace period over; closing remaining connections");
                s->ioc.stop();
            }
        });
    });
}

}  // namespace ow::http
