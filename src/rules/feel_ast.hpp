// The FEEL syntax tree the parser builds and the interpreter, the DMN evaluator and the batch
// compiler walk. One plain node struct: a kind, the operator/name text, a literal value and the
// children, so that consumers can pattern-match ("a name compared with a number literal").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rules/value.hpp"

namespace ow::rules {

enum class NodeKind : uint8_t {
    // Leaves.
    kLiteral,     // null, true/false, numbers, strings, @"..." temporals: `literal`
    kName,        // a variable: `text` is the (possibly multi-word) name
    kInputValue,  // `?` in unary tests
    // Constructors.
    kList,     // [a, b, c]: children
    kContext,  // {k: v, ...}: names[i] is the key of children[i] (later entries see earlier)
    kRange,    // [a..b], (a..b), ]a..b[: children = {start, end}; start_closed/end_closed
    // Operators.
    kNegate,      // -x: children = {x}
    kArithmetic,  // text "+", "-", "*", "/", "**": children = {left, right}
    kComparison,  // text "=", "!=", "<", "<=", ">", ">=": children = {left, right}
    kAnd,         // children = {left, right}
    kOr,          // children = {left, right}
    kBetween,     // x between a and b: children = {x, a, b}
    kIn,          // x in tests: children = {x, test...}; tests as in kUnaryTests
    kInstanceOf,  // x instance of T: children = {x}; text = type source ("list<number>")
    // Control.
    kIf,              // children = {condition, then, else}
    kFor,             // for n1 in d1, n2 in d2 return body: names = {n...}; children = {d..., body}
    kSome,            // some n in d satisfies c: names; children = {d..., condition}
    kEvery,           // every ...: as kSome
    kIterationRange,  // `1..3` as a for domain: children = {from, to}
    // Postfix.
    kFilter,              // base[filter]: children = {base, filter}
    kPath,                // base.name: children = {base}; text = name
    kCall,                // f(args): children = {callee, arg...}; names non-empty = named arguments
    kFunctionDefinition,  // function(p: T, q) body: names = params, types = type source per
                          // param ("" when untyped), children = {body}; text "external" for
                          // `function(...) external {...}` (body is then the context)
    // Unary tests.
    kUnaryTests,    // top level: children = positive tests, any satisfied -> true
    kAnyTest,       // "-"
    kNotTests,      // not(t1, t2): children = positive tests
    kUnaryCompare,  // "< 5": text "<", "<=", ">", ">=", "=", "!="; children = {endpoint}
};

struct Node {
    NodeKind kind = NodeKind::kLiteral;
    int line = 1;    // 1-based position of the node's first token
    int column = 1;  // 1-based, in code points
    std::string text;
    Value literal;
    std::vector<std::shared_ptr<const Node>> children;
    std::vector<std::string> names;
    std::vector<std::string> types;
    bool start_closed = true;
    bool end_closed = true;
    bool uses_input = false;  // `?` occurs below (a unary test whose boolean value is the answer)
    int height = 1;           // longest path to a leaf; the parser bounds it (no deep recursion)

    const Node& child(size_t i) const { return *children[i]; }
};

using NodePtr = std::shared_ptr<const Node>;

// A readable s-expression of the tree, for tests and debugging:
// `(+ (name a) 1)`, `(call (name f) 1 "x")`, `(range [1 10))`.
std::string DebugString(const Node& node);

}  // namespace ow::rules
