// Calendar dates and instants as text. Dates are ISO 8601 (YYYY-MM-DD); instants are shown as
// RFC 3339 UTC. The city's local time is Asia/Shanghai (UTC+8, no daylight saving since 1991).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace ow {

using Date = std::chrono::year_month_day;

// Strictly YYYY-MM-DD with a real calendar date (no 2021-02-29), years 1000-9999.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(Date date);

// RFC 3339 in UTC with milliseconds, e.g. 2020-09-30T01:02:03.004Z.
std::string FormatTimestamp(Timestamp t);

// The date in Asia/Shanghai at instant t.
Date LocalDate(Timestamp t);

inline std::chrono::sys_days Days(Date d) {
    return std::chrono::sys_days(d);
}

}  // namespace ow
