// The DMN TCK runner: every test directory below a root, its models loaded together (imports
// resolve among them), each test case evaluated with a fresh Evaluation and a step budget. The
// caller may run each directory elsewhere (the CLI forks a child per directory, so that a crash
// or a hang costs only that directory's cases): the rules module itself stays free of processes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "rules/evaluation.hpp"
#include "rules/temporal.hpp"

namespace ow::rules {

enum class TckStatus { kSuccess, kFailure, kError };

struct TckCaseResult {
    std::string dir;   // "compliance-level-2/0004-simpletable-U", as in tck_results.csv
    std::string file;  // the test file without ".xml"
    std::string id;
    TckStatus status = TckStatus::kError;
    std::string detail;  // for failures and errors: expected vs actual, warnings, load errors
};

struct TckOptions {
    std::string filter;             // only directories whose path contains this
    DateTime now;                   // what now() / today() give
    Limits limits{2'000'000, 256};  // per test case
    // Called after each case RunTckDirectory runs (a child process streams them to its parent).
    std::function<void(const TckCaseResult&)> on_result;
    // Runs one directory's cases; unset: RunTckDirectory in this process.
    std::function<std::vector<TckCaseResult>(const std::string& dir)> run_directory;
};

// The directories below `root` holding test files (*-test-*.xml), in name order, whose path
// contains `filter`.
std::vector<std::string> FindTckDirectories(const std::string& root, const std::string& filter);
// The cases of one directory (a path from FindTckDirectories), run in this process.
std::vector<TckCaseResult> RunTckDirectory(const std::string& root, const std::string& dir,
                                           const TckOptions& options);
// The cases of one directory, each an ERROR with `why` (its run crashed or timed out).
std::vector<TckCaseResult> TckDirectoryErrors(const std::string& root, const std::string& dir,
                                              const std::string& why);
// Runs every test case below `root`.
std::vector<TckCaseResult> RunTck(const std::string& root, const TckOptions& options);

// The TCK's results CSV: one line per case,
// "<dir>","<test file>","<case id>","SUCCESS|FAILURE|ERROR","".
std::string TckCsv(const std::vector<TckCaseResult>& results);

// Passes and totals per compliance level ("level 2", "level 3"; "other" outside them).
struct TckLevelSummary {
    std::string level;
    int passed = 0;
    int total = 0;
};
std::vector<TckLevelSummary> SummarizeTck(const std::vector<TckCaseResult>& results);

const char* ToString(TckStatus s);

}  // namespace ow::rules
