#include "http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json/parse.hpp>
#include <stdexcept>

namespace ow::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

boost::json::value HttpResponse::Json() const {
    return boost::json::parse(body);
}

namespace {
std::string ErrorPart(const std::string& body, const char* part) {
    boost::system::error_code ec;
    auto v = boost::json::parse(body, ec);
    if (ec || !v.is_object()) return "";
    const auto* e = v.as_object().if_contains("error");
    if (!e || !e->is_object()) return "";
    const auto* p = e->as_object().if_contains(part);
    return p && p->is_string() ? std::string(p->as_string()) : "";
}
}  // namespace

std::string HttpResponse::ErrorCode() const {
    return ErrorPart(body, "code");
}
std::string HttpResponse::ErrorField() const {
    return ErrorPart(body, "field");
}

std::string HttpResponse::Header(const std::string& lower) const {
    auto it = headers.find(lower);
    return it == headers.end() ? "" : it->second;
}

HttpResponse HttpClient::Request(const std::string& method, const std::string& target,
                                 const std::string& body,
                                 const std::map<std::string, std::string>& headers) const {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    stream.expires_after(std::chrono::seconds(30));
    bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
    req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port_));
    if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
    for (const auto& [k, v] : headers_) req.set(k, v);
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    req.prepare_payload();
    // A server may answer (e.g. 413) and close before reading all of a large body: the write
    // then fails, but the answer is still there to read.
    beast::error_code write_error;
    bhttp::write(stream, req, write_error);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (method == "HEAD") parser.skip(true);
    bhttp::read(stream, buffer, parser);
    HttpResponse out;
    auto& res = parser.get();
    out.status = res.result_int();
    for (const auto& f : res) {
        std::string name(f.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto& slot = out.headers[name];
        slot = slot.empty() ? std::string(f.value()) : slot + ", " + std::string(f.value());
    }
    out.body = res.body();
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    return out;
}

std::string HttpClient::Raw(const std::string& bytes) const {
    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    asio::write(socket, asio::buffer(bytes));
    std::string out;
    beast::error_code ec;
    char buf[4096];
    for (;;) {
        size_t n = socket.read_some(asio::buffer(buf), ec);
        out.append(buf, n);
        if (ec) break;
    }
    return out;
}

std::string HttpClient::Login(const std::string& username, const std::string& password) const {
    auto r = Post("/api/v1/auth/login",
                  R"({"username":")" + username + R"(","password":")" + password + R"("})");
    if (r.status != 200) {
        throw std::runtime_error("login " + username + " failed: " + std::to_string(r.status) +
                                 " " + r.body);
    }
    return std::string(r.Json().at("token").as_string());
}

struct WsClient::Impl {
    asio::io_context ioc;
    beast::websocket::stream<beast::tcp_stream> ws{ioc};
};

WsClient::WsClient(uint16_t port, const std::map<std::string, std::string>& headers)
    : impl_(std::make_unique<Impl>()) {
    beast::get_lowest_layer(impl_->ws).connect(
        tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    impl_->ws.set_option(
        beast::websocket::stream_base::decorator([headers](beast::websocket::request_type& req) {
            for (const auto& [k, v] : headers) req.set(k, v);
        }));
    impl_->ws.handshake("127.0.0.1:" + std::to_string(port), "/ws/events");
}

WsClient::~WsClient() {
    beast::error_code ec;
    beast::get_lowest_layer(impl_->ws).close();
}

std::string WsClient::Read(std::chrono::milliseconds timeout) {
    beast::flat_buffer buffer;
    beast::get_lowest_layer(impl_->ws).expires_after(timeout);
    beast::error_code ec;
    impl_->ws.read(buffer, ec);
    if (ec) return "";
    return beast::buffers_to_string(buffer.data());
}

}  // namespace ow::test
