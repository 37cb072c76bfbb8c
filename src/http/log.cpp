#include "http/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <optional>

#include "common/dates.hpp"

namespace ow::http {
namespace {

spdlog::logger& Logger() {
    static std::shared_ptr<spdlog::logger> logger = [] {
        auto l = spdlog::stdout_logger_mt("onewindow");
        l->set_pattern("%v");
        l->flush_on(spdlog::level::info);
        return l;
    }();
    return *logger;
}

}  // namespace

void SetLogLevel(LogLevel level) {
    static constexpr spdlog::level::level_enum kLevels[] = {
        spdlog::level::debug, spdlog::level::info, spdlog::level::warn, spdlog::level::err};
    Logger().set_level(kLevels[static_cast<int>(level)]);
}

std::optional<LogLevel> ParseLogLevel(std::string_view name) {
    if (name == "debug") return LogLevel::kDebug;
    if (name == "info") return LogLevel::kInfo;
    if (name == "warn") return LogLevel::kWarn;
    if (name == "error") return LogLevel::kError;
    return std::nullopt;
}

void Log(LogLevel level, std::string_view message, boost::json::object fields) {
    static constexpr std::string_view kNames[] = {"debug", "info", "warn", "error"};
    static constexpr spdlog::level::level_enum kLevels[] = {
        spdlog::level::debug, spdlog::level::info, spdlog::level::warn, spdlog::level::err};
    auto lvl = kLevels[static_cast<int>(level)];
    if (!Logger().should_log(lvl)) return;
    boost::json::object line;
    line["ts"] = FormatTimestamp(
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
    line["level"] = kNames[static_cast<int>(level)];
    line["msg"] = message;
    for (auto& [k, v] : fields) line[k] = std::move(v);
    Logger().log(lvl, boost::json::serialize(line));
}

}  // namespace ow::http
