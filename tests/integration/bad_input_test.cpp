// Bad input gets a clear 4xx in the caller's language and stores nothing.
#include <boost/json.hpp>

#include "server_fixture.hpp"

namespace ow::test {
namespace {

using BadInputTest = ServerTest;

size_t UserCount(const HttpClient& admin) {
    return admin.Get("/api/v1/users").Json().at("users").as_array().size();
}

TEST_P(BadInputTest, MalformedOrMistypedJsonIsA400NamingTheProblem) {
    HttpClient c = Client();
    auto truncated = c.Post("/api/v1/auth/login", R"({"username":)");
    EXPECT_EQ(truncated.status, 400);
    EXPECT_EQ(truncated.ErrorCode(), "malformed_json");
    auto array = c.Post("/api/v1/auth/login", "[1]");
    EXPECT_EQ(array.ErrorCode(), "malformed_json");
    auto type = c.Post("/api/v1/auth/login", R"({"username":42,"password":"x"})");
    EXPECT_EQ(type.status, 400);
    EXPECT_EQ(type.ErrorCode(), "wrong_type");
    EXPECT_EQ(type.Json().at("error").at("field").as_string(), "username");
    auto missing = c.Post("/api/v1/auth/login", R"({"username":"admin"})");
    EXPECT_EQ(missing.ErrorCode(), "missing_field");
    EXPECT_EQ(missing.Json().at("error").at("field").as_string(), "password");
    auto unknown = c.Post("/api/v1/auth/login", R"({"username":"a","password":"b","admin":true})");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(unknown.ErrorCode(), "unknown_field");
    auto form = c.Request("POST", "/api/v1/auth/login", "username=admin",
                          {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(form.status, 415);
    auto en = c.Request("POST", "/api/v1/auth/login", R"({"username":"admin"})",
                        {{"Accept-Language", "en"}});
    EXPECT_EQ(en.Json().at("error").at("message").as_string(),
              "The field \"password\" is required");
    EXPECT_EQ(missing.Json().at("error").at("message").as_string(), "缺少必填项“password”");
}

TEST_P(BadInputTest, OversizedBodiesAreRefusedUnread) {
    HttpClient c = Client();
    std::string huge = R"({"username":")" + std::string(2 << 20, 'a') + R"(","password":"x"})";
    auto r = c.Post("/api/v1/auth/login", huge);
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.ErrorCode(), "payload_too_large");
    EXPECT_EQ(c.Get("/healthz").status, 200);
}

TEST_P(BadInputTest, InvalidIdentityNumbersAreRefusedAndNothingIsStored) {
    HttpClient admin = As("admin");
    size_t before = UserCount(admin);
    auto bad_id = admin.Post("/api/v1/users", R"({"username":"zhang_san","display_name":"张三",
        "password":"Zhangsan-2020-pw","roles":["citizen"],"id_number":"110101199003070000"})");
    EXPECT_EQ(bad_id.status, 422);
    EXPECT_EQ(bad_id.ErrorCode(), "invalid_id_number");
    EXPECT_EQ(bad_id.Json().at("error").at("field").as_string(), "id_number");
    EXPECT_NE(std::string(bad_id.Json().at("error").at("message").as_string()).find("校验码"),
              std::string::npos);
    auto bad_code = admin.Post("/api/v1/users", R"({"username":"qiaoyu","display_name":"桥裕",
        "password":"Qiaoyu-2020-paper","roles":["enterprise"],"credit_code":"91440705MA4UJ3QF2V"})");
    EXPECT_EQ(bad_code.status, 422);
    EXPECT_EQ(bad_code.ErrorCode(), "invalid_credit_code");
    auto mixed = admin.Post("/api/v1/users", R"({"username":"mixed","display_name":"x",
        "password":"Mixed-roles-2020","roles":["citizen","admin"],"id_number":"11010519491231002X"})");
    EXPECT_EQ(mixed.status, 422);
    EXPECT_EQ(mixed.Json().at("error").at("field").as_string(), "roles");
    auto weak = admin.Post("/api/v1/users", R"({"username":"weakling","display_name":"x",
        "password":"123","roles":["citizen"],"id_number":"11010519491231002X"})");
    EXPECT_EQ(weak.status, 422);
    EXPECT_EQ(weak.Json().at("error").at("field").as_string(), "password");
    auto reviewer = admin.Post("/api/v1/users", R"({"username":"no_dept","display_name":"x",
        "password":"Reviewer-2020-pw","roles":["reviewer"],"org_unit_id":1})");
    EXPECT_EQ(reviewer.status, 400);
    EXPECT_EQ(reviewer.Json().at("error").at("field").as_string(), "department_id");
    EXPECT_EQ(UserCount(admin), before);

    auto good = admin.Post("/api/v1/users", R"({"username":"zhang_san","display_name":"张三",
        "password":"Zhangsan-2020-pw","roles":["citizen"],"id_number":"11010519491231002x"})");
    ASSERT_EQ(good.status, 201) << good.body;
    auto dup = admin.Post("/api/v1/users", R"({"username":"zhang_san","display_name":"张三",
        "password":"Zhangsan-2020-pw","roles":["citizen"],"id_number":"440524188001010014"})");
    EXPECT_EQ(dup.status, 409);
    EXPECT_EQ(dup.Json().at("error").at("field").as_string(), "username");
    auto same_person =
        admin.Post("/api/v1/users", R"({"username":"zhang_san2","display_name":"张三",
        "password":"Zhangsan-2020-pw","roles":["citizen"],"id_number":"11010519491231002X"})");
    EXPECT_EQ(same_person.status, 409);
    EXPECT_EQ(same_person.Json().at("error").at("field").as_string(), "id_number");
    EXPECT_EQ(UserCount(admin), before + 1);
    HttpClient zhang =
        As("zhang_san", "Zhangsan-2020-pw");  // must_change_password defaults to true
    auto me = zhang.Get("/api/v1/me").Json();
    EXPECT_EQ(me.at("id_number_masked").as_string(), "110***********002X");
}

TEST_P(BadInputTest, UnknownRoutesAndMethodsAreJsonErrors) {
    HttpClient c = Client();
    auto missing = c.Get("/api/v1/nothing-here");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.ErrorCode(), "not_found");
    auto method = c.Request("DELETE", "/api/v1/me");
    EXPECT_EQ(method.status, 405);
    auto bad_id = As("admin").Get("/api/v1/users/abc");
    EXPECT_EQ(bad_id.status, 404);
}

OW_INSTANTIATE_SERVER_TEST(BadInputTest);

}  // namespace
}  // namespace ow::test
