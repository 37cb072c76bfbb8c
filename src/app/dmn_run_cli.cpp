#include "app/dmn_run_cli.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "codec/rules_json.hpp"
#include "rules/batch.hpp"
#include "rules/dmn.hpp"
#include "rules/dmn_types.hpp"

namespace ow::app {
namespace {

namespace json = boost::json;

bool ReadFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

// Today and now from the injected clock (the server's --clock-file in tests), in Asia/Shanghai.
rules::DateTime Now(const Clock& clock) {
    int64_t ms = clock.Now().time_since_epoch().count() + 8 * 3600 * 1000LL;
    int64_t days = ms >= 0 ? ms / 86'400'000 : (ms - 86'399'999) / 86'400'000;
    rules::DateTime dt;
    dt.date = rules::CivilFromDays(days);
    dt.time.nanos = (ms - days * 86'400'000) * 1'000'000;
    dt.time.offset_seconds = 8 * 3600;
    return dt;
}

std::shared_ptr<const rules::Model> Load(const std::string& path) {
    std::string xml;
    if (!ReadFile(path, xml)) {
        std::cerr << "error: cannot read " << path << "\n";
        return nullptr;
    }
    auto loaded = rules::LoadModel(xml);
    for (const auto& e : loaded.errors) std::cerr << path << ": " << e.ToString() << "\n";
    if (!loaded.ok()) std::cerr << "error: " << path << " is not a DMN model\n";
    return loaded.model;
}

}  // namespace

DmnRunCommands::DmnRunCommands(CLI::App& dmn) {
    batch_ = dmn.add_subcommand("batch", "Evaluate a decision for every row of a CSV file");
    batch_->add_option("MODEL", model_, "The DMN file")->required();
    batch_->add_option("--decision", decision_, "The decision's name")->required();
    batch_->add_option("--data", data_, "CSV whose header names the model's input data")
        ->required();
    batch_->add_option("--out", out_, "Where to write the results CSV")->required();
    batch_->add_flag("--explain", explain_, "Add why each row came out as it did");

    eval_ = dmn.add_subcommand("eval", "Evaluate a decision once and print it as JSON");
    eval_->add_option("MODEL", model_, "The DMN file")->required();
    eval_->add_option("--decision", decision_, "The decision's name")->required();
    eval_->add_option("--input", input_, "The input data as a JSON object (or @FILE)")->required();
    eval_->add_flag("--explain", explain_, "Add the explanation (trace)");
}

int DmnRunCommands::Run(const Clock& clock) const {
    return batch_->parsed() ? Batch(clock) : Eval(clock);
}

int DmnRunCommands::Batch(const Clock& clock) const {
    auto model = Load(model_);
    if (!model) return 2;
    auto planned = rules::PlanBatch(model, decision_);
    if (!planned.plan) {
        std::cerr << "error: " << planned.error << "\n";
        return 2;
    }
    std::string text;
    if (!ReadFile(data_, text)) {
        std::cerr << "error: cannot read " << data_ << "\n";
        return 2;
    }
    rules::DataSet data = rules::LoadCsv(text, planned.plan->schema);
    for (const auto& e : data.errors) std::cerr << data_ << ": " << e.ToString() << "\n";
    if (data.rows == 0 && !data.errors.empty()) return 2;
    rules::BatchOptions options;
    options.explain = explain_;
    options.now = Now(clock);
    auto start = std::chrono::steady_clock::now();
    rules::BatchResult result = rules::RunBatch(*planned.plan, data, options);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::ofstream out(out_, std::ios::binary);
    out << rules::WriteBatchCsv(*planned.plan, data, result, explain_);
    if (!out) {
        std::cerr << "error: cannot write " << out_ << "\n";
        return 2;
    }
    size_t failed = 0;
    for (const auto& i : result.interpreted) failed += i.error.empty() ? 0 : 1;
    std::cerr << data.rows << " rows decided in " << seconds << " s ("
              << (result.columnar ? "column by column" : "interpreted") << ", "
              << result.interpreted.size() << " by the interpreter); " << data.errors.size()
              << " rows not read; " << failed << " rows with errors\n";
    return data.errors.empty() && failed == 0 ? 0 : 1;
}

int DmnRunCommands::Eval(const Clock& clock) const {
    auto model = Load(model_);
    if (!model) return 2;
    std::string text = input_;
    if (!text.empty() && text[0] == '@' && !ReadFile(text.substr(1), text)) {
        std::cerr << "error: cannot read " << input_.substr(1) << "\n";
        return 2;
    }
    boost::system::error_code ec;
    json::value j = json::parse(text, ec);
    if (ec || !j.is_object()) {
        std::cerr << "error: --input is not a JSON object\n";
        return 2;
    }
    rules::Inputs inputs;
    for (const auto& [k, v] : j.as_object()) {
        std::string name(k);
        const rules::InputData* in = model->FindInput(name);
        std::optional<rules::Type> type;
        if (in != nullptr) type = rules::TypeOfRef(in->type_ref, *model);
        auto value = codec::RulesValueFromJson(v, type ? &*type : nullptr);
        if (!value) {
            std::cerr << "error: input \"" << name << "\" is not a " << (in ? in->type_ref : "")
                      << "\n";
            return 2;
        }
        inputs.values.Put(name, std::move(*value));
    }
    rules::Evaluation ev(Now(clock));
    rules::Trace trace;
    auto r = rules::EvaluateDecision(*model, decision_, inputs, ev, explain_ ? &trace : nullptr);
    json::object out;
    out["decision"] = decision_;
    out["value"] = codec::RulesValueToJson(r.value);
    if (!r.ok()) out["error"] = r.error;
    json::array warnings;
    for (const auto& w : ev.warnings()) warnings.push_back(json::string(w));
    out["warnings"] = std::move(warnings);
    if (explain_) out["explanation"] = codec::TraceToJson(trace);
    std::cout << json::serialize(out) << "\n";
    return r.ok() ? 0 : 1;
}

}  // namespace ow::app
