// Account administration: list, create, edit, reset password, unlock (admins, within their
// org scope), and the admin log.
#include <boost/json.hpp>

#include "common/dates.hpp"
#include "http/api_context.hpp"
#include "http/json_input.hpp"
#include "http/route_helpers.hpp"
#include "http/user_json.hpp"

namespace ow::http {
namespace {

using auth::Role;

Result<std::optional<std::vector<Role>>> ReadRoles(JsonInput& in) {
    OW_ASSIGN_OR_RETURN(auto names, in.OptStringArray("roles"));
    if (!names) return std::optional<std::vector<Role>>();
    std::vector<Role> roles;
    for (const std::string& n : *names) {
        auto r = auth::ParseRole(n);
        if (!r) return Error(ErrorCode::kInvalidValue).Field("roles").Param("reason", n);
        roles.push_back(*r);
    }
    return std::optional<std::vector<Role>>(std::move(roles));
}

const auth::Access kAdmins = auth::Access::Roles({Role::kAdmin}, auth::OrgScope::kOrgSubtree);

}  // namespace

void AddUserRoutes(Router& router, ApiContext& ctx) {
    router.Add(
        {"GET", "/api/v1/users", kAdmins, [&ctx](Request& req) -> Result<Response> {
             auth::UserFilter filter;
             if (auto role = req.Query("role")) {
                 filter.role = auth::ParseRole(*role);
                 if (!filter.role) {
                     return Error(ErrorCode::kInvalidValue).Field("role").Param("reason", *role);
                 }
             }
             filter.text = req.Query("q").value_or("");
             OW_ASSIGN_OR_RETURN(auto users, ctx.auth.ListUsers(ActorOf(req), filter));
             boost::json::array out;
             for (const auto& u : users) out.push_back(UserJson(u));
             return Response::Json(boost::json::object{{"users", std::move(out)}});
         }});
    router.Add({"GET", "/api/v1/users/{id}", kAdmins, [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "user"));
                    OW_ASSIGN_OR_RETURN(auth::User user, ctx.auth.GetUser(ActorOf(req), id));
                    return Response::Json(UserJson(user));
                }});
    router.Add({"POST", "/api/v1/users", kAdmins, [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    auth::NewUser n;
                    OW_ASSIGN_OR_RETURN(n.username, in.String("username"));
                    OW_ASSIGN_OR_RETURN(n.display_name, in.String("display_name"));
                    OW_ASSIGN_OR_RETURN(n.password, in.String("password"));
                    OW_ASSIGN_OR_RETURN(auto roles, ReadRoles(in));
                    if (!roles) return Error(ErrorCode::kMissingField).Field("roles");
                    n.roles = std::move(*roles);
                    OW_ASSIGN_OR_RETURN(n.org_unit_id, in.OptInt("org_unit_id"));
                    OW_ASSIGN_OR_RETURN(n.department_id, in.OptInt("department_id"));
                    OW_ASSIGN_OR_RETURN(n.id_number, in.OptString("id_number"));
                    OW_ASSIGN_OR_RETURN(n.credit_code, in.OptString("credit_code"));
                    OW_ASSIGN_OR_RETURN(auto must_change, in.OptBool("must_change_password"));
                    n.must_change_password = must_change.value_or(true);
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(auth::User user, ctx.auth.CreateUser(ActorOf(req), n));
                    return Response::Json(201, UserJson(user));
                }});
    router.Add({"PATCH", "/api/v1/users/{id}", kAdmins, [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "user"));
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    auth::UserPatch p;
                    OW_ASSIGN_OR_RETURN(p.display_name, in.OptString("display_name"));
                    OW_ASSIGN_OR_RETURN(p.roles, ReadRoles(in));
                    OW_ASSIGN_OR_RETURN(p.org_unit_id, in.NullableInt("org_unit_id"));
                    OW_ASSIGN_OR_RETURN(p.department_id, in.NullableInt("department_id"));
                    OW_ASSIGN_OR_RETURN(p.disabled, in.OptBool("disabled"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(auth::User user, ctx.auth.UpdateUser(ActorOf(req), id, p));
                    return Response::Json(UserJson(user));
                }});
    router.Add(
        {"POST", "/api/v1/users/{id}/password", kAdmins, [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "user"));
             OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
             OW_ASSIGN_OR_RETURN(std::string password, in.String("new_password"));
             OW_TRY(in.Finish());
             OW_TRY(ctx.auth.ResetPassword(ActorOf(req), id, password));
             return Response::NoContent();
         }});
    router.Add(
        {"POST", "/api/v1/users/{id}/unlock", kAdmins, [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "user"));
             OW_TRY(ctx.auth.Unlock(ActorOf(req), id));
             return Response::NoContent();
         }});
    router.Add({"GET", "/api/v1/admin-log", kAdmins, [&ctx](Request& req) -> Result<Response> {
                    // The whole city's log: for administrators at city level.
                    const org::OrgUnit* unit =
                        ctx.org.Current()->tree.Find(req.principal->org_unit_id.value_or(-1));
                    if (!unit || unit->level != org::OrgLevel::kCity) {
                        return Error(ErrorCode::kOutOfScope);
                    }
                    int limit = 100;
                    if (auto l = req.Query("limit"))
                        limit = std::clamp(std::atoi(l->c_str()), 1, 1000);
                    OW_ASSIGN_OR_RETURN(auto entries, ctx.recent_admin_log(limit));
                    boost::json::array out;
                    for (const auto& e : entries) {
                        out.push_back({{"at", FormatTimestamp(e.at)},
                                       {"actor_id", OrNull(e.actor_id)},
                                       {"action", e.action},
                                       {"target", e.target},
                                       {"detail", e.detail}});
                    }
                    return Response::Json(boost::json::object{{"entries", std::move(out)}});
                }});
}

}  // namespace ow::http
