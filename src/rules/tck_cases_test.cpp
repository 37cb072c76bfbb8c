// Reading TCK test-case files: typed values, contexts, lists, nil, and the comparison rules.
#include "rules/tck_cases.hpp"

#include <gtest/gtest.h>

namespace ow::rules {
namespace {

constexpr const char* kFile = R"(<?xml version="1.0"?>
<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <modelName>0004-simpletable-U.dmn</modelName>
  <testCase id="001">
    <inputNode name="Age"><value xsi:type="xsd:decimal">18.50</value></inputNode>
    <inputNode name="Name"><value xsi:type="xsd:string">Ann</value></inputNode>
    <inputNode name="Ok"><value xsi:type="xsd:boolean">true</value></inputNode>
    <inputNode name="Born"><value xsi:type="xsd:date">2001-02-03</value></inputNode>
    <inputNode name="Wait"><value xsi:type="xsd:duration">P1Y2M</value></inputNode>
    <inputNode name="Gap"><value xsi:type="xsd:duration">PT2H</value></inputNode>
    <inputNode name="Nothing"><value xsi:nil="true"/></inputNode>
    <inputNode name="Person" namespace="urn:other">
      <component name="name"><value xsi:type="xsd:string">Bo</value></component>
      <component name="tags"><list><item><value xsi:type="xsd:integer">1</value></item>
        <item><value xsi:nil="true"/></item></list></component>
    </inputNode>
    <resultNode name="Status" type="decision" errorResult="true">
      <expected><value xsi:nil="true"/></expected>
    </resultNode>
  </testCase>
  <testCase id="002" type="decisionService" invocableName="svc">
    <resultNode name="out"><expected><value xsi:type="xsd:double">0.1</value></expected></resultNode>
  </testCase>
</testCases>)";

TEST(TckCases, ReadsTypedInputsAndExpectations) {
    TckFile f = ParseTckFile(kFile);
    ASSERT_TRUE(f.error.empty()) << f.error;
    EXPECT_EQ(f.model_name, "0004-simpletable-U.dmn");
    ASSERT_EQ(f.cases.size(), 2u);
    const TckCase& c = f.cases[0];
    EXPECT_EQ(c.type, "decision");
    ASSERT_EQ(c.inputs.size(), 8u);
    EXPECT_EQ(ToLiteral(c.inputs[0].value), "18.5");
    EXPECT_EQ(ToLiteral(c.inputs[1].value), "\"Ann\"");
    EXPECT_EQ(ToLiteral(c.inputs[2].value), "true");
    EXPECT_EQ(c.inputs[3].value.kind(), Kind::kDate);
    EXPECT_EQ(c.inputs[4].value.kind(), Kind::kYearsMonthsDuration);
    EXPECT_EQ(c.inputs[5].value.kind(), Kind::kDaysTimeDuration);
    EXPECT_TRUE(c.inputs[6].value.IsNull());
    EXPECT_EQ(c.inputs[7].ns, "urn:other");
    EXPECT_EQ(ToLiteral(c.inputs[7].value), "{name: \"Bo\", tags: [1, null]}");
    ASSERT_EQ(c.results.size(), 1u);
    EXPECT_TRUE(c.results[0].error_result);
    EXPECT_TRUE(c.results[0].has_expected);
    EXPECT_TRUE(c.results[0].expected.IsNull());
    EXPECT_EQ(f.cases[1].type, "decisionService");
    EXPECT_EQ(f.cases[1].invocable, "svc");
}

TEST(TckCases, ComparesNumbersAsDecimalsAndStructuresDeeply) {
    auto n = [](const char* s) { return Value::Number(*Decimal::Parse(s)); };
    EXPECT_TRUE(TckEqual(n("1.50"), n("1.5")));
    EXPECT_FALSE(TckEqual(n("1.5"), n("1.51")));
    EXPECT_TRUE(TckEqual(Value(), Value()));
    EXPECT_FALSE(TckEqual(Value(), n("0")));
    EXPECT_FALSE(TckEqual(n("1"), Value::String("1")));
    EXPECT_TRUE(TckEqual(Value::FromList({n("1"), Value()}), Value::FromList({n("1.0"), Value()})));
    Context a, b;
    a.Put("x", n("1"));
    b.Put("x", n("1"));
    b.Put("y", n("2"));
    EXPECT_FALSE(TckEqual(Value::FromContext(a), Value::FromContext(b)));
    a.Put("y", n("2.0"));
    EXPECT_TRUE(TckEqual(Value::FromContext(a), Value::FromContext(b)));
}

TEST(TckCases, ReportsFilesThatAreNotTestCases) {
    EXPECT_FALSE(ParseTckFile("<testCases").error.empty());
    EXPECT_FALSE(ParseTckFile("<definitions/>").error.empty());
}

}  // namespace
}  // namespace ow::rules
