// ZoneOffset: IANA time zones from the system's TZif files (/usr/share/zoneinfo), read once per
// zone and cached for every thread.
#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <vector>

#include "rules/temporal.hpp"

namespace ow::rules {
namespace {

// The transitions of one zone: UTC instants and the offset in force from each on.
struct ZoneData {
    std::vector<int64_t> times;
    std::vector<int32_t> offsets;  // offsets[i] applies from times[i]
    int32_t initial = 0;           // before the first transition
};

// The one place that touches the file system, so the fuzz build can swap it out.
std::optional<std::string> ReadZoneFile(std::string_view zone) {
    std::ifstream in("/usr/share/zoneinfo/" + std::string(zone), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

bool ValidZoneName(std::string_view zone) {
    if (zone.empty() || zone.size() > 64 || zone.front() == '/' ||
        zone.find("..") != std::string_view::npos) {
        return false;
    }
    return std::all_of(zone.begin(), zone.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || c == '+' || c == '/';
    });
}

int64_t ReadBE(const std::string& s, size_t pos, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(s[pos + size_t(i)]);
    if (bytes == 4) return int32_t(uint32_t(v));
    return int64_t(v);
}

std::optional<ZoneData> ParseTzif(const std::string& s) {
    auto header = [&](size_t at, int64_t counts[6]) {
        if (s.size() < at + 44 || s.compare(at, 4, "TZif") != 0) return false;
        for (int i = 0; i < 6; ++i) counts[i] = ReadBE(s, at + 20 + size_t(i) * 4, 4);
        return true;
    };
    int64_t c[6];
    if (!header(0, c)) return std::nullopt;
    char version = s[4];
    size_t pos = 44;
    int time_size = 4;
    auto block_size = [&](const int64_t* k, int ts) {
        // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        return size_t(k[3] * ts + k[3] + k[4] * 6 + k[5] + k[2] * (ts + 4) + k[1] + k[0]);
    };
    if (version >= '2') {
        size_t second = pos + block_size(c, 4);
        if (!header(second, c)) return std::nullopt;
        pos = second + 44;
        time_size = 8;
    }
    if (s.size() < pos + block_size(c, time_size)) return std::nullopt;
    int64_t timecnt = c[3], typecnt = c[4];
    if (typecnt <= 0) return std::nullopt;
    std::vector<int32_t> type_offsets(static_cast<size_t>(typecnt));
    size_t types_at = pos + size_t(timecnt) * size_t(time_size + 1);
    for (int64_t i = 0; i < typecnt; ++i) {
        type_offsets[size_t(i)] = int32_t(ReadBE(s, types_at + size_t(i) * 6, 4));
    }
    ZoneData z;
    z.initial = type_offsets[0];
    for (int64_t i = 0; i < timecnt; ++i) {
        z.times.push_back(ReadBE(s, pos + size_t(i) * size_t(time_size), time_size));
        auto idx = static_cast<unsigned char>(s[pos + size_t(timecnt * time_size + i)]);
        if (idx >= typecnt) return std::nullopt;
        z.offsets.push_back(type_offsets[idx]);
    }
    return z;
}

int32_t OffsetAtUtc(const ZoneData& z, int64_t utc) {
    auto it = std::upper_bound(z.times.begin(), z.times.end(), utc);
    if (it == z.times.begin()) return z.initial;
    return z.offsets[size_t(it - z.times.begin() - 1)];
}

std::shared_ptr<const ZoneData> LoadZone(std::string_view zone) {
    static std::mutex mu;
    static std::map<std::string, std::shared_ptr<const ZoneData>, std::less<>> cache;
    std::lock_guard lock(mu);
    auto it = cache.find(zone);
    if (it != cache.end()) return it->second;
    std::shared_ptr<const ZoneData> data;
    if (ValidZoneName(zone)) {
        if (auto text = ReadZoneFile(zone)) {
            if (auto parsed = ParseTzif(*text)) {
                data = std::make_shared<const ZoneData>(std::move(*parsed));
            }
        }
    }
    if (cache.size() < 1000) cache.emplace(std::string(zone), data);
    return data;
}

}  // namespace

std::optional<int32_t> ZoneOffset(std::string_view zone, const Date& date, int64_t nanos_of_day) {
    if (zone == "Z" || zone == "UTC") return 0;
    auto z = LoadZone(zone);
    if (!z) return std::nullopt;
    int64_t local = DaysFromCivil(date) * 86400 + nanos_of_day / 1'000'000'000;
    // The offset whose UTC instant maps back to this wall-clock reading (the earlier one in a
    // fall-back overlap, the later rule in a spring-forward gap).
    int32_t guess = OffsetAtUtc(*z, local - OffsetAtUtc(*z, local));
    return OffsetAtUtc(*z, local - guess);
}

}  // namespace ow::rules
