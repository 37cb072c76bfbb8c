// Response: status, body, content type and extra headers, built by handlers.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"

namespace ow::http {

struct Response {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;

    static Response Json(int status, const boost::json::value& value);
    static Response Json(const boost::json::value& value) { return Json(200, value); }
    static Response NoContent();
    static Response Text(int status, std::string body, std::string content_type);
    // {"error":{"code","message","field"}} in `lang`, with the status from the error table.
    static Response FromError(const Error& error, Lang lang);

    Response&& Header(std::string name, std::string value) && {
        headers.emplace_back(std::move(name), std::move(value));
        return std::move(*this);
    }
};

}  // namespace ow::http
