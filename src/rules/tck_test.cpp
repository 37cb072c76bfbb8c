// The DMN TCK: compliance level 2 must pass in full; level 3's pass count may only go up (the
// ratchet in tests/tck/level3-passes.txt). Needs ONEWINDOW_SHARED (the shared reference folder);
// ONEWINDOW_TCK_FILTER=<part of a directory name> runs only those and prints each failure.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "rules/tck_runner.hpp"

namespace ow::rules {
namespace {

std::string TckRoot() {
    const char* shared = std::getenv("ONEWINDOW_SHARED");
    return shared ? std::string(shared) + "/reference/dmn-tck" : std::string();
}

// The ratchet file: under ONEWINDOW_SOURCE (set by ctest), else beside this source file.
std::string RatchetFile() {
    const char* source = std::getenv("ONEWINDOW_SOURCE");
    std::string root =
        source ? source
               : std::string(__FILE__).substr(0, std::string(__FILE__).rfind("/src/rules/"));
    return root + "/tests/tck/level3-passes.txt";
}

std::string Filter() {
    const char* f = std::getenv("ONEWINDOW_TCK_FILTER");
    return f ? f : "";
}

int RunLevel(const std::string& level, int* total) {
    TckOptions options;
    options.filter = Filter();
    options.now = DateTime{Date{2026, 11, 27}, Time{12 * 3600 * 1'000'000'000LL, 0, ""}};
    std::vector<TckCaseResult> results = RunTck(TckRoot() + "/" + level, options);
    int passed = 0;
    for (const TckCaseResult& r : results) {
        if (r.status == TckStatus::kSuccess) {
            ++passed;
        } else if (!options.filter.empty()) {
            std::cout << r.dir << " " << r.file << " " << r.id << " " << ToString(r.status)
                      << "\n  " << r.detail << "\n";
        }
    }
    *total = int(results.size());
    std::cout << level << ": " << passed << "/" << results.size() << "\n";
    return passed;
}

TEST(Tck, ComplianceLevel2PassesInFull) {
    if (TckRoot().empty()) GTEST_SKIP() << "ONEWINDOW_SHARED is not set: the TCK cases are there";
    int total = 0;
    int passed = RunLevel("compliance-level-2", &total);
    if (!Filter().empty()) return;  // a partial run: the failures are printed above
    EXPECT_EQ(total, 116);
    EXPECT_EQ(passed, 116);
}

TEST(Tck, ComplianceLevel3DoesNotGoBelowTheRatchet) {
    if (TckRoot().empty()) GTEST_SKIP() << "ONEWINDOW_SHARED is not set: the TCK cases are there";
    int total = 0;
    int passed = RunLevel("compliance-level-3", &total);
    if (!Filter().empty()) return;
    std::ifstream in(RatchetFile());
    ASSERT_TRUE(in) << "cannot read " << RatchetFile();
    int ratchet = 0;
    in >> ratchet;
    EXPECT_GE(passed, ratchet) << "level 3 passed " << passed << " of " << total
                               << " test cases, fewer than the recorded " << ratchet;
    if (passed > ratchet) {
        std::cout << "level 3 passes " << passed << " > " << ratchet << ": raise the ratchet to "
                  << passed << " in tests/tck/level3-passes.txt\n";
    }
}

}  // namespace
}  // namespace ow::rules
