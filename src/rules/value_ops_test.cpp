// FEEL's operators on values: equality, ordering and the temporal arithmetic rules, each case
// written as FEEL so it reads like the rule a policy officer would write.
#include "rules/value_ops.hpp"

#include <gtest/gtest.h>

#include <string>

#include "rules/feel.hpp"

namespace ow::rules {
namespace {

Value Eval(const std::string& text) {
    auto p = ParseExpression(text, ParseContext{});
    EXPECT_TRUE(p.ok()) << text << ": " << p.error.ToString();
    if (!p.ok()) return Value();
    Scope scope;
    Evaluation ev;
    return Evaluate(*p.value, scope, ev);
}

struct OpCase {
    const char* op;
    const char* a;
    const char* b;
    const char* expected;  // ToLiteral of the result
};

TEST(ValueOps, ComputesArithmetic) {
    const OpCase cases[] = {
        {"+", "1.2345", "2.234", "3.4685"},
        {"-", "1.1234", "0.2345", "0.8889"},
        {"*", "0.05", "2345", "117.25"},
        {"/", "1", "3", "0.3333333333333333333333333333333333"},
        {"/", "100", "0", "null"},
        {"**", "5", "-2", "0.04"},
        {"**", "5.5", "2", "30.25"},
        {"**", "2", "100", "1267650600228229401496703205376"},
        {"+", "\"foo\"", "\"bar\"", "\"foobar\""},
        {"+", "1", "\"1\"", "null"},
        {"-", "date(\"2021-01-02\")", "date(\"2021-01-01\")", "duration(\"P1D\")"},
        {"+", "date(\"2021-01-31\")", "duration(\"P1M\")", "date(\"2021-02-28\")"},
        {"+", "date(\"2020-01-31\")", "duration(\"P1M\")", "date(\"2020-02-29\")"},
        {"-", "date(\"2021-03-31\")", "duration(\"P1M\")", "date(\"2021-02-28\")"},
        {"+", "date(\"2021-01-01\")", "duration(\"PT36H\")", "date(\"2021-01-02\")"},
        {"-", "date(\"2021-01-02\")", "duration(\"PT1H\")", "date(\"2021-01-01\")"},
        {"+", "date and time(\"2021-01-01T10:10:10\")", "duration(\"P1DT1H\")",
         "date and time(\"2021-01-02T11:10:10\")"},
        {"-", "date and time(\"2021-01-02T10:10:10@Europe/Paris\")",
         "date and time(\"2021-01-01T10:10:10@Asia/Dhaka\")", "duration(\"P1DT5H\")"},
        {"-", "date and time(\"2021-01-02T10:10:10+02:00\")",
         "date and time(\"2021-01-01T10:10:10\")", "null"},
        {"-", "date(\"2021-01-02\")", "date and time(\"2021-01-01T10:10:10+11:00\")",
         "duration(\"P1DT49M50S\")"},
        {"+", "time(\"23:15:00\")", "duration(\"PT1H\")", "time(\"00:15:00\")"},
        {"-", "time(\"10:10:10\")", "time(\"11:10:10\")", "duration(\"-PT1H\")"},
        {"*", "1.5", "duration(\"P4DT1H\")", "duration(\"P6DT1H30M\")"},
        {"*", "-2.5", "duration(\"P1Y11M\")", "duration(\"-P4Y9M\")"},
        {"/", "duration(\"P10Y11M\")", "2.5", "duration(\"P4Y4M\")"},
        {"/", "duration(\"P10D\")", "duration(\"P5D\")", "2"},
        {"/", "duration(\"P10D\")", "0", "null"},
        {"+", "duration(\"P1Y\")", "duration(\"-P2M\")", "duration(\"P10M\")"},
        {"-", "duration(\"P1D\")", "duration(\"PT2H\")", "duration(\"PT22H\")"},
    };
    for (const auto& c : cases) {
        std::string text = std::string("(") + c.a + ") " + c.op + " (" + c.b + ")";
        EXPECT_EQ(ToLiteral(Eval(text)), c.expected) << text;
    }
}

TEST(ValueOps, ComparesAcrossKinds) {
    const OpCase cases[] = {
        {"=", "1", "1.0", "true"},
        {"=", "null", "null", "true"},
        {"=", "null", "1", "false"},
        {"=", "1", "\"1\"", "null"},
        {"=", "[1, 2]", "[1, 2.0]", "true"},
        {"=", "{a: 1, b: 2}", "{b: 2, a: 1}", "true"},
        {"=", "{a: 1}", "{a: 1, b: 2}", "false"},
        {"<", "\"a\"", "\"b\"", "true"},
        {"<", "date(\"2021-01-01\")", "date(\"2021-01-02\")", "true"},
        {"=", "time(\"10:30:00.0001\")", "time(\"10:30:00.0002\")", "true"},
        {"=", "time(\"10:00:00+01:00\")", "time(\"09:00:00Z\")", "true"},
        {"<", "duration(\"P1D\")", "duration(\"PT25H\")", "true"},
        {"<", "duration(\"P1Y\")", "duration(\"P13M\")", "true"},
        {"<", "1", "\"2\"", "null"},
        {"=", "date and time(\"2018-12-08T10:00:00+01:00\")",
         "date and time(\"2018-12-08T09:00:00Z\")", "true"},
        {"<", "date and time(\"2018-12-08T10:00:00\")", "date and time(\"2018-12-08T10:00:00Z\")",
         "null"},
    };
    for (const auto& c : cases) {
        std::string text = std::string("(") + c.a + ") " + c.op + " (" + c.b + ")";
        EXPECT_EQ(ToLiteral(Eval(text)), c.expected) << text;
    }
}

TEST(ValueOps, ReadsProperties) {
    const std::pair<const char*, const char*> cases[] = {
        {"date(\"2018-12-10\").weekday", "1"},
        {"date and time(\"2018-12-10T10:30:01\").second", "1"},
        {"date and time(\"2018-12-10T10:30:00+05:00\").time offset", "duration(\"PT5H\")"},
        {"time(\"10:30:00@Etc/UTC\").timezone", "\"Etc/UTC\""},
        {"duration(\"P1Y2M\").months", "2"},
        {"duration(\"P2DT3H\").hours", "3"},
        {"[1..10).end included", "false"},
    };
    for (const auto& [text, expected] : cases) EXPECT_EQ(ToLiteral(Eval(text)), expected) << text;
}

TEST(ValueOps, TestsRanges) {
    Range r{Value::Number(int64_t(1)), Value::Number(int64_t(10)), true, false};
    EXPECT_EQ(InRange(Value::Number(int64_t(1)), r), true);
    EXPECT_EQ(InRange(Value::Number(int64_t(10)), r), false);
    EXPECT_EQ(InRange(Value::String("x"), r), std::nullopt);
    Range below{Value(), Value::Number(int64_t(5)), false, false};
    EXPECT_EQ(InRange(Value::Number(int64_t(-100)), below), true);
}

}  // namespace
}  // namespace ow::rules
