// Inputs the fuzzers found that once hung the engine: each must now finish with an answer.
#include <gtest/gtest.h>

#include "rules/builtins.hpp"
#include "rules/dmn.hpp"
#include "rules/feel.hpp"

namespace ow::rules {
namespace {

TEST(Robustness, TruncatedMultiWordTypeAfterABadTokenEndsTheParse) {
    // A multi-word type name running into a token the lexer could not read.
    auto p = ParseExpression("x instance of range<years and months duration\x01", ParseContext{});
    EXPECT_FALSE(p.ok());
}

TEST(Robustness, RegexThatWouldBacktrackExponentiallyIsRefused) {
    Scope scope;
    Evaluation ev;
    auto e = ParseExpression(
        R"(matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "(a+)+c"))",
        ParseContext{});
    ASSERT_TRUE(e.ok());
    EXPECT_TRUE(Evaluate(*e.value, scope, ev).IsNull());
    auto ok = ParseExpression(R"(matches("abc", "a.*?c"))", ParseContext{});
    ASSERT_TRUE(ok.ok());
    Value v = Evaluate(*ok.value, scope, ev);
    ASSERT_EQ(v.kind(), Kind::kBoolean);
    EXPECT_TRUE(v.AsBool());
}

TEST(Robustness, HugeBackReferencesAndCountsAreRefusedNotOverflowed) {
    Scope scope;
    Evaluation ev;
    for (const char* text : {R"(replace("abc", "(a)\\4444444444444444444444", "x"))",
                             R"(matches("abc", "a{99999999999999999999}"))"}) {
        auto e = ParseExpression(text, ParseContext{});
        ASSERT_TRUE(e.ok()) << text;
        EXPECT_TRUE(Evaluate(*e.value, scope, ev).IsNull()) << text;
    }
}

}  // namespace
}  // namespace ow::rules
