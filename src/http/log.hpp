// Structured logs: one JSON object per line on standard output, with time, level and message
// plus fields. Never pass personal data (names, ID numbers, addresses, IPs) as a field.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string_view>

namespace ow::http {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

void SetLogLevel(LogLevel level);
std::optional<LogLevel> ParseLogLevel(std::string_view name);
void Log(LogLevel level, std::string_view message, boost::json::object fields = {});

}  // namespace ow::http
