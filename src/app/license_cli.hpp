// `onewindow license verify FILE [--keys KEYS.json] [--today YYYY-MM-DD]`: the offline check a
// bank or court runs on a license or use-copy text with the published keys; and
// `onewindow license keys`: those keys as GET /api/v1/licenses/keys publishes them.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "app/settings.hpp"
#include "common/clock.hpp"

namespace ow::app {

class LicenseCommands {
public:
    // Adds the "license" subcommand and its own to `cli`; --db is read into `settings`.
    LicenseCommands(CLI::App& cli, Settings& settings);

    bool parsed() const { return license_->parsed(); }
    // Exit code: verify 0 valid, 1 any other verdict, 2 a file that is not a license text;
    // keys 0, or 1 when the database cannot be read.
    int Run(const Settings& settings, const Clock& clock) const;

private:
    int Verify(const Settings& settings, const Clock& clock) const;
    int Keys(const Settings& settings, const Clock& clock) const;

    CLI::App* license_ = nullptr;
    CLI::App* verify_ = nullptr;
    CLI::App* keys_ = nullptr;
    std::string file_;
    std::string keys_file_;
    std::string today_;
};

}  // namespace ow::app
