// E-licenses end to end: a case issues its license; the holder reads it, prints it and shares
// use copies; anyone verifies it online and offline; the issuing department suspends, revokes
// and renews it; the next application takes it from the vault; a crash between the case and
// its license is caught up.
#include <gtest/gtest.h>

#include <cstdio>

#include "app/database_factory.hpp"
#include "case_fixture.hpp"
#include "licenses/license_text.hpp"

namespace ow::test {
namespace {

namespace json = boost::json;

std::string Str(const json::value& v) {
    return std::string(v.as_string());
}

class LicenseApi : public CaseFlowTest {
protected:
    void SetUp() override {
        clock_file_ = std::filesystem::temp_directory_path() /
                      ("ow-lic-clock-" + std::to_string(::getpid()) + "-" +
                       std::to_string(reinterpret_cast<uintptr_t>(this)));
        master_key_ = clock_file_.string() + ".master-key";
        SetClock("2020-09-07T01:00:00Z");
        StartServer(Args());
    }
    void TearDown() override {
        CaseFlowTest::TearDown();
        std::filesystem::remove(master_key_);
    }
    std::vector<std::string> Args() const {
        return {"--clock-file", clock_file_.string(), "--master-key-file", master_key_};
    }

    // The citizen's individual business (AMR-002, approved on the spot when applied for online,
    // else accepted at the Pengjiang window): the case id.
    std::string RegisterBusiness(const HttpClient& citizen) {
        auto item = Item("AMR-002");
        auto submitted = Post(citizen, "/api/v1/cases",
                              {{"item_code", "AMR-002"},
                               {"channel", "online"},
                               {"service_point", "PJ-SC"},
                               {"form", FormFor(item)},
                               {"materials", Materials(citizen, item)},
                               {"delivery", "download"}});
        EXPECT_EQ(submitted.status, 201) << submitted.body;
        auto c = submitted.Json();
        std::string id = Str(c.at("id"));
        if (c.at("status") == "submitted") {
            auto accepted = Post(As("window_clerk"), "/api/v1/cases/" + id + "/accept", {});
            EXPECT_EQ(accepted.status, 200) << accepted.body;
            c = accepted.Json();
        }
        EXPECT_EQ(c.at("result").at("kind"), "license") << json::serialize(c);
        return id;
    }

    json::object LicenseOfCase(const HttpClient& c, const std::string& case_id) {
        auto list = c.Get("/api/v1/licenses").Json();
        for (const auto& l : list.at("licenses").as_array()) {
            if (l.at("source_case") == case_id.c_str()) return l.as_object();
        }
        ADD_FAILURE() << "no license for " << case_id << " in " << json::serialize(list);
        return {};
    }

    json::object Verify(const std::string& text) {
        auto r =
            Client().Post("/api/v1/licenses/verify", json::serialize(json::object{{"text", text}}));
        EXPECT_EQ(r.status, 200) << r.body;
        return r.Json().as_object();
    }

    std::filesystem::path Write(const std::string& name, const std::string& content) {
        std::filesystem::path p = clock_file_.string() + "." + name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }

    // A reviewer of Pengjiang's market regulation bureau, which issues the district's
    // business licenses.
    // Signed in afresh each time: moving the clock ends sessions.
    HttpClient Reviewer() {
        if (!reviewer_created_) Staff("pj_amr", {"reviewer"}, "440703", "amr");
        reviewer_created_ = true;
        return As("pj_amr", "Staff-password-2020");
    }

    // Moves the clock so that the server notices even within the file system's timestamp
    // granularity (it rereads the file when its modification time changes).
    void MoveClock(const std::string& instant) {
        SetClock(instant);
        static int bump = 0;
        std::filesystem::last_write_time(
            clock_file_,
            std::filesystem::file_time_type::clock::now() + std::chrono::seconds(++bump));
    }

    std::string master_key_;
    bool reviewer_created_ = false;
};

TEST_P(LicenseApi, ACaseIssuesALicenseThatVerifiesOnlineAndOffline) {
    HttpClient citizen = As("citizen");
    std::string case_id = RegisterBusiness(citizen);
    json::object license = LicenseOfCase(citizen, case_id);
    std::string number = Str(license.at("number"));
    EXPECT_TRUE(number.starts_with("1.2.156.3005.2.BL.440703AMR.1.1.")) << number;
    auto got = citizen.Get("/api/v1/licenses/" + number);
    ASSERT_EQ(got.status, 200) << got.body;
    auto view = got.Json().as_object();
    EXPECT_EQ(view.at("state"), "valid");
    EXPECT_EQ(view.at("version"), 1);
    EXPECT_TRUE(view.at("previous").is_null());
    EXPECT_EQ(view.at("holder").at("id"), "440703199001011239");
    EXPECT_EQ(view.at("holder").at("name"), "陈小明");
    EXPECT_EQ(view.at("issuer").at("department_code"), "440703-amr");  // Pengjiang's own
    EXPECT_EQ(view.at("type").at("code"), "business_license");
    EXPECT_EQ(view.at("issued_on"), "2020-09-07");
    EXPECT_TRUE(view.at("valid_until").is_null());  // permanent
    EXPECT_EQ(view.at("fields").at(0).at("label_zh"), "名称");
    EXPECT_EQ(view.at("fields").at(2).at("value"), case_id.c_str());
    EXPECT_EQ(view.at("events").at(0).at("type"), "issued");
    std::string text = Str(view.at("text"));
    ASSERT_TRUE(text.starts_with("OWL1."));
    // The holder is told, in both languages, once.
    auto told = [&](const std::string& event) {
        json::array found;
        json::value inbox = citizen.Get("/api/v1/notices").Json();
        for (const auto& n : inbox.at("notices").as_array()) {
            if (n.at("event") == event.c_str()) found.push_back(n);
        }
        return found;
    };
    auto issued_notices = told("license.issued");
    ASSERT_EQ(issued_notices.size(), 1u);
    EXPECT_EQ(issued_notices[0].at("license_number"), number.c_str());
    EXPECT_EQ(issued_notices[0].at("case_id"), case_id.c_str());
    EXPECT_NE(Str(issued_notices[0].at("body_zh")).find("营业执照"), std::string::npos);
    EXPECT_NE(Str(issued_notices[0].at("subject_en")).find(number), std::string::npos);

    // The PDF carries the holder's name and the number.
    auto pdf = citizen.Get("/api/v1/licenses/" + number + "/pdf");
    ASSERT_EQ(pdf.status, 200);
    ASSERT_TRUE(pdf.body.starts_with("%PDF"));
    auto pdf_file = Write("pdf", pdf.body);
    auto output = [](const std::string& command) {
        FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
        std::string out;
        char buf[4096];
        for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
        pclose(pipe);
        return out;
    };
    std::string shown = output("pdftotext '" + pdf_file.string() + "' -");
    EXPECT_NE(shown.find("陈小明"), std::string::npos) << shown;
    EXPECT_NE(shown.find(number), std::string::npos) << shown;
    // Its QR code, scanned off the printed page, is the signed text: what the offline check
    // below verifies is what a phone reads from the paper.
    const std::string page = pdf_file.string() + "-page";
    output("pdftoppm -png -r 150 -singlefile '" + pdf_file.string() + "' '" + page + "'");
    std::string scanned =
        output("zbarimg --quiet --raw -Sdisable -Sqrcode.enable '" + page + ".png'");
    while (!scanned.empty() && (scanned.back() == '\n' || scanned.back() == '\r'))
        scanned.pop_back();
    EXPECT_EQ(scanned, text);
    std::filesystem::remove(pdf_file);
    std::filesystem::remove(page + ".png");

    // Public keys and verification.
    auto keys = Client().Get("/api/v1/licenses/keys");
    ASSERT_EQ(keys.status, 200);
    auto key = keys.Json().at("keys").at(0).as_object();
    EXPECT_EQ(key.at("department_code"), "440703-amr");
    EXPECT_EQ(key.at("department_name_zh"), "蓬江区市场监督管理局");
    EXPECT_TRUE(key.at("retired").is_null());
    auto valid = Verify(text);
    EXPECT_EQ(valid.at("verdict"), "valid");
    EXPECT_EQ(valid.at("license").at("number"), number.c_str());
    EXPECT_TRUE(valid.at("copy").is_null());
    EXPECT_TRUE(valid.at("superseded_by").is_null());
    auto signed_license = licenses::ParseLicenseText(text).value();
    auto tampered = signed_license;
    tampered.payload[tampered.payload.find("陈小明") + 1] ^= 0x01;
    EXPECT_EQ(Verify(licenses::ToLicenseText(tampered)).at("verdict"), "tampered");
    auto unknown = signed_license;
    unknown.key_id = "0000000000000000";
    EXPECT_EQ(Verify(licenses::ToLicenseText(unknown)).at("verdict"), "unknown_key");
    auto not_text =
        Client().Request("POST", "/api/v1/licenses/verify", R"({"text":"hello"})",
                         {{"Content-Type", "application/json"}, {"Accept-Language", "en"}});
    EXPECT_EQ(not_text.status, 400) << not_text.body;
    EXPECT_EQ(not_text.Json().at("error").at("field"), "text");

    // Who may see and change it.
    EXPECT_EQ(As("enterprise").Get("/api/v1/licenses/" + number).status, 404);
    EXPECT_EQ(Post(citizen, "/api/v1/licenses/" + number + "/revoke", {{"reason", "x"}}).status,
              403);
    HttpClient amr = Reviewer();
    EXPECT_EQ(amr.Get("/api/v1/licenses/" + number).status, 200);
    EXPECT_EQ(As("reviewer_amr").Get("/api/v1/licenses/" + number).status, 404);  // the city's

    // Offline: the CLI with the saved keys.
    auto keys_file = Write("keys.json", keys.body);
    auto text_file = Write("text", scanned + "\n");
    auto [ok_status, ok_out] = RunCli({"license", "verify", text_file.string(), "--keys",
                                       keys_file.string(), "--today", "2020-09-08"});
    EXPECT_EQ(ok_status, 0) << ok_out;
    EXPECT_NE(ok_out.find("verdict: valid"), std::string::npos) << ok_out;
    EXPECT_NE(ok_out.find("陈小明"), std::string::npos) << ok_out;
    auto bad_file = Write("bad", licenses::ToLicenseText(tampered));
    EXPECT_EQ(RunCli({"license", "verify", bad_file.string(), "--keys", keys_file.string()}).first,
              1);
    EXPECT_EQ(RunCli({"license", "verify", keys_file.string(), "--keys", keys_file.string()}).first,
              2);

    // Suspended, reinstated, revoked: online says so, offline the signature still holds.
    auto suspended = Post(amr, "/api/v1/licenses/" + number + "/suspend", {{"reason", "核查中"}});
    ASSERT_EQ(suspended.status, 200) << suspended.body;
    EXPECT_EQ(suspended.Json().at("state"), "suspended");
    EXPECT_EQ(Verify(text).at("verdict"), "suspended");
    EXPECT_EQ(Post(amr, "/api/v1/licenses/" + number + "/reinstate", {{"reason", "核查无误"}})
                  .Json()
                  .at("state"),
              "valid");
    auto revoked = Post(amr, "/api/v1/licenses/" + number + "/revoke", {{"reason", "虚假登记"}});
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_EQ(Verify(text).at("verdict"), "revoked");
    EXPECT_EQ(RunCli({"license", "verify", text_file.string(), "--keys", keys_file.string(),
                      "--today", "2020-09-08"})
                  .first,
              0);
    auto events = amr.Get("/api/v1/licenses/" + number).Json().at("events").as_array();
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events.back().at("type"), "revoked");
    EXPECT_EQ(events.back().at("reason"), "虚假登记");
    // Revocation is told with its reason; suspension and reinstatement are not notices.
    auto revoked_notices = told("license.revoked");
    ASSERT_EQ(revoked_notices.size(), 1u);
    EXPECT_NE(Str(revoked_notices[0].at("body_zh")).find("虚假登记"), std::string::npos);
    EXPECT_EQ(told("license.issued").size(), 1u);
    for (const auto& f : {keys_file, text_file, bad_file}) std::filesystem::remove(f);
}

TEST_P(LicenseApi, TheVaultOffersTheLicenseToTheNextApplicationWhileItIsValid) {
    HttpClient citizen = As("citizen");
    std::string case_id = RegisterBusiness(citizen);
    std::string number = Str(LicenseOfCase(citizen, case_id).at("number"));
    auto vault = citizen.Get("/api/v1/vault").Json();
    bool listed = false;
    for (const auto& d : vault.at("documents").as_array()) {
        if (d.at("source_case") != case_id.c_str() || d.at("source") != "result") continue;
        listed = true;
        EXPECT_EQ(d.at("license_number"), number.c_str());
        EXPECT_EQ(d.at("issuer").at("name_zh"), "蓬江区市场监督管理局");
    }
    EXPECT_TRUE(listed) << json::serialize(vault);

    auto food = Item("AMR-003");
    auto apply = [&] {
        auto r = Post(citizen, "/api/v1/cases",
                      {{"item_code", "AMR-003"},
                       {"channel", "online"},
                       {"service_point", "PJ-SC"},
                       {"vault_consent", true},
                       {"form", FormFor(food)},
                       {"materials", Materials(citizen, food, {"business_license"})}});
        EXPECT_EQ(r.status, 201) << r.body;
        auto body = r.Json();
        for (const auto& m : body.at("materials").as_array()) {
            if (m.at("requirement") == "business_license") return Str(m.at("state"));
        }
        return std::string();
    };
    EXPECT_EQ(apply(), "from_vault");
    ASSERT_EQ(
        Post(Reviewer(), "/api/v1/licenses/" + number + "/suspend", {{"reason", "核查中"}}).status,
        200);
    EXPECT_EQ(apply(), "missing");  // a suspended license is not offered
}

TEST_P(LicenseApi, UseCopiesVerifyForTheirPurposeAndExpire) {
    HttpClient citizen = As("citizen");
    std::string number = Str(LicenseOfCase(citizen, RegisterBusiness(citizen)).at("number"));
    std::string copies = "/api/v1/licenses/" + number + "/copies";
    auto too_long = Post(citizen, copies, {{"purpose", "银行开户"}, {"valid_until", "2020-12-31"}});
    EXPECT_EQ(too_long.status, 422) << too_long.body;
    EXPECT_EQ(
        Post(Reviewer(), copies, {{"purpose", "银行开户"}, {"valid_until", "2020-09-30"}}).status,
        403);
    auto made = Post(citizen, copies, {{"purpose", "银行开户"}, {"valid_until", "2020-09-30"}});
    ASSERT_EQ(made.status, 201) << made.body;
    std::string text = Str(made.Json().at("text"));
    EXPECT_TRUE(text.starts_with("OWC1."));
    auto listed = citizen.Get(copies).Json().at("copies").as_array();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].at("purpose"), "银行开户");
    auto v = Verify(text);
    EXPECT_EQ(v.at("verdict"), "valid");
    EXPECT_EQ(v.at("copy").at("purpose"), "银行开户");
    EXPECT_EQ(v.at("copy").at("valid_until"), "2020-09-30");
    EXPECT_EQ(v.at("license").at("number"), number.c_str());
    MoveClock("2020-09-30T15:59:00Z");  // 23:59 on its last day in Jiangmen
    EXPECT_EQ(Verify(text).at("verdict"), "valid");
    MoveClock("2020-09-30T16:00:00Z");
    EXPECT_EQ(Verify(text).at("verdict"), "expired");
}

TEST_P(LicenseApi, RenewalMakesALinkedVersionAndRotationKeepsOldKeysPublished) {
    HttpClient citizen = As("citizen");
    std::string number = Str(LicenseOfCase(citizen, RegisterBusiness(citizen)).at("number"));
    std::string old_text = Str(citizen.Get("/api/v1/licenses/" + number).Json().at("text"));
    HttpClient admin = As("admin");
    auto rotated = admin.Post("/api/v1/licenses/keys/440703-amr/rotate", "");
    ASSERT_EQ(rotated.status, 201) << rotated.body;
    EXPECT_EQ(Client().Get("/api/v1/licenses/keys").Json().at("keys").as_array().size(), 2u);
    EXPECT_EQ(Reviewer().Post("/api/v1/licenses/keys/440703-amr/rotate", "").status, 403);

    MoveClock("2021-03-01T01:00:00Z");
    citizen = As("citizen");
    auto renewed = Post(Reviewer(), "/api/v1/licenses/" + number + "/renew", {});
    ASSERT_EQ(renewed.status, 200) << renewed.body;
    auto v2 = renewed.Json().as_object();
    EXPECT_EQ(v2.at("version"), 2);
    EXPECT_EQ(v2.at("previous"), number.c_str());
    EXPECT_EQ(v2.at("issued_on"), "2021-03-01");
    EXPECT_EQ(Verify(Str(v2.at("text"))).at("verdict"), "valid");
    auto old = citizen.Get("/api/v1/licenses/" + number).Json();
    EXPECT_EQ(old.at("superseded_by"), v2.at("number"));
    auto old_verdict = Verify(old_text);  // signed by the retired key before it retired
    EXPECT_EQ(old_verdict.at("verdict"), "valid");
    EXPECT_EQ(old_verdict.at("superseded_by"), v2.at("number"));
    EXPECT_EQ(Post(Reviewer(), "/api/v1/licenses/" + number + "/renew", {}).status, 409);

    auto changed = Post(Reviewer(), "/api/v1/licenses/" + Str(v2.at("number")) + "/change",
                        {{"fields", {{"name", "陈小明（变更）"}}}, {"reason", "名称变更"}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.Json().at("version"), 3);
    EXPECT_EQ(changed.Json().at("fields").at(0).at("value"), "陈小明（变更）");
    EXPECT_EQ(Post(Reviewer(), "/api/v1/licenses/" + Str(changed.Json().at("number")) + "/change",
                   {{"fields", {{"nope", "x"}}}, {"reason", "x"}})
                  .status,
              400);
}

TEST_P(LicenseApi, ALicenseLostInACrashIsIssuedOnTheNextStart) {
    HttpClient citizen = As("citizen");
    std::string case_id = RegisterBusiness(citizen);
    std::string number = Str(LicenseOfCase(citizen, case_id).at("number"));
    server().Stop(SIGTERM);
    {
        // As if the server died between the case and its license.
        auto opened = app::OpenDatabase(db(), 1);
        ASSERT_TRUE(opened.ok());
        auto wiped = (*opened)->Write([&](storage::Connection& c) -> Result<void> {
            OW_TRY(c.Execute("UPDATE vault_documents SET license_number = NULL"));
            OW_TRY(c.Execute("DELETE FROM license_events"));
            OW_TRY(c.Execute("DELETE FROM licenses"));
            return Ok();
        });
        ASSERT_TRUE(wiped.ok()) << wiped.error().detail();
    }
    StartServer(Args(), false);
    json::object again = LicenseOfCase(As("citizen"), case_id);
    EXPECT_NE(Str(again.at("number")), number);  // the sequence moved on
    EXPECT_EQ(again.at("issued_on"), "2020-09-07");
}

OW_INSTANTIATE_SERVER_TEST(LicenseApi);

}  // namespace
}  // namespace ow::test
