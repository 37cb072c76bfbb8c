// FEEL interpreter: iteration (for, some, every), filters, paths, invocation and lambdas.
#include <unordered_set>

#include "rules/builtins.hpp"
#include "rules/feel_interpreter.hpp"
#include "rules/types.hpp"
#include "rules/value_ops.hpp"

namespace ow::rules {

namespace {

// What a for/some/every variable runs over: a list, or integers (or dates, as day numbers)
// from..to generated one at a time, so `for i in 1..1000000000` costs steps, not memory.
struct Domain {
    List list;
    bool counting = false;
    bool dates = false;
    int64_t from = 0;
    int64_t to = 0;

    size_t size() const {
        if (!counting) return list.size();
        return static_cast<size_t>(from <= to ? to - from : from - to) + 1;
    }
    Value At(size_t i) const {
        if (!counting) return list[i];
        int64_t k = from <= to ? from + static_cast<int64_t>(i) : from - static_cast<int64_t>(i);
        return dates ? Value::FromDate(CivilFromDays(k)) : Value::Number(k);
    }
};

bool Mentions(const Node& n, std::string_view name) {
    if (n.kind == NodeKind::kName && n.text == name) return true;
    for (const auto& c : n.children) {
        if (Mentions(*c, name)) return true;
    }
    return false;
}

std::optional<int64_t> IntegerOf(const Value& v) {
    if (v.kind() != Kind::kNumber || !v.AsNumber().IsInteger()) return std::nullopt;
    return v.AsNumber().ToInt64();
}

// from..to with integers or dates; false when the ends are neither.
bool Counting(const Value& from, const Value& to, Domain& d) {
    if (from.kind() == Kind::kDate && to.kind() == Kind::kDate) {
        d.counting = d.dates = true;
        d.from = DaysFromCivil(from.AsDate());
        d.to = DaysFromCivil(to.AsDate());
        return true;
    }
    auto a = IntegerOf(from);
    auto b = IntegerOf(to);
    if (!a || !b) return false;
    d.counting = true;
    d.from = *a;
    d.to = *b;
    return true;
}

// A list, or a single value seen as a list of one. Range values are not iterable (TCK 0084:
// `for i in [1..2]` is null); only `from..to` in the for syntax counts.
bool DomainOf(const Value& v, Domain& d) {
    if (v.kind() == Kind::kList) {
        d.list = v.AsList();
        return true;
    }
    if (v.IsNull() || v.kind() == Kind::kRange) return false;
    d.list = {v};
    return true;
}

}  // namespace

bool Interpreter::DomainItems(const Node& domain, const Scope& scope, List& items) {
    Domain d;
    bool ok;
    if (domain.kind == NodeKind::kIterationRange) {
        ok = Counting(Eval(domain.child(0), scope), Eval(domain.child(1), scope), d);
    } else {
        ok = DomainOf(Eval(domain, scope), d);
    }
    if (!ok) {
        Warn(domain, "cannot iterate over this value");
        return false;
    }
    for (size_t i = 0; i < d.size(); ++i) {
        ev_.Step();
        items.push_back(d.At(i));
    }
    return true;
}

Value Interpreter::EvalFor(const Node& n, const Scope& scope) {
    Scope frame(&scope);
    List results;
    bool partial = Mentions(*n.children.back(), "partial");
    // A domain that cannot be iterated makes the whole for null.
    if (!ForLevel(n, 0, frame, results, partial)) return Value();
    return Value::FromList(std::move(results));
}

bool Interpreter::ForLevel(const Node& n, size_t level, Scope& frame, List& results, bool partial) {
    if (level == n.names.size()) {
        if (partial) {
            // Copying the results so far is work too: charge it, or a long loop using
            // `partial` would be quadratic without running out of steps.
            for (size_t k = 0; k < results.size(); k += 32) ev_.Step();
            frame.Set("partial", Value::FromList(results));
        }
        results.push_back(Eval(*n.children.back(), frame));
        return true;
    }
    const Node& domain = n.child(level);
    Domain d;
    bool ok = domain.kind == NodeKind::kIterationRange
                  ? Counting(Eval(domain.child(0), frame), Eval(domain.child(1), frame), d)
                  : DomainOf(Eval(domain, frame), d);
    if (!ok) {
        Warn(domain, "cannot iterate over this value");
        return false;
    }
    for (size_t i = 0; i < d.size(); ++i) {
        ev_.Step();
        frame.Set(n.names[level], d.At(i));
        if (!ForLevel(n, level + 1, frame, results, partial)) return false;
    }
    return true;
}

Value Interpreter::EvalQuantified(const Node& n, const Scope& scope) {
    Scope frame(&scope);
    bool some = n.kind == NodeKind::kSome;
    bool found = QuantifiedLevel(n, 0, frame, some);
    // some: true when one satisfies; every: false when one does not.
    return Value::Bool(some ? found : !found);
}

// True when an assignment decides the answer (satisfies for some, fails for every).
bool Interpreter::QuantifiedLevel(const Node& n, size_t level, Scope& frame, bool some) {
    if (level == n.names.size()) {
        Value v = Eval(*n.children.back(), frame);
        bool yes = v.kind() == Kind::kBoolean && v.AsBool();
        return some ? yes : !yes;
    }
    const Node& domain = n.child(level);
    Domain d;
    if (!DomainOf(Eval(domain, frame), d)) {
        Warn(domain, "cannot iterate over this value");
        return false;
    }
    for (size_t i = 0; i < d.size(); ++i) {
        ev_.Step();
        frame.Set(n.names[level], d.At(i));
        if (QuantifiedLevel(n, level + 1, frame, some)) return true;
    }
    return false;
}

Value Interpreter::EvalFilter(const Node& n, const Scope& scope) {
    Value base = Eval(n.child(0), scope);
    if (base.IsNull()) return Value();
    List single;
    if (base.kind() != Kind::kList) single.push_back(base);
    const List& items = base.kind() == Kind::kList ? base.AsList() : single;
    const Node& filter = n.child(1);

    auto bind = [](Scope& frame, const Value& item) {
        frame.Set("item", item);
        if (item.kind() == Kind::kContext) {
            for (const auto& [k, v] : item.AsContext().entries) frame.Set(k, v);
        }
    };
    auto index = [&](const Value& k) -> Value {
        auto i = IntegerOf(k);
        int64_t size = static_cast<int64_t>(items.size());
        if (!i || *i == 0 || *i > size || *i < -size) {
            Warn(n,
                 "index " + ToLiteral(k) + " out of range for a list of " + std::to_string(size));
            return Value();
        }
        return items[static_cast<size_t>(*i > 0 ? *i - 1 : size + *i)];
    };
    if (filter.kind == NodeKind::kLiteral) {
        if (filter.literal.kind() == Kind::kNumber) return index(filter.literal);
    }
    List out;
    for (size_t i = 0; i < items.size(); ++i) {
        Scope frame(&scope);
        bind(frame, items[i]);
        Value v = Eval(filter, frame);
        // A number (the same for every item) selects by position.
        if (i == 0 && v.kind() == Kind::kNumber) return index(v);
        if (v.kind() == Kind::kBoolean && v.AsBool()) out.push_back(items[i]);
    }
    return Value::FromList(std::move(out));
}

Value Interpreter::EvalPath(const Node& n, const Scope& scope) {
    Value base = Eval(n.child(0), scope);
    auto one = [&](const Value& v) -> Value {
        if (v.kind() == Kind::kContext) {
            if (const Value* e = v.AsContext().Find(n.text)) return *e;
            return Value();
        }
        if (v.IsNull()) return Value();
        return Property(v, n.text);
    };
    if (base.kind() == Kind::kList) {
        List out;
        out.reserve(base.AsList().size());
        for (const Value& e : base.AsList()) out.push_back(one(e));
        return Value::FromList(std::move(out));
    }
    Value v = one(base);
    if (v.IsNull() && !base.IsNull() && base.kind() != Kind::kContext) {
        Warn(n, std::string(KindName(base.kind())) + " has no property '" + n.text + "'");
    }
    return v;
}

Value Interpreter::EvalCall(const Node& n, const Scope& scope) {
    const Node& callee = n.child(0);
    std::shared_ptr<const Function> f;
    if (callee.kind == NodeKind::kName) {
        const Value* v = scope.Find(callee.text);
        if (v != nullptr && v->kind() == Kind::kFunction) {
            f = v->AsFunction();
        } else if (v == nullptr) {
            f = FindBuiltin(callee.text);
        }
        if (!f) {
            Warn(n,
                 (v == nullptr ? "unknown function '" : "not a function: '") + callee.text + "'");
            return Value();
        }
    } else {
        Value v = Eval(callee, scope);
        if (v.kind() != Kind::kFunction) {
            Warn(n, "cannot invoke a " + std::string(KindName(v.kind())));
            return Value();
        }
        f = v.AsFunction();
    }
    if (!n.names.empty()) {
        std::vector<std::pair<std::string, Value>> args;
        for (size_t i = 1; i < n.children.size(); ++i) {
            args.emplace_back(n.names[i - 1], Eval(n.child(i), scope));
        }
        return f->CallNamed(std::move(args), ev_);
    }
    std::vector<Value> args;
    args.reserve(n.children.size() - 1);
    for (size_t i = 1; i < n.children.size(); ++i) args.push_back(Eval(n.child(i), scope));
    return f->Call(std::move(args), ev_);
}

Value Interpreter::EvalFunctionDefinition(const Node& n, const Scope& scope,
                                          std::string self_name) {
    std::vector<Parameter> params;
    for (size_t i = 0; i < n.names.size(); ++i) {
        Parameter p{n.names[i], std::nullopt};
        const std::string& type = n.types[i];
        if (!type.empty()) {
            p.type = ResolveTypeName(type, scope);
            if (!p.type) Warn(n, "unknown type '" + type + "'; parameter left untyped");
        }
        params.push_back(std::move(p));
    }
    if (n.text == "external") {
        std::string problem;
        Value f = MakeExternalFunction(std::move(params), Eval(n.child(0), scope), problem);
        if (f.IsNull()) Warn(n, problem);
        return f;
    }
    return Value::FromFunction(
        MakeLambda(std::move(params), n.children[0], scope, std::move(self_name)));
}

// ---- lambdas ----

namespace {

class Lambda : public Function, public std::enable_shared_from_this<Lambda> {
public:
    Lambda(std::vector<Parameter> params, NodePtr body, std::shared_ptr<const Scope> closure,
           std::string self_name)
        : params_(std::move(params)),
          body_(std::move(body)),
          closure_(std::move(closure)),
          self_name_(std::move(self_name)) {}

    std::string_view name() const override { return self_name_; }
    std::vector<std::vector<Parameter>> overloads() const override { return {params_}; }

    Value Call(std::vector<Value> args, Evaluation& ev) const override {
        if (args.size() != params_.size()) {
            ev.Warn("function" + (self_name_.empty() ? "" : " '" + self_name_ + "'") + " takes " +
                    std::to_string(params_.size()) + " arguments, got " +
                    std::to_string(args.size()));
            return Value();
        }
        for (size_t i = 0; i < args.size(); ++i) {
            if (!params_[i].type || args[i].IsNull() || Conforms(args[i], *params_[i].type)) {
                continue;
            }
            const Value& a = args[i];
            if (a.kind() == Kind::kList && a.AsList().size() == 1 &&
                Conforms(a.AsList()[0], *params_[i].type)) {
                args[i] = Value(a.AsList()[0]);
                continue;
            }
            const Type& t = *params_[i].type;
            if (t.tag == Type::Tag::kList && t.element && Conforms(a, *t.element)) {
                args[i] = Value::FromList({a});
                continue;
            }
            ev.Warn("argument '" + params_[i].name + "' is not a " + ToString(*params_[i].type) +
                    ": " + ToLiteral(a));
            return Value();
        }
        ev.Enter();
        struct Leave {
            Evaluation& ev;
            ~Leave() { ev.Leave(); }
        } leave{ev};
        Scope frame(closure_.get());
        if (!self_name_.empty()) frame.Set(self_name_, Value::FromFunction(shared_from_this()));
        for (size_t i = 0; i < args.size(); ++i) frame.Set(params_[i].name, std::move(args[i]));
        return Interpreter(ev).Eval(*body_, frame);
    }

private:
    std::vector<Parameter> params_;
    NodePtr body_;
    std::shared_ptr<const Scope> closure_;
    std::string self_name_;
};

}  // namespace

std::shared_ptr<const Function> MakeLambda(std::vector<Parameter> parameters, NodePtr body,
                                           const Scope& scope, std::string self_name) {
    return std::make_shared<Lambda>(std::move(parameters), std::move(body), scope.Snapshot(),
                                    std::move(self_name));
}

// ---- public entry points ----

Value Evaluate(const Expression& e, const Scope& scope, Evaluation& ev) {
    return Interpreter(ev).Eval(e.root(), scope);
}

Value Test(const UnaryTests& t, const Value& input, const Scope& scope, Evaluation& ev) {
    return Interpreter(ev).Match(t.root(), input, scope);
}

}  // namespace ow::rules
