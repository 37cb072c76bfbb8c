// The FEEL interpreter, table-driven: each expression and the value it must give, printed as a
// FEEL literal. What a policy officer would see if an operator or a rule went wrong.
#include <gtest/gtest.h>

#include <string>

#include "rules/feel.hpp"

namespace ow::rules {
namespace {

struct EvalCase {
    std::string text;
    std::string expected;  // ToLiteral of the result
};

std::string Feel(const std::string& text, const Scope& scope, Evaluation& ev,
                 const std::vector<std::string>& names = {}) {
    ParseContext ctx;
    ctx.names = names;
    auto p = ParseExpression(text, ctx);
    if (!p.ok()) return "parse error: " + p.error.ToString();
    return ToLiteral(Evaluate(*p.value, scope, ev));
}

std::string Feel(const std::string& text) {
    Scope scope;
    Evaluation ev;
    return Feel(text, scope, ev);
}

TEST(FeelInterpreter, EvaluatesExpressions) {
    const EvalCase cases[] = {
        // Arithmetic, exact decimals, precedence.
        {"1 + 2 * 3", "7"},
        {"0.1 + 0.2", "0.3"},
        {"(1 + 2) * 3", "9"},
        {"10 / 4", "2.5"},
        {"1 / 0", "null"},
        {"3 ** 4 ** 5", "3486784401"},
        {"-3 ** 2", "9"},
        {"-(1 + 2)", "-3"},
        {"\"foo\" + 1", "null"},
        // Comparison and three-valued logic.
        {"1 < 2", "true"},
        {"1 = 1.0", "true"},
        {"\"a\" != \"b\"", "true"},
        {"1 = \"1\"", "null"},
        {"null = null", "true"},
        {"true and null", "null"},
        {"false and null", "false"},
        {"true or null", "true"},
        {"false or null", "null"},
        {"1 and true", "null"},
        {"5 between 1 and 10", "true"},
        {"5 between 6 and 10", "false"},
        // in / ranges / unary tests inside expressions.
        {"5 in (1, 5)", "true"},
        {"5 in [1..5)", "false"},
        {"5 in ]1..5]", "true"},
        {"5 in <5", "false"},
        {"5 in >=5", "true"},
        {"5 in [1, 2, 5]", "true"},
        {"\"b\" in (\"a\", \"b\")", "true"},
        // Lists, contexts, filters, paths.
        {"[1, 2, 3][2]", "2"},
        {"[1, 2, 3][-1]", "3"},
        {"[1, 2, 3][4]", "null"},
        {"[1, 2, 3, 4][item > 2]", "[3, 4]"},
        {"[{a: 1}, {a: 2}][a > 1]", "[{a: 2}]"},
        {"[{a: 1}, {a: 2}][item.a = 1].a", "[1]"},
        {"[{a: 1}, {a: 2}].a", "[1, 2]"},
        {"{a: 1, b: a + 1}.b", "2"},
        {"{a: {b: {c: 3}}}.a.b.c", "3"},
        {"{\"a\": 2}.a", "2"},
        {"{\"\": 2} = {\"\": 2}", "true"},
        {"{x-y: 2, z: x-y * 2}.z", "4"},
        {"5[1]", "5"},
        {"{a: 1}.b", "null"},
        // if, for, some, every.
        {"if 1 > 2 then \"a\" else \"b\"", "\"b\""},
        {"if null then \"a\" else \"b\"", "\"b\""},
        {"for i in 1..3 return i * 2", "[2, 4, 6]"},
        {"for i in 3..1 return i", "[3, 2, 1]"},
        {"for x in [1, 2], y in [10, 20] return x + y", "[11, 21, 12, 22]"},
        {"for i in 0..4 return if i = 0 then 1 else i * partial[-1]", "[1, 1, 2, 6, 24]"},
        {"for i in [] return i", "[]"},
        {"some x in [1, 2, 3] satisfies x > 2", "true"},
        {"every x in [1, 2, 3] satisfies x > 2", "false"},
        {"every x in [] satisfies x > 2", "true"},
        // Functions: lambdas, closures, named arguments, recursion, typed parameters.
        {"(function(a, b) a + b)(1, 2)", "3"},
        {"{f: function(a, b) a - b, r: f(b: 1, a: 5)}.r", "4"},
        {"{k: 10, f: function(x) x + k}.f(1)", "11"},
        {"{fact: function(n) if n <= 1 then 1 else n * fact(n - 1), r: fact(10)}.r", "3628800"},
        {"{adder: function(n) function(x) x + n, add2: adder(2), r: add2(40)}.r", "42"},
        {"{f: function(a: number) a * 2}.f(\"x\")", "null"},
        {"{f: function(a: number) a * 2}.f([21])", "42"},
        {"(function(a) a)(1, 2)", "null"},
        {"3(1)", "null"},
        {"function(a) external {java: {}}", "null"},
        {"{f: function(a, b) external {java: {class: \"java.lang.Math\", method signature: "
         "\"max(int, int)\"}}}.f(3, 7)",
         "7"},
        {"{f: function(a) external {java: {class: \"java.lang.Math\", method signature: "
         "\"cos(double)\"}}}.f(0)",
         "1"},
        {"{f: function(a, b) external {java: {class: \"java.lang.String\", method signature: "
         "\"format(java.lang.String, [Ljava.lang.Object;)\"}}}.f(\"x %s\", 5)",
         "\"x 5\""},
        {"{f: function(a) external {java: {class: \"java.lang.System\", method signature: "
         "\"exit(int)\"}}}.f",
         "null"},
        // instance of.
        {"1 instance of number", "true"},
        {"\"a\" instance of number", "false"},
        {"null instance of number", "false"},
        {"[1, 2] instance of list<number>", "true"},
        {"{a: 1} instance of context<a: number>", "true"},
        {"1 instance of nonsense", "null"},
        // Unknown names are null, not errors.
        {"unknown + 1", "null"},
    };
    for (const auto& c : cases) EXPECT_EQ(Feel(c.text), c.expected) << c.text;
}

TEST(FeelInterpreter, ResolvesNamesWithSpacesFromTheScope) {
    Scope scope;
    scope.Set("Monthly Salary", Value::Number(1000));
    scope.Set("Date-Time", Value::Number(3));
    scope.Set("Applicant", Value::FromContext(Context{{{"Age", Value::Number(42)}}}));
    Evaluation ev;
    std::vector<std::string> names = {"Monthly Salary", "Date-Time", "Applicant"};
    EXPECT_EQ(Feel("Monthly Salary * 12", scope, ev, names), "12000");
    EXPECT_EQ(Feel("Monthly   Salary * 12", scope, ev, names), "12000");
    EXPECT_EQ(Feel("Date-Time - 1", scope, ev, names), "2");
    EXPECT_EQ(Feel("Applicant.Age >= 18", scope, ev, names), "true");
    // Names the caller did not declare still work when the words are unambiguous.
    EXPECT_EQ(Feel("Monthly Salary / 2", scope, ev), "500");
}

TEST(FeelInterpreter, ResolvesModelTypesAtAnyDepth) {
    Scope scope;
    scope.SetTypeResolver([](std::string_view name) -> std::optional<Type> {
        if (name == "tAmount") return Type::Of(Kind::kNumber);
        return std::nullopt;
    });
    Evaluation ev;
    EXPECT_EQ(Feel("5 instance of tAmount", scope, ev), "true");
    EXPECT_EQ(Feel("[5, 6] instance of list<tAmount>", scope, ev), "true");
    EXPECT_EQ(Feel("[\"5\"] instance of list<tAmount>", scope, ev), "false");
    EXPECT_EQ(Feel("{a: 5} instance of context<a: number>", scope, ev), "true");
    EXPECT_EQ(Feel("(function(x: tAmount) x * 2)(21)", scope, ev), "42");
    EXPECT_EQ(Feel("(function(x: tAmount) x * 2)(\"21\")", scope, ev), "null");
}

TEST(FeelInterpreter, UnknownNamesWarn) {
    Scope scope;
    Evaluation ev;
    EXPECT_EQ(Feel("nobody + 1", scope, ev), "null");
    ASSERT_FALSE(ev.warnings().empty());
    EXPECT_NE(ev.warnings().front().find("unknown name 'nobody'"), std::string::npos);
}

TEST(FeelInterpreter, UnaryTests) {
    struct TestCase {
        std::string tests;
        Value input;
        std::string expected;
    };
    const TestCase cases[] = {
        {"-", Value::Number(5), "true"},
        {"< 5", Value::Number(4), "true"},
        {"< 5", Value::Number(5), "false"},
        {"[1..5]", Value::Number(5), "true"},
        {"(1..5)", Value::Number(5), "false"},
        {"1, 2, 3", Value::Number(2), "true"},
        {"\"A\", \"B\"", Value::String("C"), "false"},
        {"not(\"A\", \"B\")", Value::String("C"), "true"},
        {"not(\"A\")", Value::String("A"), "false"},
        {"? > 3", Value::Number(4), "true"},
        {"? * 2 = 8", Value::Number(4), "true"},
        {"[1, 2, 3]", Value::Number(2), "true"},
        {"null", Value(), "true"},
        {"null", Value::Number(1), "false"},
        {"< 5", Value(), "null"},
        {">= 10, < 0", Value::Number(-1), "true"},
    };
    for (const auto& c : cases) {
        auto p = ParseUnaryTests(c.tests, ParseContext{});
        ASSERT_TRUE(p.ok()) << c.tests << ": " << p.error.ToString();
        Scope scope;
        Evaluation ev;
        EXPECT_EQ(ToLiteral(ow::rules::Test(*p.value, c.input, scope, ev)), c.expected)
            << c.tests << " with " << ToLiteral(c.input);
    }
}

TEST(FeelInterpreter, InfiniteRecursionExhaustsTheBudgetInsteadOfCrashing) {
    auto p = ParseExpression("{f: function(n) f(n + 1), r: f(1)}.r", ParseContext{});
    ASSERT_TRUE(p.ok());
    Scope scope;
    Evaluation ev;
    EXPECT_THROW(Evaluate(*p.value, scope, ev), BudgetExceeded);

    // A deep body in a deep recursion: the stack is guarded, not only the call depth.
    std::string body = "f(n - 1)";
    for (int i = 0; i < 150; ++i) body = "1 + (" + body + ")";
    std::string deep = "{f: function(n) if n = 0 then 0 else " + body + ", r: f(400)}.r";
    auto nested = ParseExpression(deep, ParseContext{});
    ASSERT_TRUE(nested.ok()) << nested.error.ToString();
    Evaluation deep_ev;
    EXPECT_THROW(Evaluate(*nested.value, scope, deep_ev), BudgetExceeded);

    auto loop = ParseExpression("for i in 1..1000000000000 return i", ParseContext{});
    ASSERT_TRUE(loop.ok());
    Evaluation small(DateTime{}, Limits{10000, 64});
    EXPECT_THROW(Evaluate(*loop.value, scope, small), BudgetExceeded);
}

}  // namespace
}  // namespace ow::rules
