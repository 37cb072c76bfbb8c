// Batch evaluation must decide every row exactly as the interpreter does: the compiled column
// tests and fixed-point awards are checked against EvaluateDecision row by row, on the policy
// model of the benchmark and on random data with empty cells, decimals and edge values.
#include "rules/batch.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "rules/value_ops.hpp"

namespace ow::rules {
namespace {

std::string PolicyModel() {
    const char* src = std::getenv("ONEWINDOW_SOURCE");
    std::ifstream in(std::string(src ? src : ".") + "/bench/policy-screening/policies.dmn");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void ExpectSameAsInterpreter(const BatchPlan& plan, const DataSet& data, const BatchResult& r) {
    for (size_t row = 0; row < data.rows; ++row) {
        Inputs in;
        in.values = data.RowContext(row);
        Evaluation ev;
        DmnResult want = EvaluateDecision(*plan.model, plan.decision, in, ev);
        Value got = RowValue(plan, r, row);
        auto eq = Equal(got, want.value);
        ASSERT_TRUE(eq && *eq) << "line " << data.lines[row] << ": batch " << ToLiteral(got)
                               << ", interpreter " << ToLiteral(want.value);
    }
}

TEST(Batch, PolicyModelCompilesToColumns) {
    auto loaded = LoadModel(PolicyModel());
    ASSERT_TRUE(loaded.ok());
    auto planned = PlanBatch(loaded.model, "Eligible awards");
    ASSERT_TRUE(planned.plan) << planned.error;
    EXPECT_NE(planned.plan->table, nullptr);
    EXPECT_EQ(planned.plan->schema.size(), 11u);
}

TEST(Batch, UnknownDecisionIsAnError) {
    auto loaded = LoadModel(PolicyModel());
    ASSERT_TRUE(loaded.ok());
    auto planned = PlanBatch(loaded.model, "No such decision");
    EXPECT_FALSE(planned.plan);
    EXPECT_NE(planned.error.find("No such decision"), std::string::npos);
}

TEST(Batch, AgreesWithTheInterpreterOnRandomRows) {
    auto loaded = LoadModel(PolicyModel());
    ASSERT_TRUE(loaded.ok());
    auto plan = *PlanBatch(loaded.model, "Eligible awards").plan;
    std::mt19937 rng(7);
    auto pick = [&](std::vector<std::string> v) { return v[rng() % v.size()]; };
    std::ostringstream csv;
    csv << "id,isHighTech,creditRating,envPenalties12m,rdExpense,exportValue,industry,employees,"
           "regYears,emissionGrade,revenue,district\n";
    for (int i = 0; i < 1500; ++i) {
        auto num = [&](int max) {
            int k = rng() % 20;
            if (k == 0) return std::string();                       // empty cell
            if (k == 1) return std::to_string(rng() % max) + ".5";  // a fraction
            if (k == 2) return std::to_string(max);                 // an edge
            return std::to_string(rng() % max);
        };
        csv << i << "," << pick({"true", "false", ""}) << "," << pick({"A", "B", "M", "C", "D", ""})
            << "," << num(4) << "," << num(3000) << "," << num(20000) << ","
            << pick({"C39", "C35", "I65", "C13", ""}) << "," << num(800) << "," << num(12) << ","
            << pick({"A", "B", "C", "D"}) << "," << num(50000) << "," << num(17) << "\n";
    }
    DataSet data = LoadCsv(csv.str(), plan.schema);
    ASSERT_TRUE(data.errors.empty()) << data.errors[0].ToString();
    ASSERT_EQ(data.rows, 1500u);
    for (bool explain : {false, true}) {
        BatchOptions options;
        options.explain = explain;
        BatchResult r = RunBatch(plan, data, options);
        EXPECT_TRUE(r.columnar);
        ExpectSameAsInterpreter(plan, data, r);
    }
}

TEST(Batch, BadRowsAreReportedByLineAndLeftOut) {
    auto loaded = LoadModel(PolicyModel());
    ASSERT_TRUE(loaded.ok());
    auto plan = *PlanBatch(loaded.model, "Eligible awards").plan;
    std::string csv =
        "isHighTech,creditRating,envPenalties12m,rdExpense,exportValue,industry,employees,"
        "regYears,emissionGrade,revenue,district\n"
        "true,A,0,300,0,C39,10,3,A,1000,3\n"
        "maybe,A,0,300,0,C39,10,3,A,1000,3\n"
        "true,A,0,three hundred,0,C39,10,3,A,1000,3\n"
        "true,A,0\n"
        "false,B,0,0,0,C39,60,3,A,1000,3\n";
    DataSet data = LoadCsv(csv, plan.schema);
    EXPECT_EQ(data.rows, 2u);
    ASSERT_EQ(data.errors.size(), 3u);
    EXPECT_EQ(data.errors[0].line, 3u);
    EXPECT_EQ(data.errors[0].column, "isHighTech");
    EXPECT_EQ(data.errors[1].line, 4u);
    EXPECT_NE(data.errors[1].ToString().find("'three hundred' is not a number"), std::string::npos);
    EXPECT_EQ(data.errors[2].line, 5u);
    EXPECT_EQ(data.lines, (std::vector<size_t>{2, 6}));
}

TEST(Batch, CsvOutputHasOneLinePerAwardAndExplainsTheRest) {
    auto loaded = LoadModel(PolicyModel());
    ASSERT_TRUE(loaded.ok());
    auto plan = *PlanBatch(loaded.model, "Eligible awards").plan;
    std::string csv =
        "id,isHighTech,creditRating,envPenalties12m,rdExpense,exportValue,industry,employees,"
        "regYears,emissionGrade,revenue,district\n"
        "e1,true,A,0,2345,0,I65,42,1,C,30000,9\n";
    DataSet data = LoadCsv(csv, plan.schema);
    ASSERT_EQ(data.rows, 1u);
    BatchOptions options;
    options.explain = true;
    BatchResult r = RunBatch(plan, data, options);
    std::string out = WriteBatchCsv(plan, data, r, true);
    // Every R&D tier qualifies (2345 >= 1400): 0.05 x 2345 = 117.25 ... 0.09 x 2345 = 211.05,
    EXPECT_NE(out.find("2,e1,RD0,117.25,"), std::string::npos) << out;
    EXPECT_NE(out.find("2,e1,RD4,211.05,"), std::string::npos) << out;
    EXPECT_EQ(out.find(",JOB0,"), std::string::npos) << out;
    // ... and the jobs policy says why not: 42 employees are fewer than 50.
    EXPECT_NE(out.find("JOB0: employees 42 does not satisfy >= 50"), std::string::npos) << out;
}

}  // namespace
}  // namespace ow::rules
