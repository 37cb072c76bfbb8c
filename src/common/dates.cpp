#include "common/dates.hpp"

#include <cctype>
#include <cstdio>

namespace ow {

std::optional<Date> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    int idx = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (i == 4 || i == 7) {
            ++idx;
            continue;
        }
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
        parts[idx] = parts[idx] * 10 + (text[i] - '0');
    }
    if (parts[0] < 1000) return std::nullopt;
    Date d{std::chrono::year{parts[0]}, std::chrono::month(static_cast<unsigned>(parts[1])),
           std::chrono::day(static_cast<unsigned>(parts[2]))};
    if (!d.ok()) return std::nullopt;
    return d;
}

std::string FormatDate(Date date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf;
}

std::string FormatTimestamp(Timestamp t) {
    auto day = std::chrono::floor<std::chrono::days>(t);
    Date d{day};
    auto ms = (t - day).count();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld.%03lldZ", FormatDate(d).c_str(),
                  static_cast<long long>(ms / 3600000), static_cast<long long>(ms / 60000 % 60),
                  static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
    return buf;
}

Date LocalDate(Timestamp t) {
    return Date{std::chrono::floor<std::chrono::days>(t + std::chrono::hours(8))};
}

}  // namespace ow
