#include "http/response.hpp"

#include <boost/json/serialize.hpp>

namespace ow::http {

Response Response::Json(int status, const boost::json::value& value) {
    return Response{status, boost::json::serialize(value), "application/json", {}};
}

Response Response::NoContent() {
    return Response{204, "", "", {}};
}

Response Response::Text(int status, std::string body, std::string content_type) {
    return Response{status, std::move(body), std::move(content_type), {}};
}

Response Response::FromError(const Error& error, Lang lang) {
    boost::json::object inner{{"code", ErrorCodeName(error.code())},
                              {"message", error.Message(lang)},
                              {"field", error.field()}};
    Response r = Json(error.HttpStatus(), boost::json::object{{"error", std::move(inner)}});
    if (error.code() == ErrorCode::kRateLimited) {
        for (const auto& [k, v] : error.params()) {
            if (k == "seconds") r.headers.emplace_back("Retry-After", v);
        }
    }
    return r;
}

}  // namespace ow::http
