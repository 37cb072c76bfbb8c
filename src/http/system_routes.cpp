// GET /healthz, GET /metrics, GET /api/v1/openapi.json.
#include <boost/json.hpp>

#include "http/api_context.hpp"

namespace ow::http {

void AddSystemRoutes(Router& router, ApiContext& ctx) {
    router.Add({"GET", "/healthz", auth::Access::Public(), [&ctx](Request&) -> Result<Response> {
                    Result<void> db = ctx.check_database();
                    boost::json::object body{{"status", db.ok() ? "ok" : "degraded"},
                                             {"database", db.ok() ? "ok" : "unavailable"}};
                    return Response::Json(db.ok() ? 200 : 503, body);
                }});
    router.Add({"GET", "/metrics", auth::Access::Public(), [&ctx](Request&) -> Result<Response> {
                    return Response::Text(200, ctx.metrics.Render(),
                                          "text/plain; version=0.0.4; charset=utf-8");
                }});
    router.Add({"GET", "/api/v1/openapi.json", auth::Access::Public(),
                [&ctx](Request&) -> Result<Response> {
                    return Response::Text(200, ctx.openapi_json, "application/json");
                }});
}

void AddAllRoutes(Router& router, ApiContext& ctx) {
    AddSystemRoutes(router, ctx);
    AddAuthRoutes(router, ctx);
    AddUserRoutes(router, ctx);
    AddOrgRoutes(router, ctx);
    AddCalendarRoutes(router, ctx);
    AddCatalogRoutes(router, ctx);
    AddCaseRoutes(router, ctx);
    AddLicenseRoutes(router, ctx);
    AddNoticeRoutes(router, ctx);
}

}  // namespace ow::http
