// The built-in library, table-driven: function name, arguments (FEEL source of a list) and the
// expected result as a FEEL literal. Wrong types give null, as the DMN spec says.
#include "rules/builtins.hpp"

#include <gtest/gtest.h>

#include <string>

#include "rules/feel.hpp"

namespace ow::rules {
namespace {

struct BuiltinCase {
    const char* name;
    const char* args;      // FEEL list of the positional arguments
    const char* expected;  // ToLiteral of the result
};

std::string Call(const BuiltinCase& c) {
    auto f = FindBuiltin(c.name);
    if (!f) return "no such built-in";
    auto p = ParseExpression(c.args, ParseContext{});
    if (!p.ok()) return "parse error: " + p.error.ToString();
    Scope scope;
    Evaluation ev(DateTime{Date{2024, 5, 17}, Time{}});
    Value args = Evaluate(*p.value, scope, ev);
    if (args.kind() != Kind::kList) return "args are not a list";
    return ToLiteral(f->Call(args.AsList(), ev));
}

TEST(Builtins, ComputeWhatTheSpecSays) {
    const BuiltinCase cases[] = {
        // Conversion.
        {"date", R"(["2012-12-25"])", R"(date("2012-12-25"))"},
        {"date", "[2012, 2, 30]", "null"},
        {"date and time", R"([date("2012-12-24"), time("23:59:00")])",
         R"(date and time("2012-12-24T23:59:00"))"},
        {"time", "[23, 59, 0, duration(\"PT1H\")]", R"(time("23:59:00+01:00"))"},
        {"number", R"(["1.000.000,01", ".", ","])", "1000000.01"},
        {"number", R"(["1,000,000.01", ":", "."])", "null"},
        {"string", "[1.10]", R"("1.1")"},
        {"string", R"([date("2024-01-02")])", R"("2024-01-02")"},
        {"duration", R"(["P1Y2M"])", R"(duration("P1Y2M"))"},
        {"years and months duration", R"([date("2011-12-31"), date("2013-02-28")])",
         R"(duration("P1Y1M"))"},
        {"not", "[true]", "false"},
        {"not", "[1]", "null"},
        // Strings.
        {"substring", R"(["foobar", 3])", R"("obar")"},
        {"substring", R"(["foobar", -2, 1])", R"("a")"},
        {"substring", R"(["中文字符", 2, 2])", R"("文字")"},
        {"string length", R"(["中文"])", "2"},
        {"upper case", R"(["aBc4"])", R"("ABC4")"},
        {"substring before", R"(["foobar", "bar"])", R"("foo")"},
        {"substring after", R"(["foobar", "ob"])", R"("ar")"},
        {"replace", R"x(["abcd", "(ab)|(a)", "[1=$1][2=$2]"])x", R"("[1=ab][2=]cd")"},
        {"replace", R"x(["0123456789", "(\d{3})(\d{3})(\d{4})", "($1) $2-$3"])x",
         R"x("(012) 345-6789")x"},
        {"replace", R"(["abc", "[A-Z]", "#", "i"])", R"("###")"},
        {"matches", R"(["foobar", "^fo*b"])", "true"},
        {"matches", R"(["abc", "[", ""])", "null"},
        {"matches", R"(["O", "[A-Z-[OI]]"])", "false"},
        {"split", R"(["John Doe", "\s"])", R"(["John", "Doe"])"},
        {"string join", R"([["a", null, "c"], ", "])", R"("a, c")"},
        {"contains", R"(["foobar", "of"])", "false"},
        {"starts with", R"([["foobar"], "fo"])", "true"},
        // Lists.
        {"list contains", "[[1, null], null]", "true"},
        {"count", "[[1, 2, 3]]", "3"},
        {"min", "[[3, 1, 2]]", "1"},
        {"max", "[1, 3, 2]", "3"},
        {"sum", "[[1, 2, 3.5]]", "6.5"},
        {"sum", "[[]]", "null"},
        {"product", "[[1e6000, 1e6000]]", "null"},
        {"sum", R"([[1, "a"]])", "null"},
        {"mean", "[[1, 2, 3]]", "2"},
        {"all", "[[true, null]]", "null"},
        {"all", "[[false, null]]", "false"},
        {"any", "[[false, null, true]]", "true"},
        {"sublist", "[[4, 5, 6], 1, 2]", "[4, 5]"},
        {"append", "[[1], 2, 3]", "[1, 2, 3]"},
        {"concatenate", "[[1, 2], [3]]", "[1, 2, 3]"},
        {"insert before", "[[1, 3], 1, 2]", "[2, 1, 3]"},
        {"remove", "[[1, 2, 3], 2]", "[1, 3]"},
        {"reverse", "[[1, 2, 3]]", "[3, 2, 1]"},
        {"index of", "[[1, 2, 3, 2], 2]", "[2, 4]"},
        {"union", "[[1, 2], [2, 3]]", "[1, 2, 3]"},
        {"distinct values", "[[1, 2, 3, 2, 1]]", "[1, 2, 3]"},
        {"flatten", "[[[1, 2], [[3]], 4]]", "[1, 2, 3, 4]"},
        {"product", "[[2, 3, 4]]", "24"},
        {"median", "[[6, 1, 2, 3]]", "2.5"},
        {"stddev", "[[1, 3]]", "1.414213562373095048801688724209698"},
        {"stddev", "[[5]]", "null"},
        {"mode", "[[6, 3, 9, 6, 6]]", "[6]"},
        {"mode", "[[6, 1, 9, 6, 1]]", "[1, 6]"},
        {"sort", "[[3, 1, 4, 2]]", "[1, 2, 3, 4]"},
        {"list replace", "[[2, 4, 7, 8], 3, 6]", "[2, 4, 6, 8]"},
        // Numbers.
        {"decimal", "[1/3, 2]", "0.33"},
        {"decimal", "[2.5, 0]", "2"},
        {"floor", "[-1.56, 1]", "-1.6"},
        {"ceiling", "[1.5]", "2"},
        {"round up", "[-5.5, 0]", "-6"},
        {"round down", "[5.5, 0]", "5"},
        {"round half up", "[0.05 * 2345, 2]", "117.25"},
        {"round half up", "[-5.5, 0]", "-6"},
        {"round half down", "[-5.5, 0]", "-5"},
        {"abs", "[-10]", "10"},
        {"abs", R"([duration("-P1D")])", R"(duration("P1D"))"},
        {"modulo", "[-12, 5]", "3"},
        {"modulo", "[10.1, -4.5]", "-3.4"},
        {"modulo", "[10, 0]", "null"},
        {"sqrt", "[16]", "4"},
        {"sqrt", "[2]", "1.414213562373095048801688724209698"},
        {"sqrt", "[-1]", "null"},
        {"exp", "[0]", "1"},
        {"log", "[0]", "null"},
        {"odd", "[5]", "true"},
        {"even", "[-4]", "true"},
        // Dates.
        {"day of year", R"([date("2019-09-17")])", "260"},
        {"day of week", R"([date("2019-09-17")])", R"("Tuesday")"},
        {"month of year", R"([date("2019-09-17")])", R"("September")"},
        {"week of year", R"([date("2019-09-17")])", "38"},
        {"week of year", R"([date("2021-01-01")])", "53"},
        {"week of year", R"([date("2019-12-30")])", "1"},
        {"today", "[]", R"(date("2024-05-17"))"},
        // Ranges.
        {"before", "[1, 10]", "true"},
        {"before", "[[1..5], 5]", "false"},
        {"before", "[[1..5), 5]", "true"},
        {"after", "[[5..10], 4]", "true"},
        {"meets", "[[1..5], [5..10]]", "true"},
        {"overlaps", "[[1..5], [3..8]]", "true"},
        {"overlaps before", "[[1..5], [3..8]]", "true"},
        {"finishes", "[10, [1..10]]", "true"},
        {"includes", "[[1..10], 5]", "true"},
        {"during", "[5, [1..10]]", "true"},
        {"starts", "[1, [1..10]]", "true"},
        {"coincides", "[[1..5], [1..5]]", "true"},
        {"range", R"x(["[1..3)"])x", "[1..3)"},
        {"range", R"(["[3..1]"])", "null"},
        // Contexts.
        {"get value", R"([{a: 1}, "a"])", "1"},
        {"get entries", "[{a: 1}]", "[{key: \"a\", value: 1}]"},
        {"context put", R"([{x: 1}, "y", 2])", "{x: 1, y: 2}"},
        {"context put", R"([{x: {y: 0}}, ["x", "y"], 2])", "{x: {y: 2}}"},
        {"context merge", "[[{x: 1}, {y: 2}, {x: 3}]]", "{x: 3, y: 2}"},
        {"context", R"([[{key: "a", value: 1}]])", "{a: 1}"},
    };
    for (const auto& c : cases) EXPECT_EQ(Call(c), c.expected) << c.name << c.args;
}

TEST(Builtins, TakeNamedArguments) {
    auto f = FindBuiltin("substring");
    ASSERT_TRUE(f);
    Evaluation ev;
    Value r = f->CallNamed(
        {{"start position", Value::Number(int64_t(2))}, {"string", Value::String("abc")}}, ev);
    EXPECT_EQ(ToLiteral(r), "\"bc\"");
    Value bad = f->CallNamed({{"begin", Value::Number(int64_t(2))}}, ev);
    EXPECT_TRUE(bad.IsNull());
    EXPECT_FALSE(ev.warnings().empty());
}

TEST(Builtins, SortWithAFunction) {
    auto p = ParseExpression("sort([3, 1, 2], function(x, y) x > y)", ParseContext{});
    ASSERT_TRUE(p.ok());
    Scope scope;
    Evaluation ev;
    EXPECT_EQ(ToLiteral(Evaluate(*p.value, scope, ev)), "[3, 2, 1]");
}

}  // namespace
}  // namespace ow::rules
