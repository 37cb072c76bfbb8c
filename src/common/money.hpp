// Money: an exact amount of Chinese yuan held as integer fen (0.01 yuan). Never a binary float.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ow {

class Money {
public:
    constexpr Money() = default;
    static constexpr Money FromFen(int64_t fen) { return Money(fen); }
    // Parses "10400", "15200.5", "-3.07"; at most two decimals; no exponent, no separators.
    static std::optional<Money> Parse(std::string_view yuan);

    constexpr int64_t fen() const { return fen_; }
    // "15200.00"
    std::string ToString() const;

    friend constexpr Money operator+(Money a, Money b) { return Money(a.fen_ + b.fen_); }
    friend constexpr Money operator-(Money a, Money b) { return Money(a.fen_ - b.fen_); }
    friend constexpr auto operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(int64_t fen) : fen_(fen) {}
    int64_t fen_ = 0;
};

}  // namespace ow
