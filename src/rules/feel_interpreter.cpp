// FEEL interpreter: expressions (DMN 1.5 section 10.3.2).
#include "rules/feel_interpreter.hpp"

#include <cstdint>

#include "rules/builtins.hpp"
#include "rules/value_ops.hpp"

namespace ow::rules {

namespace {

// Three-valued logic: a non-boolean operand counts as null.
std::optional<bool> AsTruth(const Value& v) {
    if (v.kind() == Kind::kBoolean) return v.AsBool();
    return std::nullopt;
}

Value FromTruth(std::optional<bool> b) {
    return b ? Value::Bool(*b) : Value();
}

}  // namespace

void Interpreter::Warn(const Node& at, std::string message) {
    ev_.Warn("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " +
             message);
}

namespace {

// The stack used by nested evaluation on this thread, over all interpreters (a user function's
// body runs in its own): the parser bounds a tree's height and Evaluation bounds the calls, but
// a deep body in a deep recursion multiplies the two. Measured in bytes rather than levels
// because frames are several times larger in sanitizer builds (the fuzz target).
thread_local int t_eval_depth = 0;
thread_local uintptr_t t_stack_base = 0;
constexpr uintptr_t kMaxStackBytes = 2u << 20;  // far below a default 8 MB thread stack

struct EvalDepth {
    EvalDepth() {
        char here;
        auto at = reinterpret_cast<uintptr_t>(&here);
        if (t_eval_depth++ == 0) {
            t_stack_base = at;
        } else if ((at > t_stack_base ? at - t_stack_base : t_stack_base - at) > kMaxStackBytes) {
            --t_eval_depth;
            throw BudgetExceeded{"expression evaluation nested too deeply"};
        }
    }
    ~EvalDepth() { --t_eval_depth; }
    EvalDepth(const EvalDepth&) = delete;
    EvalDepth& operator=(const EvalDepth&) = delete;
};

}  // namespace

Value Interpreter::Eval(const Node& n, const Scope& scope) {
    ev_.Step();
    EvalDepth depth;
    switch (n.kind) {
        case NodeKind::kLiteral: return n.literal;
        case NodeKind::kName: return EvalName(n, scope);
        case NodeKind::kInputValue:
            if (input_ != nullptr) return *input_;
            if (const Value* v = scope.Find("?")) return *v;
            return Value();
        case NodeKind::kList: {
            List items;
            items.reserve(n.children.size());
            for (const auto& c : n.children) items.push_back(Eval(*c, scope));
            return Value::FromList(std::move(items));
        }
        case NodeKind::kContext: return EvalContext(n, scope);
        case NodeKind::kRange: return EvalRange(n, scope);
        case NodeKind::kNegate: return Negate(Eval(n.child(0), scope), ev_);
        case NodeKind::kArithmetic: return EvalArithmetic(n, scope);
        case NodeKind::kComparison: return EvalComparison(n, scope);
        case NodeKind::kAnd:
        case NodeKind::kOr: return EvalLogic(n, scope);
        case NodeKind::kBetween: return EvalBetween(n, scope);
        case NodeKind::kIn: return EvalIn(n, scope);
        case NodeKind::kInstanceOf: return EvalInstanceOf(n, scope);
        case NodeKind::kIf: {
            Value c = Eval(n.child(0), scope);
            bool yes = c.kind() == Kind::kBoolean && c.AsBool();
            return Eval(n.child(yes ? 1 : 2), scope);
        }
        case NodeKind::kFor: return EvalFor(n, scope);
        case NodeKind::kSome:
        case NodeKind::kEvery: return EvalQuantified(n, scope);
        case NodeKind::kIterationRange: {
            List items;
            if (!DomainItems(n, scope, items)) return Value();
            return Value::FromList(std::move(items));
        }
        case NodeKind::kFilter: return EvalFilter(n, scope);
        case NodeKind::kPath: return EvalPath(n, scope);
        case NodeKind::kCall: return EvalCall(n, scope);
        case NodeKind::kFunctionDefinition: return EvalFunctionDefinition(n, scope, "");
        case NodeKind::kUnaryCompare: return EvalUnaryCompare(n, scope);
        case NodeKind::kUnaryTests:
        case NodeKind::kAnyTest:
        case NodeKind::kNotTests: return Match(n, input_ != nullptr ? *input_ : Value(), scope);
    }
    return Value();
}

Value Interpreter::EvalName(const Node& n, const Scope& scope) {
    if (const Value* v = scope.Find(n.text)) return *v;
    if (auto f = FindBuiltin(n.text)) return Value::FromFunction(std::move(f));
    Warn(n, "unknown name '" + n.text + "'");
    return Value();
}

Value Interpreter::EvalContext(const Node& n, const Scope& scope) {
    // Later entries see earlier ones.
    Scope frame(&scope);
    Context c;
    for (size_t i = 0; i < n.children.size(); ++i) {
        const Node& e = n.child(i);
        Value v = e.kind == NodeKind::kFunctionDefinition
                      ? EvalFunctionDefinition(e, frame, n.names[i])
                      : Eval(e, frame);
        if (c.Find(n.names[i]) != nullptr) {
            Warn(e, "context entry '" + n.names[i] + "' defined twice");
            return Value();
        }
        frame.Set(n.names[i], v);
        c.Put(n.names[i], std::move(v));
    }
    return Value::FromContext(std::move(c));
}

Value Interpreter::EvalRange(const Node& n, const Scope& scope) {
    Range r;
    r.start = Eval(n.child(0), scope);
    r.end = Eval(n.child(1), scope);
    r.start_closed = n.start_closed;
    r.end_closed = n.end_closed;
    // A null end written out is not "unbounded" (that is `< 10`): TCK 0072 `5 in [1..null)`.
    if (r.start.IsNull() || r.end.IsNull()) {
        Warn(n, "a range end is null");
        return Value();
    }
    if (!r.start.IsNull() && !r.end.IsNull() && !Compare(r.start, r.end)) {
        Warn(n, "range ends of different kinds: " + ToLiteral(r.start) + ".." + ToLiteral(r.end));
        return Value();
    }
    return Value::FromRange(std::move(r));
}

Value Interpreter::EvalArithmetic(const Node& n, const Scope& scope) {
    Value a = Eval(n.child(0), scope);
    Value b = Eval(n.child(1), scope);
    switch (n.text[0]) {
        case '+': return Add(a, b, ev_);
        case '-': return Subtract(a, b, ev_);
        case '/': return Divide(a, b, ev_);
        default: return n.text.size() == 2 ? Power(a, b, ev_) : Multiply(a, b, ev_);
    }
}

namespace {

// `a op b` for the comparison operators; null when the values cannot be compared.
Value CompareWith(const Value& a, const std::string& op, const Value& b) {
    if (op == "=" || op == "!=") {
        auto eq = Equal(a, b);
        if (!eq) return Value();
        return Value::Bool(op == "=" ? *eq : !*eq);
    }
    auto c = Compare(a, b);
    if (!c) return Value();
    if (op == "<") return Value::Bool(*c < 0);
    if (op == "<=") return Value::Bool(*c <= 0);
    if (op == ">") return Value::Bool(*c > 0);
    return Value::Bool(*c >= 0);
}

}  // namespace

Value Interpreter::EvalComparison(const Node& n, const Scope& scope) {
    Value a = Eval(n.child(0), scope);
    Value b = Eval(n.child(1), scope);
    Value r = CompareWith(a, n.text, b);
    if (r.IsNull() && !(a.IsNull() || b.IsNull())) {
        Warn(n, "cannot compare " + std::string(KindName(a.kind())) + " " + n.text + " " +
                    std::string(KindName(b.kind())));
    }
    return r;
}

Value Interpreter::EvalLogic(const Node& n, const Scope& scope) {
    // and: false wins; or: true wins; otherwise both must be decided.
    bool decisive = n.kind == NodeKind::kOr;
    auto a = AsTruth(Eval(n.child(0), scope));
    if (a == decisive) return Value::Bool(decisive);
    auto b = AsTruth(Eval(n.child(1), scope));
    if (b == decisive) return Value::Bool(decisive);
    if (a && b) return Value::Bool(!decisive);
    return Value();
}

Value Interpreter::EvalBetween(const Node& n, const Scope& scope) {
    Value x = Eval(n.child(0), scope);
    Value low = Eval(n.child(1), scope);
    Value high = Eval(n.child(2), scope);
    auto ge = AsTruth(CompareWith(x, ">=", low));
    auto le = AsTruth(CompareWith(x, "<=", high));
    if (ge == false || le == false) return Value::Bool(false);
    if (ge && le) return Value::Bool(true);
    return Value();
}

Value Interpreter::EvalIn(const Node& n, const Scope& scope) {
    Value x = Eval(n.child(0), scope);
    return MatchAny(n, 1, x, scope);
}

Value Interpreter::EvalInstanceOf(const Node& n, const Scope& scope) {
    Value x = Eval(n.child(0), scope);
    std::optional<Type> t = ResolveTypeName(n.text, scope);
    if (!t) {
        Warn(n, "unknown type '" + n.text + "'");
        return Value();
    }
    // Only the Null type has null as an instance (TCK 0070: null instance of Any is false).
    if (x.IsNull()) return Value::Bool(t->tag == Type::Tag::kNull);
    return Value::Bool(Conforms(x, *t));
}

Value Interpreter::EvalUnaryCompare(const Node& n, const Scope& scope) {
    Value endpoint = Eval(n.child(0), scope);
    if (input_ != nullptr) return CompareWith(*input_, n.text, endpoint);
    // Outside a test, `< 5` is the range of values below 5.
    Range r;
    if (n.text == "<" || n.text == "<=") {
        r.end = endpoint;
        r.start_closed = false;
        r.end_closed = n.text == "<=";
    } else if (n.text == ">" || n.text == ">=") {
        r.start = endpoint;
        r.end_closed = false;
        r.start_closed = n.text == ">=";
    } else {
        Warn(n, "'" + n.text + "' needs an input value");
        return Value();
    }
    return Value::FromRange(std::move(r));
}

// ---- unary tests ----

Value Interpreter::MatchAny(const Node& tests, size_t first, const Value& input,
                            const Scope& scope) {
    bool undecided = false;
    for (size_t i = first; i < tests.children.size(); ++i) {
        Value r = Match(tests.child(i), input, scope);
        if (r.kind() == Kind::kBoolean && r.AsBool()) return r;
        if (r.kind() != Kind::kBoolean) undecided = true;
    }
    return undecided ? Value() : Value::Bool(false);
}

Value Interpreter::Match(const Node& t, const Value& input, const Scope& scope) {
    switch (t.kind) {
        case NodeKind::kAnyTest: return Value::Bool(true);
        case NodeKind::kUnaryTests: return MatchAny(t, 0, input, scope);
        case NodeKind::kNotTests: {
            Value r = MatchAny(t, 0, input, scope);
            return r.kind() == Kind::kBoolean ? Value::Bool(!r.AsBool()) : r;
        }
        default: break;
    }
    const Value* saved = input_;
    input_ = &input;
    Value v;
    try {
        v = Eval(t, scope);
    } catch (...) {
        input_ = saved;
        throw;
    }
    input_ = saved;
    if (t.kind == NodeKind::kUnaryCompare) return v;
    if (t.kind == NodeKind::kRange && v.IsNull()) return v;  // a range with a null end
    // An expression using `?` is the test itself (`? > 5`, `contains(?, "x")`).
    if (t.uses_input && v.kind() == Kind::kBoolean) return v;
    if (v.kind() == Kind::kRange) return FromTruth(InRange(input, v.AsRange()));
    if (v.kind() == Kind::kList && input.kind() != Kind::kList) {
        // Membership: elements of other kinds are simply not equal (`true in [false, 2]`).
        for (const Value& e : v.AsList()) {
            std::optional<bool> r =
                e.kind() == Kind::kRange ? InRange(input, e.AsRange()) : Equal(input, e);
            if (r == true) return Value::Bool(true);
        }
        return Value::Bool(false);
    }
    if (v.kind() == Kind::kList) {
        // A list input against a list: equal lists, or the input is one of the elements.
        if (Equal(input, v) == true) return Value::Bool(true);
        for (const Value& e : v.AsList()) {
            if (Equal(input, e) == true) return Value::Bool(true);
        }
        return Value::Bool(false);
    }
    return FromTruth(Equal(input, v));
}

}  // namespace ow::rules
