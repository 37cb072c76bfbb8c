// The policy-screening workload (../shared/bench/policy-screening) on onewindow's rules engine:
// the 20 policies as one DMN model (bench/policy-screening/policies.dmn), enterprises from the
// workload's seeded generator as CSV. Prints one JSON line per figure, like the peers do:
// batch throughput with and without explanations, and single-enterprise latency through the
// interpreter (what the API calls per request). Totals are checked against the expected ones.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/batch.hpp"
#include "rules/data_set.hpp"
#include "rules/dmn.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using ow::rules::BatchResult;

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

double Seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

// Eligible pairs and the award sum in fen (exact), from the batch's hits.
struct Totals {
    size_t pairs = 0;
    __int128 cents = 0;
    bool exact = true;
};

Totals Sum(const ow::rules::BatchPlan& plan, const ow::rules::DataSet& data, const BatchResult& r) {
    Totals t;
    for (size_t row = 0; row < data.rows; ++row) {
        ow::rules::Value v = ow::rules::RowValue(plan, r, row);
        if (v.kind() != ow::rules::Kind::kList) continue;
        for (const auto& hit : v.AsList()) {
            ++t.pairs;
            const ow::rules::Value* a = hit.AsContext().Find("award");
            auto units = a ? a->AsNumber().ToScaled(2) : std::nullopt;
            if (!units)
                t.exact = false;
            else
                t.cents += *units;
        }
    }
    return t;
}

std::string Money(__int128 cents) {
    long long c = static_cast<long long>(cents);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%lld.%02lld", c / 100, c % 100);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"policy screening on the onewindow rules engine"};
    std::string model_path, data_path, decision = "Eligible awards", expect_sum;
    size_t expect_pairs = 0, single = 20000;
    int repeat = 3;
    app.add_option("--model", model_path)->required();
    app.add_option("--data", data_path)->required();
    app.add_option("--decision", decision);
    app.add_option("--expect-pairs", expect_pairs);
    app.add_option("--expect-sum", expect_sum);
    app.add_option("--single", single, "enterprises for the single-enterprise latency (0: skip)");
    app.add_option("--repeat", repeat);
    CLI11_PARSE(app, argc, argv);

    auto loaded = ow::rules::LoadModel(ReadFile(model_path));
    if (!loaded.ok()) {
        std::cerr << "model: " << (loaded.errors.empty() ? "?" : loaded.errors[0].ToString())
                  << "\n";
        return 1;
    }
    auto planned = ow::rules::PlanBatch(loaded.model, decision);
    if (!planned.plan) {
        std::cerr << planned.error << "\n";
        return 1;
    }
    const auto& plan = *planned.plan;
    std::string text = ReadFile(data_path);
    auto t0 = Clock::now();
    ow::rules::DataSet data = ow::rules::LoadCsv(text, plan.schema);
    double load = Seconds(t0, Clock::now());
    if (!data.errors.empty()) {
        std::cerr << data.errors.size() << " bad rows, first: " << data.errors[0].ToString()
                  << "\n";
        return 1;
    }
    bool all_ok = plan.table != nullptr;
    if (!all_ok) std::cerr << "the decision did not compile to columns\n";
    for (bool explain : {false, true}) {
        ow::rules::BatchOptions options;
        options.explain = explain;
        std::vector<double> times;
        BatchResult result;
        for (int i = 0; i < repeat; ++i) {
            auto a = Clock::now();
            result = ow::rules::RunBatch(plan, data, options);
            times.push_back(Seconds(a, Clock::now()));
        }
        std::sort(times.begin(), times.end());
        double s = times[times.size() / 2];  // the median run
        Totals totals = Sum(plan, data, result);
        bool matches = totals.exact && (expect_pairs == 0 || totals.pairs == expect_pairs) &&
                       (expect_sum.empty() || Money(totals.cents) == expect_sum);
        all_ok = all_ok && matches;
        std::printf(
            "{\"engine\":\"onewindow-batch%s\",\"enterprises\":%zu,\"policies\":%zu,"
            "\"seconds\":%.4f,\"enterprisesPerSec\":%.0f,\"ruleEvalsPerSec\":%.0f,"
            "\"eligiblePairs\":%zu,\"awardSum\":%s,\"matchesExpected\":%s,\"csvLoadSeconds\":%.3f,"
            "\"interpretedRows\":%zu}\n",
            explain ? "-explain" : "", data.rows, plan.table ? plan.table->rules.size() : 0, s,
            data.rows / s, data.rows * (plan.table ? plan.table->rules.size() : 0) / s,
            totals.pairs, Money(totals.cents).c_str(), matches ? "true" : "false", load,
            result.interpreted.size());
        std::fflush(stdout);
    }
    if (single > 0) {
        size_t n = std::min(single, data.rows);
        std::vector<double> us;
        us.reserve(n);
        size_t pairs = 0;
        for (size_t row = 0; row < n; ++row) {
            ow::rules::Inputs in;
            in.values = data.RowContext(row);
            auto a = Clock::now();
            ow::rules::Evaluation ev;
            auto r = ow::rules::EvaluateDecision(*loaded.model, decision, in, ev);
            us.push_back(Seconds(a, Clock::now()) * 1e6);
            if (r.value.kind() == ow::rules::Kind::kList) pairs += r.value.AsList().size();
        }
        std::vector<double> sorted = us;
        std::sort(sorted.begin(), sorted.end());
        std::printf(
            "{\"engine\":\"onewindow-single\",\"enterprises\":%zu,\"p50Micros\":%.1f,"
            "\"p99Micros\":%.1f,\"eligiblePairs\":%zu}\n",
            n, sorted[n / 2], sorted[std::min(n - 1, n * 99 / 100)], pairs);
    }
    return all_ok ? 0 : 2;
}
