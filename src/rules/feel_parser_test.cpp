// The FEEL parser: what trees it builds, where it reports errors, and that hostile nesting is
// rejected instead of overflowing the stack.
#include <gtest/gtest.h>

#include <string>

#include "rules/feel.hpp"
#include "rules/feel_ast.hpp"

namespace ow::rules {
namespace {

struct ParseCase {
    std::string text;
    std::string tree;
    std::vector<std::string> names = {};
};

std::string Tree(const std::string& text, const std::vector<std::string>& names = {}) {
    ParseContext ctx;
    ctx.names = names;
    auto p = ParseExpression(text, ctx);
    if (!p.ok()) return "error: " + p.error.ToString();
    return DebugString(p.value->root());
}

std::string TestsTree(const std::string& text) {
    auto p = ParseUnaryTests(text, ParseContext{});
    if (!p.ok()) return "error: " + p.error.ToString();
    return DebugString(p.value->root());
}

TEST(FeelParser, BuildsTheExpectedTrees) {
    const ParseCase cases[] = {
        {"1 + 2 * 3", "(+ 1 (* 2 3))"},
        {"(1 + 2) * 3", "(* (+ 1 2) 3)"},
        {"10 - 2 - 3", "(- (- 10 2) 3)"},
        {"3 ** 4 ** 5", "(** (** 3 4) 5)"},
        {"-3 ** 2", "(** -3 2)"},
        {"-x", "(neg (name x))"},
        {"a.b.c", "(path c (path b (name a)))"},
        {"a or b and c", "(or (name a) (and (name b) (name c)))"},
        {"x >= 5 and x != 7", "(and (>= (name x) 5) (!= (name x) 7))"},
        {"{a: 1, \"b c\": 2}", "(context a: b c: 1 2)"},
        {"[1..10]", "(range [] 1 10)"},
        {"]1..10[", "(range () 1 10)"},
        {"(1..10]", "(range (] 1 10)"},
        {"[]", "(list)"},
        {"[1, \"a\", null, true]", "(list 1 \"a\" null true)"},
        {"for x in 1..3 return x * 2", "(for x (.. 1 3) (* (name x) 2))"},
        {"for x in [1, 2], y in x..3 return y", "(for x y (list 1 2) (.. (name x) 3) (name y))"},
        {"some x in [1, 2] satisfies x > 1", "(some x (list 1 2) (> (name x) 1))"},
        {"every x in l satisfies x > 1", "(every x (name l) (> (name x) 1))"},
        {"if a then 1 else 2", "(if (name a) 1 2)"},
        {"x in (1, 2)", "(in (name x) 1 2)"},
        {"x in (1..2)", "(in (name x) (range () 1 2))"},
        {"x in <5", "(in (name x) (test < 5))"},
        {"x in [1..5] and y", "(and (in (name x) (range [] 1 5)) (name y))"},
        {"x between 1 and 5", "(between (name x) 1 5)"},
        {"x instance of list<number>", "(instance-of list<number> (name x))"},
        {"x instance of date and time", "(instance-of date and time (name x))"},
        {"f instance of function<number, string>->boolean",
         "(instance-of function<number, string>->boolean (name f))"},
        {"function(a, b: number) a + b", "(function a b:number (+ (name a) (name b)))"},
        {"function(a) external {java: {}}", "(function external a (context java: (context)))"},
        {"f(a: 1, b: 2)", "(call a: b: (name f) 1 2)"},
        {"substring(\"abc\", start position: 2)",
         "error: line 1, column 32: expected ')' but found ':'"},
        {"substring(string: \"abc\", start position: 2)",
         "(call string: start position: (name substring) \"abc\" 2)"},
        {"list[item > 3]", "(filter (name list) (> (name item) 3))"},
        {"list[-1]", "(filter (name list) -1)"},
        {"not(true)", "(call (name not) true)"},
        {"date and time(\"2019-01-01T00:00:00\")",
         "(call (name date and time) \"2019-01-01T00:00:00\")"},
        {"string length(\"x\")", "(call (name string length) \"x\")"},
        {"Monthly Salary * 12", "(* (name Monthly Salary) 12)", {"Monthly Salary"}},
        {"Monthly   Salary * 12", "(* (name Monthly Salary) 12)", {"Monthly Salary"}},
        {"Unknown Name * 12", "(* (name Unknown Name) 12)"},
        {"a-b", "(name a-b)", {"a-b"}},
        {"a-b", "(- (name a) (name b))"},
        {"Applicant's Age + 1", "(+ (name Applicant's Age) 1)", {"Applicant's Age"}},
        {"{x-y: 1, z: x-y + 1}", "(context x-y: z: 1 (+ (name x-y) 1))"},
        {"for x-y in [1] return x-y", "(for x-y (list 1) (name x-y))"},
        {"round half up(min(cap, rate * field), 2)",
         "(call (name round half up) (call (name min) (name cap) (* (name rate) (name field))) "
         "2)"},
        {"1 // comment\n + /* more */ 2", "(+ 1 2)"},
        {"\"a\\\"b\\u00e9\\U0001F600\"", "\"a\\\"b\xC3\xA9\xF0\x9F\x98\x80\""},
        {".5 + 1.2e3", "(+ 0.5 1200)"},
        {"名称 + 1", "(+ (name 名称) 1)"},
        {"for each item + 1", "(+ (name for each item) 1)", {"for each item"}},
        {"days in weekend", "(name days in weekend)", {"days in weekend"}},
        {"for i in days in weekend return i",
         "(for i (name days in weekend) (name i))",
         {"days in weekend"}},
    };
    for (const auto& c : cases) EXPECT_EQ(Tree(c.text, c.names), c.tree) << c.text;
}

TEST(FeelParser, ParsesUnaryTests) {
    const std::pair<std::string, std::string> cases[] = {
        {"-", "(any)"},
        {"", "(any)"},
        {"\"A\", \"B\"", "(tests \"A\" \"B\")"},
        {"< 5", "(tests (test < 5))"},
        {"<= date(\"2019-01-01\")", "(tests (test <= (call (name date) \"2019-01-01\")))"},
        {"[1..5], >10", "(tests (range [] 1 5) (test > 10))"},
        {"not(1, 2)", "(not 1 2)"},
        {"not(< 5)", "(not (test < 5))"},
        {"? > 3", "(tests (> ? 3))"},
        {"null", "(tests null)"},
        {"-5", "(tests -5)"},
    };
    for (const auto& [text, tree] : cases) EXPECT_EQ(TestsTree(text), tree) << text;
}

TEST(FeelParser, ReportsWhereAndWhat) {
    const std::pair<std::string, std::string> cases[] = {
        {"if x then 1", "line 1, column 12: expected 'else' but found end of input"},
        {"1 +", "line 1, column 4: expected an expression but found end of input"},
        {"(1 + 2", "line 1, column 7: expected ')' but found end of input"},
        {"a\n  + * 3", "line 2, column 5: expected an expression but found '*'"},
        {"\"abc", "line 1, column 1: unterminated string"},
        {"[1, 2", "line 1, column 6: expected ']' but found end of input"},
        {"1 2", "line 1, column 3: expected end of expression but found '2'"},
        {"é + $", "line 1, column 5: unexpected '$'"},
        {"@\"2019-02-30\"", "line 1, column 1: not a date, time or duration: @\"2019-02-30\""},
        {"", "line 1, column 1: expected an expression but found end of input"},
        {"{a 1}", "line 1, column 5: expected ':' but found '}'"},
    };
    for (const auto& [text, error] : cases) {
        auto p = ParseExpression(text, ParseContext{});
        ASSERT_FALSE(p.ok()) << text;
        EXPECT_EQ(p.error.ToString(), error) << text;
    }
}

TEST(FeelParser, RejectsDeepNestingAndHugeInputWithoutCrashing) {
    const int n = 100000;
    const std::string deep[] = {
        std::string(n, '(') + "1" + std::string(n, ')'),
        std::string(n, '[') + std::string(n, ']'),
        std::string(n, '-') + "1",
        [] {
            std::string s;
            for (int i = 0; i < n; ++i) s += "{a: ";
            return s;
        }(),
        [] {
            std::string s = "1";
            for (int i = 0; i < n; ++i) s += "+1";
            return s;
        }(),
        [] {
            std::string s;
            for (int i = 0; i < n; ++i) s += "if a then ";
            return s + "1";
        }(),
        [] {
            std::string s = "x instance of ";
            for (int i = 0; i < n; ++i) s += "list<";
            return s;
        }(),
    };
    for (const auto& text : deep) {
        auto p = ParseExpression(text, ParseContext{});
        ASSERT_FALSE(p.ok());
        EXPECT_NE(p.error.message.find("nested too deeply"), std::string::npos)
            << p.error.ToString();
    }
    ParseContext small;
    small.limits.max_length = 10;
    auto p = ParseExpression("1 + 2 + 3 + 4", small);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error.message.find("too long"), std::string::npos);
    // Within the limits, nesting is fine.
    EXPECT_EQ(Tree(std::string(50, '(') + "1" + std::string(50, ')')), "1");
}

}  // namespace
}  // namespace ow::rules
