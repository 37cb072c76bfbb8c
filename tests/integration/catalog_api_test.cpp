// The service guide over HTTP: the demo city's items, filtered as the public guide filters them.
#include <boost/json.hpp>

#include "server_fixture.hpp"

namespace ow::test {
namespace {

namespace json = boost::json;
using CatalogApiTest = ServerTest;

std::vector<std::string> Codes(HttpClient& c, const std::string& query) {
    auto r = c.Get("/api/v1/items" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    std::vector<std::string> out;
    auto body = r.Json();  // kept: a range-for does not keep a temporary's parts alive
    for (const auto& i : body.at("items").as_array()) {
        out.emplace_back(i.at("code").as_string());
    }
    return out;
}

TEST_P(CatalogApiTest, TheGuideFiltersByDepartmentLifeEventChannelAndText) {
    HttpClient c = Client();
    auto all = Codes(c, "");
    EXPECT_GE(all.size(), 60u);
    // An empty choice ("any") filters nothing.
    EXPECT_EQ(Codes(c, "?department=&life_event=&channel=&q="), all);
    for (const auto& code : Codes(c, "?department=civil")) EXPECT_EQ(code.rfind("CIVIL-", 0), 0u);
    auto housing = Codes(c, "?life_event=housing");
    EXPECT_FALSE(housing.empty());
    EXPECT_LT(housing.size(), all.size());
    auto bank_items = c.Get("/api/v1/items?channel=bank").Json();
    EXPECT_FALSE(bank_items.at("items").as_array().empty());
    for (const auto& i : bank_items.at("items").as_array()) {
        bool bank = false;
        for (const auto& ch : i.at("channels").as_array()) bank = bank || ch == "bank";
        EXPECT_TRUE(bank) << i.at("code");
    }
    auto elder = Codes(c, "?q=" + std::string("%E9%AB%98%E9%BE%84"));  // 高龄
    EXPECT_NE(std::find(elder.begin(), elder.end(), "CIVIL-003"), elder.end());
    EXPECT_TRUE(Codes(c, "?department=no-such-department").empty());
}

TEST_P(CatalogApiTest, AnImportsDryRunSaysWhatWouldChangeAndChangesNothing) {
    HttpClient admin = Client();
    admin.SetToken(admin.Login("admin"));
    auto exported = admin.Get("/api/v1/catalog/export").Json();
    auto& items = exported.at("items").as_array();
    size_t total = items.size();
    items[0].as_object()["name_en"] = "Renamed by the import test";
    items.erase(items.begin() + 1);
    std::string body = json::serialize(exported);
    auto dry = admin.Post("/api/v1/catalog/import?dry_run=true", body);
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(dry.Json().at("dry_run"), true);
    EXPECT_EQ(dry.Json().at("updated"), 1);
    EXPECT_EQ(dry.Json().at("deactivated"), 1);
    EXPECT_EQ(dry.Json().at("unchanged").as_int64(), static_cast<int64_t>(total) - 2);
    // Nothing changed: the same dry run says the same, and the catalog is as it was.
    EXPECT_EQ(admin.Post("/api/v1/catalog/import?dry_run=true", body).Json(), dry.Json());
    EXPECT_EQ(Codes(admin, "").size(), total);
    auto done = admin.Post("/api/v1/catalog/import", body).Json();
    EXPECT_EQ(done.at("updated"), 1);
    EXPECT_EQ(done.at("deactivated"), 1);
    EXPECT_EQ(Codes(admin, "").size(), total - 1);
}

// The notice templates travel with the catalog file: exported, checked with it, imported as new
// versions of those that differ.
TEST_P(CatalogApiTest, NoticeTemplatesTravelWithTheCatalogFile) {
    HttpClient admin = Client();
    admin.SetToken(admin.Login("admin"));
    auto exported = admin.Get("/api/v1/catalog/export").Json();
    auto& templates = exported.at("notice_templates").as_array();
    EXPECT_EQ(templates.size(),
              admin.Get("/api/v1/notice-templates").Json().at("templates").as_array().size());
    json::object* accepted = nullptr;
    for (auto& t : templates) {
        if (t.at("event") == "case.accepted") accepted = &t.as_object();
    }
    ASSERT_NE(accepted, nullptr);
    auto subject_now = [&] {
        json::value all = admin.Get("/api/v1/notice-templates").Json();
        for (const auto& t : all.at("templates").as_array()) {
            if (t.at("event") == "case.accepted") {
                return std::string(t.at("zh").at("subject").as_string());
            }
        }
        return std::string();
    };
    const std::string before = subject_now();

    // A placeholder the event does not have: refused at its place, nothing saved.
    (*accepted)["zh"].as_object()["subject"] = "受理通知 {no_such_value}";
    auto bad = admin.Post("/api/v1/catalog/import", json::serialize(exported));
    ASSERT_EQ(bad.status, 422) << bad.body;
    EXPECT_EQ(bad.Json().at("error").at("field"), "notice_templates[case.accepted].zh.subject");
    EXPECT_EQ(subject_now(), before);

    (*accepted)["zh"].as_object()["subject"] = "您的 {item} 申请已受理";
    std::string body = json::serialize(exported);
    auto dry = admin.Post("/api/v1/catalog/import?dry_run=true", body);
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(dry.Json().at("notice_templates"), 1);
    EXPECT_EQ(subject_now(), before);
    auto done = admin.Post("/api/v1/catalog/import", body);
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(done.Json().at("notice_templates"), 1);
    EXPECT_EQ(subject_now(), "您的 {item} 申请已受理");
    // The same file again changes nothing.
    EXPECT_EQ(admin.Post("/api/v1/catalog/import", body).Json().at("notice_templates"), 0);
}

OW_INSTANTIATE_SERVER_TEST(CatalogApiTest);

}  // namespace
}  // namespace ow::test
