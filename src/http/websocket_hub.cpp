#include "http/websocket_hub.hpp"

#include "http/websocket_session.hpp"

namespace ow::http {

Audience Audience::Everyone() {
    return Audience([](const auth::Principal&) { return true; });
}

Audience Audience::User(int64_t user_id) {
    return Audience([user_id](const auth::Principal& p) { return p.user_id == user_id; });
}

Audience Audience::Role(auth::Role role) {
    return Audience([role](const auth::Principal& p) { return p.HasRole(role); });
}

Audience Audience::Department(int64_t department_id) {
    return Audience(
        [department_id](const auth::Principal& p) { return p.department_id == department_id; });
}

void WebSocketHub::Join(const std::shared_ptr<WebSocketSession>& session) {
    std::lock_guard lock(mu_);
    sessions_[session.get()] = session;
}

void WebSocketHub::Leave(const WebSocketSession* session) {
    std::lock_guard lock(mu_);
    sessions_.erase(session);
}

std::vector<std::shared_ptr<WebSocketSession>> WebSocketHub::Snapshot() const {
    std::vector<std::shared_ptr<WebSocketSession>> out;
    std::lock_guard lock(mu_);
    for (const auto& [ptr, weak] : sessions_) {
        if (auto s = weak.lock()) out.push_back(std::move(s));
    }
    return out;
}

void WebSocketHub::Publish(const Audience& audience, std::string message) {
    auto shared = std::make_shared<const std::string>(std::move(message));
    // Send outside the lock: a session's Send only posts to its strand.
    for (const auto& s : Snapshot()) {
        if (audience.Includes(s->principal())) s->Send(shared);
    }
}

void WebSocketHub::CloseAll() {
    for (const auto& s : Snapshot()) s->Close();
}

size_t WebSocketHub::size() const {
    std::lock_guard lock(mu_);
    return sessions_.size();
}

}  // namespace ow::http
