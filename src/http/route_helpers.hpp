// Small helpers shared by the route files: ids from paths, the org actor of a request.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "http/request.hpp"
#include "org/org_service.hpp"

namespace ow::http {

// The path parameter `name` as a positive integer id; kNotFound otherwise.
Result<int64_t> IdParam(const Request& req, const std::string& name, const char* what);

// The acting staff member and the org subtree they may change (their own unit).
org::Actor ActorOf(const Request& req);

template <class T>
boost::json::value OrNull(const std::optional<T>& v) {
    return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace ow::http
