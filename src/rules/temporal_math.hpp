// Temporal arithmetic in nanoseconds: the shared core of FEEL's date/time operators and the
// date and time built-ins. Instants are 128-bit nanosecond counts since 1970-01-01T00:00, so
// dates of any year the parser accepts stay exact.
#pragma once

#include <optional>

#include "rules/temporal.hpp"

namespace ow::rules {

using Nanos = __int128;

inline constexpr Nanos kNanosPerSecond = 1'000'000'000;
inline constexpr Nanos kNanosPerDay = Nanos(86'400) * kNanosPerSecond;

// Floor division and modulo (dates before 1970 and negative durations).
inline Nanos FloorDiv(Nanos a, Nanos b) {
    Nanos q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}
inline Nanos FloorMod(Nanos a, Nanos b) {
    return a - FloorDiv(a, b) * b;
}

Nanos ToNanos(const DaysTimeDuration& d);
DaysTimeDuration DurationFromNanos(Nanos n);

// The wall-clock reading as nanoseconds since the epoch, ignoring any offset.
Nanos LocalNanos(const DateTime& dt);
// The UTC offset a date and time carries: its offset, or its zone's offset at that local time;
// nullopt for a local date and time (or an unknown zone).
std::optional<int32_t> OffsetOf(const DateTime& dt);
// The instant in UTC nanoseconds; nullopt for a local date and time.
std::optional<Nanos> UtcNanos(const DateTime& dt);
// `like` moved to the wall-clock reading `local`, keeping its offset or zone (the zone's offset
// is resolved again for the new reading).
DateTime WithLocalNanos(const DateTime& like, Nanos local);

// ISO weekday: Monday = 1 ... Sunday = 7.
int IsoWeekday(const Date& d);

// Adds months, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28/29).
Date AddMonths(const Date& d, int64_t months);
int DaysInMonth(int64_t year, int month);

}  // namespace ow::rules
