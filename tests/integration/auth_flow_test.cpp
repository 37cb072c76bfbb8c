// Signing in and out as a browser and as an API client; lock-out and throttling; password
// changes and resets; messages in the caller's language.
#include <boost/json.hpp>

#include "server_fixture.hpp"

namespace ow::test {
namespace {

using AuthFlowTest = ServerTest;

std::string LoginBody(const std::string& user, const std::string& password) {
    return R"({"username":")" + user + R"(","password":")" + password + R"("})";
}

std::string CookieFrom(const HttpResponse& r) {
    std::string set = r.Header("set-cookie");
    return set.substr(0, set.find(';'));
}

TEST_P(AuthFlowTest, BrowserSessionIsAnHttpOnlyStrictCookie) {
    HttpClient c = Client();
    auto login =
        c.Request("POST", "/api/v1/auth/login", LoginBody("window_clerk", "onewindow-demo"),
                  {{"Origin", "http://127.0.0.1:" + std::to_string(server().port())}});
    ASSERT_EQ(login.status, 200) << login.body;
    std::string set = login.Header("set-cookie");
    EXPECT_NE(set.find("ow_session="), std::string::npos);
    EXPECT_NE(set.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set.find("SameSite=Strict"), std::string::npos);
    auto user = login.Json().at("user").as_object();
    EXPECT_EQ(user.at("username").as_string(), "window_clerk");
    EXPECT_EQ(user.at("roles").as_array().at(0).as_string(), "window_clerk");
    EXPECT_EQ(user.at("org_unit").as_object().at("name_zh").as_string(), "蓬江区");

    std::string cookie = CookieFrom(login);
    EXPECT_EQ(c.Request("GET", "/api/v1/me", "", {{"Cookie", cookie}}).status, 200);
    // A change carried by the cookie alone must come from this site's pages.
    std::string origin = "http://127.0.0.1:" + std::to_string(server().port());
    auto no_origin = c.Request("POST", "/api/v1/auth/logout", "", {{"Cookie", cookie}});
    EXPECT_EQ(no_origin.status, 403);
    EXPECT_EQ(no_origin.ErrorCode(), "cross_site_request");
    auto evil = c.Request("POST", "/api/v1/auth/logout", "",
                          {{"Cookie", cookie}, {"Origin", "http://evil.example"}});
    EXPECT_EQ(evil.status, 403);
    auto out =
        c.Request("POST", "/api/v1/auth/logout", "", {{"Cookie", cookie}, {"Origin", origin}});
    EXPECT_EQ(out.status, 204);
    EXPECT_NE(out.Header("set-cookie").find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(c.Request("GET", "/api/v1/me", "", {{"Cookie", cookie}}).status, 401);
}

TEST_P(AuthFlowTest, WrongPasswordIsRefusedInTheCallersLanguage) {
    HttpClient c = Client();
    auto zh = c.Post("/api/v1/auth/login", LoginBody("admin", "nope"));
    EXPECT_EQ(zh.status, 401);
    EXPECT_EQ(zh.ErrorCode(), "bad_credentials");
    EXPECT_EQ(zh.Json().at("error").at("message").as_string(), "用户名或密码不正确");
    auto en = c.Request("POST", "/api/v1/auth/login", LoginBody("admin", "nope"),
                        {{"Accept-Language", "en-GB,en;q=0.9"}});
    EXPECT_EQ(en.Json().at("error").at("message").as_string(),
              "The username or password is incorrect");
    // An unknown user is answered exactly like a wrong password.
    auto unknown = c.Post("/api/v1/auth/login", LoginBody("nobody", "nope"));
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(unknown.body, zh.body);
    EXPECT_EQ(c.Get("/api/v1/me").status, 401);
}

TEST_P(AuthFlowTest, FiveWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt) {
    HttpClient c = Client();
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(c.Post("/api/v1/auth/login", LoginBody("supervisor", "wrong")).status, 401);
    }
    auto locked = c.Post("/api/v1/auth/login", LoginBody("supervisor", "wrong"));
    EXPECT_EQ(locked.status, 423);
    EXPECT_EQ(locked.ErrorCode(), "account_locked");
    // Even the right password is refused while locked.
    EXPECT_EQ(c.Post("/api/v1/auth/login", LoginBody("supervisor", "onewindow-demo")).status, 423);
    HttpClient admin = As("admin");
    auto users = admin.Get("/api/v1/users?q=supervisor").Json().at("users").as_array();
    ASSERT_EQ(users.size(), 1u);
    EXPECT_FALSE(users[0].at("locked_until").is_null());
    int64_t id = users[0].at("id").as_int64();
    EXPECT_EQ(admin.Post("/api/v1/users/" + std::to_string(id) + "/unlock", "").status, 204);
    EXPECT_EQ(c.Post("/api/v1/auth/login", LoginBody("supervisor", "onewindow-demo")).status, 200);
}

TEST_P(AuthFlowTest, ManyFailuresFromOneAddressAreThrottled) {
    HttpClient c = Client();
    int last = 0;
    for (int i = 0; i < 21; ++i) {
        last = c.Post("/api/v1/auth/login", LoginBody("guess" + std::to_string(i), "x")).status;
    }
    EXPECT_EQ(last, 429);
    auto r = c.Post("/api/v1/auth/login", LoginBody("admin", "onewindow-demo"));
    EXPECT_EQ(r.status, 429);
    EXPECT_FALSE(r.Header("retry-after").empty());
}

TEST_P(AuthFlowTest, ChangingThePasswordEndsOtherSessions) {
    HttpClient first = As("citizen");
    HttpClient second = As("citizen");
    auto weak = first.Post("/api/v1/auth/password",
                           R"({"current_password":"onewindow-demo","new_password":"short"})");
    EXPECT_EQ(weak.status, 422);
    EXPECT_EQ(weak.Json().at("error").at("field").as_string(), "new_password");
    auto wrong = first.Post("/api/v1/auth/password",
                            R"({"current_password":"nope","new_password":"侨乡江门一网通办2020"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.Json().at("error").at("field").as_string(), "current_password");
    EXPECT_EQ(
        first
            .Post("/api/v1/auth/password",
                  R"({"current_password":"onewindow-demo","new_password":"侨乡江门一网通办2020"})")
            .status,
        204);
    EXPECT_EQ(first.Get("/api/v1/me").status, 200);
    EXPECT_EQ(second.Get("/api/v1/me").status, 401);
    EXPECT_EQ(Client().Post("/api/v1/auth/login", LoginBody("citizen", "onewindow-demo")).status,
              401);
    EXPECT_EQ(
        Client().Post("/api/v1/auth/login", LoginBody("citizen", "侨乡江门一网通办2020")).status,
        200);
}

TEST_P(AuthFlowTest, AResetPasswordMustBeChangedBeforeAnythingElse) {
    HttpClient admin = As("admin");
    auto created =
        admin.Post("/api/v1/users", R"({"username":"ts_admin","display_name":"台山管理员",
        "password":"Taishan-admin-2020","roles":["admin"],"org_unit_id":)" +
                                        std::to_string(UnitId("440781")) +
                                        R"(,"must_change_password":false})");
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = std::to_string(created.Json().at("id").as_int64());
    HttpClient ts = As("ts_admin", "Taishan-admin-2020");
    EXPECT_EQ(ts.Get("/api/v1/users").status, 200);
    EXPECT_EQ(
        admin.Post("/api/v1/users/" + id + "/password", R"({"new_password":"Reset-by-admin-1"})")
            .status,
        204);
    EXPECT_EQ(ts.Get("/api/v1/me").status, 401);  // the reset ended the session
    HttpClient again = Client();
    again.SetToken(again.Login("ts_admin", "Reset-by-admin-1"));
    EXPECT_TRUE(again.Get("/api/v1/me").Json().at("must_change_password").as_bool());
    auto blocked = again.Get("/api/v1/users");
    EXPECT_EQ(blocked.status, 403);
    EXPECT_EQ(blocked.ErrorCode(), "password_change_required");
    EXPECT_EQ(
        again
            .Post("/api/v1/auth/password",
                  R"({"current_password":"Reset-by-admin-1","new_password":"Mine-now-2020!"})")
            .status,
        204);
    EXPECT_EQ(again.Get("/api/v1/users").status, 200);
}

OW_INSTANTIATE_SERVER_TEST(AuthFlowTest);

}  // namespace
}  // namespace ow::test
