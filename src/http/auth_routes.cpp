// Signing in and out, the signed-in user, password change.
#include <boost/json.hpp>

#include "common/dates.hpp"
#include "http/api.hpp"
#include "http/api_context.hpp"
#include "http/json_input.hpp"
#include "http/user_json.hpp"

namespace ow::http {
namespace {

std::string SessionCookie(const std::string& token, int64_t max_age, bool secure) {
    return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; " +
           "Max-Age=" + std::to_string(max_age) + (secure ? "; Secure" : "");
}

}  // namespace

void AddAuthRoutes(Router& router, ApiContext& ctx) {
    router.Add({"POST", "/api/v1/auth/login", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(std::string username, in.String("username"));
                    OW_ASSIGN_OR_RETURN(std::string password, in.String("password"));
                    OW_TRY(in.Finish());
                    bool browser =
                        !req.Header("origin").empty() || !req.Header("sec-fetch-mode").empty();
                    OW_ASSIGN_OR_RETURN(auth::LoginResult login,
                                        ctx.auth.Login(username, password, req.remote_address,
                                                       browser ? auth::ClientKind::kBrowser
                                                               : auth::ClientKind::kApi));
                    auto max_age = std::chrono::duration_cast<std::chrono::seconds>(
                                       login.expires_at - ctx.clock.Now())
                                       .count();
                    boost::json::object body{{"token", login.token},
                                             {"expires_at", FormatTimestamp(login.expires_at)},
                                             {"user", MeJson(login.user, *ctx.org.Current())}};
                    return Response::Json(body).Header(
                        "Set-Cookie", SessionCookie(login.token, max_age, ctx.cookie_secure));
                }});
    router.Add({"POST", "/api/v1/auth/logout", auth::Access::AnyUser(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_TRY(ctx.auth.Logout(*req.principal));
                    return Response::NoContent().Header("Set-Cookie",
                                                        SessionCookie("", 0, ctx.cookie_secure));
                },
                kDefaultBodyLimit, true});
    router.Add({"GET", "/api/v1/me", auth::Access::AnyUser(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auth::User user, ctx.auth.GetUser(req.principal->user_id));
                    return Response::Json(MeJson(user, *ctx.org.Current()));
                },
                kDefaultBodyLimit, true});
    router.Add({"POST", "/api/v1/auth/password", auth::Access::AnyUser(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(std::string current, in.String("current_password"));
                    OW_ASSIGN_OR_RETURN(std::string next, in.String("new_password"));
                    OW_TRY(in.Finish());
                    OW_TRY(ctx.auth.ChangePassword(*req.principal, current, next));
                    return Response::NoContent();
                },
                kDefaultBodyLimit, true});
}

}  // namespace ow::http
