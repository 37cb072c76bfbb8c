// Temporal arithmetic in nanoseconds.
#include "rules/temporal_math.hpp"

#include <algorithm>

namespace ow::rules {

Nanos ToNanos(const DaysTimeDuration& d) {
    return Nanos(d.seconds) * kNanosPerSecond + d.nanos;
}

DaysTimeDuration DurationFromNanos(Nanos n) {
    DaysTimeDuration d;
    d.seconds = int64_t(n / kNanosPerSecond);  // truncation keeps both parts with one sign
    d.nanos = int32_t(n % kNanosPerSecond);
    return d;
}

Nanos LocalNanos(const DateTime& dt) {
    return Nanos(DaysFromCivil(dt.date)) * kNanosPerDay + dt.time.nanos;
}

std::optional<int32_t> OffsetOf(const DateTime& dt) {
    if (dt.time.offset_seconds) return dt.time.offset_seconds;
    if (!dt.time.zone.empty()) return ZoneOffset(dt.time.zone, dt.date, dt.time.nanos);
    return std::nullopt;
}

std::optional<Nanos> UtcNanos(const DateTime& dt) {
    auto off = OffsetOf(dt);
    if (!off) return std::nullopt;
    return LocalNanos(dt) - Nanos(*off) * kNanosPerSecond;
}

DateTime WithLocalNanos(const DateTime& like, Nanos local) {
    DateTime out = like;
    out.date = CivilFromDays(int64_t(FloorDiv(local, kNanosPerDay)));
    out.time.nanos = int64_t(FloorMod(local, kNanosPerDay));
    if (!out.time.zone.empty()) {
        out.time.offset_seconds = ZoneOffset(out.time.zone, out.date, out.time.nanos);
    }
    return out;
}

int IsoWeekday(const Date& d) {
    return int(FloorMod(DaysFromCivil(d) + 3, 7)) + 1;  // 1970-01-01 was a Thursday
}

int DaysInMonth(int64_t year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) {
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return kDays[month - 1];
}

Date AddMonths(const Date& d, int64_t months) {
    Nanos total = Nanos(d.year) * 12 + (d.month - 1) + months;
    Date out;
    out.year = int64_t(FloorDiv(total, 12));
    out.month = int(FloorMod(total, 12)) + 1;
    out.day = std::min(d.day, DaysInMonth(out.year, out.month));
    return out;
}

}  // namespace ow::rules
