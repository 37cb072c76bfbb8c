// libFuzzer target: any bytes as FEEL text, parsed as an expression and as unary tests and, when
// they parse, evaluated under a small step budget. Must never crash, hang or grow without bound.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/evaluation.hpp"
#include "rules/feel.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace ow::rules;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    ParseContext context;
    context.names = {"a", "b c", "Monthly Salary", "x"};
    Scope scope;
    scope.Set("a", Value::Number(int64_t{7}));
    scope.Set("b c", Value::String("text"));
    scope.Set("x", Value::FromList({Value::Number(int64_t{1}), Value::Number(int64_t{2})}));
    Limits limits;
    limits.max_steps = 20'000;
    limits.max_depth = 64;
    auto e = ParseExpression(text, context);
    if (e.ok()) {
        Evaluation ev({}, limits);
        try {
            (void)Evaluate(*e.value, scope, ev);
        } catch (const BudgetExceeded&) {
        }
    }
    auto t = ParseUnaryTests(text, context);
    if (t.ok()) {
        Evaluation ev({}, limits);
        try {
            (void)Test(*t.value, Value::Number(int64_t{5}), scope, ev);
        } catch (const BudgetExceeded&) {
        }
    }
    return 0;
}
