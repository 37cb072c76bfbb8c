// Notices end to end: the real server with an SMTP sink and a message gateway (python tools
// beside this file). A case run through tells its applicant at each step, in the inbox in both
// languages and once by e-mail and SMS each, signed; a gateway that is down delays delivery
// without losing or doubling anything; deadline warnings reach the reviewer and supervisor.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <thread>

#include "case_fixture.hpp"
#include "common/sha256.hpp"

namespace ow::test {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string Str(const json::value& v) {
    return std::string(v.as_string());
}

std::string Slurp(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A python tool run for one test: started with its arguments plus a port file, stopped at the
// end.
class Tool {
public:
    Tool(const std::string& script, std::vector<std::string> args, const fs::path& dir) {
        fs::path port_file = dir / (script + ".port");
        std::string path =
            std::string(std::getenv("ONEWINDOW_SOURCE") ? std::getenv("ONEWINDOW_SOURCE") : ".") +
            "/tests/integration/tools/" + script;
        // Debian's python, which has aiosmtpd (python3-aiosmtpd).
        args.insert(args.begin(), {"/usr/bin/python3", path});
        args.insert(args.begin() + 3, port_file.string());
        pid_ = fork();
        if (pid_ == 0) {
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        for (int i = 0; i < 500 && port_ == 0; ++i) {
            std::string text = Slurp(port_file);
            if (!text.empty() && text.back() == '\n')
                port_ = std::stoi(text);
            else
                std::this_thread::sleep_for(20ms);
        }
        if (port_ == 0) ADD_FAILURE() << script << " did not start";
    }
    ~Tool() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    int port() const { return port_; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

// The files of `dir` with this extension, in name order.
std::vector<fs::path> FilesOf(const fs::path& dir, const std::string& ext) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ext) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

class NoticesApi : public CaseFlowTest {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("ow-notices-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<uintptr_t>(this)));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "mail");
        fs::create_directories(dir_ / "hook");
        smtp_ = std::make_unique<Tool>("smtp_sink.py",
                                       std::vector<std::string>{(dir_ / "mail").string()}, dir_);
        hook_ = std::make_unique<Tool>("webhook_receiver.py",
                                       std::vector<std::string>{(dir_ / "hook").string(), kSecret},
                                       dir_);
        clock_file_ = dir_ / "clock";
        SetClock("2020-09-07T01:00:00Z");
        StartServer({"--clock-file", clock_file_.string(), "--smtp-url",
                     "smtp://127.0.0.1:" + std::to_string(smtp_->port()), "--smtp-from",
                     "noreply@onewindow.example", "--webhook-url",
                     "http://127.0.0.1:" + std::to_string(hook_->port()) + "/hook",
                     "--webhook-secret", kSecret});
    }
    void TearDown() override {
        smtp_.reset();
        hook_.reset();
        fs::remove_all(dir_);
    }

    // Waits (bounded) until `dir` holds `n` files of `ext`; returns how many it holds then.
    size_t AwaitFiles(const fs::path& dir, const std::string& ext, size_t n) {
        for (int i = 0; i < 200 && FilesOf(dir, ext).size() < n; ++i)
            std::this_thread::sleep_for(50ms);
        return FilesOf(dir, ext).size();
    }
    // Waits (bounded) until nothing is queued in the outbox.
    json::object AwaitOutboxIdle(const HttpClient& admin) {
        json::object box;
        for (int i = 0; i < 200; ++i) {
            box = admin.Get("/api/v1/admin/outbox").Json().as_object();
            if (box.at("counts").at("queued").as_int64() == 0) break;
            std::this_thread::sleep_for(50ms);
        }
        return box;
    }

    static constexpr const char* kSecret = "gateway-secret-2020";
    fs::path dir_;
    std::unique_ptr<Tool> smtp_, hook_;
};

TEST_P(NoticesApi, ACaseRunThroughTellsTheApplicantOnEveryChannelOnce) {
    HttpClient citizen = As("citizen");
    HttpClient window = As("window_clerk");
    HttpClient civil = As("reviewer_civil");
    std::string id = ElderCaseOf(citizen);
    ASSERT_EQ(Post(window, "/api/v1/cases/" + id + "/accept", {}).status, 200);
    int64_t task = TaskOf(civil, id);
    auto decided = Post(civil, "/api/v1/tasks/" + std::to_string(task) + "/decision",
                        {{"decision", "approve"}, {"opinion", "同意"}});
    ASSERT_EQ(decided.status, 200) << decided.body;

    // The inbox: one notice per step, in both languages, newest first.
    auto inbox = citizen.Get("/api/v1/notices").Json().as_object();
    std::vector<std::string> events;
    for (const auto& n : inbox.at("notices").as_array()) {
        events.push_back(Str(n.at("event")));
        EXPECT_EQ(Str(n.at("case_id")), id);
        EXPECT_NE(Str(n.at("subject_zh")).find(id), std::string::npos);
        EXPECT_NE(Str(n.at("subject_en")).find(id), std::string::npos);
        EXPECT_NE(Str(n.at("body_zh")).find("高龄"), std::string::npos) << n;
        EXPECT_TRUE(n.at("read_at").is_null());
    }
    EXPECT_EQ(events, (std::vector<std::string>{"case.result_ready", "case.decided",
                                                "case.stage_passed", "case.accepted"}));
    EXPECT_EQ(inbox.at("unread").as_int64(), 4);
    // The reviewer was told of the new task.
    auto reviewer_inbox = civil.Get("/api/v1/notices").Json();
    EXPECT_EQ(reviewer_inbox.at("notices").at(0).at("event"), "task.assigned");

    // E-mail and SMS: each notice exactly once, in the person's language, the SMS signed.
    ASSERT_EQ(AwaitFiles(dir_ / "mail", ".json", 4), 4u);
    ASSERT_EQ(AwaitFiles(dir_ / "hook", ".json", 4), 4u);
    auto box = AwaitOutboxIdle(As("admin"));
    std::this_thread::sleep_for(1500ms);  // a second worker pass sends nothing more
    EXPECT_EQ(FilesOf(dir_ / "mail", ".json").size(), 4u);
    EXPECT_EQ(FilesOf(dir_ / "hook", ".json").size(), 4u);
    EXPECT_FALSE(fs::exists(dir_ / "hook" / "bad_signatures"));
    std::set<std::string> subjects;
    for (const auto& f : FilesOf(dir_ / "mail", ".json")) {
        auto m = json::parse(Slurp(f)).as_object();
        EXPECT_EQ(Str(m.at("to").at(0)), "chen.xiaoming@example.cn");
        EXPECT_NE(Str(m.at("message_id")).find("@onewindow.example>"), std::string::npos);
        EXPECT_NE(Str(m.at("body")).find(id), std::string::npos);
        subjects.insert(Str(m.at("subject")));
    }
    EXPECT_TRUE(subjects.count("您的办件 " + id + " 已受理")) << *subjects.begin();
    std::string sms_key;
    for (const auto& f : FilesOf(dir_ / "hook", ".json")) {
        auto rec = json::parse(Slurp(f)).as_object();
        auto body = json::parse(Str(rec.at("body"))).as_object();
        EXPECT_EQ(Str(body.at("channel")), "sms");
        EXPECT_EQ(Str(body.at("to")), "13800138000");
        EXPECT_EQ(Str(body.at("case_id")), id);
        EXPECT_EQ(Str(rec.at("idempotency_key")), Str(body.at("id")));
        sms_key = Str(body.at("id"));
    }
    EXPECT_EQ(box.at("counts").at("sent").as_int64(), 8);  // e-mail and SMS
    // The inbox: the citizen's four and the civil affairs reviewer's new task.
    EXPECT_EQ(box.at("counts").at("delivered").as_int64(), 4 + 1);

    // The gateway's receipt, signed: the SMS is delivered. Unsigned: refused.
    std::string receipt = json::serialize(json::object{{"id", sms_key}, {"status", "delivered"}});
    EXPECT_EQ(Client()
                  .Request("POST", "/api/v1/outbox/receipts", receipt,
                           {{"Content-Type", "application/json"},
                            {"X-Onewindow-Signature", "sha256=" + HmacSha256Hex("wrong", receipt)}})
                  .status,
              422);
    EXPECT_EQ(Client()
                  .Request("POST", "/api/v1/outbox/receipts", receipt,
                           {{"Content-Type", "application/json"},
                            {"X-Onewindow-Signature", "sha256=" + HmacSha256Hex(kSecret, receipt)}})
                  .status,
              204);
    auto delivered = As("admin").Get("/api/v1/admin/outbox?status=delivered").Json();
    bool found = false;
    for (const auto& m : delivered.at("messages").as_array()) {
        found = found || Str(m.at("idempotency_key")) == sms_key;
    }
    EXPECT_TRUE(found);

    // Read one, then all; another person cannot read them.
    int64_t first = inbox.at("notices").at(0).at("id").as_int64();
    EXPECT_EQ(
        Post(As("enterprise"), "/api/v1/notices/" + std::to_string(first) + "/read", {}).status,
        404);
    auto read = Post(citizen, "/api/v1/notices/" + std::to_string(first) + "/read", {});
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_FALSE(read.Json().at("read_at").is_null());
    EXPECT_EQ(citizen.Get("/api/v1/notices?unread=1").Json().at("unread").as_int64(), 3);
    EXPECT_EQ(Post(citizen, "/api/v1/notices/read-all", {}).Json().at("unread").as_int64(), 0);
}

TEST_P(NoticesApi, AGatewayThatIsDownIsTriedAgainAfterTheBackOff) {
    std::ofstream(dir_ / "hook" / "down") << "down\n";
    HttpClient citizen = As("citizen");
    std::string id = ElderCaseOf(citizen);
    ASSERT_EQ(Post(As("window_clerk"), "/api/v1/cases/" + id + "/accept", {}).status, 200);
    HttpClient admin = As("admin");
    json::object sms;
    for (int i = 0; i < 200 && sms.empty(); ++i) {
        auto box = admin.Get("/api/v1/admin/outbox").Json();
        for (const auto& m : box.at("messages").as_array()) {
            if (m.at("channel") == "sms" && m.at("attempts").as_int64() >= 1 &&
                !Str(m.at("last_error")).empty()) {
                sms = m.as_object();
            }
        }
        if (sms.empty()) std::this_thread::sleep_for(50ms);
    }
    ASSERT_FALSE(sms.empty());
    EXPECT_EQ(Str(sms.at("status")), "queued");
    EXPECT_EQ(sms.at("attempts").as_int64(), 1);
    EXPECT_NE(Str(sms.at("last_error")).find("500"), std::string::npos) << sms;
    // Still down within the back-off: nothing is tried or lost.
    fs::remove(dir_ / "hook" / "down");
    std::this_thread::sleep_for(1500ms);
    EXPECT_EQ(FilesOf(dir_ / "hook", ".json").size(), 0u);
    SetClock("2020-09-07T01:00:31Z");  // past the 30 s back-off
    ASSERT_EQ(AwaitFiles(dir_ / "hook", ".json", 1), 1u);
    AwaitOutboxIdle(admin);
    std::this_thread::sleep_for(1500ms);
    EXPECT_EQ(FilesOf(dir_ / "hook", ".json").size(), 1u);  // once
    auto after = admin.Get("/api/v1/admin/outbox?status=sent").Json();
    bool sent = false;
    for (const auto& m : after.at("messages").as_array()) {
        if (m.at("id") == sms.at("id")) sent = m.at("attempts").as_int64() == 2;
    }
    EXPECT_TRUE(sent) << after;
}

TEST_P(NoticesApi, AnOverdueTaskWarnsTheReviewerAndTheSupervisor) {
    HttpClient citizen = As("citizen");
    std::string id = ElderCaseOf(citizen);
    ASSERT_EQ(Post(As("window_clerk"), "/api/v1/cases/" + id + "/accept", {}).status, 200);
    SetClock("2020-11-30T01:00:00Z");  // long past the ten working days
    auto sweep = As("admin").Post("/api/v1/admin/sweep", "");
    ASSERT_EQ(sweep.status, 200) << sweep.body;
    auto warned = [&](const std::string& user) {
        auto list = As(user).Get("/api/v1/notices").Json();
        for (const auto& n : list.at("notices").as_array()) {
            if (n.at("event") == "deadline.warning" && Str(n.at("case_id")) == id) {
                EXPECT_NE(Str(n.at("subject_en")).find("overdue"), std::string::npos) << n;
                return true;
            }
        }
        return false;
    };
    EXPECT_TRUE(warned("reviewer_civil"));
    EXPECT_TRUE(warned("supervisor"));
    EXPECT_FALSE(warned("reviewer_amr"));
}

TEST_P(NoticesApi, ContactSettingsAreCheckedInTheUsersLanguage) {
    HttpClient citizen = As("citizen");
    auto mine = citizen.Get("/api/v1/me/contact").Json();
    EXPECT_EQ(mine.at("email"), "chen.xiaoming@example.cn");
    auto bad_zh = citizen.Request(
        "PUT", "/api/v1/me/contact", R"({"email":"not-an-address","channels":["email"]})",
        {{"Content-Type", "application/json"}, {"Accept-Language", "zh-CN"}});
    EXPECT_EQ(bad_zh.status, 422);
    EXPECT_EQ(bad_zh.Json().at("error").at("field"), "email");
    EXPECT_NE(bad_zh.body.find("电子邮箱"), std::string::npos) << bad_zh.body;
    auto bad_en = citizen.Request(
        "PUT", "/api/v1/me/contact", R"({"mobile":"12800138000","channels":["sms"]})",
        {{"Content-Type", "application/json"}, {"Accept-Language", "en"}});
    EXPECT_EQ(bad_en.status, 422);
    EXPECT_EQ(bad_en.Json().at("error").at("field"), "mobile");
    EXPECT_NE(bad_en.body.find("mobile number"), std::string::npos) << bad_en.body;
    EXPECT_EQ(citizen.Get("/api/v1/me/contact").Json().at("email"), "chen.xiaoming@example.cn");
    auto good = citizen.Request(
        "PUT", "/api/v1/me/contact",
        R"({"email":"c@example.cn","mobile":"13912345678","channels":["wechat"],"language":"en"})",
        {{"Content-Type", "application/json"}});
    ASSERT_EQ(good.status, 200) << good.body;
    auto now = citizen.Get("/api/v1/me/contact").Json();
    EXPECT_EQ(now.at("channels"), json::array{"wechat"});
    EXPECT_EQ(now.at("language"), "en");
    EXPECT_EQ(As("admin").Get("/api/v1/me/contact").Json().at("email"), nullptr);
}

TEST_P(NoticesApi, AnAdministratorsTemplateIsWhatApplicantsAreToldNext) {
    HttpClient admin = As("admin");
    auto list = admin.Get("/api/v1/notice-templates").Json();
    const auto& templates = list.at("templates").as_array();
    ASSERT_EQ(templates.size(), 10u);
    EXPECT_EQ(templates.at(0).at("event"), "case.accepted");
    EXPECT_FALSE(templates.at(0).at("placeholders").as_array().empty());
    EXPECT_EQ(As("citizen").Get("/api/v1/notice-templates").status, 403);

    auto bad = admin.Request(
        "PUT", "/api/v1/notice-templates/case.accepted",
        R"({"zh":{"subject":"已受理 {case_id}","body":"{nope}"},"en":{"subject":"s","body":"b"}})",
        {{"Content-Type", "application/json"}, {"Accept-Language", "en"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.Json().at("error").at("field"), "zh.body");
    EXPECT_NE(bad.body.find("placeholder"), std::string::npos) << bad.body;
    EXPECT_EQ(admin
                  .Request("PUT", "/api/v1/notice-templates/case.nothing",
                           R"({"zh":{"subject":"a","body":"b"},"en":{"subject":"a","body":"b"}})",
                           {{"Content-Type", "application/json"}})
                  .status,
              404);
    auto put = admin.Request(
        "PUT", "/api/v1/notice-templates/case.accepted",
        R"({"zh":{"subject":"受理通知 {case_id}","body":"{applicant}：{item}已受理"},"en":{"subject":"Accepted {case_id}","body":"{applicant}: {item} accepted"}})",
        {{"Content-Type", "application/json"}});
    ASSERT_EQ(put.status, 200) << put.body;

    HttpClient citizen = As("citizen");
    std::string id = ElderCaseOf(citizen);
    ASSERT_EQ(Post(As("window_clerk"), "/api/v1/cases/" + id + "/accept", {}).status, 200);
    auto inbox = citizen.Get("/api/v1/notices").Json();
    const auto& n = inbox.at("notices").at(0);
    EXPECT_EQ(Str(n.at("subject_zh")), "受理通知 " + id);
    EXPECT_EQ(Str(n.at("subject_en")), "Accepted " + id);
    EXPECT_EQ(Str(n.at("body_zh")).rfind("陈小明：", 0), 0u) << n;
}

OW_INSTANTIATE_SERVER_TEST(NoticesApi);

}  // namespace
}  // namespace ow::test
