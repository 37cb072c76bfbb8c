// Every documented route (the OpenAPI test shows the document and the router agree), walked
// with every demo role and without signing in: who may not call it is refused, who may is not.
#include <boost/json.hpp>

#include "server_fixture.hpp"

namespace ow::test {
namespace {

using AccessTest = ServerTest;

const std::vector<std::string> kRoles = {"citizen",         "enterprise", "window_clerk",
                                         "reviewer",        "bank_clerk", "policy_officer",
                                         "trading_officer", "supervisor", "admin"};

struct Operation {
    std::string method, path, target;
    bool is_public = false;
    std::vector<std::string> roles;  // empty: any signed-in user
};

std::string Concrete(std::string path) {
    for (auto [param, value] :
         {std::pair{"{id}", "999999"}, std::pair{"{date}", "2020-10-01"},
          std::pair{"{code}", "NO-SUCH-1"}, std::pair{"{department_code}", "NO-SUCH-1"},
          std::pair{"{number}", "1.2.156.3005.2.BL.1.1.1.X"},
          std::pair{"{event}", "case.nothing"}}) {
        for (auto pos = path.find(param); pos != std::string::npos; pos = path.find(param)) {
            path.replace(pos, std::string(param).size(), value);
        }
    }
    return path;
}

TEST_P(AccessTest, EveryRouteRefusesWhoMayNotAndServesWhoMay) {
    auto doc = Client().Get("/api/v1/openapi.json").Json().as_object();
    std::vector<Operation> ops;
    for (const auto& [path, methods] : doc.at("paths").as_object()) {
        for (const auto& [method, spec] : methods.as_object()) {
            Operation op;
            op.method = std::string(method);
            for (char& c : op.method) c = static_cast<char>(std::toupper(c));
            op.path = std::string(path);
            op.target = Concrete(op.path);
            const auto& s = spec.as_object();
            op.is_public = s.at("security").as_array().empty();
            if (const auto* roles = s.if_contains("x-roles")) {
                for (const auto& r : roles->as_array()) op.roles.emplace_back(r.as_string());
            }
            ops.push_back(op);
        }
    }
    ASSERT_GE(ops.size(), 30u);
    // Signing out ends the session the walk uses: do it last.
    std::stable_partition(ops.begin(), ops.end(),
                          [](const Operation& o) { return o.path != "/api/v1/auth/logout"; });

    std::map<std::string, HttpClient> clients;
    for (const auto& role : kRoles) clients.emplace(role, As(role));
    HttpClient anonymous = Client();
    int checked = 0;
    for (const Operation& op : ops) {
        std::string body = op.method == "GET" || op.method == "DELETE" ? "" : "{}";
        auto anon = anonymous.Request(op.method, op.target, body);
        if (op.is_public) {
            EXPECT_NE(anon.status, 401) << op.method << " " << op.path;
            EXPECT_NE(anon.status, 403) << op.method << " " << op.path;
        } else {
            EXPECT_EQ(anon.status, 401) << op.method << " " << op.path;
            EXPECT_EQ(anon.ErrorCode(), "unauthenticated");
        }
        for (const auto& role : kRoles) {
            auto r = clients.at(role).Request(op.method, op.target, body);
            bool allowed = op.is_public || op.roles.empty() ||
                           std::find(op.roles.begin(), op.roles.end(), role) != op.roles.end();
            if (allowed) {
                EXPECT_NE(r.status, 401) << role << " " << op.method << " " << op.path << r.body;
                EXPECT_NE(r.ErrorCode(), "forbidden") << role << " " << op.method << " " << op.path;
                EXPECT_LT(r.status, 500) << role << " " << op.method << " " << op.path << r.body;
            } else {
                EXPECT_EQ(r.status, 403) << role << " " << op.method << " " << op.path;
                EXPECT_EQ(r.ErrorCode(), "forbidden") << role << " " << op.method << " " << op.path;
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, static_cast<int>(ops.size() * kRoles.size()));
}

OW_INSTANTIATE_SERVER_TEST(AccessTest);

}  // namespace
}  // namespace ow::test
