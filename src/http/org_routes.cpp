// The org tree: units, service points, departments. Reading is public (the service guide
// shows where things can be done); changing is for administrators within their scope.
#include <boost/json.hpp>

#include "http/api_context.hpp"
#include "http/json_input.hpp"
#include "http/route_helpers.hpp"

namespace ow::http {
namespace {

using auth::Role;

boost::json::object UnitJson(const org::OrgUnit& u) {
    return {{"id", u.id},
            {"parent_id", OrNull(u.parent_id)},
            {"level", org::OrgLevelName(u.level)},
            {"code", u.code},
            {"name_zh", u.name_zh},
            {"name_en", u.name_en}};
}

boost::json::object PointJson(const org::ServicePoint& p) {
    return {{"id", p.id},
            {"org_unit_id", p.org_unit_id},
            {"kind", org::ServicePointKindName(p.kind)},
            {"code", p.code},
            {"name_zh", p.name_zh},
            {"name_en", p.name_en},
            {"address", p.address},
            {"active", p.active}};
}

boost::json::object DepartmentJson(const org::Department& d) {
    return {{"id", d.id},
            {"org_unit_id", d.org_unit_id},
            {"code", d.code},
            {"name_zh", d.name_zh},
            {"name_en", d.name_en}};
}

Result<std::optional<int64_t>> UnitFilter(const Request& req) {
    auto text = req.Query("org_unit_id");
    if (!text) return std::optional<int64_t>();
    char* end = nullptr;
    long long v = std::strtoll(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0') {
        return Error(ErrorCode::kWrongType).Field("org_unit_id").Param("expected", "an integer");
    }
    return std::optional<int64_t>(v);
}

Result<org::OrgLevel> ReadLevel(JsonInput& in) {
    OW_ASSIGN_OR_RETURN(std::string text, in.String("level"));
    auto level = org::ParseOrgLevel(text);
    if (!level) return Error(ErrorCode::kInvalidValue).Field("level").Param("reason", text);
    return *level;
}

Result<std::optional<org::ServicePointKind>> ReadKind(JsonInput& in) {
    OW_ASSIGN_OR_RETURN(auto text, in.OptString("kind"));
    if (!text) return std::optional<org::ServicePointKind>();
    auto kind = org::ParseServicePointKind(*text);
    if (!kind) return Error(ErrorCode::kInvalidValue).Field("kind").Param("reason", *text);
    return std::optional<org::ServicePointKind>(*kind);
}

const auth::Access kAdmins = auth::Access::Roles({Role::kAdmin}, auth::OrgScope::kOrgSubtree);

}  // namespace

void AddOrgRoutes(Router& router, ApiContext& ctx) {
    auto changed = [&ctx] { ctx.hub.Publish(Audience::Everyone(), R"({"type":"org.changed"})"); };

    router.Add(
        {"GET", "/api/v1/org/units", auth::Access::Public(), [&ctx](Request&) -> Result<Response> {
             boost::json::array out;
             for (const auto& u : ctx.org.Current()->tree.units()) out.push_back(UnitJson(u));
             return Response::Json(boost::json::object{{"units", std::move(out)}});
         }});
    router.Add(
        {"POST", "/api/v1/org/units", kAdmins, [&ctx, changed](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
             org::OrgUnit u;
             OW_ASSIGN_OR_RETURN(u.parent_id, in.OptInt("parent_id"));
             OW_ASSIGN_OR_RETURN(u.level, ReadLevel(in));
             OW_ASSIGN_OR_RETURN(u.code, in.String("code"));
             OW_ASSIGN_OR_RETURN(u.name_zh, in.String("name_zh"));
             OW_ASSIGN_OR_RETURN(u.name_en, in.String("name_en"));
             OW_TRY(in.Finish());
             OW_ASSIGN_OR_RETURN(org::OrgUnit created, ctx.org.CreateUnit(ActorOf(req), u));
             changed();
             return Response::Json(201, UnitJson(created));
         }});
    router.Add({"PATCH", "/api/v1/org/units/{id}", kAdmins,
                [&ctx, changed](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "org unit"));
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    org::OrgUnitPatch p;
                    OW_ASSIGN_OR_RETURN(p.code, in.OptString("code"));
                    OW_ASSIGN_OR_RETURN(p.name_zh, in.OptString("name_zh"));
                    OW_ASSIGN_OR_RETURN(p.name_en, in.OptString("name_en"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(org::OrgUnit u, ctx.org.UpdateUnit(ActorOf(req), id, p));
                    changed();
                    return Response::Json(UnitJson(u));
                }});

    router.Add({"GET", "/api/v1/org/service-points", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto unit, UnitFilter(req));
                    boost::json::array out;
                    for (const auto& p : ctx.org.Current()->service_points) {
                        if (!unit || p.org_unit_id == *unit) out.push_back(PointJson(p));
                    }
                    return Response::Json(boost::json::object{{"service_points", std::move(out)}});
                }});
    router.Add({"POST", "/api/v1/org/service-points", kAdmins,
                [&ctx, changed](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    org::ServicePoint p;
                    OW_ASSIGN_OR_RETURN(p.org_unit_id, in.Int("org_unit_id"));
                    OW_ASSIGN_OR_RETURN(auto kind, ReadKind(in));
                    if (!kind) return Error(ErrorCode::kMissingField).Field("kind");
                    p.kind = *kind;
                    OW_ASSIGN_OR_RETURN(p.code, in.String("code"));
                    OW_ASSIGN_OR_RETURN(p.name_zh, in.String("name_zh"));
                    OW_ASSIGN_OR_RETURN(p.name_en, in.String("name_en"));
                    OW_ASSIGN_OR_RETURN(auto address, in.OptString("address"));
                    p.address = address.value_or("");
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(org::ServicePoint created,
                                        ctx.org.CreateServicePoint(ActorOf(req), p));
                    changed();
                    return Response::Json(201, PointJson(created));
                }});
    router.Add({"PATCH", "/api/v1/org/service-points/{id}", kAdmins,
                [&ctx, changed](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "service point"));
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    org::ServicePointPatch p;
                    OW_ASSIGN_OR_RETURN(p.kind, ReadKind(in));
                    OW_ASSIGN_OR_RETURN(p.name_zh, in.OptString("name_zh"));
                    OW_ASSIGN_OR_RETURN(p.name_en, in.OptString("name_en"));
                    OW_ASSIGN_OR_RETURN(p.address, in.OptString("address"));
                    OW_ASSIGN_OR_RETURN(p.active, in.OptBool("active"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(org::ServicePoint updated,
                                        ctx.org.UpdateServicePoint(ActorOf(req), id, p));
                    changed();
                    return Response::Json(PointJson(updated));
                }});

    router.Add({"GET", "/api/v1/org/departments", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto unit, UnitFilter(req));
                    boost::json::array out;
                    for (const auto& d : ctx.org.Current()->departments) {
                        if (!unit || d.org_unit_id == *unit) out.push_back(DepartmentJson(d));
                    }
                    return Response::Json(boost::json::object{{"departments", std::move(out)}});
                }});
    router.Add({"POST", "/api/v1/org/departments", kAdmins,
                [&ctx, changed](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    org::Department d;
                    OW_ASSIGN_OR_RETURN(d.org_unit_id, in.Int("org_unit_id"));
                    OW_ASSIGN_OR_RETURN(d.code, in.String("code"));
                    OW_ASSIGN_OR_RETURN(d.name_zh, in.String("name_zh"));
                    OW_ASSIGN_OR_RETURN(d.name_en, in.String("name_en"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(org::Department created,
                                        ctx.org.CreateDepartment(ActorOf(req), d));
                    changed();
                    return Response::Json(201, DepartmentJson(created));
                }});
    router.Add({"PATCH", "/api/v1/org/departments/{id}", kAdmins,
                [&ctx, changed](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "department"));
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    org::DepartmentPatch p;
                    OW_ASSIGN_OR_RETURN(p.code, in.OptString("code"));
                    OW_ASSIGN_OR_RETURN(p.name_zh, in.OptString("name_zh"));
                    OW_ASSIGN_OR_RETURN(p.name_en, in.OptString("name_en"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(org::Department updated,
                                        ctx.org.UpdateDepartment(ActorOf(req), id, p));
                    changed();
                    return Response::Json(DepartmentJson(updated));
                }});
}

}  // namespace ow::http
