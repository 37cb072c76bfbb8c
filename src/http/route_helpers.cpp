#include "http/route_helpers.hpp"

#include <charconv>

namespace ow::http {

Result<int64_t> IdParam(const Request& req, const std::string& name, const char* what) {
    const std::string& text = req.Param(name);
    int64_t id = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
        return Error(ErrorCode::kNotFound).Param("what", what);
    }
    return id;
}

org::Actor ActorOf(const Request& req) {
    if (!req.principal) return org::Actor{std::nullopt, -1};  // reaches nothing
    return org::Actor{req.principal->user_id, req.principal->org_unit_id.value_or(-1)};
}

}  // namespace ow::http
