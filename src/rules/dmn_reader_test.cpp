// The DMN reader: what a model holds after loading, how bad input is reported, the limits.
#include <gtest/gtest.h>

#include "rules/dmn.hpp"

namespace ow::rules {
namespace {

constexpr const char* kModel = R"(<?xml version="1.0" encoding="UTF-8"?>
<dmn:definitions xmlns:dmn="https://www.omg.org/spec/DMN/20191111/MODEL/" name="subsidy"
    namespace="http://example.org/subsidy" id="defs">
  <dmn:itemDefinition name="tSize" id="tSize">
    <dmn:typeRef>string</dmn:typeRef>
    <dmn:allowedValues><dmn:text>"small", "large"</dmn:text></dmn:allowedValues>
  </dmn:itemDefinition>
  <dmn:itemDefinition name="tFirm" isCollection="false">
    <dmn:itemComponent name="employees"><dmn:typeRef>number</dmn:typeRef></dmn:itemComponent>
    <dmn:itemComponent name="size" typeRef="tSize"/>
  </dmn:itemDefinition>
  <dmn:inputData id="i1" name="Firm"><dmn:variable name="Firm" typeRef="tFirm"/></dmn:inputData>
  <dmn:decision id="d1" name="Eligible">
    <dmn:variable name="Eligible" typeRef="boolean"/>
    <dmn:informationRequirement><dmn:requiredInput href="#i1"/></dmn:informationRequirement>
    <dmn:decisionTable id="t1" hitPolicy="FIRST">
      <dmn:input id="in1" label="employees">
        <dmn:inputExpression typeRef="number"><dmn:text>Firm.employees</dmn:text></dmn:inputExpression>
      </dmn:input>
      <dmn:output id="o1" name="eligible" typeRef="boolean"/>
      <dmn:rule id="r1">
        <dmn:inputEntry><dmn:text>&gt;= 50</dmn:text></dmn:inputEntry>
        <dmn:outputEntry><dmn:text>true</dmn:text></dmn:outputEntry>
      </dmn:rule>
      <dmn:rule id="r2">
        <dmn:inputEntry><dmn:text>-</dmn:text></dmn:inputEntry>
        <dmn:outputEntry><dmn:text>false</dmn:text></dmn:outputEntry>
      </dmn:rule>
    </dmn:decisionTable>
  </dmn:decision>
  <dmn:businessKnowledgeModel id="b1" name="Award">
    <dmn:encapsulatedLogic kind="FEEL">
      <dmn:formalParameter name="employees" typeRef="number"/>
      <dmn:literalExpression><dmn:text>employees * 100</dmn:text></dmn:literalExpression>
    </dmn:encapsulatedLogic>
  </dmn:businessKnowledgeModel>
  <dmn:decisionService id="s1" name="Screen">
    <dmn:outputDecision href="#d1"/>
    <dmn:inputData href="#i1"/>
  </dmn:decisionService>
</dmn:definitions>)";

TEST(DmnReader, ReadsTheRequirementsGraphAndTypes) {
    LoadResult r = LoadModel(kModel);
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].ToString());
    const Model& m = *r.model;
    EXPECT_EQ(m.name, "subsidy");
    EXPECT_EQ(m.ns, "http://example.org/subsidy");
    EXPECT_TRUE(m.errors.empty());
    ASSERT_EQ(m.item_definitions.size(), 2u);
    EXPECT_TRUE(m.item_definitions[0].allowed.has_value());
    ASSERT_EQ(m.item_definitions[1].components.size(), 2u);
    EXPECT_EQ(m.item_definitions[1].components[1].type_ref, "tSize");

    const Decision* d = m.FindDecision("Eligible");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->type_ref, "boolean");
    ASSERT_EQ(d->required_inputs.size(), 1u);
    EXPECT_EQ(d->required_inputs[0].id, "i1");
    ASSERT_NE(d->logic, nullptr);
    ASSERT_EQ(d->logic->kind, BoxedKind::kDecisionTable);
    const DecisionTable& t = *d->logic->table;
    EXPECT_EQ(t.hit_policy, HitPolicy::kFirst);
    ASSERT_EQ(t.rules.size(), 2u);
    EXPECT_EQ(t.rules[0].inputs[0]->text(), ">= 50");
    EXPECT_TRUE(t.rules[1].inputs[0]->is_any());

    const BusinessKnowledgeModel* b = m.FindBkm("Award");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->parameters, std::vector<std::string>{"employees"});
    ASSERT_NE(b->body, nullptr);
    EXPECT_EQ(b->body->kind, BoxedKind::kLiteral);

    const DecisionService* s = m.FindService("Screen");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->output_decisions.size(), 1u);
    EXPECT_EQ(s->input_data.size(), 1u);

    auto decisions = ListDecisions(m);
    ASSERT_EQ(decisions.size(), 1u);
    EXPECT_EQ(decisions[0].name, "Eligible");
    auto inputs = ListInputData(m);
    ASSERT_EQ(inputs.size(), 1u);
    EXPECT_EQ(inputs[0].type_ref, "tFirm");
}

TEST(DmnReader, FeelThatDoesNotParseIsReportedWithTheElementAndTheRestLoads) {
    std::string xml = kModel;
    xml.replace(xml.find("employees * 100"), 15, "employees * (100");
    LoadResult r = LoadModel(xml);
    ASSERT_TRUE(r.ok());
    ASSERT_FALSE(r.errors.empty());
    EXPECT_NE(r.errors[0].ToString().find("line 1"), std::string::npos) << r.errors[0].ToString();
    EXPECT_NE(r.model->FindDecision("Eligible"), nullptr);
    EXPECT_EQ(r.model->FindBkm("Award")->body->kind, BoxedKind::kInvalid);
}

TEST(DmnReader, RejectsWhatIsNotAModel) {
    EXPECT_FALSE(LoadModel("<definitions").ok());
    EXPECT_FALSE(LoadModel("<html/>").ok());
    LoadResult r = LoadModel("");
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(r.errors.empty());
}

TEST(DmnReader, RejectsHugeAndDeepInputWithAClearError) {
    ReaderLimits small;
    small.max_bytes = 100;
    LoadResult big = LoadModel(kModel, small);
    ASSERT_FALSE(big.ok());
    EXPECT_NE(big.errors[0].message.find("at most 100"), std::string::npos);

    std::string deep = "<definitions name=\"x\">";
    for (int i = 0; i < 300; ++i) deep += "<context>";
    for (int i = 0; i < 300; ++i) deep += "</context>";
    deep += "</definitions>";
    LoadResult d = LoadModel(deep);
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.errors[0].message.find("nested more than 256"), std::string::npos);

    // A million levels do not overflow the stack either.
    std::string very_deep(1'000'000 * 3, ' ');
    for (size_t i = 0; i < 1'000'000; ++i) very_deep.replace(i * 3, 3, "<a>");
    EXPECT_FALSE(LoadModel(very_deep).ok());
}

TEST(DmnReader, ResolvesImportsByNamespaceWithinASet) {
    const char* imported = R"(<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/"
        name="base" namespace="urn:base">
      <businessKnowledgeModel id="greet" name="Greet">
        <encapsulatedLogic><formalParameter name="who"/>
          <literalExpression><text>"Hello " + who</text></literalExpression></encapsulatedLogic>
      </businessKnowledgeModel></definitions>)";
    const char* main = R"(<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/"
        name="main" namespace="urn:main">
      <import name="base" namespace="urn:base"
              importType="https://www.omg.org/spec/DMN/20230324/MODEL/"/>
      <decision id="d" name="Greeting">
        <knowledgeRequirement><requiredKnowledge href="urn:base#greet"/></knowledgeRequirement>
        <literalExpression><text>base.Greet("Ann")</text></literalExpression>
      </decision></definitions>)";
    ModelSet set = LoadModels({{"main.dmn", main}, {"base.dmn", imported}});
    ASSERT_TRUE(set.errors.empty()) << set.errors[0].ToString();
    auto m = set.Find("main.dmn");
    ASSERT_NE(m, nullptr);
    ASSERT_EQ(m->imports.size(), 1u);
    EXPECT_EQ(m->imports[0].model, set.Find("base"));
    const Decision* d = m->FindDecision("Greeting");
    ASSERT_EQ(d->required_knowledge.size(), 1u);
    EXPECT_EQ(d->required_knowledge[0].ns, "urn:base");
    EXPECT_EQ(m->ModelOf(d->required_knowledge[0]), set.Find("base").get());
}

}  // namespace
}  // namespace ow::rules
