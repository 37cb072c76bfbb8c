#include "app/settings.hpp"

#include <charconv>

namespace ow::app {

Result<ListenAddress> ParseListen(const std::string& text) {
    auto colon = text.rfind(':');
    auto bad = [&] {
        return Error(ErrorCode::kInvalidValue).Field("listen").Param("reason", text);
    };
    if (colon == std::string::npos || colon == 0) return bad();
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    unsigned port = 0;
    auto [ptr, ec] = std::from_chars(text.data() + colon + 1, text.data() + text.size(), port);
    if (ec != std::errc() || ptr != text.data() + text.size() || port > 65535) return bad();
    return ListenAddress{host, static_cast<uint16_t>(port)};
}

bool IsPostgresUrl(const std::string& db) {
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

}  // namespace ow::app
