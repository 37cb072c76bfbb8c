// The case timers with a million open cases: how long the sweeper takes to find what is due
// (nothing, or a batch), and how fast it processes due cases (acceptance by law here, the
// heaviest timer: it starts a review). Prints one JSON line.
//
//   sweeper_bench [--cases 1000000] [--due 2000] [--db DIR]
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "app/application.hpp"
#include "codec/case_json.hpp"
#include "storage/admin_log_sql.hpp"

using namespace ow;
using SteadyClock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    CLI::App cli{"sweeper benchmark"};
    int64_t cases = 1000000, due = 2000;
    std::string dir = std::filesystem::temp_directory_path() / "ow-sweeper-bench";
    cli.add_option("--cases", cases);
    cli.add_option("--due", due);
    cli.add_option("--dir", dir);
    CLI11_PARSE(cli, argc, argv);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    // Monday 7 September 2020, 09:00 in Jiangmen.
    ManualClock clock(std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::sys_days(std::chrono::year{2020} / 9 / 7) + std::chrono::hours(1)));
    app::Settings settings;
    settings.db = dir + "/bench.db";
    auto app = app::Application::Open(settings, clock);
    if (!app.ok() || !(*app)->LoadDemoCity().ok()) {
        std::cerr << "cannot open the database\n";
        return 1;
    }
    auto& a = **app;
    const catalog::Item* item = a.catalog().Current()->FindItem("CIVIL-003");
    auto org = a.org().Current();
    int64_t point = 0, unit = 0;
    for (const auto& sp : org->service_points) {
        if (sp.code == "PJ-SC") point = sp.id, unit = sp.org_unit_id;
    }
    // A submitted case waiting for the window: its art. 32 timer is its next check.
    cases::Case c;
    c.item_code = item->code;
    c.item_version = item->version;
    c.applicant = {"person", "440703199001011239", "陈小明", std::nullopt};
    c.channel = "online";
    c.service_point_id = point;
    c.handling_unit_id = unit;
    c.submitted_by = 2;
    c.delivery = "download";
    c.submitted_at = clock.Now();
    c.submitted_on = LocalDate(clock.Now());
    for (const auto& m : item->materials)
        c.materials.push_back({m.code, cases::MaterialState::kMissing, "", {}, {}, {}});
    c.revision = 1;

    auto t0 = SteadyClock::now();
    const int64_t batch = 20000;
    for (int64_t start = 0; start < cases; start += batch) {
        auto r = a.database().Write([&](storage::Connection& conn) -> Result<void> {
            for (int64_t i = start; i < std::min(cases, start + batch); ++i) {
                c.id = "B" + std::to_string(1000000000 + i);
                // Due ones first; the rest spread over the next 30 days.
                int64_t offset_ms = i < due ? -60000 : (i % 30 + 1) * 86400000LL;
                c.next_check_at = clock.Now() + std::chrono::milliseconds(offset_ms);
                OW_TRY(conn.Execute(
                    "INSERT INTO cases (id, item_code, item_version, status, applicant_type, "
                    "applicant_id, applicant_name, submitted_by, service_point_id, "
                    "handling_unit_id, channel, submitted_at, updated_at, next_check_at, warning, "
                    "revision, document) VALUES ($1, $2, $3, 'submitted', 'person', $4, $5, $6, "
                    "$7, $8, 'online', $9, $9, $10, 'normal', 1, $11)",
                    {c.id, c.item_code, int64_t{c.item_version}, c.applicant.id, c.applicant.name,
                     c.submitted_by, c.service_point_id, c.handling_unit_id,
                     storage::Millis(c.submitted_at), storage::Millis(*c.next_check_at),
                     boost::json::serialize(codec::WriteCase(c, false))}));
            }
            return Ok();
        });
        if (!r.ok()) {
            std::cerr << "load failed: " << r.error().detail() << "\n";
            return 1;
        }
    }
    double load_s = std::chrono::duration<double>(SteadyClock::now() - t0).count();

    // Finding what is due among them, when a batch is due and when nothing is.
    auto t1 = SteadyClock::now();
    auto found = a.case_store().DueForCheck(clock.Now(), static_cast<int>(due));
    double find_ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - t1).count();
    // Processing them: the calendar says five working days have passed (art. 32).
    clock.Set(clock.Now() + std::chrono::hours(24 * 8));
    int64_t processed = 0;
    auto t2 = SteadyClock::now();
    while (true) {
        auto report = a.cases().Sweep(1000);
        if (!report.ok() || report->checked == 0) break;
        processed += report->changed;
        if (processed >= due) break;
    }
    double sweep_s = std::chrono::duration<double>(SteadyClock::now() - t2).count();
    clock.Set(clock.Now() - std::chrono::hours(24 * 8));
    auto t3 = SteadyClock::now();
    auto none = a.case_store().DueForCheck(clock.Now(), 1000);
    double idle_ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - t3).count();

    char line[512];
    std::snprintf(line, sizeof line,
                  "{\"bench\":\"sweeper\",\"open_cases\":%lld,\"load_seconds\":%.1f,"
                  "\"find_due_ms\":%.2f,\"found_due\":%zu,\"find_when_none_due_ms\":%.3f,"
                  "\"processed\":%lld,\"process_seconds\":%.2f,\"processed_per_sec\":%.0f}",
                  static_cast<long long>(cases), load_s, find_ms, found.ok() ? found->size() : 0,
                  idle_ms, static_cast<long long>(processed), sweep_s, processed / sweep_s);
    std::cout << line << std::endl;
    std::filesystem::remove_all(dir);
    return 0;
}
