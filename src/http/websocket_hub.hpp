// WebSocketHub: the live channel to signed-in browsers at /ws/events. Modules publish a JSON
// message to an audience (everyone, one user, a role, a department) and every matching open
// session receives it. Publishing never blocks on a slow client: each session has a bounded
// queue and is closed if it falls too far behind.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "auth/principal.hpp"

namespace ow::http {

class WebSocketSession;

class Audience {
public:
    static Audience Everyone();
    static Audience User(int64_t user_id);
    static Audience Role(auth::Role role);
    static Audience Department(int64_t department_id);
    static Audience Where(std::function<bool(const auth::Principal&)> match) {
        return Audience(std::move(match));
    }
    bool Includes(const auth::Principal& p) const { return match_(p); }

private:
    explicit Audience(std::function<bool(const auth::Principal&)> match)
        : match_(std::move(match)) {}
    std::function<bool(const auth::Principal&)> match_;
};

class WebSocketHub {
public:
    void Join(const std::shared_ptr<WebSocketSession>& session);
    void Leave(const WebSocketSession* session);
    // Sends `message` (JSON text) to every open session whose user is in the audience.
    void Publish(const Audience& audience, std::string message);
    // Ends every session (shutdown).
    void CloseAll();
    size_t size() const;

private:
    std::vector<std::shared_ptr<WebSocketSession>> Snapshot() const;

    mutable std::mutex mu_;
    std::unordered_map<const WebSocketSession*, std::weak_ptr<WebSocketSession>> sessions_;
};

}  // namespace ow::http
