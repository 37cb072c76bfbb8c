// Decimal on GCC's std::decimal::decimal128 (BID encoding on x86). Text conversion, rounding and
// scaled integers work on the decoded coefficient and exponent directly: exact, and much faster
// than going through the decimal arithmetic routines digit by digit.
#include "rules/decimal.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <decimal/decimal>

namespace ow::rules {
namespace {

using u128 = unsigned __int128;
using std::decimal::decimal128;

constexpr int kBias = 6176;
constexpr int kMinExp = -6176;
constexpr int kMaxExp = 6111;
constexpr int kDigits = 34;

constexpr u128 Pow10(int n) {
    u128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

struct Pow10Table {
    u128 v[39];
    constexpr Pow10Table() : v() {
        for (int i = 0; i < 39; ++i) v[i] = Pow10(i);
    }
};
constexpr Pow10Table kPow10;
constexpr u128 kMaxCoef = Pow10(kDigits);  // exclusive
constexpr u128 kCoefMask = (u128(1) << 113) - 1;

// A finite decimal decoded: (-1)^neg * coef * 10^exp.
struct Parts {
    bool neg = false;
    u128 coef = 0;
    int exp = 0;
    bool special = false;  // infinity or NaN
};

Parts Decode(u128 bits) {
    Parts p;
    p.neg = (bits >> 127) & 1;
    unsigned top2 = unsigned(bits >> 125) & 3;
    if (top2 == 3) {
        unsigned top4 = unsigned(bits >> 123) & 0xF;
        if (top4 == 0xF) {
            p.special = true;
            return p;
        }
        // "11" combination form: the coefficient would be >= 2^113 > 10^34, non-canonical: 0.
        p.exp = int((bits >> 111) & 0x3FFF) - kBias;
        p.coef = 0;
        return p;
    }
    p.exp = int((bits >> 113) & 0x3FFF) - kBias;
    p.coef = bits & kCoefMask;
    if (p.coef >= kMaxCoef) p.coef = 0;
    return p;
}

int DigitCount(u128 c) {
    int n = 1;
    while (n < 39 && c >= kPow10.v[n]) ++n;
    return n;
}

// Drops `drop` low digits of `coef` rounding half even (the IEEE default); returns the quotient.
u128 DropDigitsHalfEven(u128 coef, int drop) {
    if (drop <= 0) return coef;
    if (drop > 38) return 0;
    u128 d = kPow10.v[drop];
    u128 q = coef / d, r = coef % d;
    u128 half = d / 2;
    if (r > half || (r == half && (q & 1))) ++q;
    return q;
}

// Encodes a finite value, normalising the coefficient into 34 digits and the exponent into
// range. Nullopt on overflow (FEEL has no infinity).
std::optional<u128> Encode(bool neg, u128 coef, int exp) {
    if (coef >= kMaxCoef) {
        int drop = DigitCount(coef) - kDigits;
        coef = DropDigitsHalfEven(coef, drop);
        exp += drop;
        if (coef >= kMaxCoef) {
            coef /= 10;
            ++exp;
        }
    }
    if (coef == 0) {
        if (exp > kMaxExp) exp = kMaxExp;
        if (exp < kMinExp) exp = kMinExp;
    }
    while (exp > kMaxExp && coef * 10 < kMaxCoef) {
        coef *= 10;
        --exp;
    }
    if (exp > kMaxExp) return std::nullopt;
    if (exp < kMinExp) {
        coef = DropDigitsHalfEven(coef, kMinExp - exp);
        exp = kMinExp;
    }
    u128 bits = (u128(neg) << 127) | (u128(exp + kBias) << 113) | coef;
    return bits;
}

u128 EncodeOrZero(bool neg, u128 coef, int exp) {
    auto e = Encode(neg, coef, exp);
    return e ? *e : (u128(kBias) << 113);
}

decimal128 ToD(u128 bits) {
    decimal128 d;
    static_assert(sizeof(d) == sizeof(bits));
    std::memcpy(static_cast<void*>(&d), &bits, sizeof bits);
    return d;
}

u128 FromD(const decimal128& d) {
    u128 bits;
    std::memcpy(&bits, &d, sizeof bits);
    return bits;
}

}  // namespace

Decimal::Decimal() : bits_(u128(kBias) << 113) {}

Decimal Decimal::FromBits(unsigned __int128 bits) {
    Decimal d;
    d.bits_ = bits;
    return d;
}

Decimal Decimal::FromInt(int64_t i) {
    bool neg = i < 0;
    u128 mag = neg ? u128(-(i + 1)) + 1 : u128(i);
    return FromBits((u128(neg) << 127) | (u128(kBias) << 113) | mag);
}

std::optional<Decimal> Decimal::Parse(std::string_view text) {
    size_t i = 0, n = text.size();
    while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    while (n > i && (text[n - 1] == ' ' || text[n - 1] == '\t' || text[n - 1] == '\n' ||
                     text[n - 1] == '\r'))
        --n;
    bool neg = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
        neg = text[i] == '-';
        ++i;
    }
    u128 coef = 0;
    int kept = 0;            // significant digits kept in coef
    int64_t exp_adj = 0;     // power of ten adjustment from digits dropped / fraction digits
    int first_dropped = -1;  // first digit dropped beyond 34
    bool sticky = false;     // any non-zero digit after the first dropped one
    bool any_digit = false;
    bool seen_point = false;
    for (; i < n; ++i) {
        char c = text[i];
        if (c == '.') {
            if (seen_point) return std::nullopt;
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9') break;
        any_digit = true;
        int digit = c - '0';
        if (kept == 0 && digit == 0) {
            if (seen_point) --exp_adj;
            continue;
        }
        if (kept < kDigits) {
            coef = coef * 10 + u128(digit);
            ++kept;
            if (seen_point) --exp_adj;
        } else {
            if (first_dropped < 0) {
                first_dropped = digit;
            } else if (digit != 0) {
                sticky = true;
            }
            if (!seen_point) ++exp_adj;
        }
    }
    if (!any_digit) return std::nullopt;
    int64_t exp10 = 0;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool eneg = false;
        if (i < n && (text[i] == '+' || text[i] == '-')) {
            eneg = text[i] == '-';
            ++i;
        }
        if (i >= n) return std::nullopt;
        for (; i < n; ++i) {
            char c = text[i];
            if (c < '0' || c > '9') return std::nullopt;
            if (exp10 < 1'000'000'000) exp10 = exp10 * 10 + (c - '0');
        }
        if (eneg) exp10 = -exp10;
    }
    if (i != n) return std::nullopt;
    if (first_dropped >= 0) {
        if (first_dropped > 5 || (first_dropped == 5 && (sticky || (coef & 1)))) ++coef;
    }
    int64_t exp = exp10 + exp_adj;
    if (coef == 0) exp = std::max<int64_t>(std::min<int64_t>(exp, kMaxExp), kMinExp);
    if (exp > 100000) return std::nullopt;
    if (exp < -100000) return Decimal();
    auto bits = Encode(neg, coef, int(exp));
    if (!bits) return std::nullopt;
    return FromBits(*bits);
}

std::string Decimal::ToString() const {
    Parts p = Decode(bits_);
    if (p.special) return "NaN";
    char digits[40];
    int len = 0;
    u128 c = p.coef;
    do {
        digits[len++] = char('0' + int(c % 10));
        c /= 10;
    } while (c != 0);
    // digits reversed; strip trailing fraction zeros
    int exp = p.exp;
    int low = 0;
    while (exp < 0 && low < len - 1 && digits[low] == '0') {
        ++low;
        ++exp;
    }
    std::string out;
    if (p.neg && p.coef != 0) out.push_back('-');
    int nd = len - low;  // significant digits to print, most significant at digits[len-1]
    if (exp >= 0) {
        if (p.coef == 0) return "0";
        out.reserve(out.size() + nd + exp);
        for (int k = len - 1; k >= low; --k) out.push_back(digits[k]);
        out.append(size_t(exp), '0');
    } else {
        int frac = -exp;
        if (nd <= frac) {
            out += "0.";
            out.append(size_t(frac - nd), '0');
            for (int k = len - 1; k >= low; --k) out.push_back(digits[k]);
        } else {
            int int_digits = nd - frac;
            for (int k = len - 1, j = 0; k >= low; --k, ++j) {
                if (j == int_digits) out.push_back('.');
                out.push_back(digits[k]);
            }
        }
    }
    if (p.coef == 0) return "0";
    return out;
}

namespace {

// Brings two finite operands to the smaller exponent when that is exact and fits 34 digits
// (the common case: amounts with the same or a few decimals).
bool Align(Parts& a, Parts& b) {
    if (a.exp == b.exp) return true;
    Parts& hi = a.exp > b.exp ? a : b;
    const Parts& lo = a.exp > b.exp ? b : a;
    int d = hi.exp - lo.exp;
    if (d > 33 || (hi.coef != 0 && DigitCount(hi.coef) + d > kDigits)) return false;
    hi.coef *= kPow10.v[d];
    hi.exp = lo.exp;
    return true;
}

// Exact a + b on decoded operands when the sum needs no rounding; nullopt otherwise.
std::optional<u128> FastAdd(Parts a, Parts b) {
    if (a.special || b.special || !Align(a, b)) return std::nullopt;
    if (a.neg == b.neg) {
        u128 c = a.coef + b.coef;
        if (c >= kMaxCoef) return std::nullopt;
        return Encode(a.neg, c, a.exp);
    }
    if (a.coef == b.coef) return Encode(false, 0, a.exp);  // x - x = +0
    bool a_bigger = a.coef > b.coef;
    return Encode(a_bigger ? a.neg : b.neg, a_bigger ? a.coef - b.coef : b.coef - a.coef, a.exp);
}

constexpr u128 kHalfDigits = Pow10(17);

}  // namespace

Decimal Decimal::operator+(const Decimal& o) const {
    if (auto r = FastAdd(Decode(bits_), Decode(o.bits_))) return FromBits(*r);
    return FromBits(FromD(ToD(bits_) + ToD(o.bits_)));
}

Decimal Decimal::operator-(const Decimal& o) const {
    Parts b = Decode(o.bits_);
    b.neg = !b.neg;
    if (auto r = FastAdd(Decode(bits_), b)) return FromBits(*r);
    return FromBits(FromD(ToD(bits_) - ToD(o.bits_)));
}

Decimal Decimal::operator*(const Decimal& o) const {
    Parts a = Decode(bits_), b = Decode(o.bits_);
    int exp = a.exp + b.exp;
    if (!a.special && !b.special && a.coef < kHalfDigits && b.coef < kHalfDigits &&
        exp >= kMinExp && exp <= kMaxExp) {
        // Both coefficients under 17 digits: the product is exact in 34.
        return FromBits((u128(a.neg != b.neg) << 127) | (u128(exp + kBias) << 113) |
                        (a.coef * b.coef));
    }
    return FromBits(FromD(ToD(bits_) * ToD(o.bits_)));
}

std::optional<Decimal> Decimal::Divide(const Decimal& o) const {
    if (o.IsZero()) return std::nullopt;
    return FromBits(FromD(ToD(bits_) / ToD(o.bits_)));
}

Decimal Decimal::operator-() const {
    return FromBits(bits_ ^ (u128(1) << 127));
}

int Decimal::Compare(const Decimal& o) const {
    Parts pa = Decode(bits_), pb = Decode(o.bits_);
    if (!pa.special && !pb.special) {
        bool za = pa.coef == 0, zb = pb.coef == 0;
        int sa = za ? 0 : (pa.neg ? -1 : 1), sb = zb ? 0 : (pb.neg ? -1 : 1);
        if (sa != sb) return sa < sb ? -1 : 1;
        if (sa == 0) return 0;
        if (Align(pa, pb)) {
            int mag = pa.coef < pb.coef ? -1 : (pa.coef > pb.coef ? 1 : 0);
            return sa > 0 ? mag : -mag;
        }
    }
    decimal128 a = ToD(bits_), b = ToD(o.bits_);
    if (a < b) return -1;
    if (b < a) return 1;
    return 0;
}

bool Decimal::IsZero() const {
    Parts p = Decode(bits_);
    return !p.special && p.coef == 0;
}

bool Decimal::IsFinite() const {
    return !Decode(bits_).special;
}

bool Decimal::IsNegative() const {
    Parts p = Decode(bits_);
    return p.neg && (p.special || p.coef != 0);
}

bool Decimal::IsInteger() const {
    Parts p = Decode(bits_);
    if (p.special) return false;
    if (p.exp >= 0 || p.coef == 0) return true;
    if (-p.exp > 38) return false;
    return p.coef % kPow10.v[-p.exp] == 0;
}

std::optional<int64_t> Decimal::ToInt64() const {
    if (!IsInteger()) return std::nullopt;
    return ToScaled(0);
}

std::optional<int64_t> Decimal::ToScaled(int scale) const {
    Parts p = Decode(bits_);
    if (p.special) return std::nullopt;
    if (p.coef == 0) return 0;
    int e = p.exp + scale;
    u128 mag = p.coef;
    if (e < 0) {
        if (-e > 38 || mag % kPow10.v[-e] != 0) return std::nullopt;
        mag /= kPow10.v[-e];
    } else if (e > 0) {
        if (e > 19) return std::nullopt;
        mag *= kPow10.v[e];  // unsigned wrap-around is detected by dividing back
        if (mag / kPow10.v[e] != p.coef) return std::nullopt;
    }
    constexpr u128 kLimit = u128(INT64_MAX);
    if (p.neg) {
        if (mag > kLimit + 1) return std::nullopt;
        return mag == kLimit + 1 ? INT64_MIN : -int64_t(mag);
    }
    if (mag > kLimit) return std::nullopt;
    return int64_t(mag);
}

Decimal Decimal::FromScaled(int64_t units, int scale) {
    bool neg = units < 0;
    u128 mag = neg ? u128(-(units + 1)) + 1 : u128(units);
    return FromBits(EncodeOrZero(neg, mag, -scale));
}

double Decimal::ToDouble() const {
    std::string s = ToString();
    return std::strtod(s.c_str(), nullptr);
}

std::optional<Decimal> Decimal::FromDouble(double d) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    if (r.ec != std::errc()) return std::nullopt;
    return Parse(std::string_view(buf, size_t(r.ptr - buf)));
}

Decimal Decimal::Round(int scale, RoundingMode mode) const {
    Parts p = Decode(bits_);
    if (p.special) return *this;
    int target = -scale;
    if (p.exp >= target) return *this;
    int drop = target - p.exp;
    u128 q, r;
    bool half_cmp_known = false;
    int cmp_half = -1;  // r vs half of 10^drop
    if (drop > 38) {
        q = 0;
        r = p.coef;
        half_cmp_known = true;
        cmp_half = -1;  // coef < 10^34 < 10^drop / 2
    } else {
        u128 d = kPow10.v[drop];
        q = p.coef / d;
        r = p.coef % d;
        if (!half_cmp_known) {
            u128 half = d / 2;  // d is even for drop >= 1
            cmp_half = r < half ? -1 : (r == half ? 0 : 1);
        }
    }
    bool up = false;  // increase magnitude
    if (r != 0) {
        switch (mode) {
            case RoundingMode::kHalfEven: up = cmp_half > 0 || (cmp_half == 0 && (q & 1)); break;
            case RoundingMode::kHalfUp: up = cmp_half >= 0; break;
            case RoundingMode::kHalfDown: up = cmp_half > 0; break;
            case RoundingMode::kUp: up = true; break;
            case RoundingMode::kDown: up = false; break;
            case RoundingMode::kFloor: up = p.neg; break;
            case RoundingMode::kCeiling: up = !p.neg; break;
        }
    }
    if (up) ++q;
    bool neg = p.neg && q != 0 ? true : p.neg;
    auto bits = Encode(neg, q, target);
    if (!bits) return *this;
    return FromBits(*bits);
}

Decimal Decimal::Abs() const {
    return FromBits(bits_ & ~(u128(1) << 127));
}

}  // namespace ow::rules
