#include "http/api.hpp"

#include <chrono>
#include <exception>

#include "common/sha256.hpp"
#include "http/log.hpp"

namespace ow::http {
namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

bool IsSafeMethod(std::string_view m) {
    return m == "GET" || m == "HEAD" || m == "OPTIONS";
}

// A cookie-authenticated change must come from a page of this site: the browser's Origin
// header names the site that sent it.
bool SameOrigin(const Request& req) {
    std::string_view origin = req.Header("origin");
    if (origin.empty()) return false;
    std::string_view host = req.Header("host");
    for (std::string_view scheme : {"http://", "https://"}) {
        if (origin.substr(0, scheme.size()) == scheme && origin.substr(scheme.size()) == host) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::string SessionToken(const Request& req, bool* from_cookie) {
    *from_cookie = false;
    std::string_view authz = req.Header("authorization");
    if (authz.size() > 7 && (authz.substr(0, 7) == "Bearer " || authz.substr(0, 7) == "bearer ")) {
        return std::string(Trim(authz.substr(7)));
    }
    std::string_view cookies = req.Header("cookie");
    while (!cookies.empty()) {
        size_t semi = cookies.find(';');
        std::string_view pair = Trim(cookies.substr(0, semi));
        cookies = semi == std::string_view::npos ? std::string_view{} : cookies.substr(semi + 1);
        size_t eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == kSessionCookie) {
            *from_cookie = true;
            return std::string(pair.substr(eq + 1));
        }
    }
    return "";
}

Api::Api(const Router& router, auth::AuthService& auth, metrics::Registry& metrics,
         IdempotencyStore* idempotency, const Clock* clock)
    : router_(router), auth_(auth), metrics_(metrics), idempotency_(idempotency), clock_(clock) {}

// A POST with an Idempotency-Key runs once per user and key: a retry gets the first answer.
// Answers of 5xx are not kept (the request changed nothing and may be tried again).
Result<Response> Api::RunOnce(Request& req, const Route& route) {
    std::string_view key = req.Header("idempotency-key");
    if (!idempotency_ || !clock_ || req.method != "POST" || key.empty() || !req.principal) {
        return route.handler(req);
    }
    if (key.size() > 200) {
        return Error(ErrorCode::kInvalidValue).Field("Idempotency-Key").Param("reason", "too_long");
    }
    const int64_t user = req.principal->user_id;
    const std::string k(key);
    const std::string hash = Sha256Hex(req.method + " " + req.path + "\n" + req.body);
    OW_ASSIGN_OR_RETURN(auto stored, idempotency_->Begin(user, k, hash, clock_->Now()));
    if (stored) {
        return Response{stored->status, stored->body, stored->content_type, {}}.Header(
            "Idempotent-Replayed", "true");
    }
    Result<Response> r = route.handler(req);
    if (r.ok() && r->status < 500) {
        OW_TRY(idempotency_->Finish(user, k, {r->status, r->content_type, r->body}));
    } else if (!r.ok() && r.error().HttpStatus() < 500) {
        Response failure = Response::FromError(r.error(), req.lang);
        OW_TRY(idempotency_->Finish(user, k, {failure.status, failure.content_type, failure.body}));
    } else {
        (void)idempotency_->Abandon(user, k);
    }
    return r;
}

Result<Response> Api::Run(Request& req, const Route& route) {
    bool from_cookie = false;
    std::string token = SessionToken(req, &from_cookie);
    if (!token.empty()) {
        auto principal = auth_.Authenticate(token);
        if (principal.ok()) {
            req.principal = std::move(principal).value();
            req.session_token = token;
        } else if (principal.error().code() != ErrorCode::kUnauthenticated) {
            return std::move(principal).error();  // the store failed: not the caller's fault
        }
    }
    if (route.access.requires_login) {
        if (!req.principal) return Error(ErrorCode::kUnauthenticated);
        if (from_cookie && !IsSafeMethod(req.method) && !SameOrigin(req)) {
            return Error(ErrorCode::kCrossSiteRequest);
        }
        if (req.principal->must_change_password && !route.before_password_change) {
            return Error(ErrorCode::kPasswordChangeRequired);
        }
        if (!route.access.AllowsRoles(&*req.principal)) return Error(ErrorCode::kForbidden);
    }
    return RunOnce(req, route);
}

Response Api::Handle(Request& req, const RouteMatch& match) {
    auto started = std::chrono::steady_clock::now();
    Response response;
    std::string route_label = match.route ? match.route->pattern : "unmatched";
    if (!match.route) {
        response = Response::FromError(match.other_method
                                           ? Error(ErrorCode::kMethodNotAllowed)
                                           : Error(ErrorCode::kNotFound).Param("what", "route"),
                                       req.lang);
    } else {
        req.path_params = match.params;
        try {
            Result<Response> r = Run(req, *match.route);
            if (r.ok()) {
                response = std::move(r).value();
            } else {
                const Error& e = r.error();
                if (e.HttpStatus() >= 500) {
                    Log(LogLevel::kError, "request failed",
                        {{"request_id", req.request_id},
                         {"route", route_label},
                         {"code", ErrorCodeName(e.code())},
                         {"detail", e.detail()}});
                }
                response = Response::FromError(e, req.lang);
            }
        } catch (const std::exception& ex) {
            Log(LogLevel::kError, "handler threw",
                {{"request_id", req.request_id}, {"route", route_label}, {"what", ex.what()}});
            response = Response::FromError(Error(ErrorCode::kInternal), req.lang);
        }
    }
    auto elapsed = std::chrono::steady_clock::now() - started;
    metrics_
        .GetCounter("onewindow_http_requests_total", "HTTP requests by route and status",
                    {"method", "route", "status"},
                    {req.method, route_label, std::to_string(response.status)})
        .Inc();
    metrics_
        .GetHistogram("onewindow_http_request_duration_seconds",
                      "Time to handle a request, by route", {"method", "route"},
                      {req.method, route_label})
        .Observe(elapsed);
    boost::json::object fields{{"request_id", req.request_id},
                               {"method", req.method},
                               {"route", route_label},
                               {"status", response.status},
                               {"ms", std::chrono::duration<double, std::milli>(elapsed).count()}};
    if (req.principal) fields["user_id"] = req.principal->user_id;
    Log(LogLevel::kInfo, "request", std::move(fields));
    return response;
}

}  // namespace ow::http
