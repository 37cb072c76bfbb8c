// ApiContext: what the route files need from the rest of the program — the domain services,
// the live channel, metrics, and a few settings. Built by the application.
#pragma once

#include <functional>
#include <string>

#include "auth/auth_service.hpp"
#include "calendar/calendar_service.hpp"
#include "cases/case_service.hpp"
#include "catalog/catalog_service.hpp"
#include "common/admin_log.hpp"
#include "common/metrics.hpp"
#include "http/router.hpp"
#include "http/websocket_hub.hpp"
#include "licenses/license_service.hpp"
#include "notices/notice_service.hpp"
#include "org/org_service.hpp"

namespace ow::http {

struct ApiContext {
    auth::AuthService& auth;
    org::OrgService& org;
    calendar::CalendarService& calendar;
    catalog::CatalogService& catalog;
    cases::CaseService& cases;
    vault::VaultStore& vault;
    WebSocketHub& hub;
    metrics::Registry& metrics;
    const Clock& clock;
    // Whether the database answers (GET /healthz).
    std::function<Result<void>()> check_database;
    std::function<Result<std::vector<AdminLogEntry>>(int limit)> recent_admin_log;
    std::string openapi_json;
    bool cookie_secure = false;
    // Set by the application after the rest (routes reach it only when a request comes).
    licenses::LicenseService* licenses = nullptr;
    // Notices (set by the application like licenses): the service, the secret the message
    // gateway signs its receipts with, and a way to wake the outbox worker after a change.
    notices::NoticeService* notices = nullptr;
    std::string webhook_secret{};
    std::function<void()> poke_outbox{};
};

void AddSystemRoutes(Router& router, ApiContext& ctx);
void AddAuthRoutes(Router& router, ApiContext& ctx);
void AddUserRoutes(Router& router, ApiContext& ctx);
void AddOrgRoutes(Router& router, ApiContext& ctx);
void AddCalendarRoutes(Router& router, ApiContext& ctx);
void AddCatalogRoutes(Router& router, ApiContext& ctx);
void AddCaseRoutes(Router& router, ApiContext& ctx);
void AddLicenseRoutes(Router& router, ApiContext& ctx);
void AddNoticeRoutes(Router& router, ApiContext& ctx);

// Every route of the foundation.
void AddAllRoutes(Router& router, ApiContext& ctx);

}  // namespace ow::http
