// Application: the composition root. Opens the database, builds the stores and domain
// services on it, and — for `serve` — the router, the API and the server. Commands that only
// need the services (calendar, user, backup) build an Application without serving.
#pragma once

#include <memory>

#include "app/settings.hpp"
#include "auth/auth_service.hpp"
#include "calendar/calendar_service.hpp"
#include "cases/case_service.hpp"
#include "catalog/catalog_service.hpp"
#include "common/clock.hpp"
#include "common/idempotency.hpp"
#include "common/metrics.hpp"
#include "licenses/license_service.hpp"
#include "licenses/license_store.hpp"
#include "notices/notice_planner.hpp"
#include "notices/notice_service.hpp"
#include "org/org_service.hpp"
#include "storage/sql.hpp"

namespace ow::app {

class Application {
public:
    // Opens the database, applies migrations, loads the services' snapshots.
    static Result<std::unique_ptr<Application>> Open(const Settings& settings, const Clock& clock);
    ~Application();

    // Loads the demo city if the database has no org units yet; true if it did. Its catalog is
    // loaded when the catalog is empty.
    Result<bool> LoadDemoCity();
    // Serves HTTP until SIGTERM or SIGINT; returns the process exit code.
    int Serve();

    storage::Database& database() { return *db_; }
    auth::AuthService& auth() { return *auth_; }
    org::OrgService& org() { return *org_; }
    calendar::CalendarService& calendar() { return *calendar_; }
    catalog::CatalogService& catalog() { return *catalog_; }
    cases::CaseService& cases() { return *cases_; }
    cases::CaseStore& case_store() { return *case_store_; }
    vault::VaultStore& vault_store() { return *vault_store_; }
    licenses::LicenseService& licenses() { return *licenses_; }
    licenses::LicenseStore& license_store() { return *license_store_; }
    notices::NoticeService& notices() { return *notices_; }
    // Plans the notices of license events: call PlanLicense in the license's transaction and
    // write the result with storage::WriteNotices on the same connection.
    notices::NoticePlanner& notice_planner() { return *notice_planner_; }

private:
    Application(Settings settings, const Clock& clock);
    Result<void> LoadDemoCatalog();
    Result<void> WireNotices();
    notices::TemplateSource NoticeTemplates();

    Settings settings_;
    const Clock& clock_;
    metrics::Registry metrics_;
    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<org::OrgStore> org_store_;
    std::unique_ptr<auth::AuthStore> auth_store_;
    std::unique_ptr<calendar::CalendarStore> calendar_store_;
    std::unique_ptr<catalog::CatalogStore> catalog_store_;
    std::unique_ptr<cases::CaseStore> case_store_;
    std::unique_ptr<vault::VaultStore> vault_store_;
    std::unique_ptr<IdempotencyStore> idempotency_store_;
    std::unique_ptr<notices::NoticeStore> notice_store_;
    std::unique_ptr<notices::Directory> notice_directory_;
    std::unique_ptr<notices::NoticePlanner> notice_planner_;
    std::unique_ptr<notices::NoticeService> notices_;
    std::unique_ptr<org::OrgService> org_;
    std::unique_ptr<auth::AuthService> auth_;
    std::unique_ptr<calendar::CalendarService> calendar_;
    std::unique_ptr<catalog::CatalogService> catalog_;
    std::unique_ptr<cases::CaseService> cases_;
    std::unique_ptr<licenses::LicenseStore> license_store_;
    std::unique_ptr<licenses::LicenseService> licenses_;
};

}  // namespace ow::app
