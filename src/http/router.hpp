// Router: the table of endpoints. Each route names its method, a path pattern with {params},
// who may call it (auth::Access), its body-size limit and its handler. The table is also what
// the OpenAPI check and the role walk-through test read, so no endpoint escapes either.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "auth/access.hpp"
#include "common/result.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace ow::http {

using Handler = std::function<Result<Response>(Request&)>;

inline constexpr size_t kDefaultBodyLimit = 1 << 20;  // 1 MiB of JSON

struct Route {
    std::string method;
    std::string pattern;  // e.g. "/api/v1/org/units/{id}"
    auth::Access access;
    Handler handler;
    size_t body_limit = kDefaultBodyLimit;
    // Reachable while the user must first change a password an administrator reset.
    bool before_password_change = false;
};

struct RouteMatch {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool other_method = false;  // the path exists with another method (405, not 404)
};

class Router {
public:
    void Add(Route route);
    // The most specific route for method and path (literal segments beat {params}).
    RouteMatch Find(std::string_view method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
    std::vector<std::vector<std::string>> segments_;  // each route's pattern, split once
};

}  // namespace ow::http
