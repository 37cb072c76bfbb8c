// The OpenAPI document in the repository (docs/openapi.json, also served at
// /api/v1/openapi.json) and the router agree: every route is documented with the roles it
// admits, and every documented operation exists.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "app/application.hpp"
#include "http/api_context.hpp"

namespace ow::test {
namespace {

namespace fs = std::filesystem;

boost::json::object LoadDocument() {
    const char* source = std::getenv("ONEWINDOW_SOURCE");
    std::ifstream in(fs::path(source ? source : ".") / "docs" / "openapi.json");
    std::stringstream buf;
    buf << in.rdbuf();
    return boost::json::parse(buf.str()).as_object();
}

std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

TEST(OpenApi, DocumentAndRouterAgree) {
    fs::path dir = fs::temp_directory_path() / "ow-openapi-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    app::Settings settings;
    settings.db = (dir / "a.db").string();
    SystemClock clock;
    auto app = app::Application::Open(settings, clock);
    ASSERT_TRUE(app.ok());
    http::WebSocketHub hub;
    metrics::Registry metrics;
    http::ApiContext ctx{(*app)->auth(),
                         (*app)->org(),
                         (*app)->calendar(),
                         (*app)->catalog(),
                         (*app)->cases(),
                         (*app)->vault_store(),
                         hub,
                         metrics,
                         clock,
                         nullptr,
                         nullptr,
                         "",
                         false};
    http::Router router;
    http::AddAllRoutes(router, ctx);

    auto doc = LoadDocument();
    ASSERT_EQ(std::string(doc.at("openapi").as_string()).substr(0, 3), "3.1");
    const auto& paths = doc.at("paths").as_object();
    std::set<std::string> routed;
    for (const http::Route& route : router.routes()) {
        std::string key = route.method + " " + route.pattern;
        routed.insert(key);
        const auto* item = paths.if_contains(route.pattern);
        ASSERT_TRUE(item) << "undocumented path: " << key;
        const auto* op = item->as_object().if_contains(Lower(route.method));
        ASSERT_TRUE(op) << "undocumented operation: " << key;
        const auto& spec = op->as_object();
        bool documented_public = spec.at("security").as_array().empty();
        EXPECT_EQ(documented_public, !route.access.requires_login) << key;
        if (route.access.requires_login) {
            ASSERT_TRUE(spec.contains("x-roles")) << key;
            std::set<std::string> doc_roles, route_roles;
            for (const auto& r : spec.at("x-roles").as_array()) doc_roles.emplace(r.as_string());
            for (auto r : route.access.roles) route_roles.emplace(auth::RoleName(r));
            EXPECT_EQ(doc_roles, route_roles) << key;
        }
        bool documented_subtree =
            spec.contains("x-org-scope") && spec.at("x-org-scope").as_string() == "org_subtree";
        EXPECT_EQ(documented_subtree, route.access.scope == auth::OrgScope::kOrgSubtree) << key;
        EXPECT_TRUE(spec.contains("responses")) << key;
    }
    for (const auto& [path, methods] : paths) {
        for (const auto& [method, spec] : methods.as_object()) {
            std::string upper(method);
            for (char& c : upper)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            EXPECT_TRUE(routed.count(upper + " " + std::string(path)))
                << "documented but not routed: " << upper << " " << path;
        }
    }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace ow::test
