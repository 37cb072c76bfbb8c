#include "http/websocket_session.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/json/serialize.hpp>

#include "http/websocket_hub.hpp"

namespace ow::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);

WebSocketSession::WebSocketSession(beast::tcp_stream stream, auth::Principal principal,
                                   WebSocketHub& hub)
    : ws_(std::move(stream)), principal_(std::move(principal)), hub_(hub) {}

WebSocketSession::~WebSocketSession() {
    hub_.Leave(this);
}

void WebSocketSession::Start(beast::http::request<beast::http::string_body> request) {
    asio::co_spawn(
        ws_.get_executor(),
        [self = shared_from_this(), req = std::move(request)]() mutable {
            return self->Run(std::move(req));
        },
        asio::detached);
}

asio::awaitable<void> WebSocketSession::Run(beast::http::request<beast::http::string_body> req) {
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.read_message_max(64 * 1024);
    auto [ec] = co_await ws_.async_accept(req, kAwait);
    if (ec) co_return;
    open_ = true;
    hub_.Join(shared_from_this());
    boost::json::object hello{{"type", "hello"}, {"user_id", principal_.user_id}};
    Send(std::make_shared<const std::string>(boost::json::serialize(hello)));
    beast::flat_buffer buffer;
    for (;;) {
        auto [rec, n] = co_await ws_.async_read(buffer, kAwait);
        if (rec) break;
        buffer.consume(n);  // clients have nothing to tell us yet; pings are answered by Beast
    }
    open_ = false;
    hub_.Leave(this);
}

void WebSocketSession::Send(std::shared_ptr<const std::string> message) {
    asio::post(ws_.get_executor(), [self = shared_from_this(), message = std::move(message)] {
        if (!self->open_) return;
        if (self->queue_.size() >= kMaxQueued) {
            // Too slow to keep up: close rather than grow without bound.
            self->open_ = false;
            beast::get_lowest_layer(self->ws_).close();
            return;
        }
        self->queue_.push_back(message);
        if (!self->writing_) {
            self->writing_ = true;
            asio::co_spawn(self->ws_.get_executor(), self->WriteQueue(), asio::detached);
        }
    });
}

asio::awaitable<void> WebSocketSession::WriteQueue() {
    auto self = shared_from_this();
    while (!queue_.empty() && open_) {
        auto message = queue_.front();
        ws_.text(true);
        auto [ec, n] = co_await ws_.async_write(asio::buffer(*message), kAwait);
        queue_.pop_front();
        if (ec) {
            open_ = false;
            break;
        }
    }
    writing_ = false;
    if (close_requested_) co_await CloseNow();
}

asio::awaitable<void> WebSocketSession::CloseNow() {
    auto self = shared_from_this();
    close_requested_ = false;
    co_await ws_.async_close(websocket::close_code::going_away, kAwait);
}

void WebSocketSession::Close() {
    asio::post(ws_.get_executor(), [self = shared_from_this()] {
        if (!self->open_) return;
        self->open_ = false;
        // One write at a time: a close while a message is being written waits for it.
        if (self->writing_) {
            self->close_requested_ = true;
        } else {
            asio::co_spawn(self->ws_.get_executor(), self->CloseNow(), asio::detached);
        }
    });
}

}  // namespace ow::http
