#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/application.hpp"
#include "app/dmn_cli.hpp"
#include "app/dmn_run_cli.hpp"
#include "app/file_clock.hpp"
#include "app/license_cli.hpp"
#include "calendar/working_day_calendar.hpp"
#include "codec/catalog_json.hpp"
#include "codec/notice_template_json.hpp"
#include "common/dates.hpp"
#include "http/holiday_notice_json.hpp"
#include "http/log.hpp"
#include "storage/sqlite_database.hpp"

namespace ow::app {
namespace {

constexpr const char* kVersion = "0.1.0";

int Fail(const Error& e) {
    std::cerr << "error: " << e.Message(Lang::kEn);
    if (!e.field().empty() && e.Message(Lang::kEn).find(e.field()) == std::string::npos) {
        std::cerr << " [" << e.field() << "]";
    }
    if (!e.detail().empty()) std::cerr << " (" << e.detail() << ")";
    std::cerr << "\n";
    return 1;
}

Result<Date> DateArg(const std::string& text, const char* name) {
    auto d = ParseDate(text);
    if (!d) return Error(ErrorCode::kInvalidDate).Field(name);
    return *d;
}

// The calendar the command line answers from: the shipped notices, plus the loaded notices and
// overrides of the database when there is one (named with --db, or the default file if it
// exists). A question never creates a database: a named SQLite file that does not exist is an
// error.
Result<std::shared_ptr<const calendar::WorkingDayCalendar>> CliCalendar(
    const Settings& settings, bool db_given, std::unique_ptr<Application>& app,
    const Clock& clock) {
    bool exists = IsPostgresUrl(settings.db) || std::filesystem::exists(settings.db);
    if (db_given && !exists) {
        return Error(ErrorCode::kNotFound).Param("what", "database").Detail(settings.db);
    }
    if (!exists) {
        return std::make_shared<const calendar::WorkingDayCalendar>(
            calendar::ShippedNotices(), std::vector<calendar::Override>{});
    }
    OW_ASSIGN_OR_RETURN(app, Application::Open(settings, clock));
    return app->calendar().Current();
}

}  // namespace

int RunCli(int argc, char** argv) {
    CLI::App cli{"onewindow: a one-stop government service platform"};
    cli.require_subcommand(1);
    Settings s;
    auto add_db = [&s](CLI::App* cmd) {
        return cmd->add_option("--db", s.db, "SQLite file or postgresql:// URL")
            ->envname("ONEWINDOW_DB");
    };

    CLI::App* serve = cli.add_subcommand("serve", "Run the server");
    serve->add_option("--listen", s.listen, "HOST:PORT to listen on")->envname("ONEWINDOW_LISTEN");
    add_db(serve);
    serve->add_flag("--demo", s.demo, "Load the demo city into an empty database")
        ->envname("ONEWINDOW_DEMO");
    serve->add_option("--web-root", s.web_root, "Directory of the built web front end")
        ->envname("ONEWINDOW_WEB_ROOT");
    serve->add_option("--port-file", s.port_file, "Write the bound port to this file");
    serve->add_option("--io-threads", s.io_threads, "I/O threads (0: one per core)");
    serve->add_option("--workers", s.workers, "Request worker threads (0: automatic)");
    serve->add_option("--db-pool", s.db_pool, "PostgreSQL connections")
        ->envname("ONEWINDOW_DB_POOL");
    serve->add_option("--log-level", s.log_level, "debug, info, warn or error")
        ->envname("ONEWINDOW_LOG_LEVEL");
    serve
        ->add_option("--master-key-file", s.master_key_file,
                     "The 32-byte key sealing the license signing keys (created if missing)")
        ->envname("ONEWINDOW_MASTER_KEY_FILE");
    serve->add_flag("--cookie-secure", s.cookie_secure, "Mark the session cookie Secure (HTTPS)")
        ->envname("ONEWINDOW_COOKIE_SECURE");
    serve->add_option("--smtp-url", s.smtp_url, "SMTP relay for notice e-mail (smtp://host:port)")
        ->envname("ONEWINDOW_SMTP_URL");
    serve->add_option("--smtp-from", s.smtp_from, "Sender address of notice e-mail")
        ->envname("ONEWINDOW_SMTP_FROM");
    serve->add_option("--webhook-url", s.webhook_url, "Message gateway for SMS and WeChat notices")
        ->envname("ONEWINDOW_WEBHOOK_URL");
    serve
        ->add_option("--webhook-secret", s.webhook_secret,
                     "HMAC secret of gateway requests and delivery receipts")
        ->envname("ONEWINDOW_WEBHOOK_SECRET");

    CLI::App* migrate = cli.add_subcommand("migrate", "Create or upgrade the database schema");
    add_db(migrate);

    std::string backup_target;
    CLI::App* backup = cli.add_subcommand("backup", "Copy a live SQLite database consistently");
    backup->add_option("FILE", backup_target, "The copy to write (must not exist)")->required();
    add_db(backup);

    CLI::App* cal = cli.add_subcommand("calendar", "Working-day calendar");
    cal->require_subcommand(1);
    std::string from, to, date, notice_file;
    int64_t days = 0;
    CLI::App* add_days = cal->add_subcommand("add-working-days", "FROM + N working days");
    add_days->add_option("FROM", from, "YYYY-MM-DD")->required();
    add_days->add_option("N", days, "working days")->required();
    CLI::Option* add_days_db = add_db(add_days);
    CLI::App* count = cal->add_subcommand("count-working-days", "Working days after FROM up to TO");
    count->add_option("FROM", from)->required();
    count->add_option("TO", to)->required();
    CLI::Option* count_db = add_db(count);
    CLI::App* day = cal->add_subcommand("day", "Is DATE a working day?");
    day->add_option("DATE", date)->required();
    CLI::Option* day_db = add_db(day);
    CLI::App* load = cal->add_subcommand("load", "Load a newly published year's notice (JSON)");
    load->add_option("FILE", notice_file)->required()->check(CLI::ExistingFile);
    add_db(load);

    CLI::App* user = cli.add_subcommand("user", "Accounts");
    user->require_subcommand(1);
    CLI::App* user_add = user->add_subcommand(
        "add", "Create an account; the password is read from ONEWINDOW_NEW_PASSWORD or stdin");
    std::string username, display_name, unit_code, department_code;
    std::vector<std::string> roles;
    user_add->add_option("USERNAME", username)->required();
    user_add->add_option("--role", roles, "Role (repeatable)")->required();
    user_add->add_option("--display-name", display_name);
    user_add->add_option("--org-unit", unit_code, "Org unit code, e.g. 440700");
    user_add->add_option("--department", department_code, "Department code in that unit");
    add_db(user_add);

    CLI::App* cat = cli.add_subcommand("catalog", "The service catalog (docs/catalog-format.md)");
    cat->require_subcommand(1);
    std::string catalog_file;
    bool dry_run = false;
    CLI::App* cat_import = cat->add_subcommand(
        "import", "Make FILE the catalog: new versions of changed items, missing ones deactivated");
    cat_import->add_option("FILE", catalog_file)->required()->check(CLI::ExistingFile);
    cat_import->add_flag("--dry-run", dry_run, "Only check the file");
    add_db(cat_import);
    CLI::App* cat_validate = cat->add_subcommand("validate", "Check FILE against the org tree");
    cat_validate->add_option("FILE", catalog_file)->required()->check(CLI::ExistingFile);
    add_db(cat_validate);
    CLI::App* cat_export = cat->add_subcommand("export", "Write the current catalog to FILE");
    cat_export->add_option("FILE", catalog_file)->required();
    add_db(cat_export);

    CLI::App* audit = cli.add_subcommand("audit", "The cases' tamper-evident history");
    audit->require_subcommand(1);
    CLI::App* audit_verify = audit->add_subcommand(
        "verify", "Check every case's hash chain; exit 1 naming the first broken event");
    add_db(audit_verify);

    CLI::App* cases_cmd = cli.add_subcommand("cases", "Cases");
    cases_cmd->require_subcommand(1);
    CLI::App* sweep = cases_cmd->add_subcommand(
        "sweep", "Run the case timers now (acceptance by law, deferred deadlines, warnings)");
    add_db(sweep);

    for (CLI::App* cmd : {serve, sweep}) {
        cmd->add_option("--clock-file", s.clock_file,
                        "Drills and tests only: read the current time from this file")
            ->envname("ONEWINDOW_CLOCK_FILE");
    }
    serve
        ->add_option("--warning-yellow-percent", s.warning_yellow_percent,
                     "A deadline turns yellow with this share of its working days left")
        ->envname("ONEWINDOW_WARNING_YELLOW_PERCENT")
        ->check(CLI::Range(1, 99));

    LicenseCommands license_cmds(cli, s);

    CLI::App* dmn = cli.add_subcommand("dmn", "DMN decision models");
    dmn->require_subcommand(1);
    CLI::App* dmn_tck = dmn->add_subcommand("tck", "Run the DMN TCK test cases below DIR");
    std::string tck_dir;
    std::string tck_csv;
    dmn_tck->add_option("DIR", tck_dir, "A TCK folder (e.g. compliance-level-2)")->required();
    dmn_tck->add_option("--csv", tck_csv, "Write the TCK's results CSV here");
    DmnRunCommands dmn_run(*dmn);

    cli.add_subcommand("version", "Print the version");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = cli.exit(e);
        return code != 0 && dmn->parsed() ? 2 : code;  // `dmn` usage errors exit 2
    }
    if (auto level = http::ParseLogLevel(s.log_level)) http::SetLogLevel(*level);
    SystemClock system_clock;
    FileClock file_clock(s.clock_file);
    const Clock& clock =
        s.clock_file.empty() ? static_cast<const Clock&>(system_clock) : file_clock;

    if (cli.got_subcommand("version")) {
        std::cout << "onewindow " << kVersion << "\n";
        return 0;
    }
    if (serve->parsed()) {
        if (const char* pw = std::getenv("ONEWINDOW_DEMO_PASSWORD"); pw && *pw) {
            s.demo_password = pw;
        }
        auto app = Application::Open(s, clock);
        if (!app.ok()) return Fail(app.error());
        if (s.demo) {
            auto loaded = (*app)->LoadDemoCity();
            if (!loaded.ok()) return Fail(loaded.error());
            http::Log(http::LogLevel::kInfo, "demo mode",
                      {{"accounts",
                        "admin citizen enterprise window_clerk bank_clerk "
                        "policy_officer trading_officer supervisor reviewer "
                        "reviewer_<department>"},
                       {"password", s.demo_password}});
        }
        return (*app)->Serve();
    }
    if (license_cmds.parsed()) return license_cmds.Run(s, clock);
    if (dmn_tck->parsed()) return RunDmnTck(tck_dir, tck_csv);
    if (dmn_run.parsed()) return dmn_run.Run(clock);
    if (migrate->parsed()) {
        auto app = Application::Open(s, clock);
        if (!app.ok()) return Fail(app.error());
        std::cout << "schema up to date\n";
        return 0;
    }
    if (backup->parsed()) {
        if (IsPostgresUrl(s.db)) {
            std::cerr << "error: backup copies SQLite databases; use pg_dump for PostgreSQL\n";
            return 2;
        }
        if (!std::filesystem::exists(s.db)) {
            std::cerr << "error: no database at " << s.db << "\n";
            return 1;
        }
        auto db = storage::SqliteDatabase::Open(s.db);
        if (!db.ok()) return Fail(db.error());
        if (auto r = (*db)->BackupTo(backup_target); !r.ok()) return Fail(r.error());
        std::cout << backup_target << "\n";
        return 0;
    }
    if (cal->parsed()) {
        std::unique_ptr<Application> app;
        if (load->parsed()) {
            std::ifstream in(notice_file);
            std::stringstream buf;
            buf << in.rdbuf();
            auto input = codec::JsonReader::Parse(buf.str());
            if (!input.ok()) return Fail(input.error());
            auto notice = http::ReadHolidayNotice(*input);
            if (!notice.ok()) return Fail(notice.error());
            auto opened = Application::Open(s, clock);
            if (!opened.ok()) return Fail(opened.error());
            auto summary = (*opened)->calendar().LoadNotice(*notice, std::nullopt);
            if (!summary.ok()) return Fail(summary.error());
            std::cout << "loaded " << summary->year << ": " << summary->days << " days\n";
            return 0;
        }
        bool db_given = add_days_db->count() + count_db->count() + day_db->count() > 0;
        auto calendar = CliCalendar(s, db_given, app, clock);
        if (!calendar.ok()) return Fail(calendar.error());
        if (add_days->parsed()) {
            auto d = DateArg(from, "FROM");
            if (!d.ok()) return Fail(d.error());
            auto answer = (*calendar)->AddWorkingDays(*d, days);
            if (!answer.ok()) return Fail(answer.error());
            std::cout << FormatDate(answer->date)
                      << (answer->provisional ? " (provisional: reaches a year with no notice)"
                                              : "")
                      << "\n";
            return 0;
        }
        if (count->parsed()) {
            auto a = DateArg(from, "FROM");
            auto b = DateArg(to, "TO");
            if (!a.ok()) return Fail(a.error());
            if (!b.ok()) return Fail(b.error());
            auto answer = (*calendar)->CountWorkingDays(*a, *b);
            if (!answer.ok()) return Fail(answer.error());
            std::cout << answer->count << (answer->provisional ? " (provisional)" : "") << "\n";
            return 0;
        }
        auto d = DateArg(date, "DATE");
        if (!d.ok()) return Fail(d.error());
        auto info = (*calendar)->Day(*d);
        if (!info.ok()) return Fail(info.error());
        std::cout << FormatDate(info->date) << " " << (info->working ? "working" : "off") << " "
                  << calendar::DayKindName(info->kind)
                  << (info->name.empty() ? "" : " " + info->name)
                  << (info->provisional ? " (provisional)" : "") << "\n";
        return 0;
    }
    if (cat->parsed()) {
        auto app = Application::Open(s, clock);
        if (!app.ok()) return Fail(app.error());
        if (cat_export->parsed()) {
            std::ofstream out(catalog_file);
            boost::json::object doc = codec::WriteCatalog(*(*app)->catalog().Current());
            doc["notice_templates"] = codec::WriteNoticeTemplates((*app)->notices().Templates());
            out << boost::json::serialize(doc) << "\n";
            if (!out) {
                std::cerr << "error: cannot write " << catalog_file << "\n";
                return 1;
            }
            std::cout << "exported " << (*app)->catalog().Current()->items.size() << " items to "
                      << catalog_file << "\n";
            return 0;
        }
        std::ifstream in(catalog_file);
        std::stringstream buf;
        buf << in.rdbuf();
        auto reader = codec::JsonReader::Parse(buf.str());
        if (!reader.ok()) return Fail(reader.error());
        auto parsed = codec::ReadCatalog(*reader);
        if (!parsed.ok()) return Fail(parsed.error());
        auto templates = codec::ReadNoticeTemplates(*reader);
        if (!templates.ok()) return Fail(templates.error());
        if (cat_validate->parsed() || dry_run) {
            if (auto r = (*app)->catalog().Check(*parsed); !r.ok()) return Fail(r.error());
            std::cout << "valid: " << parsed->items.size() << " items, " << parsed->bundles.size()
                      << " bundles, " << parsed->document_types.size() << " document types\n";
            return 0;
        }
        auto summary = (*app)->catalog().Import(*parsed, std::nullopt);
        if (!summary.ok()) return Fail(summary.error());
        auto told = (*app)->notices().ImportTemplates(*templates, std::nullopt);
        if (!told.ok()) return Fail(told.error());
        std::cout << "imported: " << summary->added << " added, " << summary->updated
                  << " updated, " << summary->unchanged << " unchanged, " << summary->deactivated
                  << " deactivated; " << *told << " notice templates changed\n";
        return 0;
    }
    if (audit_verify->parsed()) {
        if (!IsPostgresUrl(s.db) && !std::filesystem::exists(s.db)) {
            std::cerr << "error: no database at " << s.db << "\n";
            return 1;
        }
        auto app = Application::Open(s, clock);
        if (!app.ok()) return Fail(app.error());
        int64_t checked = 0;
        auto broken = (*app)->case_store().VerifyHistory(&checked);
        if (!broken.ok()) return Fail(broken.error());
        if (*broken) {
            std::cout << "BROKEN: case " << (*broken)->case_id << " event " << (*broken)->seq
                      << ": " << (*broken)->reason << "\n";
            return 1;
        }
        std::cout << "verified " << checked << " events: every case's history is intact\n";
        return 0;
    }
    if (sweep->parsed()) {
        auto app = Application::Open(s, clock);
        if (!app.ok()) return Fail(app.error());
        int checked = 0, changed = 0, failed = 0;
        while (true) {
            auto report = (*app)->cases().Sweep(1000);
            if (!report.ok()) return Fail(report.error());
            checked += report->checked;
            changed += report->changed;
            failed += report->failed;
            if (report->checked < 1000 || report->changed + report->failed == 0) break;
        }
        std::cout << "checked " << checked << ", changed " << changed << ", failed " << failed
                  << "\n";
        return failed == 0 ? 0 : 1;
    }
    if (user_add->parsed()) {
        auto app = Application::Open(s, clock);
        if (!app.ok()) return Fail(app.error());
        auth::NewUser n;
        n.username = username;
        n.display_name = display_name.empty() ? username : display_name;
        if (const char* pw = std::getenv("ONEWINDOW_NEW_PASSWORD"); pw && *pw) {
            n.password = pw;
        } else {
            std::getline(std::cin, n.password);
        }
        for (const auto& r : roles) {
            auto role = auth::ParseRole(r);
            if (!role) {
                std::cerr << "error: unknown role " << r << "\n";
                return 2;
            }
            n.roles.push_back(*role);
        }
        auto snap = (*app)->org().Current();
        if (!unit_code.empty()) {
            const org::OrgUnit* unit = snap->tree.FindByCode(unit_code);
            if (!unit) {
                std::cerr << "error: no org unit " << unit_code << "\n";
                return 2;
            }
            n.org_unit_id = unit->id;
            for (const auto& d : snap->departments) {
                if (d.org_unit_id == unit->id && d.code == department_code) n.department_id = d.id;
            }
        }
        auto created = (*app)->auth().CreateUser(org::Actor{}, n);
        if (!created.ok()) return Fail(created.error());
        std::cout << "created user " << created->id << " " << created->username << "\n";
        return 0;
    }
    return 2;
}

}  // namespace ow::app
