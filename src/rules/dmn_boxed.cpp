// Evaluating boxed expressions: contexts, invocations, relations, lists, function definitions,
// conditionals, iterators and filters (decision tables are in decision_table.cpp).
#include "rules/dmn_eval.hpp"
#include "rules/dmn_types.hpp"
#include "rules/feel_interpreter.hpp"

namespace ow::rules::dmn_eval {

namespace {

// FEEL's boolean for a condition: true/false, null for null, and a warning (the whole expression
// is then null) for anything else.
std::optional<bool> Condition(const Value& v, Ctx& c, const char* what) {
    if (v.kind() == Kind::kBoolean) return v.AsBool();
    if (!v.IsNull())
        c.ev.Warn(std::string(what) + " is not a boolean but " + ToLiteral(v).substr(0, 100));
    return std::nullopt;
}

// A boxed functionDefinition: a closure over a snapshot of the scope it was defined in, bound to
// its own name (a context entry) for recursion.
class BoxedFunction final : public Function, public std::enable_shared_from_this<BoxedFunction> {
public:
    BoxedFunction(const Model& model, const Boxed& def, const Scope& scope, std::string self_name)
        : owner_(Owner(model)),
          model_(model),
          def_(def),
          closure_(scope.Snapshot()),
          self_name_(std::move(self_name)) {}

    std::string_view name() const override { return self_name_; }
    std::vector<std::vector<Parameter>> overloads() const override {
        std::vector<Parameter> params;
        for (size_t i = 0; i < def_.names.size(); ++i) {
            Parameter p{def_.names[i], std::nullopt};
            if (!def_.type_refs[i].empty()) p.type = TypeOfRef(def_.type_refs[i], model_);
            params.push_back(std::move(p));
        }
        return {params};
    }
    Value Call(std::vector<Value> args, Evaluation& ev) const override {
        if (args.size() != def_.names.size()) {
            ev.Warn("the function takes " + std::to_string(def_.names.size()) + " arguments, not " +
                    std::to_string(args.size()));
            return Value();
        }
        ev.Enter();
        auto frame = NewFrame(std::make_shared<Frame>(closure_));
        if (!self_name_.empty())
            frame->scope.Set(self_name_, Value::FromFunction(shared_from_this()));
        for (size_t i = 0; i < args.size(); ++i) {
            Value a = args[i];
            if (!def_.type_refs[i].empty()) {
                std::optional<Value> c = ConformTo(a, def_.type_refs[i], model_, ev);
                if (!c) {
                    ev.Warn("argument " + def_.names[i] + " is not a " + def_.type_refs[i]);
                    ev.Leave();
                    return Value();
                }
                a = std::move(*c);
            }
            frame->scope.Set(def_.names[i], std::move(a));
        }
        Ctx c{model_, ev, nullptr, ""};
        Value r = EvalBoxed(def_.children.empty() ? nullptr : def_.children[0].get(), frame, c);
        ev.Leave();
        if (!def_.type_ref.empty()) r = Coerce(r, def_.type_ref, model_, ev, "function result");
        return r;
    }

private:
    std::shared_ptr<const Model> owner_;
    const Model& model_;
    const Boxed& def_;
    std::shared_ptr<const Scope> closure_;
    std::string self_name_;
};

Value Define(const Boxed& b, const FramePtr& frame, Ctx& c, std::string self_name) {
    return Value::FromFunction(
        std::make_shared<BoxedFunction>(c.model, b, frame->scope, std::move(self_name)));
}

// The items an iterator or filter runs over: a list, or a single value as a one-item list.
List Domain(const Value& v) {
    if (v.kind() == Kind::kList) return v.AsList();
    if (v.IsNull()) return {};
    return {v};
}

Value Iterate(const Boxed& b, const FramePtr& frame, Ctx& c) {
    Value in = EvalBoxed(b.children[0].get(), frame, c);
    const std::string& var = b.names.empty() ? std::string() : b.names[0];
    List results;
    bool any_true = false;
    bool all_true = true;
    for (const Value& item : Domain(in)) {
        c.ev.Step();
        auto f = NewFrame(frame);
        f->scope.Set(var, item);
        if (b.kind == BoxedKind::kFilter) {
            f->scope.Set("item", item);
            if (item.kind() == Kind::kContext) {
                for (const auto& [k, v] : item.AsContext().entries) f->scope.Set(k, v);
            }
        }
        Value r = EvalBoxed(b.children[1].get(), f, c);
        bool t = false;
        if (b.kind != BoxedKind::kFor) {
            std::optional<bool> cond = Condition(r, c, "the test");
            if (!cond && !r.IsNull()) return Value();
            t = cond.value_or(false);
        }
        any_true |= t;
        all_true &= t;
        if (b.kind == BoxedKind::kFor) results.push_back(std::move(r));
        if (b.kind == BoxedKind::kFilter && t) results.push_back(item);
    }
    if (b.kind == BoxedKind::kSome) return Value::Bool(any_true);
    if (b.kind == BoxedKind::kEvery) return Value::Bool(all_true);
    if (in.IsNull() && b.kind == BoxedKind::kFilter) return Value();
    return Value::FromList(std::move(results));
}

// Each entry sees the ones before it: a frame per entry, so that a function defined in an entry
// captures only what precedes it (and itself, by name).
Value EvalContext(const Boxed& b, const FramePtr& frame, Ctx& c) {
    FramePtr f = frame;
    Context out;
    for (size_t i = 0; i < b.children.size(); ++i) {
        const Boxed* child = b.children[i].get();
        Value v =
            child && child->kind == BoxedKind::kFunctionDefinition && child->function_kind == "FEEL"
                ? Define(*child, f, c, b.names[i])
                : EvalBoxed(child, f, c);
        if (!b.type_refs[i].empty()) {
            v = Coerce(v, b.type_refs[i], c.model, c.ev, "context entry " + b.names[i]);
        }
        if (b.has_result && i + 1 == b.children.size()) return v;
        auto next = NewFrame(f);
        next->scope.Set(b.names[i], v);
        f = next;
        out.Put(b.names[i], std::move(v));
    }
    return Value::FromContext(std::move(out));
}

Value EvalInvocation(const Boxed& b, const FramePtr& frame, Ctx& c) {
    Value callee = EvalBoxed(b.children.empty() ? nullptr : b.children[0].get(), frame, c);
    if (callee.kind() != Kind::kFunction) {
        c.ev.Warn("invocation of something that is not a function");
        return Value();
    }
    std::vector<std::pair<std::string, Value>> args;
    for (size_t i = 0; i < b.names.size(); ++i) {
        args.emplace_back(b.names[i], EvalBoxed(b.children[i + 1].get(), frame, c));
    }
    return callee.AsFunction()->CallNamed(std::move(args), c.ev);
}

Value EvalKind(const Boxed* b, const FramePtr& frame, Ctx& c);

// kind="Java": the body is the context naming the class and the method signature, as FEEL's
// `external {java: ...}` takes it (feel_external.cpp emulates the java.lang methods).
Value JavaDefinition(const Boxed& b, const FramePtr& frame, Ctx& c) {
    Context mapping;
    mapping.Put("java", EvalBoxed(b.children.empty() ? nullptr : b.children[0].get(), frame, c));
    std::vector<Parameter> params;
    for (const std::string& n : b.names) params.push_back({n, std::nullopt});
    std::string problem;
    Value f =
        MakeExternalFunction(std::move(params), Value::FromContext(std::move(mapping)), problem);
    if (!problem.empty()) c.ev.Warn(b.id + ": " + problem);
    return f;
}

}  // namespace

Value EvalBoxed(const Boxed* b, const FramePtr& frame, Ctx& c) {
    if (b == nullptr) return Value();
    Value v = EvalKind(b, frame, c);
    // The expression's own typeRef (e.g. a BKM body's) constrains its value like a decision's;
    // a function definition's typeRef is its result's (checked when it is called).
    if (!b->type_ref.empty() && b->kind != BoxedKind::kFunctionDefinition)
        v = Coerce(v, b->type_ref, c.model, c.ev, "expression " + b->id);
    return v;
}

namespace {

Value EvalKind(const Boxed* b, const FramePtr& frame, Ctx& c) {
    c.ev.Step();
    switch (b->kind) {
        case BoxedKind::kLiteral:
            return b->literal ? Evaluate(*b->literal, frame->scope, c.ev) : Value();
        case BoxedKind::kDecisionTable: return EvalTable(*b->table, frame, c);
        case BoxedKind::kContext: return EvalContext(*b, frame, c);
        case BoxedKind::kInvocation: return EvalInvocation(*b, frame, c);
        case BoxedKind::kRelation: {
            List rows;
            size_t cols = b->names.size();
            for (size_t r = 0; cols > 0 && r + cols <= b->children.size(); r += cols) {
                Context row;
                for (size_t j = 0; j < cols; ++j) {
                    Value v = EvalBoxed(b->children[r + j].get(), frame, c);
                    if (!b->type_refs[j].empty()) {
                        v = Coerce(v, b->type_refs[j], c.model, c.ev, "column " + b->names[j]);
                    }
                    row.Put(b->names[j], std::move(v));
                }
                rows.push_back(Value::FromContext(std::move(row)));
            }
            return Value::FromList(std::move(rows));
        }
        case BoxedKind::kList: {
            List items;
            for (const BoxedPtr& child : b->children)
                items.push_back(EvalBoxed(child.get(), frame, c));
            return Value::FromList(std::move(items));
        }
        case BoxedKind::kFunctionDefinition:
            if (b->function_kind == "Java") return JavaDefinition(*b, frame, c);
            if (b->function_kind != "FEEL") {
                c.ev.Warn(b->function_kind + " functions are not supported; null instead");
                return Value();
            }
            return Define(*b, frame, c, "");
        case BoxedKind::kConditional: {
            Value cond = EvalBoxed(b->children[0].get(), frame, c);
            std::optional<bool> t = Condition(cond, c, "the condition");
            if (!t && !cond.IsNull()) return Value();
            return EvalBoxed(b->children[t.value_or(false) ? 1 : 2].get(), frame, c);
        }
        case BoxedKind::kFor:
        case BoxedKind::kSome:
        case BoxedKind::kEvery:
        case BoxedKind::kFilter: return Iterate(*b, frame, c);
        case BoxedKind::kInvalid: c.ev.Warn(b->id + ": " + b->error); return Value();
    }
    return Value();
}

}  // namespace

}  // namespace ow::rules::dmn_eval
