// WebSocketSession: one browser's live connection. Runs on its own strand; messages from the
// hub are queued (bounded) and written one at a time; the client's messages are read only to
// notice pings and closing.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <deque>
#include <memory>
#include <string>

#include "auth/principal.hpp"

namespace ow::http {

class WebSocketHub;

class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
public:
    static constexpr size_t kMaxQueued = 256;

    WebSocketSession(boost::beast::tcp_stream stream, auth::Principal principal, WebSocketHub& hub);
    ~WebSocketSession();

    // Completes the upgrade for `request` and serves the session until it closes.
    void Start(boost::beast::http::request<boost::beast::http::string_body> request);
    // Thread-safe: queue a message.
    void Send(std::shared_ptr<const std::string> message);
    // Thread-safe: close with "going away".
    void Close();

    const auth::Principal& principal() const { return principal_; }

private:
    boost::asio::awaitable<void> Run(
        boost::beast::http::request<boost::beast::http::string_body> request);
    boost::asio::awaitable<void> WriteQueue();
    boost::asio::awaitable<void> CloseNow();

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    auth::Principal principal_;
    WebSocketHub& hub_;
    std::deque<std::shared_ptr<const std::string>> queue_;
    bool writing_ = false;
    bool open_ = false;
    bool close_requested_ = false;
};

}  // namespace ow::http
