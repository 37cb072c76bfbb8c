// Decision tables: every hit policy on a tiny table, defaults, multiple outputs, and the
// reasons recorded in a trace.
#include <gtest/gtest.h>

#include "rules/dmn.hpp"

namespace ow::rules {
namespace {

// A table on input `x` (a number) with outputs `outputs` (`<output .../>` elements) and rules
// given as {input entry, output entries...} rows.
std::string TableModel(const std::string& hit_policy, const std::string& outputs,
                       const std::vector<std::vector<std::string>>& rules) {
    std::string xml = R"(<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
        name="t" namespace="urn:t">
      <inputData id="x" name="x"><variable name="x" typeRef="number"/></inputData>
      <decision id="d" name="D">
        <informationRequirement><requiredInput href="#x"/></informationRequirement>
        <decisionTable id="table" )" +
                      hit_policy + R"(>
          <input id="in" label="x"><inputExpression><text>x</text></inputExpression></input>)" +
                      outputs;
    for (const auto& rule : rules) {
        xml += "<rule><inputEntry><text>" + rule[0] + "</text></inputEntry>";
        for (size_t i = 1; i < rule.size(); ++i) {
            xml += "<outputEntry><text>" + rule[i] + "</text></outputEntry>";
        }
        xml += "<annotationEntry><text>rule " + rule[0] + "</text></annotationEntry></rule>";
    }
    return xml + "</decisionTable></decision></definitions>";
}

const std::string kOneOutput =
    R"(<output name="y"><outputValues><text>"high", "mid", "low"</text></outputValues></output>)";

struct Case {
    std::string name;
    std::string hit_policy;
    int x;
    std::string expected;  // ToLiteral of the result
};

// Rules: x > 10 -> "low", x > 5 -> "high", x > 0 -> "mid", x > 0 -> "mid".
const std::vector<std::vector<std::string>> kRules = {
    {"&gt; 10", "\"low\""}, {"&gt; 5", "\"high\""}, {"&gt; 0", "\"mid\""}, {"&gt; 0", "\"mid\""}};

class HitPolicyTest : public ::testing::TestWithParam<Case> {};

TEST_P(HitPolicyTest, GivesTheSpecifiedResult) {
    const Case& c = GetParam();
    LoadResult r = LoadModel(TableModel(c.hit_policy, kOneOutput, kRules));
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(r.model->errors.empty()) << r.model->errors[0].ToString();
    Inputs in;
    in.values.Put("x", Value::Number(int64_t(c.x)));
    Evaluation ev;
    DmnResult res = EvaluateDecision(*r.model, "D", in, ev);
    ASSERT_TRUE(res.ok()) << res.error;
    EXPECT_EQ(res.value.IsNull() ? "null" : ToLiteral(res.value), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    All, HitPolicyTest,
    ::testing::Values(
        Case{"UniqueNoMatch", "hitPolicy=\"UNIQUE\"", -1, "null"},
        Case{"UniqueTwoMatchesIsAnError", "hitPolicy=\"UNIQUE\"", 7, "null"},
        Case{"UniqueIsTheDefault", "", -1, "null"},
        Case{"AnyAgreeing", "hitPolicy=\"ANY\"", 3, "\"mid\""},
        Case{"AnyDisagreeingIsAnError", "hitPolicy=\"ANY\"", 7, "null"},
        Case{"PriorityByOutputValues", "hitPolicy=\"PRIORITY\"", 7, "\"high\""},
        Case{"PriorityHighBeatsLow", "hitPolicy=\"PRIORITY\"", 11, "\"high\""},
        Case{"First", "hitPolicy=\"FIRST\"", 11, "\"low\""},
        Case{"RuleOrder", "hitPolicy=\"RULE ORDER\"", 7, "[\"high\", \"mid\", \"mid\"]"},
        Case{"OutputOrder", "hitPolicy=\"OUTPUT ORDER\"", 11,
             "[\"high\", \"mid\", \"mid\", \"low\"]"},
        Case{"Collect", "hitPolicy=\"COLLECT\"", 11, "[\"low\", \"high\", \"mid\", \"mid\"]"},
        Case{"CollectNoMatchIsEmpty", "hitPolicy=\"COLLECT\"", -1, "[]"},
        Case{"CollectCount", "hitPolicy=\"COLLECT\" aggregation=\"COUNT\"", 7, "3"},
        Case{"CollectCountNoMatchIsZero", "hitPolicy=\"COLLECT\" aggregation=\"COUNT\"", -1, "0"}),
    [](const auto& info) { return info.param.name; });

std::vector<std::vector<std::string>> NumberRules() {
    return {{"&gt; 10", "100"}, {"&gt; 5", "20"}, {"&gt; 0", "3"}};
}

std::string NumberOf(const std::string& aggregation, int x) {
    LoadResult r = LoadModel(TableModel("hitPolicy=\"COLLECT\" aggregation=\"" + aggregation + "\"",
                                        "<output name=\"y\"/>", NumberRules()));
    Inputs in;
    in.values.Put("x", Value::Number(int64_t(x)));
    Evaluation ev;
    Value v = EvaluateDecision(*r.model, "D", in, ev).value;
    return v.IsNull() ? "null" : ToLiteral(v);
}

TEST(DecisionTable, CollectAggregatesNumbers) {
    EXPECT_EQ(NumberOf("SUM", 11), "123");
    EXPECT_EQ(NumberOf("MIN", 11), "3");
    EXPECT_EQ(NumberOf("MAX", 7), "20");
    EXPECT_EQ(NumberOf("SUM", -1), "null");  // nothing to sum
    EXPECT_EQ(NumberOf("MAX", -1), "null");
}

TEST(DecisionTable, MultipleOutputsGiveContextsAndDefaultsApplyWhenNothingMatches) {
    std::string outputs =
        R"(<output name="grade"><defaultOutputEntry><text>"none"</text></defaultOutputEntry></output>
        <output name="award"><defaultOutputEntry><text>0</text></defaultOutputEntry></output>)";
    LoadResult r =
        LoadModel(TableModel("hitPolicy=\"UNIQUE\"", outputs,
                             {{"&gt;= 50", "\"A\"", "1000"}, {"[10..50)", "\"B\"", "200"}}));
    ASSERT_TRUE(r.ok());
    auto eval = [&](int x) {
        Inputs in;
        in.values.Put("x", Value::Number(int64_t(x)));
        Evaluation ev;
        return ToLiteral(EvaluateDecision(*r.model, "D", in, ev).value);
    };
    EXPECT_EQ(eval(60), "{grade: \"A\", award: 1000}");
    EXPECT_EQ(eval(10), "{grade: \"B\", award: 200}");
    EXPECT_EQ(eval(3), "{grade: \"none\", award: 0}");
}

TEST(DecisionTable, TraceRecordsWhichRulesMatchedAndWhichEntriesFailed) {
    LoadResult r = LoadModel(TableModel("hitPolicy=\"FIRST\"", kOneOutput, kRules));
    Inputs in;
    in.values.Put("x", Value::Number(int64_t(7)));
    Evaluation ev;
    Trace trace;
    DmnResult res = EvaluateDecision(*r.model, "D", in, ev, &trace);
    ASSERT_EQ(ToLiteral(res.value), "\"high\"");
    ASSERT_EQ(trace.decisions.size(), 1u);
    EXPECT_EQ(trace.decisions[0].name, "D");
    ASSERT_EQ(trace.tables.size(), 1u);
    const TableTrace& t = trace.tables[0];
    EXPECT_EQ(t.decision, "D");
    EXPECT_EQ(t.hit_policy, "FIRST");
    ASSERT_EQ(t.input_values.size(), 1u);
    EXPECT_EQ(ToLiteral(t.input_values[0]), "7");
    ASSERT_EQ(t.rules.size(), 4u);
    EXPECT_FALSE(t.rules[0].matched);
    ASSERT_EQ(t.rules[0].failed.size(), 1u);
    EXPECT_EQ(t.rules[0].failed[0].test, "> 10");
    EXPECT_EQ(t.rules[0].failed[0].label, "x");
    EXPECT_TRUE(t.rules[1].matched);
    EXPECT_EQ(ToLiteral(t.rules[1].output), "\"high\"");
    EXPECT_EQ(t.rules[1].annotations, std::vector<std::string>{"rule > 5"});
    EXPECT_EQ(ToLiteral(t.result), "\"high\"");
}

TEST(DecisionTable, AnInputOutsideItsInputValuesGivesNull) {
    std::string xml = TableModel("hitPolicy=\"FIRST\"", kOneOutput, kRules);
    xml.replace(xml.find("</inputExpression>"), 18,
                "</inputExpression><inputValues><text>[0..100]</text></inputValues>");
    LoadResult r = LoadModel(xml);
    Inputs in;
    in.values.Put("x", Value::Number(int64_t(700)));
    Evaluation ev;
    EXPECT_TRUE(EvaluateDecision(*r.model, "D", in, ev).value.IsNull());
    EXPECT_FALSE(ev.warnings().empty());
}

TEST(DecisionTable, ARunawayRuleStopsAtTheStepBudget) {
    std::string xml = TableModel("hitPolicy=\"FIRST\"", kOneOutput,
                                 {{"-", "string(count(for i in 1..100000000 return i))"}});
    LoadResult r = LoadModel(xml);
    Inputs in;
    in.values.Put("x", Value::Number(int64_t(1)));
    Evaluation ev(DateTime{}, Limits{100'000, 64});
    DmnResult res = EvaluateDecision(*r.model, "D", in, ev);
    EXPECT_EQ(res.error, "evaluation stopped: step budget exceeded");
}

}  // namespace
}  // namespace ow::rules
