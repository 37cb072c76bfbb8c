// FEEL's tree-walking interpreter (DMN 1.5 section 10.3.2 semantics): evaluates feel_ast.hpp
// nodes against a Scope. Errors give null and a warning in the Evaluation; the step budget and
// the call depth throw BudgetExceeded through it to the module's edge.
#pragma once

#include <memory>
#include <string>

#include "rules/evaluation.hpp"
#include "rules/feel.hpp"
#include "rules/feel_ast.hpp"
#include "rules/function.hpp"

namespace ow::rules {

class Interpreter {
public:
    explicit Interpreter(Evaluation& ev) : ev_(ev) {}

    Value Eval(const Node& n, const Scope& scope);
    // Whether `input` satisfies the (unary) test `t`: true, false or null.
    Value Match(const Node& t, const Value& input, const Scope& scope);

private:
    Value EvalName(const Node& n, const Scope& scope);
    Value EvalContext(const Node& n, const Scope& scope);
    Value EvalRange(const Node& n, const Scope& scope);
    Value EvalArithmetic(const Node& n, const Scope& scope);
    Value EvalComparison(const Node& n, const Scope& scope);
    Value EvalLogic(const Node& n, const Scope& scope);
    Value EvalBetween(const Node& n, const Scope& scope);
    Value EvalIn(const Node& n, const Scope& scope);
    Value EvalInstanceOf(const Node& n, const Scope& scope);
    Value EvalFor(const Node& n, const Scope& scope);
    // False when a domain cannot be iterated.
    bool ForLevel(const Node& n, size_t level, Scope& frame, List& results, bool partial);
    Value EvalQuantified(const Node& n, const Scope& scope);
    bool QuantifiedLevel(const Node& n, size_t level, Scope& frame, bool some);
    Value EvalFilter(const Node& n, const Scope& scope);
    Value EvalPath(const Node& n, const Scope& scope);
    Value EvalCall(const Node& n, const Scope& scope);
    Value EvalFunctionDefinition(const Node& n, const Scope& scope, std::string self_name);
    Value EvalUnaryCompare(const Node& n, const Scope& scope);
    Value MatchAny(const Node& tests, size_t first, const Value& input, const Scope& scope);
    // The items a for/some/every domain iterates over; false (and a warning) when it cannot.
    bool DomainItems(const Node& domain, const Scope& scope, List& items);
    void Warn(const Node& at, std::string message);

    Evaluation& ev_;
    const Value* input_ = nullptr;  // what `?` stands for inside unary tests
};

// A FEEL function value for `body` (evaluated with the parameters bound) that closes over the
// variables visible in `scope`: they are copied, since the function may outlive the scope.
// `self_name` binds the function to its own name inside its body (recursive context entries
// such as {f: function(n) ... f(n - 1)}).
// A type name as written in FEEL ("number", "list<tPerson>", "function<number>->string"), with
// the model's type names (Scope::ResolveType) resolved at any depth; nullopt when unknown.
std::optional<Type> ResolveTypeName(std::string_view text, const Scope& scope, int depth = 0);

// The function an `external` definition's mapping context names ({java: {class: ..., method
// signature: ...}}); null with `problem` set when the method is not one the engine provides.
Value MakeExternalFunction(std::vector<Parameter> params, const Value& mapping,
                           std::string& problem);

std::shared_ptr<const Function> MakeLambda(std::vector<Parameter> parameters, NodePtr body,
                                           const Scope& scope, std::string self_name);

}  // namespace ow::rules
