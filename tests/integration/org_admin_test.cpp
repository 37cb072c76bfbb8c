// The org tree as administrators change it, within their scope, with the rules of its levels.
#include <boost/json.hpp>

#include "server_fixture.hpp"

namespace ow::test {
namespace {

using OrgAdminTest = ServerTest;

TEST_P(OrgAdminTest, DemoCityIsJiangmen) {
    HttpClient c = Client();
    auto units = c.Get("/api/v1/org/units").Json().at("units").as_array();
    std::map<std::string, int> levels;
    std::set<std::string> names;
    for (const auto& u : units) {
        levels[std::string(u.at("level").as_string())]++;
        names.insert(std::string(u.at("name_zh").as_string()));
    }
    EXPECT_EQ(levels["city"], 1);
    EXPECT_EQ(levels["district"], 7);
    EXPECT_GE(levels["town"], 40);
    EXPECT_GE(levels["village"], 3);
    for (const char* n : {"江门市", "蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市",
                          "恩平市", "水步镇", "古井镇", "沙堆镇", "官冲村", "梅阁村", "恩城街道"}) {
        EXPECT_TRUE(names.count(n)) << n;
    }
    auto depts = c.Get("/api/v1/org/departments?org_unit_id=" + std::to_string(UnitId("440700")))
                     .Json()
                     .at("departments")
                     .as_array();
    EXPECT_EQ(depts.size(), 18u);
    int banks = 0;
    auto points = c.Get("/api/v1/org/service-points").Json();
    for (const auto& p : points.at("service_points").as_array()) {
        if (p.at("kind").as_string() == "bank_branch") ++banks;
    }
    EXPECT_EQ(banks, 7);  // Heshan's seven bank branches
    EXPECT_EQ(c.Get("/api/v1/org/service-points?org_unit_id=x").status, 400);
}

TEST_P(OrgAdminTest, LevelsNestAndCodesAreUnique) {
    HttpClient admin = As("admin");
    std::string taishan = std::to_string(UnitId("440781"));
    auto town = admin.Post("/api/v1/org/units", R"({"parent_id":)" + taishan +
                                                    R"(,"level":"town","code":"440781199",
        "name_zh":"测试镇","name_en":"Test Town"})");
    ASSERT_EQ(town.status, 201) << town.body;
    auto skip = admin.Post("/api/v1/org/units", R"({"parent_id":)" + taishan +
                                                    R"(,"level":"village","code":"440781199201",
        "name_zh":"测试村","name_en":"Test Village"})");
    EXPECT_EQ(skip.status, 422);
    EXPECT_EQ(skip.Json().at("error").at("field").as_string(), "level");
    auto dup = admin.Post("/api/v1/org/units", R"({"parent_id":)" + taishan +
                                                   R"(,"level":"town","code":"440781199",
        "name_zh":"重复","name_en":"Duplicate"})");
    EXPECT_EQ(dup.status, 409);
    EXPECT_EQ(dup.Json().at("error").at("field").as_string(), "code");
    auto second_city = admin.Post("/api/v1/org/units", R"({"level":"city","code":"440100",
        "name_zh":"广州市","name_en":"Guangzhou"})");
    EXPECT_EQ(second_city.status, 422);
    std::string town_id = std::to_string(town.Json().at("id").as_int64());
    auto renamed =
        admin.Request("PATCH", "/api/v1/org/units/" + town_id, R"({"name_en":"Renamed Town"})");
    EXPECT_EQ(renamed.status, 200);
    EXPECT_EQ(renamed.Json().at("name_en").as_string(), "Renamed Town");
    auto dept_in_town =
        admin.Post("/api/v1/org/departments", R"({"org_unit_id":)" + town_id +
                                                  R"(,"code":"amr","name_zh":"x","name_en":"x"})");
    EXPECT_EQ(dept_in_town.status, 422);
    EXPECT_EQ(dept_in_town.Json().at("error").at("field").as_string(), "org_unit_id");
    auto kiosk =
        admin.Post("/api/v1/org/service-points", R"({"org_unit_id":)" + town_id +
                                                     R"(,"kind":"kiosk","code":"TS-TEST-K1",
        "name_zh":"测试镇自助终端","name_en":"Test kiosk","address":"镇政府大厅"})");
    EXPECT_EQ(kiosk.status, 201) << kiosk.body;
    auto wrong_kind =
        admin.Post("/api/v1/org/service-points", R"({"org_unit_id":)" + town_id +
                                                     R"(,"kind":"village_point","code":"TS-TEST-V",
        "name_zh":"x","name_en":"x"})");
    EXPECT_EQ(wrong_kind.status, 422);
    EXPECT_EQ(wrong_kind.Json().at("error").at("field").as_string(), "kind");
    std::string kiosk_id = std::to_string(kiosk.Json().at("id").as_int64());
    auto off =
        admin.Request("PATCH", "/api/v1/org/service-points/" + kiosk_id, R"({"active":false})");
    EXPECT_FALSE(off.Json().at("active").as_bool());
    EXPECT_EQ(admin.Request("PATCH", "/api/v1/org/units/999999", R"({"name_en":"x"})").status, 404);
    // Everything above is in the admin log, with who did it.
    auto log = admin.Get("/api/v1/admin-log?limit=20").Json().at("entries").as_array();
    std::set<std::string> actions;
    for (const auto& e : log) actions.insert(std::string(e.at("action").as_string()));
    EXPECT_TRUE(actions.count("org_unit.create"));
    EXPECT_TRUE(actions.count("org_unit.update"));
    EXPECT_TRUE(actions.count("service_point.create"));
}

TEST_P(OrgAdminTest, ADistrictAdminActsOnlyInsideTheDistrict) {
    HttpClient admin = As("admin");
    std::string taishan = std::to_string(UnitId("440781"));
    std::string xinhui = std::to_string(UnitId("440705"));
    ASSERT_EQ(admin
                  .Post("/api/v1/users", R"({"username":"ts_admin","display_name":"台山管理员",
        "password":"Taishan-admin-2020","roles":["admin"],"org_unit_id":)" +
                                             taishan + R"(,"must_change_password":false})")
                  .status,
              201);
    HttpClient ts = As("ts_admin", "Taishan-admin-2020");
    auto inside = ts.Post("/api/v1/org/units", R"({"parent_id":)" + taishan +
                                                   R"(,"level":"town","code":"440781198",
        "name_zh":"台山新镇","name_en":"New Town"})");
    EXPECT_EQ(inside.status, 201) << inside.body;
    auto outside = ts.Post("/api/v1/org/units", R"({"parent_id":)" + xinhui +
                                                    R"(,"level":"town","code":"440705198",
        "name_zh":"新会新镇","name_en":"Other"})");
    EXPECT_EQ(outside.status, 403);
    EXPECT_EQ(outside.ErrorCode(), "out_of_scope");
    // Users: the district admin sees and manages only accounts inside Taishan.
    auto users = ts.Get("/api/v1/users").Json().at("users").as_array();
    for (const auto& u : users) {
        EXPECT_FALSE(u.at("org_unit_id").is_null()) << u.at("username").as_string();
    }
    auto city_admin_id =
        admin.Get("/api/v1/users?q=admin").Json().at("users").as_array().at(0).at("id");
    EXPECT_EQ(ts.Get("/api/v1/users/" + std::to_string(city_admin_id.as_int64())).status, 403);
    EXPECT_EQ(ts.Get("/api/v1/admin-log").status, 403);
    EXPECT_EQ(admin.Get("/api/v1/admin-log").status, 200);
}

OW_INSTANTIATE_SERVER_TEST(OrgAdminTest);

}  // namespace
}  // namespace ow::test
