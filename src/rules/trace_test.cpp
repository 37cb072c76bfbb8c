// Explanations: the sentences an enterprise reads about why it did or did not qualify.
#include "rules/trace.hpp"

#include <gtest/gtest.h>

#include "rules/dmn.hpp"

namespace ow::rules {
namespace {

constexpr const char* kModel = R"(<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
    name="subsidy" namespace="urn:subsidy">
  <inputData id="e" name="employees"><variable name="employees" typeRef="number"/></inputData>
  <inputData id="r" name="revenue"><variable name="revenue" typeRef="number"/></inputData>
  <decision id="d" name="Eligible">
    <informationRequirement><requiredInput href="#e"/></informationRequirement>
    <informationRequirement><requiredInput href="#r"/></informationRequirement>
    <decisionTable hitPolicy="FIRST">
      <input label="employees"><inputExpression><text>employees</text></inputExpression></input>
      <input label="revenue"><inputExpression><text>revenue</text></inputExpression></input>
      <output name="eligible"/>
      <rule><inputEntry><text>&gt;= 50</text></inputEntry><inputEntry><text>-</text></inputEntry>
        <outputEntry><text>true</text></outputEntry></rule>
      <rule><inputEntry><text>&gt;= 20</text></inputEntry><inputEntry><text>&gt; 1000000</text></inputEntry>
        <outputEntry><text>true</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>)";

Trace Screen(int employees, int revenue) {
    LoadResult r = LoadModel(kModel);
    Inputs in;
    in.values.Put("employees", Value::Number(int64_t(employees)));
    in.values.Put("revenue", Value::Number(int64_t(revenue)));
    Evaluation ev;
    Trace trace;
    EvaluateDecision(*r.model, "Eligible", in, ev, &trace);
    return trace;
}

TEST(Trace, ExplainsARefusalByTheRuleThatCameClosest) {
    Trace t = Screen(42, 10);
    ASSERT_EQ(t.tables.size(), 1u);
    EXPECT_TRUE(t.tables[0].result.IsNull());
    EXPECT_EQ(Explain(t.tables[0], "eligible", "not eligible"),
              "not eligible: employees 42 does not satisfy >= 50");
}

TEST(Trace, ExplainsAnAwardByTheEntriesThatHeld) {
    Trace t = Screen(30, 2000000);
    EXPECT_EQ(
        Explain(t.tables[0], "eligible", "not eligible"),
        "eligible because employees 30 satisfies >= 20 and revenue 2000000 satisfies > 1000000");
    ASSERT_EQ(t.decisions.size(), 1u);
    EXPECT_EQ(ToLiteral(t.decisions[0].value), "true");
}

TEST(Trace, RecordsEveryFailedEntryOfARule) {
    Trace t = Screen(10, 10);
    const RuleTrace& second = t.tables[0].rules[1];
    ASSERT_EQ(second.failed.size(), 2u);
    EXPECT_EQ(DescribeFailure(second.failed[1]), "revenue 10 does not satisfy > 1000000");
}

TEST(Trace, SaysWhenAnEntryCouldNotBeChecked) {
    FailedEntry e{0, "employees", Value(), ">= 50", true};
    EXPECT_EQ(DescribeFailure(e), "employees null cannot be checked against >= 50");
}

}  // namespace
}  // namespace ow::rules
