// SmtpTransport: e-mail through an SMTP relay (libcurl). The subject is RFC 2047 encoded UTF-8
// and the body UTF-8 in base64; the Message-ID is derived from the idempotency key, so a mail
// sent twice after a lost answer is recognisably the same mail.
#pragma once

#include <chrono>
#include <string>

#include "notices/outbox_worker.hpp"

namespace ow::transports {

// The whole message as sent (exposed for tests); `date` is an RFC 5322 date.
std::string MailMessage(const notices::OutboxMessage& m, const std::string& from,
                        const std::string& date);

class SmtpTransport final : public notices::Transport {
public:
    // `url` as smtp://host:port; `from` the envelope and header sender.
    SmtpTransport(std::string url, std::string from,
                  std::chrono::seconds timeout = std::chrono::seconds(20))
        : url_(std::move(url)), from_(std::move(from)), timeout_(timeout) {}

    // Ok when the relay accepted the message (250); kUnavailable with curl's error otherwise.
    Result<void> Send(const notices::OutboxMessage& message) override;

private:
    std::string url_;
    std::string from_;
    std::chrono::seconds timeout_;
};

}  // namespace ow::transports
