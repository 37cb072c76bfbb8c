// Request: what a handler sees of an HTTP request — method, path, decoded query, headers it
// may need, body, the path parameters its route captured, the caller's language and, when
// signed in, the principal. Independent of Beast so handlers are plain functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.hpp"
#include "common/lang.hpp"

namespace ow::http {

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string path;    // decoded path, without the query
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;
    std::map<std::string, std::string> path_params;
    std::string remote_address;
    std::string request_id;
    Lang lang = Lang::kZhCN;
    std::optional<auth::Principal> principal;
    std::string session_token;  // the token this request was authenticated with, if any

    std::string_view Header(const std::string& lower_name) const {
        auto it = headers.find(lower_name);
        return it == headers.end() ? std::string_view{} : std::string_view(it->second);
    }
    std::optional<std::string> Query(const std::string& name) const {
        auto it = query.find(name);
        if (it == query.end()) return std::nullopt;
        return it->second;
    }
    const std::string& Param(const std::string& name) const { return path_params.at(name); }
};

}  // namespace ow::http
