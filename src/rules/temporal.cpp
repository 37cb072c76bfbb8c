// Lexical forms of FEEL's temporal values: parsing and canonical printing.
#include "rules/temporal.hpp"

#include <cstdio>

namespace ow::rules {
namespace {

constexpr int64_t kMaxYear = 999'999'999;

// A cursor over the text being parsed.
struct Cursor {
    std::string_view s;
    size_t i = 0;
    bool Done() const { return i >= s.size(); }
    char Peek() const { return i < s.size() ? s[i] : '\0'; }
    bool Eat(char c) {
        if (Peek() != c) return false;
        ++i;
        return true;
    }
    // Exactly n digits.
    std::optional<int> Fixed(int n) {
        if (i + size_t(n) > s.size()) return std::nullopt;
        int v = 0;
        for (int k = 0; k < n; ++k) {
            char c = s[i + size_t(k)];
            if (c < '0' || c > '9') return std::nullopt;
            v = v * 10 + (c - '0');
        }
        i += size_t(n);
        return v;
    }
    // Fraction digits after a '.', as nanoseconds (digits past the ninth are ignored); returns
    // how many digits there were.
    int Fraction(int64_t* nanos) {
        int n = 0;
        int64_t scale = 100'000'000;
        for (; !Done() && Peek() >= '0' && Peek() <= '9'; ++i, ++n) {
            *nanos += (Peek() - '0') * scale;
            scale /= 10;
        }
        return n;
    }
    // One or more digits (bounded so the value cannot overflow); sets count.
    std::optional<int64_t> Number(int* count = nullptr) {
        size_t start = i;
        int64_t v = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (i - start >= 18) return std::nullopt;
            v = v * 10 + (s[i] - '0');
            ++i;
        }
        if (i == start) return std::nullopt;
        if (count) *count = int(i - start);
        return v;
    }
};

bool IsLeap(int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

std::optional<Date> ParseDateAt(Cursor& c) {
    bool neg = c.Eat('-');
    int digits = 0;
    size_t start = c.i;
    auto year = c.Number(&digits);
    if (!year || digits < 4 || *year > kMaxYear) return std::nullopt;
    if (digits > 4 && c.s[start] == '0') return std::nullopt;
    if (!c.Eat('-')) return std::nullopt;
    auto month = c.Fixed(2);
    if (!month || !c.Eat('-')) return std::nullopt;
    auto day = c.Fixed(2);
    if (!day) return std::nullopt;
    int64_t y = neg ? -*year : *year;
    if (!IsValidDate(y, *month, *day)) return std::nullopt;
    return Date{y, *month, *day};
}

// "hh:mm:ss(.f+)?" then an optional "Z", "+hh:mm", "-hh:mm" or "@Zone/Id". `end_of_day` is set for
// 24:00:00, which is midnight of the next day.
std::optional<Time> ParseTimeAt(Cursor& c, bool* end_of_day) {
    auto h = c.Fixed(2);
    if (!h || !c.Eat(':')) return std::nullopt;
    auto m = c.Fixed(2);
    if (!m || !c.Eat(':')) return std::nullopt;
    auto s = c.Fixed(2);
    if (!s) return std::nullopt;
    int64_t frac = 0;
    if (c.Eat('.') && c.Fraction(&frac) == 0) return std::nullopt;
    if (*m > 59 || *s > 59) return std::nullopt;
    if (*h > 24 || (*h == 24 && (*m != 0 || *s != 0 || frac != 0))) return std::nullopt;
    *end_of_day = *h == 24;
    Time t;
    t.nanos = ((int64_t(*h % 24) * 60 + *m) * 60 + *s) * 1'000'000'000 + frac;
    if (c.Eat('Z') || c.Eat('z')) {
        t.offset_seconds = 0;
    } else if (c.Peek() == '+' || c.Peek() == '-') {
        bool neg = c.Peek() == '-';
        ++c.i;
        auto oh = c.Fixed(2);
        if (!oh || !c.Eat(':')) return std::nullopt;
        auto om = c.Fixed(2);
        if (!om || *oh > 18 || *om > 59) return std::nullopt;
        int32_t off = (*oh * 60 + *om) * 60;
        if (c.Eat(':')) {
            auto os = c.Fixed(2);
            if (!os || *os > 59) return std::nullopt;
            off += *os;
        }
        t.offset_seconds = neg ? -off : off;
    } else if (c.Eat('@')) {
        t.zone = std::string(c.s.substr(c.i));
        c.i = c.s.size();
        if (t.zone.empty()) return std::nullopt;
    }
    return t;
}

std::optional<int64_t> MulAdd(int64_t acc, int64_t v, int64_t unit) {
    __int128 r = __int128(acc) + __int128(v) * unit;
    if (r > INT64_MAX / 2 || r < INT64_MIN / 2) return std::nullopt;
    return int64_t(r);
}

void Pad(std::string& out, int64_t v, int width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v));
    out += buf;
}

}  // namespace

bool IsValidDate(int64_t year, int month, int day) {
    if (year < -kMaxYear || year > kMaxYear || month < 1 || month > 12 || day < 1) return false;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
    return day <= max;
}

// Howard Hinnant's days_from_civil, on int64.
int64_t DaysFromCivil(const Date& d) {
    int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (d.month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = int(doy - (153 * mp + 2) / 5 + 1);
    int m = int(mp < 10 ? mp + 3 : mp - 9);
    return Date{y + (m <= 2 ? 1 : 0), m, d};
}

std::optional<Date> ParseDate(std::string_view text) {
    Cursor c{text};
    auto d = ParseDateAt(c);
    if (!d || !c.Done()) return std::nullopt;
    return d;
}

std::optional<Time> ParseTime(std::string_view text) {
    Cursor c{text};
    bool end_of_day = false;
    auto t = ParseTimeAt(c, &end_of_day);
    if (!t || !c.Done()) return std::nullopt;
    if (!t->zone.empty() && !ZoneOffset(t->zone, Date{2000, 1, 1}, 0)) return std::nullopt;
    return t;
}

std::optional<DateTime> ParseDateTime(std::string_view text) {
    Cursor c{text};
    auto d = ParseDateAt(c);
    if (!d) return std::nullopt;
    DateTime dt;
    dt.date = *d;
    if (c.Done()) return dt;
    if (!c.Eat('T')) return std::nullopt;
    bool end_of_day = false;
    auto t = ParseTimeAt(c, &end_of_day);
    if (!t || !c.Done()) return std::nullopt;
    dt.time = *t;
    if (end_of_day) dt.date = CivilFromDays(DaysFromCivil(dt.date) + 1);
    if (!dt.time.zone.empty()) {
        dt.time.offset_seconds = ZoneOffset(dt.time.zone, dt.date, dt.time.nanos);
        if (!dt.time.offset_seconds) return std::nullopt;
    }
    return dt;
}

std::optional<DaysTimeDuration> ParseDaysTimeDuration(std::string_view text) {
    Cursor c{text};
    bool neg = c.Eat('-');
    if (!c.Eat('P')) return std::nullopt;
    int64_t seconds = 0;
    int64_t nanos = 0;
    bool any = false;
    if (c.Peek() != 'T') {
        auto days = c.Number();
        if (!days || !c.Eat('D')) return std::nullopt;
        auto s = MulAdd(seconds, *days, 86400);
        if (!s) return std::nullopt;
        seconds = *s;
        any = true;
    }
    if (c.Eat('T')) {
        bool any_time = false;
        const std::pair<char, int64_t> units[] = {{'H', 3600}, {'M', 60}, {'S', 1}};
        size_t next_unit = 0;
        while (!c.Done()) {
            auto v = c.Number();
            if (!v) return std::nullopt;
            int64_t frac = 0;
            if (c.Eat('.')) {
                c.Fraction(&frac);
                if (c.Peek() != 'S') return std::nullopt;  // "PT0.S" is valid xsd
            }
            while (next_unit < 3 && units[next_unit].first != c.Peek()) ++next_unit;
            if (next_unit == 3) return std::nullopt;
            ++c.i;
            auto s = MulAdd(seconds, *v, units[next_unit].second);
            if (!s) return std::nullopt;
            seconds = *s;
            nanos += frac;
            ++next_unit;
            any_time = true;
        }
        if (!any_time) return std::nullopt;
        any = true;
    }
    if (!any || !c.Done()) return std::nullopt;
    DaysTimeDuration d{seconds, int32_t(nanos)};
    if (neg) d = DaysTimeDuration{-d.seconds, -d.nanos};
    return d;
}

std::optional<YearsMonthsDuration> ParseYearsMonthsDuration(std::string_view text) {
    Cursor c{text};
    bool neg = c.Eat('-');
    if (!c.Eat('P')) return std::nullopt;
    int64_t months = 0;
    bool any = false;
    auto v = c.Number();
    if (v && c.Eat('Y')) {
        auto m = MulAdd(0, *v, 12);
        if (!m) return std::nullopt;
        months = *m;
        any = true;
        v = c.Done() ? std::nullopt : c.Number();
        if (!c.Done() && !v) return std::nullopt;
    }
    if (v) {
        if (!c.Eat('M')) return std::nullopt;
        auto m = MulAdd(months, *v, 1);
        if (!m) return std::nullopt;
        months = *m;
        any = true;
    }
    if (!any || !c.Done()) return std::nullopt;
    return YearsMonthsDuration{neg ? -months : months};
}

std::string ToString(const Date& d) {
    std::string out;
    if (d.year < 0) out.push_back('-');
    Pad(out, d.year < 0 ? -d.year : d.year, 4);
    out.push_back('-');
    Pad(out, d.month, 2);
    out.push_back('-');
    Pad(out, d.day, 2);
    return out;
}

std::string ToString(const Time& t) {
    std::string out;
    int64_t secs = t.nanos / 1'000'000'000;
    int64_t frac = t.nanos % 1'000'000'000;
    Pad(out, secs / 3600, 2);
    out.push_back(':');
    Pad(out, secs / 60 % 60, 2);
    out.push_back(':');
    Pad(out, secs % 60, 2);
    if (frac != 0) {
        std::string f;
        Pad(f, frac, 9);
        while (!f.empty() && f.back() == '0') f.pop_back();
        out += "." + f;
    }
    if (!t.zone.empty()) {
        out += "@" + t.zone;
    } else if (t.offset_seconds) {
        int32_t off = *t.offset_seconds;
        if (off == 0) {
            out.push_back('Z');
        } else {
            out.push_back(off < 0 ? '-' : '+');
            if (off < 0) off = -off;
            Pad(out, off / 3600, 2);
            out.push_back(':');
            Pad(out, off / 60 % 60, 2);
            if (off % 60 != 0) {
                out.push_back(':');
                Pad(out, off % 60, 2);
            }
        }
    }
    return out;
}

std::string ToString(const DateTime& dt) {
    return ToString(dt.date) + "T" + ToString(dt.time);
}

std::string ToString(const DaysTimeDuration& d) {
    bool neg = d.seconds < 0 || d.nanos < 0;
    uint64_t secs = uint64_t(d.seconds < 0 ? -d.seconds : d.seconds);
    int64_t nanos = d.nanos < 0 ? -d.nanos : d.nanos;
    std::string out = neg ? "-P" : "P";
    uint64_t days = secs / 86400, hours = secs / 3600 % 24, minutes = secs / 60 % 60, s = secs % 60;
    if (days) out += std::to_string(days) + "D";
    if (hours || minutes || s || nanos || !days) {
        out += "T";
        if (hours) out += std::to_string(hours) + "H";
        if (minutes) out += std::to_string(minutes) + "M";
        if (s || nanos || (!hours && !minutes)) {
            out += std::to_string(s);
            if (nanos) {
                std::string f;
                Pad(f, nanos, 9);
                while (!f.empty() && f.back() == '0') f.pop_back();
                out += "." + f;
            }
            out += "S";
        }
    }
    return out;
}

std::string ToString(const YearsMonthsDuration& d) {
    int64_t m = d.months < 0 ? -d.months : d.months;
    std::string out = d.months < 0 ? "-P" : "P";
    if (m / 12) out += std::to_string(m / 12) + "Y";
    if (m % 12 || m == 0) out += std::to_string(m % 12) + "M";
    return out;
}

}  // namespace ow::rules
