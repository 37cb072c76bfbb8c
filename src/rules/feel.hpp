// FEEL: parse an expression or unary tests once, evaluate many times. The entry points the DMN
// evaluator, the batch compiler and the CLI use; the AST itself is in feel_ast.hpp.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/evaluation.hpp"
#include "rules/types.hpp"
#include "rules/value.hpp"

namespace ow::rules {

struct Node;  // feel_ast.hpp

// Where and why text is not FEEL. line and column are 1-based (column counts code points).
struct ParseError {
    int line = 1;
    int column = 1;
    std::string message;           // "expected ')' but found 'then'"
    std::string ToString() const;  // "line 2, column 7: expected ..."
};

template <class T>
struct Parsed {
    std::optional<T> value;
    ParseError error;
    bool ok() const { return value.has_value(); }
};

// Limits on what the parser accepts, so hostile text cannot exhaust the stack or memory.
struct ParseLimits {
    size_t max_length = 1 << 20;  // bytes of source text
    int max_nesting = 200;        // parentheses, brackets, nested expressions
};

// Names the parser must know: FEEL names may contain spaces and some operators ("Monthly
// Salary", "Date-Time"), which only the names in scope disambiguate. Built-in function names are
// always known.
struct ParseContext {
    std::vector<std::string> names;
    ParseLimits limits;
};

class Expression {
public:
    Expression(std::shared_ptr<const Node> root, std::string text);
    const Node& root() const { return *root_; }
    const std::shared_ptr<const Node>& shared_root() const { return root_; }
    const std::string& text() const { return text_; }

private:
    std::shared_ptr<const Node> root_;
    std::string text_;
};

// Unary tests: "-", "< 5", "[1..10]", "\"A\", \"B\"", "not(\"D\")", or any expression using `?`.
class UnaryTests {
public:
    UnaryTests(std::shared_ptr<const Node> root, std::string text);
    const Node& root() const { return *root_; }
    const std::shared_ptr<const Node>& shared_root() const { return root_; }
    const std::string& text() const { return text_; }
    bool is_any() const;  // "-"

private:
    std::shared_ptr<const Node> root_;
    std::string text_;
};

Parsed<Expression> ParseExpression(std::string_view text, const ParseContext& context);
Parsed<UnaryTests> ParseUnaryTests(std::string_view text, const ParseContext& context);

// Variables in scope while evaluating: a chain of frames, innermost first. The DMN evaluator puts
// input data, required decisions and BKMs in the outer frame.
class Scope {
public:
    explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}
    void Set(std::string name, Value value);
    const Value* Find(std::string_view name) const;
    const Scope* parent() const { return parent_; }
    // Type names the model defines (DMN item definitions), for `instance of` and typed
    // parameters; looked up through the chain.
    void SetTypeResolver(std::function<std::optional<Type>(std::string_view)> resolver);
    std::optional<Type> ResolveType(std::string_view name) const;
    // A parentless copy of every visible variable (innermost wins) and of the type resolvers:
    // what a closure (a FEEL lambda) keeps, since it may outlive this scope.
    std::shared_ptr<const Scope> Snapshot() const;

private:
    const Scope* parent_;
    std::vector<std::pair<std::string, Value>> vars_;
    std::function<std::optional<Type>(std::string_view)> resolver_;
};

// Evaluates; FEEL errors become null with a warning in `ev`. Throws BudgetExceeded past the step
// budget or call depth (an infinite recursion): deliberately not caught here, the DMN evaluator
// and the other public entry points of the module catch it.
Value Evaluate(const Expression& e, const Scope& scope, Evaluation& ev);
// The unary tests against `input` (bound to `?`): true, false, or null when no test could be
// decided.
Value Test(const UnaryTests& t, const Value& input, const Scope& scope, Evaluation& ev);

}  // namespace ow::rules
