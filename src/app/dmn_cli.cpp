// `onewindow dmn tck`: the TCK runner of src/rules, one child process per test directory.
#include "app/dmn_cli.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "rules/tck_runner.hpp"

namespace ow::app {

namespace {

using rules::TckCaseResult;
using rules::TckStatus;

constexpr char kField = '\x1f';
constexpr char kRecord = '\x1e';
constexpr int kDirectoryTimeoutSeconds = 20;

rules::DateTime NowUtc() {
    using namespace std::chrono;
    auto ns = duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
    int64_t day_ns = int64_t(86400) * 1'000'000'000;
    int64_t days = ns / day_ns;
    rules::DateTime dt;
    dt.date = rules::CivilFromDays(days);
    dt.time.nanos = ns - days * day_ns;
    dt.time.offset_seconds = 0;
    return dt;
}

void WriteAll(int fd, const std::string& s) {
    size_t off = 0;
    while (off < s.size()) {
        ssize_t n = write(fd, s.data() + off, s.size() - off);
        if (n <= 0) return;
        off += size_t(n);
    }
}

std::string Encode(const TckCaseResult& r) {
    std::string detail = r.detail;
    for (char& c : detail) {
        if (c == kField || c == kRecord) c = ' ';
    }
    return std::to_string(int(r.status)) + kField + r.dir + kField + r.file + kField + r.id +
           kField + detail + kRecord;
}

std::optional<TckCaseResult> Decode(const std::string& rec) {
    std::vector<std::string> f(1);
    for (char c : rec) {
        if (c == kField)
            f.emplace_back();
        else
            f.back() += c;
    }
    if (f.size() != 5) return std::nullopt;
    return TckCaseResult{f[1], f[2], f[3], static_cast<TckStatus>(std::stoi(f[0])), f[4]};
}

// One directory in a child process: results stream back through a pipe; cases the child never
// reported (it crashed or ran out of time) are errors.
std::vector<TckCaseResult> RunIsolated(const std::string& root, const std::string& dir,
                                       const rules::TckOptions& options) {
    int fds[2];
    if (pipe(fds) != 0) return rules::RunTckDirectory(root, dir, options);
    std::cout.flush();
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return rules::RunTckDirectory(root, dir, options);
    }
    if (pid == 0) {
        close(fds[0]);
        rules::TckOptions child = options;
        child.on_result = [&](const TckCaseResult& r) { WriteAll(fds[1], Encode(r)); };
        rules::RunTckDirectory(root, dir, child);
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    std::vector<TckCaseResult> got;
    std::string buffer;
    auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(kDirectoryTimeoutSeconds);
    std::string why = "the model's evaluation crashed";
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        deadline - std::chrono::steady_clock::now())
                        .count();
        if (left <= 0) {
            kill(pid, SIGKILL);
            why = "timed out after " + std::to_string(kDirectoryTimeoutSeconds) + " s";
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        if (poll(&p, 1, int(left)) <= 0) continue;
        char chunk[65536];
        ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n <= 0) break;
        buffer.append(chunk, size_t(n));
        size_t pos;
        while ((pos = buffer.find(kRecord)) != std::string::npos) {
            if (auto r = Decode(buffer.substr(0, pos))) got.push_back(std::move(*r));
            buffer.erase(0, pos + 1);
        }
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    std::vector<TckCaseResult> all = rules::TckDirectoryErrors(root, dir, why);
    if (got.size() >= all.size()) return got;
    // Keep what was reported; the rest are errors.
    for (size_t i = got.size(); i < all.size(); ++i) got.push_back(all[i]);
    return got;
}

}  // namespace

int RunDmnTck(const std::string& dir, const std::string& csv) {
    if (!std::filesystem::is_directory(dir)) {
        std::cerr << "error: " << dir << " is not a directory\n";
        return 2;
    }
    rules::TckOptions options;
    options.now = NowUtc();
    if (const char* f = std::getenv("ONEWINDOW_TCK_FILTER")) options.filter = f;
    options.run_directory = [&](const std::string& d) { return RunIsolated(dir, d, options); };
    std::vector<TckCaseResult> results = rules::RunTck(dir, options);
    if (!csv.empty()) {
        std::ofstream out(csv, std::ios::binary);
        out << rules::TckCsv(results);
        if (!out) {
            std::cerr << "error: cannot write " << csv << "\n";
            return 2;
        }
    }
    // The failures, when a filter narrows the run to what someone is debugging.
    for (const TckCaseResult& r : results) {
        if (!options.filter.empty() && r.status != TckStatus::kSuccess) {
            std::cerr << r.dir << " " << r.file << " " << r.id << " " << rules::ToString(r.status)
                      << "\n  " << r.detail << "\n";
        }
    }
    for (const auto& level : rules::SummarizeTck(results)) {
        std::cout << level.level << ": " << level.passed << "/" << level.total << "\n";
    }
    return 0;
}

}  // namespace ow::app
