// A notice as a change plans it: one person told one thing, rendered in both languages when it
// is created (a later template edit does not rewrite what someone was already told), and the
// channels it goes out on. Plain data shared by the planner, the case store and the worker.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"

namespace ow::notices {

struct RenderedText {
    std::string subject;
    std::string body;
    friend bool operator==(const RenderedText&, const RenderedText&) = default;
};

// One channel a notice goes out on: "inbox" (the web page and the live channel), "email",
// "sms" or "wechat", with the address it goes to ("" for the inbox).
struct Delivery {
    std::string channel;
    std::string address;
    std::string language;  // "zh-CN" or "en": which rendering the message carries
};

struct NewNotice {
    int64_t user_id = 0;
    std::string event;  // e.g. "case.accepted"
    RenderedText zh, en;
    std::optional<std::string> case_id;
    std::optional<std::string> license_number;
    Timestamp created_at{};
    // Unique per person and happening: writing the same notice twice (a retried transaction,
    // a re-run sweep) keeps the first and drops the second.
    std::string dedup_key;
    std::vector<Delivery> deliveries;
};

}  // namespace ow::notices
