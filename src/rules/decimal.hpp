// Decimal: a FEEL number. IEEE 754 Decimal128 (34 significant digits, round half even), as the
// DMN spec says, on top of GCC's std::decimal::decimal128; text in and out is ours because
// libstdc++ has no string conversion for it. The header holds only the 128 bits (BID encoding):
// clang has no decimal floating point, and the fuzz build compiles everything but decimal.cpp
// with clang (ADR 14).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ow::rules {

enum class RoundingMode { kHalfEven, kHalfUp, kHalfDown, kUp, kDown, kFloor, kCeiling };

class Decimal {
public:
    Decimal();  // 0
    static Decimal FromInt(int64_t i);

    // "12", "-0.5", "1.2e3", ".5": a FEEL number literal or an xsd:decimal / xsd:double lexical
    // form. More than 34 digits are rounded half even. Nullopt when it is not a number (or is
    // NaN / infinite, which FEEL does not have).
    static std::optional<Decimal> Parse(std::string_view text);

    // Plain notation without exponent and without trailing fraction zeros: "1", "0.25",
    // "-1200", "0.000001" (what FEEL's string() and the TCK expect).
    std::string ToString() const;

    Decimal operator+(const Decimal& o) const;
    Decimal operator-(const Decimal& o) const;
    Decimal operator*(const Decimal& o) const;
    // Nullopt on division by zero.
    std::optional<Decimal> Divide(const Decimal& o) const;
    Decimal operator-() const;
    // -1, 0, 1 (numbers are totally ordered; 1.0 equals 1).
    int Compare(const Decimal& o) const;
    bool operator==(const Decimal& o) const { return Compare(o) == 0; }
    bool operator<(const Decimal& o) const { return Compare(o) < 0; }

    bool IsZero() const;
    // False for the infinities and NaN decimal128 arithmetic can produce on overflow (FEEL has
    // neither: callers turn them into null).
    bool IsFinite() const;
    bool IsNegative() const;
    bool IsInteger() const;
    // The value as int64 when it is an integer in range.
    std::optional<int64_t> ToInt64() const;
    // Exact scaled integer: value * 10^scale when that is an integer fitting int64, else nullopt
    // (batch evaluation's fixed-point columns).
    std::optional<int64_t> ToScaled(int scale) const;
    static Decimal FromScaled(int64_t units, int scale);
    // Closest binary double (only for sqrt/exp/log fallbacks and never for money).
    double ToDouble() const;
    static std::optional<Decimal> FromDouble(double d);

    // Round to `scale` digits after the point (scale may be negative) with `mode`.
    Decimal Round(int scale, RoundingMode mode) const;
    Decimal Abs() const;

    // The BID128 bits (decimal.cpp converts to and from std::decimal::decimal128).
    unsigned __int128 bits() const { return bits_; }
    static Decimal FromBits(unsigned __int128 bits);

private:
    unsigned __int128 bits_ = 0;
};

}  // namespace ow::rules
