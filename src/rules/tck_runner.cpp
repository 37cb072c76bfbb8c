// The DMN TCK runner: test directories, their models and cases, results and the CSV.
#include "rules/tck_runner.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/dmn.hpp"
#include "rules/tck_cases.hpp"

namespace ow::rules {

namespace fs = std::filesystem;

namespace {

bool IsTestFile(const std::string& name) {
    return name.size() > 4 && name.compare(name.size() - 4, 4, ".xml") == 0 &&
           name.find("-test-") != std::string::npos;
}

std::vector<fs::path> TestFiles(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.is_regular_file() && IsTestFile(e.path().filename().string()))
            files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string ReadFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// As tck_results.csv names directories: relative to the TCK's TestCases folder, i.e. including
// the compliance level when the root is one.
std::string CsvDirName(const std::string& root, const std::string& dir) {
    fs::path r = fs::path(root).lexically_normal();
    if (r.filename().empty()) r = r.parent_path();
    std::string rel = fs::path(dir).lexically_normal().lexically_relative(r).generic_string();
    std::string base = r.filename().string();
    if (base.rfind("compliance-level-", 0) == 0) return base + "/" + rel;
    return rel;
}

std::string Shown(const Value& v) {
    return v.IsNull() ? "null" : ToLiteral(v).substr(0, 400);
}

std::string Joined(const std::vector<std::string>& ws) {
    std::string out;
    for (size_t i = 0; i < ws.size() && i < 5; ++i) out += (i ? "; " : "") + ws[i];
    return out;
}

TckStatus RunCase(const Model& model, const TckCase& tc, const TckOptions& o, std::string& detail) {
    Inputs inputs;
    for (const TckInput& in : tc.inputs) {
        if (in.ns.empty() || in.ns == model.ns) {
            inputs.values.Put(in.name, in.value);
            continue;
        }
        auto it = std::find_if(inputs.by_namespace.begin(), inputs.by_namespace.end(),
                               [&](const auto& p) { return p.first == in.ns; });
        if (it == inputs.by_namespace.end()) {
            inputs.by_namespace.emplace_back(in.ns, Context());
            it = inputs.by_namespace.end() - 1;
        }
        it->second.Put(in.name, in.value);
    }
    Evaluation ev(o.now, o.limits);
    TckStatus status = TckStatus::kSuccess;
    for (const TckResult& r : tc.results) {
        DmnResult got;
        if (tc.type == "decisionService") {
            got = EvaluateDecisionService(model, tc.invocable, inputs.values, ev);
            if (got.value.kind() == Kind::kContext) {
                if (const Value* v = got.value.AsContext().Find(r.name)) got.value = *v;
            }
        } else if (tc.type == "bkm") {
            got = InvokeBkm(model, tc.invocable, inputs.values, ev);
        } else {
            got = EvaluateDecision(model, r.name, inputs, ev);
        }
        if (!got.ok()) {
            if (r.error_result && r.expected.IsNull()) continue;
            detail += r.name + ": " + got.error + "\n";
            status = TckStatus::kError;
            continue;
        }
        if (r.has_expected && !TckEqual(r.expected, got.value)) {
            detail += r.name + ": expected " + Shown(r.expected) + ", got " + Shown(got.value);
            if (!ev.warnings().empty()) detail += " (warnings: " + Joined(ev.warnings()) + ")";
            detail += "\n";
            if (status == TckStatus::kSuccess) status = TckStatus::kFailure;
        }
    }
    return status;
}

}  // namespace

const char* ToString(TckStatus s) {
    switch (s) {
        case TckStatus::kSuccess: return "SUCCESS";
        case TckStatus::kFailure: return "FAILURE";
        case TckStatus::kError: return "ERROR";
    }
    return "ERROR";
}

std::vector<std::string> FindTckDirectories(const std::string& root, const std::string& filter) {
    std::vector<std::string> dirs;
    std::error_code ec;
    auto consider = [&](const fs::path& p) {
        if (!TestFiles(p).empty() && p.generic_string().find(filter) != std::string::npos) {
            dirs.push_back(p.string());
        }
    };
    consider(root);
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory()) consider(it->path());
    }
    std::sort(dirs.begin(), dirs.end());
    return dirs;
}

std::vector<TckCaseResult> TckDirectoryErrors(const std::string& root, const std::string& dir,
                                              const std::string& why) {
    std::vector<TckCaseResult> out;
    for (const fs::path& f : TestFiles(dir)) {
        TckFile tf = ParseTckFile(ReadFile(f));
        for (const TckCase& tc : tf.cases) {
            out.push_back(
                {CsvDirName(root, dir), f.stem().string(), tc.id, TckStatus::kError, why});
        }
    }
    return out;
}

std::vector<TckCaseResult> RunTckDirectory(const std::string& root, const std::string& dir,
                                           const TckOptions& options) {
    std::vector<TckCaseResult> out;
    ModelSet models = LoadModelDirectory(dir);
    std::string load_errors;
    for (size_t i = 0; i < models.errors.size() && i < 5; ++i) {
        load_errors += models.errors[i].ToString() + "\n";
    }
    for (const fs::path& f : TestFiles(dir)) {
        TckFile tf = ParseTckFile(ReadFile(f));
        std::shared_ptr<const Model> model = models.Find(tf.model_name);
        for (const TckCase& tc : tf.cases) {
            TckCaseResult r{CsvDirName(root, dir), f.stem().string(), tc.id, TckStatus::kError, ""};
            if (!model) {
                r.detail = "model " + tf.model_name + " not loaded\n" + load_errors;
            } else {
                r.status = RunCase(*model, tc, options, r.detail);
                if (r.status != TckStatus::kSuccess && !load_errors.empty()) {
                    r.detail += "load errors: " + load_errors;
                }
            }
            if (options.on_result) options.on_result(r);
            out.push_back(std::move(r));
        }
    }
    return out;
}

std::vector<TckCaseResult> RunTck(const std::string& root, const TckOptions& options) {
    std::vector<TckCaseResult> all;
    for (const std::string& dir : FindTckDirectories(root, options.filter)) {
        std::vector<TckCaseResult> rs = options.run_directory ? options.run_directory(dir)
                                                              : RunTckDirectory(root, dir, options);
        for (TckCaseResult& r : rs) all.push_back(std::move(r));
    }
    return all;
}

std::string TckCsv(const std::vector<TckCaseResult>& results) {
    auto quoted = [](const std::string& s) {
        std::string out = "\"";
        for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    std::string csv;
    for (const TckCaseResult& r : results) {
        csv += quoted(r.dir) + "," + quoted(r.file) + "," + quoted(r.id) + "," +
               quoted(ToString(r.status)) + ",\"\"\n";
    }
    return csv;
}

std::vector<TckLevelSummary> SummarizeTck(const std::vector<TckCaseResult>& results) {
    std::vector<TckLevelSummary> out;
    for (const TckCaseResult& r : results) {
        std::string level = "other";
        size_t p = r.dir.find("compliance-level-");
        if (p != std::string::npos) {
            size_t s = p + 17;
            level = "level " + r.dir.substr(s, r.dir.find('/', s) - s);
        }
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const TckLevelSummary& l) { return l.level == level; });
        if (it == out.end()) {
            out.push_back({level, 0, 0});
            it = out.end() - 1;
        }
        ++it->total;
        if (r.status == TckStatus::kSuccess) ++it->passed;
    }
    return out;
}

}  // namespace ow::rules
