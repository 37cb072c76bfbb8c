// Case-lifecycle load: complete, durable lifecycles over HTTP against a running server — submit
// with three materials, accept at the window, three departments approve in parallel, the result
// is issued — from C keep-alive connections at once. Prints one JSON line: lifecycles/s,
// transitions/s (five writes per lifecycle), request latency p50/p99.
//
// A warm-up of untimed lifecycles comes first (connections, caches, the allocator's pools).
//
//   case_lifecycle_bench --url http://127.0.0.1:8080 --lifecycles 3000 --concurrency 32 --db sqlite
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Reply {
    int status = 0;
    json::value body;
};

// One keep-alive connection.
class Connection {
public:
    Connection(const std::string& host, const std::string& port) : stream_(ioc_) {
        tcp::resolver resolver(ioc_);
        stream_.connect(resolver.resolve(host, port));
        host_ = host + ":" + port;
    }
    Reply Call(bhttp::verb method, const std::string& target, const std::string& token,
               const std::string& body, const std::string& type = "application/json") {
        bhttp::request<bhttp::string_body> req{method, target, 11};
        req.set(bhttp::field::host, host_);
        req.keep_alive(true);
        if (!token.empty()) req.set(bhttp::field::authorization, "Bearer " + token);
        if (!body.empty()) req.set(bhttp::field::content_type, type);
        req.body() = body;
        req.prepare_payload();
        bhttp::write(stream_, req);
        bhttp::response<bhttp::string_body> res;
        bhttp::read(stream_, buffer_, res);
        Reply r{static_cast<int>(res.result_int()), nullptr};
        boost::system::error_code ec;
        if (!res.body().empty()) r.body = json::parse(res.body(), ec);
        return r;
    }

private:
    asio::io_context ioc_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::string host_;
};

json::object BenchItem() {
    auto text = [](const char* zh, const char* en, const char* stem) {
        json::object o;
        o[std::string(stem) + "_zh"] = zh;
        o[std::string(stem) + "_en"] = en;
        return o;
    };
    json::array materials;
    for (const char* code : {"application", "id_card", "plan"}) {
        json::object m = text("申请材料", "Material", "name");
        m["code"] = code;
        m["legal_basis"] = "《中华人民共和国行政许可法》第二十九条";
        m["requirement"] = "required";
        materials.push_back(m);
    }
    json::object stage = text("并联审批", "Parallel review", "name");
    stage["limit_days"] = 10;
    stage["departments"] = json::array{"drc", "nr", "eco"};
    json::object item = text("基准测试事项", "Benchmark item", "name");
    item["code"] = "BENCH-001";
    item["department"] = "drc";
    item["kind"] = "licensing";
    item["subject"] = "enterprise";
    item["levels"] = json::array{"city"};
    item["channels"] = json::array{"window"};
    item["statutory_limit_days"] = 20;
    item["promised_limit_days"] = 10;
    item["max_visits"] = 1;
    item["legal_basis"] = "《中华人民共和国行政许可法》";
    json::object result = text("批准文件", "Approval", "name");
    result["type"] = "document";
    item["result"] = result;
    item["delivery"] = json::array{"download"};
    item["materials"] = materials;
    item["workflow"] = json::array{stage};
    return item;
}

std::string Login(Connection& c, const std::string& user, const std::string& password) {
    auto r = c.Call(bhttp::verb::post, "/api/v1/auth/login", "",
                    json::serialize(json::object{{"username", user}, {"password", password}}));
    if (r.status != 200) throw std::runtime_error("login " + user + " failed");
    return std::string(r.body.at("token").as_string());
}

double Percentile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    size_t k = static_cast<size_t>(p * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"case lifecycle load generator"};
    std::string url = "http://127.0.0.1:8080", db = "sqlite";
    int lifecycles = 2000, concurrency = 32, warmup = 300;
    cli.add_option("--url", url);
    cli.add_option("--lifecycles", lifecycles);
    cli.add_option("--concurrency", concurrency);
    cli.add_option("--warmup", warmup, "untimed lifecycles first");
    cli.add_option("--db", db, "label for the output");
    CLI11_PARSE(cli, argc, argv);
    std::string hostport = url.substr(url.find("://") + 3);
    std::string host = hostport.substr(0, hostport.find(':'));
    std::string port = hostport.substr(hostport.find(':') + 1);

    // Set-up: the item, a city window clerk, the three reviewers, three uploaded materials.
    Connection setup(host, port);
    std::string admin = Login(setup, "admin", "onewindow-demo");
    auto put = setup.Call(bhttp::verb::put, "/api/v1/items/BENCH-001", admin,
                          json::serialize(BenchItem()));
    if (put.status != 200) {
        std::cerr << "cannot create the bench item: " << json::serialize(put.body) << "\n";
        return 1;
    }
    auto units = setup.Call(bhttp::verb::get, "/api/v1/org/units", "", "");
    int64_t city = 0;
    for (const auto& u : units.body.at("units").as_array()) {
        if (u.at("level") == "city") city = u.at("id").as_int64();
    }
    setup.Call(bhttp::verb::post, "/api/v1/users", admin,
               json::serialize(json::object{{"username", "bench_window"},
                                            {"display_name", "基准窗口"},
                                            {"password", "Bench-window-2020"},
                                            {"roles", json::array{"window_clerk"}},
                                            {"org_unit_id", city},
                                            {"must_change_password", false}}));
    std::string window = Login(setup, "bench_window", "Bench-window-2020");
    std::map<std::string, std::string> reviewers;
    for (const char* d : {"drc", "nr", "eco"}) {
        reviewers[d] = Login(setup, std::string("reviewer_") + d, "onewindow-demo");
    }
    json::array materials;
    for (const char* code : {"application", "id_card", "plan"}) {
        auto f = setup.Call(bhttp::verb::post, "/api/v1/files", window,
                            std::string("%PDF-1.4\n% bench ") + code + "\n", "application/pdf");
        materials.push_back({{"requirement", code}, {"file", f.body.at("id")}});
    }
    const std::string submission =
        json::serialize(json::object{{"item_code", "BENCH-001"},
                                     {"applicant",
                                      {{"type", "enterprise"},
                                       {"credit_code", "91440705MA4UJ3QF2U"},
                                       {"name", "江门市桥裕纸业有限公司"}}},
                                     {"channel", "window"},
                                     {"service_point", "JM-SC"},
                                     {"materials", materials}});

    std::atomic<int> next{0}, completed{0}, failures{0};
    int target = 0;
    std::mutex mu;
    std::vector<double> latencies;
    auto worker = [&] {
        Connection c(host, port);
        std::vector<double> mine;
        auto timed = [&](bhttp::verb v, const std::string& target, const std::string& token,
                         const std::string& body) {
            auto t0 = Clock::now();
            Reply r = c.Call(v, target, token, body);
            mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            return r;
        };
        while (next++ < target) {
            auto fail = [&](const Reply& r) {
                if (failures++ < 3) std::cerr << r.status << " " << json::serialize(r.body) << "\n";
            };
            Reply s = timed(bhttp::verb::post, "/api/v1/cases", window, submission);
            if (s.status != 201) {
                fail(s);
                continue;
            }
            std::string id(s.body.at("id").as_string());
            Reply a = timed(bhttp::verb::post, "/api/v1/cases/" + id + "/accept", window, "");
            if (a.status != 200) {
                fail(a);
                continue;
            }
            bool ok = true;
            for (const auto& t : a.body.at("tasks").as_array()) {
                std::string dept(t.at("department_code").as_string());
                Reply d =
                    timed(bhttp::verb::post,
                          "/api/v1/tasks/" + std::to_string(t.at("id").as_int64()) + "/decision",
                          reviewers.at(dept), R"({"decision":"approve","opinion":"同意"})");
                if (d.status != 200) fail(d);
                ok = ok && d.status == 200;
                if (ok && &t == &a.body.at("tasks").as_array().back() &&
                    d.body.at("status") != "closed") {
                    ok = false;
                }
            }
            if (ok) ++completed;
        }
        std::lock_guard lock(mu);
        latencies.insert(latencies.end(), mine.begin(), mine.end());
    };
    auto run = [&](int count) {
        target = count;
        next = 0;
        completed = 0;
        latencies.clear();
        std::vector<std::thread> threads;
        for (int i = 0; i < concurrency; ++i) threads.emplace_back(worker);
        for (auto& t : threads) t.join();
    };
    run(warmup);
    auto t0 = Clock::now();
    run(lifecycles);
    double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    double p50 = Percentile(latencies, 0.50), p99 = Percentile(latencies, 0.99);
    char line[512];
    std::snprintf(line, sizeof line,
                  "{\"engine\":\"onewindow\",\"db\":\"%s\",\"lifecycles\":%d,\"failures\":%d,"
                  "\"concurrency\":%d,\"seconds\":%.2f,\"lifecyclesPerSec\":%.0f,"
                  "\"transitionsPerSec\":%.0f,\"p50_ms\":%.2f,\"p99_ms\":%.2f}",
                  db.c_str(), completed.load(), failures.load(), concurrency, seconds,
                  completed / seconds, completed * 5 / seconds, p50, p99);
    std::cout << line << std::endl;
    return failures == 0 ? 0 : 1;
}
