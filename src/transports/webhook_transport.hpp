// WebhookTransport: SMS and WeChat go out through the city's message gateway as a signed JSON
// POST. The body is {"id","channel","to","language","subject","body","event","case_id"}; the
// X-Onewindow-Signature header is "sha256=" + hex HMAC-SHA256(secret, body) and
// Idempotency-Key repeats the id, so the gateway can drop a message it already has.
#pragma once

#include <chrono>
#include <string>

#include "notices/outbox_worker.hpp"

namespace ow::transports {

// The JSON body a message is posted as (exposed for tests).
std::string WebhookBody(const notices::OutboxMessage& m);
// The signature header's value for `body`.
std::string WebhookSignature(const std::string& secret, const std::string& body);

class WebhookTransport final : public notices::Transport {
public:
    WebhookTransport(std::string url, std::string secret,
                     std::chrono::seconds timeout = std::chrono::seconds(10))
        : url_(std::move(url)), secret_(std::move(secret)), timeout_(timeout) {}

    // Ok on a 2xx answer; kUnavailable (detail: the status or the connection error) otherwise.
    Result<void> Send(const notices::OutboxMessage& message) override;

private:
    std::string url_;
    std::string secret_;
    std::chrono::seconds timeout_;
};

}  // namespace ow::transports
