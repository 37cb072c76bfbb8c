// FEEL's temporal values: date, time (local or with an offset or an IANA zone), date and time,
// and the two duration kinds. Parsing and printing follow the DMN spec (XML Schema lexical forms
// with FEEL's extensions: "@Europe/Paris" zones, years beyond 9999, P1Y2M / P1DT2H durations).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ow::rules {

// Proleptic Gregorian calendar date; year may be negative or above 9999.
struct Date {
    int64_t year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    friend bool operator==(const Date&, const Date&) = default;
};

// Time of day with optional offset or zone. `zone` is an IANA id ("Europe/Paris") when the text
// named one; then `offset_seconds` is unset for a bare time and resolved for a date and time.
struct Time {
    int64_t nanos = 0;  // since midnight, [0, 86400e9)
    std::optional<int32_t> offset_seconds;
    std::string zone;
    friend bool operator==(const Time&, const Time&) = default;
};

struct DateTime {
    Date date;
    Time time;
    friend bool operator==(const DateTime&, const DateTime&) = default;
};

// days and time duration: total nanoseconds would overflow int64 past 292 years, so seconds and
// nanoseconds, both with the sign of the whole (nanos in (-1e9, 1e9)).
struct DaysTimeDuration {
    int64_t seconds = 0;
    int32_t nanos = 0;
    friend bool operator==(const DaysTimeDuration&, const DaysTimeDuration&) = default;
};

struct YearsMonthsDuration {
    int64_t months = 0;
    friend bool operator==(const YearsMonthsDuration&, const YearsMonthsDuration&) = default;
};

// Lexical forms -> values; nullopt when the text is not valid (e.g. "2019-02-30").
std::optional<Date> ParseDate(std::string_view text);
std::optional<Time> ParseTime(std::string_view text);
std::optional<DateTime> ParseDateTime(std::string_view text);  // a bare date -> midnight
std::optional<DaysTimeDuration> ParseDaysTimeDuration(std::string_view text);
std::optional<YearsMonthsDuration> ParseYearsMonthsDuration(std::string_view text);

// Canonical forms, as FEEL's string() prints them: "2017-01-01", "13:20:00", "13:20:00.5+01:00",
// "13:20:00@Europe/Paris", "2017-01-01T13:20:00Z", "P1DT2H", "-PT0.5S", "P1Y2M", "P0M", "PT0S".
std::string ToString(const Date& d);
std::string ToString(const Time& t);
std::string ToString(const DateTime& dt);
std::string ToString(const DaysTimeDuration& d);
std::string ToString(const YearsMonthsDuration& d);

bool IsValidDate(int64_t year, int month, int day);
int64_t DaysFromCivil(const Date& d);  // days since 1970-01-01
Date CivilFromDays(int64_t days);

// The UTC offset of IANA `zone` at the local date and time given (nullopt for an unknown zone).
// Reads the system's zoneinfo files once per zone.
std::optional<int32_t> ZoneOffset(std::string_view zone, const Date& date, int64_t nanos_of_day);

}  // namespace ow::rules
