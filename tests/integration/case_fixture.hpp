// CaseFlowTest: the real server with the demo city and its catalog, its clock read from a file
// the test moves (working days pass without waiting), and helpers to act as its people.
#pragma once

#include <boost/json.hpp>
#include <fstream>

#include "server_fixture.hpp"

namespace ow::test {

class CaseFlowTest : public ServerTest {
protected:
    void SetUp() override {
        clock_file_ = std::filesystem::temp_directory_path() /
                      ("ow-clock-" + std::to_string(::getpid()) + "-" +
                       std::to_string(reinterpret_cast<uintptr_t>(this)));
        SetClock("2020-09-07T01:00:00Z");  // Monday 7 September 2020, 09:00 in Jiangmen
        StartServer({"--clock-file", clock_file_.string()});
    }
    void TearDown() override { std::filesystem::remove(clock_file_); }

    void SetClock(const std::string& instant) {
        std::filesystem::path tmp = clock_file_.string() + ".tmp";
        std::ofstream(tmp) << instant << "\n";
        std::filesystem::rename(tmp, clock_file_);
    }

    boost::json::object Item(const std::string& code) const {
        return Client().Get("/api/v1/items/" + code).Json().as_object();
    }

    // A valid application form for the item, every field filled.
    static boost::json::object FormFor(const boost::json::object& item) {
        boost::json::object form;
        for (const auto& f : item.at("form").as_array()) {
            const auto& field = f.as_object();
            std::string type(field.at("type").as_string());
            boost::json::value v;
            if (type == "integer") {
                v = field.contains("min") ? field.at("min").as_int64() : 1;
            } else if (type == "money") {
                v = "1200.50";
            } else if (type == "date") {
                v = "2020-09-01";
            } else if (type == "boolean") {
                v = true;
            } else if (type == "select") {
                v = field.at("options").as_array().at(0).at("value");
            } else if (type == "id_number") {
                v = "440703199001011239";
            } else if (type == "credit_code") {
                v = "91440705MA4UJ3QF2U";
            } else if (type == "phone") {
                v = "13800138000";
            } else if (type == "email") {
                v = "chen@example.cn";
            } else {
                v = "江门市测试";
            }
            form[field.at("key").as_string()] = v;
        }
        return form;
    }

    // Uploads a small PDF as `client` and returns its file id.
    static std::string Upload(const HttpClient& client, const std::string& text = "material") {
        auto r = client.Request("POST", "/api/v1/files", "%PDF-1.4\n% " + text + "\n",
                                {{"Content-Type", "application/pdf"}});
        EXPECT_EQ(r.status, 201) << r.body;
        return std::string(r.Json().at("id").as_string());
    }

    // Materials for the item: every required one (and those listed in `extra`), each uploaded,
    // but not those in `skip`.
    static boost::json::array Materials(const HttpClient& client, const boost::json::object& item,
                                        const std::set<std::string>& skip = {},
                                        const std::set<std::string>& extra = {}) {
        boost::json::array out;
        for (const auto& m : item.at("materials").as_array()) {
            std::string code(m.at("code").as_string());
            bool wanted = m.at("requirement").as_string() == "required" || extra.count(code);
            if (!wanted || skip.count(code)) continue;
            out.push_back({{"requirement", code}, {"file", Upload(client, code)}});
        }
        return out;
    }

    // The item's materials that are not required (to waive at acceptance when not supplied).
    static boost::json::array Optional(const boost::json::object& item) {
        boost::json::array out;
        for (const auto& m : item.at("materials").as_array()) {
            if (m.at("requirement") != "required") out.push_back(m.at("code"));
        }
        return out;
    }

    // Creates a staff account (password "Staff-password-2020") and signs it in.
    HttpClient Staff(const std::string& username, const std::vector<std::string>& roles,
                     const std::string& unit_code, const std::string& department = "") {
        boost::json::object body{{"username", username},
                                 {"display_name", username},
                                 {"password", "Staff-password-2020"},
                                 {"org_unit_id", UnitId(unit_code)},
                                 {"must_change_password", false}};
        boost::json::array r;
        for (const auto& role : roles) r.emplace_back(role);
        body["roles"] = r;
        if (!department.empty()) body["department_id"] = DepartmentId(unit_code, department);
        auto created = As("admin").Post("/api/v1/users", boost::json::serialize(body));
        EXPECT_EQ(created.status, 201) << created.body;
        return As(username, "Staff-password-2020");
    }

    static boost::json::object Person(const std::string& id = "440703199001011239",
                                      const std::string& name = "陈小明") {
        return {{"type", "person"}, {"id_number", id}, {"name", name}};
    }
    static boost::json::object Enterprise() {
        return {{"type", "enterprise"},
                {"credit_code", "91440705MA4UJ3QF2U"},
                {"name", "江门市桥裕纸业有限公司"}};
    }

    static HttpResponse Post(const HttpClient& c, const std::string& path,
                             const boost::json::object& body) {
        return c.Post(path, boost::json::serialize(body));
    }

    // The citizen's online application for the old-age allowance (CIVIL-003) at Pengjiang, with
    // every material: the server's answer.
    HttpResponse ApplyForElder(const HttpClient& citizen) const {
        auto elder = Item("CIVIL-003");
        return Post(citizen, "/api/v1/cases",
                    {{"item_code", "CIVIL-003"},
                     {"applicant", Person()},
                     {"channel", "online"},
                     {"service_point", "PJ-SC"},
                     {"form", FormFor(elder)},
                     {"materials", Materials(citizen, elder)}});
    }
    // The same, once it is in: its case number.
    std::string ElderCaseOf(const HttpClient& citizen) const {
        auto submitted = ApplyForElder(citizen);
        EXPECT_EQ(submitted.status, 201) << submitted.body;
        return std::string(submitted.Json().at("id").as_string());
    }

    // The pending task of `department_code` in the reviewer's inbox for this case.
    static int64_t TaskOf(const HttpClient& reviewer, const std::string& case_id) {
        auto inbox = reviewer.Get("/api/v1/tasks").Json();
        for (const auto& t : inbox.at("tasks").as_array()) {
            if (t.at("case_id").as_string() == case_id) return t.at("id").as_int64();
        }
        ADD_FAILURE() << "no task for case " << case_id << " in " << boost::json::serialize(inbox);
        return -1;
    }

    std::filesystem::path clock_file_;
};

}  // namespace ow::test
