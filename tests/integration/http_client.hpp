// HttpClient: a real HTTP/1.1 client (Boost.Beast) for tests, and a WebSocket client.
#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <string>

namespace ow::test {

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;

    boost::json::value Json() const;
    std::string ErrorCode() const;   // error.code of an error body, or ""
    std::string ErrorField() const;  // error.field of an error body, or ""
    std::string Header(const std::string& lower) const;
};

class HttpClient {
public:
    explicit HttpClient(uint16_t port) : port_(port) {}

    // Default headers sent with every request (e.g. Authorization, Accept-Language).
    void SetHeader(const std::string& name, const std::string& value) { headers_[name] = value; }
    void SetToken(const std::string& token) { SetHeader("Authorization", "Bearer " + token); }

    HttpResponse Request(const std::string& method, const std::string& target,
                         const std::string& body = "",
                         const std::map<std::string, std::string>& headers = {}) const;
    HttpResponse Get(const std::string& target) const { return Request("GET", target); }
    HttpResponse Post(const std::string& target, const std::string& body) const {
        return Request("POST", target, body);
    }
    // Raw bytes in, raw response out (for requests a normal client would not send).
    std::string Raw(const std::string& bytes) const;

    // Signs in and returns the token (throws if sign-in fails).
    std::string Login(const std::string& username,
                      const std::string& password = "onewindow-demo") const;

private:
    uint16_t port_;
    std::map<std::string, std::string> headers_;
};

// A WebSocket connection to /ws/events.
class WsClient {
public:
    WsClient(uint16_t port, const std::map<std::string, std::string>& headers);
    ~WsClient();
    // The next text message, or "" after `timeout`.
    std::string Read(std::chrono::milliseconds timeout = std::chrono::seconds(5));

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ow::test
