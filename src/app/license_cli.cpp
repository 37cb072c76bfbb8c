#include "app/license_cli.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/application.hpp"
#include "app/file_clock.hpp"
#include "codec/license_json.hpp"
#include "common/dates.hpp"
#include "licenses/license_text.hpp"
#include "licenses/use_copy.hpp"

namespace ow::app {
namespace {

std::optional<std::string> ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

void PrintLicense(const licenses::License& l) {
    std::cout << "number: " << l.number.str() << "\n"
              << "type: " << l.type.name_zh << " (" << l.type.name_en << ")\n"
              << "holder: " << l.holder.name << " " << l.holder.id << "\n"
              << "issuer: " << l.issuer.name_zh << " (" << l.issuer.department_code << ")\n"
              << "issued on: " << FormatDate(l.issued_on) << "\n"
              << "valid: " << FormatDate(l.valid_from) << " to "
              << (l.valid_until ? FormatDate(*l.valid_until) : "permanent") << "\n";
    for (const auto& f : l.fields) std::cout << "  " << f.key << ": " << f.value << "\n";
}

}  // namespace

LicenseCommands::LicenseCommands(CLI::App& cli, Settings& settings) {
    license_ = cli.add_subcommand("license", "E-licenses");
    license_->require_subcommand(1);
    verify_ = license_->add_subcommand(
        "verify", "Verify a license or use-copy text offline; exit 0 only when valid");
    verify_->add_option("FILE", file_, "File holding the OWL1./OWC1. text")->required();
    verify_->add_option("--keys", keys_file_,
                        "The published keys (GET /api/v1/licenses/keys saved to a file); "
                        "without it, the keys of --db");
    verify_->add_option("--today", today_, "Verify as of this date (YYYY-MM-DD)");
    keys_ = license_->add_subcommand("keys", "Print the published keys as JSON");
    for (CLI::App* cmd : {verify_, keys_}) {
        cmd->add_option("--db", settings.db, "SQLite file or postgresql:// URL")
            ->envname("ONEWINDOW_DB");
        cmd->add_option("--master-key-file", settings.master_key_file,
                        "The key sealing the signing keys")
            ->envname("ONEWINDOW_MASTER_KEY_FILE");
    }
}

int LicenseCommands::Run(const Settings& settings, const Clock& clock) const {
    return verify_->parsed() ? Verify(settings, clock) : Keys(settings, clock);
}

int LicenseCommands::Keys(const Settings& settings, const Clock& clock) const {
    auto app = Application::Open(settings, clock);
    if (!app.ok()) {
        std::cerr << "error: " << app.error().Message(Lang::kEn) << "\n";
        return 1;
    }
    auto keys = (*app)->licenses().Keys();
    if (!keys.ok()) {
        std::cerr << "error: " << keys.error().Message(Lang::kEn) << "\n";
        return 1;
    }
    std::cout << boost::json::serialize(codec::WriteLicenseKeys(*keys)) << "\n";
    return 0;
}

int LicenseCommands::Verify(const Settings& settings, const Clock& clock) const {
    auto text = ReadFile(file_);
    if (!text) {
        std::cerr << "error: cannot read " << file_ << "\n";
        return 2;
    }
    Date today = LocalDate(clock.Now());
    if (!today_.empty()) {
        auto d = ParseDate(today_);
        if (!d) {
            std::cerr << "error: --today must be YYYY-MM-DD\n";
            return 2;
        }
        today = *d;
    }
    licenses::PublishedKeySet keys;
    if (!keys_file_.empty()) {
        auto body = ReadFile(keys_file_);
        if (!body) {
            std::cerr << "error: cannot read " << keys_file_ << "\n";
            return 2;
        }
        auto reader = codec::JsonReader::Parse(*body);
        auto read = reader.ok() ? codec::ReadLicenseKeys(*reader, ParseInstant)
                                : Result<licenses::PublishedKeySet>(reader.error());
        if (!read.ok()) {
            std::cerr << "error: " << keys_file_ << ": " << read.error().Message(Lang::kEn) << "\n";
            return 2;
        }
        keys = std::move(read).value();
    } else {
        auto app = Application::Open(settings, clock);
        if (!app.ok()) {
            std::cerr << "error: " << app.error().Message(Lang::kEn) << "\n";
            return 2;
        }
        auto published = (*app)->licenses().Keys();
        if (!published.ok()) {
            std::cerr << "error: " << published.error().Message(Lang::kEn) << "\n";
            return 2;
        }
        for (const auto& k : *published) keys.push_back(k.key);
    }

    // Offline, the signed state is all there is: a revocation shows only online.
    licenses::Verification v{licenses::Verdict::kTampered, std::nullopt};
    std::optional<licenses::UseCopy> copy;
    if (auto as_copy = licenses::ParseCopyText(*text); as_copy.ok()) {
        auto checked = licenses::VerifyCopy(*as_copy, keys, today);
        v = std::move(checked.verification);
        copy = std::move(checked.copy);
    } else if (auto as_license = licenses::ParseLicenseText(*text); as_license.ok()) {
        v = licenses::Verify(*as_license, keys, today);
    } else {
        std::cerr << "error: " << file_ << " holds no license text ("
                  << as_license.error().Message(Lang::kEn) << ")\n";
        return 2;
    }
    std::cout << "verdict: " << licenses::VerdictName(v.verdict) << " (offline, as of "
              << FormatDate(today) << ")\n";
    if (copy) {
        std::cout << "use copy " << copy->id << " for: " << copy->purpose << ", made "
                  << FormatDate(copy->made_on) << ", valid until " << FormatDate(copy->valid_until)
                  << "\n";
    }
    if (v.license) PrintLicense(*v.license);
    return v.verdict == licenses::Verdict::kValid ? 0 : 1;
}

}  // namespace ow::app
