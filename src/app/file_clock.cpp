#include "app/file_clock.hpp"

#include <charconv>
#include <fstream>

#include "common/dates.hpp"

namespace ow::app {

std::optional<Timestamp> ParseInstant(std::string_view s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r'))
        s.remove_suffix(1);
    if (s.size() < 20 || s[10] != 'T' || s.back() != 'Z') return std::nullopt;
    auto date = ParseDate(s.substr(0, 10));
    if (!date) return std::nullopt;
    auto num = [&](size_t pos, size_t len) {
        int v = -1;
        std::from_chars(s.data() + pos, s.data() + pos + len, v);
        return v;
    };
    int h = num(11, 2), m = num(14, 2), sec = num(17, 2), ms = 0;
    if (s.size() == 24 && s[19] == '.') ms = num(20, 3);
    if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60 || ms < 0) return std::nullopt;
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::sys_days(*date) + std::chrono::hours(h) + std::chrono::minutes(m) +
        std::chrono::seconds(sec) + std::chrono::milliseconds(ms));
}

// Read on every call: a modification time can stay the same across two quick writes (it ticks
// with the kernel's coarse clock), so it cannot tell whether the file changed. A file caught
// half written keeps the last instant read.
Timestamp FileClock::Now() const {
    std::lock_guard lock(mu_);
    std::ifstream in(path_);
    if (!in) return value_ ? *value_ : system_.Now();
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (auto read = ParseInstant(text)) value_ = read;
    return value_ ? *value_ : system_.Now();
}

}  // namespace ow::app
