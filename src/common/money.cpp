#include "common/money.hpp"

#include <cctype>
#include <limits>

namespace ow {

std::optional<Money> Money::Parse(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    if (text.empty()) return std::nullopt;
    auto dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    if (whole.empty() || frac.size() > 2 || (dot != std::string_view::npos && frac.empty())) {
        return std::nullopt;
    }
    constexpr int64_t kMax = std::numeric_limits<int64_t>::max() / 100 - 1;
    int64_t yuan = 0;
    for (char c : whole) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        yuan = yuan * 10 + (c - '0');
        if (yuan > kMax) return std::nullopt;
    }
    int64_t cents = 0;
    for (size_t i = 0; i < 2; ++i) {
        char c = i < frac.size() ? frac[i] : '0';
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        cents = cents * 10 + (c - '0');
    }
    int64_t fen = yuan * 100 + cents;
    return Money(negative ? -fen : fen);
}

std::string Money::ToString() const {
    uint64_t abs = fen_ < 0 ? 0 - static_cast<uint64_t>(fen_) : static_cast<uint64_t>(fen_);
    std::string cents = std::to_string(abs % 100);
    if (cents.size() == 1) cents = "0" + cents;
    return (fen_ < 0 ? "-" : "") + std::to_string(abs / 100) + "." + cents;
}

}  // namespace ow
