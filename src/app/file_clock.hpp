// FileClock: "now" read from a file (an RFC 3339 instant, e.g. 2020-09-30T01:00:00Z), for drills
// and end-to-end tests that must move through working days without waiting for them. Without
// the file, the system clock. Never set in production.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "common/clock.hpp"

namespace ow::app {

class FileClock final : public Clock {
public:
    explicit FileClock(std::filesystem::path path) : path_(std::move(path)) {}
    Timestamp Now() const override;

private:
    std::filesystem::path path_;
    mutable std::mutex mu_;
    mutable std::optional<Timestamp> value_;
    SystemClock system_;
};

// Parses "YYYY-MM-DDTHH:MM:SS[.mmm]Z".
std::optional<Timestamp> ParseInstant(std::string_view text);

}  // namespace ow::app
