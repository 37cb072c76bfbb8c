// Evaluating the decision requirements graph: required decisions first (each once), input data
// typed by their typeRefs, BKMs and decision services as FEEL functions, imported models' elements
// under their import prefix; the public entry points catch the step budget here.
#include <map>
#include <set>

#include "rules/dmn.hpp"
#include "rules/dmn_eval.hpp"
#include "rules/dmn_types.hpp"

namespace ow::rules {

using namespace dmn_eval;

namespace {

// The chain of import prefixes from `root` to `target` (empty when target is root); false when
// `target` is not reachable.
bool ImportPath(const Model& root, const Model* target, std::vector<std::string>& path,
                int depth = 0) {
    if (&root == target) return true;
    if (depth > 16) return false;
    for (const Import& imp : root.imports) {
        if (!imp.model) continue;
        path.push_back(imp.name);
        if (ImportPath(*imp.model, target, path, depth + 1)) return true;
        path.pop_back();
    }
    return false;
}

class Drg {
public:
    Drg(const Model& root, const Inputs& inputs, Evaluation& ev, Trace* trace)
        : root_(root), inputs_(inputs), ev_(ev), trace_(trace) {}

    // Decision services: these decisions take the given values (null when not given) instead of
    // being evaluated, and input data come only from the parameters.
    void Override(const Decision* d, Value v) { memo_[d] = std::move(v); }

    Value Decide(const Model& m, const Decision& d) {
        if (auto it = memo_.find(&d); it != memo_.end()) return it->second;
        if (const Value* given = Given(m, d.name); given && !m.FindInput(d.name)) {
            Value v = Coerce(*given, d.type_ref, m, ev_, "decision " + d.name);
            memo_[&d] = v;
            return v;
        }
        if (!in_progress_.insert(&d).second) {
            ev_.Warn("decision " + d.name + " requires itself");
            return Value();
        }
        ev_.Enter();
        auto frame = RootFrame(m);
        std::map<std::string, Context> imported;
        BindKnowledge(m, *frame, imported, d.required_knowledge);
        // Required decisions and input data, each bound under its name (or import prefix).
        auto require = [&](const std::vector<Href>& hrefs, auto items, auto value_of,
                           const char* what) {
            for (const Href& h : hrefs) {
                const Model* m2 = m.ModelOf(h);
                const auto* e = m2 ? FindById(m2->*items, h.id) : nullptr;
                if (!e) {
                    ev_.Warn("decision " + d.name + " requires an unknown " + what + " " + h.id);
                    continue;
                }
                Bind(m, m2, e->name, (this->*value_of)(*m2, *e), *frame, imported);
            }
        };
        require(d.required_decisions, &Model::decisions, &Drg::Decide, "decision");
        require(d.required_inputs, &Model::inputs, &Drg::InputValue, "input");
        for (auto& [prefix, ctx] : imported)
            frame->scope.Set(prefix, Value::FromContext(std::move(ctx)));
        Ctx c{m, ev_, trace_, d.name};
        Value v = EvalBoxed(d.logic.get(), frame, c);
        v = Coerce(v, d.type_ref, m, ev_, "decision " + d.name);
        ev_.Leave();
        in_progress_.erase(&d);
        if (trace_) trace_->decisions.push_back({d.name, v});
        memo_[&d] = v;
        return v;
    }

    Value InputValue(const Model& m, const InputData& in) {
        const Value* v = Given(m, in.name);
        if (!v) return Value();
        return Coerce(*v, in.type_ref, m, ev_, "input " + in.name);
    }

    static void BindKnowledge(const Model& m, Frame& frame,
                              std::map<std::string, Context>& imported,
                              const std::vector<Href>& required) {
        // Every BKM and service of the model is callable, required or not: models exported
        // by some editors leave knowledge requirements out.
        for (const BusinessKnowledgeModel& b : m.bkms)
            frame.scope.Set(b.name, Value::FromFunction(BkmFunction(m, b)));
        for (const DecisionService& s : m.services)
            frame.scope.Set(s.name, Value::FromFunction(ServiceFunction(m, s)));
        for (const Href& h : required) {
            const Model* m2 = m.ModelOf(h);
            if (!m2 || m2 == &m) continue;
            if (const auto* b = FindById(m2->bkms, h.id)) {
                Bind(m, m2, b->name, Value::FromFunction(BkmFunction(*m2, *b)), frame, imported);
            } else if (const auto* s = FindById(m2->services, h.id)) {
                Bind(m, m2, s->name, Value::FromFunction(ServiceFunction(*m2, *s)), frame,
                     imported);
            }
        }
    }

private:
    static void Bind(const Model& m, const Model* m2, const std::string& name, Value v,
                     Frame& frame, std::map<std::string, Context>& imported) {
        if (m2 == &m) {
            frame.scope.Set(name, std::move(v));
            return;
        }
        const Import* imp = m.ImportOf(m2);
        if (!imp || imp->name.empty()) {
            frame.scope.Set(name, std::move(v));
        } else {
            // Both `prefix` as a context and the qualified name itself: the parser reads
            // `prefix.Some Name` as one name when it knows it.
            frame.scope.Set(imp->name + "." + name, v);
            imported[imp->name].Put(name, std::move(v));
        }
    }

    // The value given for `name` of model `m`: by namespace, else under the import prefixes.
    const Value* Given(const Model& m, const std::string& name) const {
        for (const auto& [ns, ctx] : inputs_.by_namespace) {
            if (ns == m.ns) {
                if (const Value* v = ctx.Find(name)) return v;
            }
        }
        std::vector<std::string> path;
        if (!ImportPath(root_, &m, path)) return nullptr;
        const Context* ctx = &inputs_.values;
        for (const std::string& p : path) {
            const Value* v = ctx->Find(p);
            if (!v || v->kind() != Kind::kContext) return nullptr;
            ctx = &v->AsContext();
        }
        return ctx->Find(name);
    }

    const Model& root_;
    const Inputs& inputs_;
    Evaluation& ev_;
    Trace* trace_;
    std::map<const Decision*, Value> memo_;
    std::set<const Decision*> in_progress_;
};

class BkmFn final : public Function {
public:
    BkmFn(const Model& m, const BusinessKnowledgeModel& b) : owner_(Owner(m)), m_(m), b_(b) {}
    std::string_view name() const override { return b_.name; }
    std::vector<std::vector<Parameter>> overloads() const override {
        std::vector<Parameter> ps;
        for (size_t i = 0; i < b_.parameters.size(); ++i) {
            ps.push_back({b_.parameters[i], b_.parameter_types[i].empty()
                                                ? std::nullopt
                                                : TypeOfRef(b_.parameter_types[i], m_)});
        }
        return {ps};
    }
    Value Call(std::vector<Value> args, Evaluation& ev) const override {
        if (args.size() != b_.parameters.size()) {
            ev.Warn(b_.name + " takes " + std::to_string(b_.parameters.size()) +
                    " arguments, not " + std::to_string(args.size()));
            return Value();
        }
        if (b_.function_kind != "FEEL") {
            ev.Warn(b_.name + ": " + b_.function_kind + " functions are not supported");
            return Value();
        }
        ev.Enter();
        auto frame = RootFrame(m_);
        std::map<std::string, Context> imported;
        Drg::BindKnowledge(m_, *frame, imported, b_.required_knowledge);
        for (auto& [prefix, ctx] : imported)
            frame->scope.Set(prefix, Value::FromContext(std::move(ctx)));
        auto params = NewFrame(frame);
        for (size_t i = 0; i < args.size(); ++i) {
            std::optional<Value> a = ConformTo(args[i], b_.parameter_types[i], m_, ev);
            if (!a) {
                ev.Warn(b_.name + ": argument " + b_.parameters[i] + " is not a " +
                        b_.parameter_types[i]);
                ev.Leave();
                return Value();
            }
            params->scope.Set(b_.parameters[i], std::move(*a));
        }
        Ctx c{m_, ev, nullptr, b_.name};
        Value r = EvalBoxed(b_.body.get(), params, c);
        ev.Leave();
        r = Coerce(r, b_.result_type, m_, ev, b_.name + " result");
        return Coerce(r, FunctionOutputType(b_.type_ref, m_), m_, ev, b_.name + " result");
    }

private:
    std::shared_ptr<const Model> owner_;
    const Model& m_;
    const BusinessKnowledgeModel& b_;
};

class ServiceFn final : public Function {
public:
    ServiceFn(const Model& m, const DecisionService& s) : owner_(Owner(m)), m_(m), s_(s) {}
    std::string_view name() const override { return s_.name; }
    std::vector<std::vector<Parameter>> overloads() const override {
        std::vector<Parameter> ps;
        for (const Href& h : Params()) {
            const Model* m2 = m_.ModelOf(h);
            const std::string* n = m2 ? m2->NameOfId(h.id) : nullptr;
            ps.push_back({n ? *n : h.id, std::nullopt});
        }
        return {ps};
    }
    Value Call(std::vector<Value> args, Evaluation& ev) const override {
        std::vector<Parameter> ps = overloads()[0];
        if (args.size() != ps.size()) {
            ev.Warn(s_.name + " takes " + std::to_string(ps.size()) + " arguments, not " +
                    std::to_string(args.size()));
            return Value();
        }
        // An argument of the wrong type: the service is not invoked (TCK 0085 test 007).
        std::vector<Href> hrefs = Params();
        Context given;
        for (size_t i = 0; i < args.size(); ++i) {
            std::optional<Value> a = ConformTo(args[i], TypeOf(hrefs[i]), m_, ev);
            if (!a) {
                ev.Warn(s_.name + ": argument " + ps[i].name + " is not a " + TypeOf(hrefs[i]));
                return Value();
            }
            given.Put(ps[i].name, std::move(*a));
        }
        return Run(given, ev, nullptr);
    }

    // Input data and input decisions by name; missing ones are null.
    Value Run(const Context& given, Evaluation& ev, Trace* trace) const {
        ev.Enter();
        Inputs inputs;
        inputs.values = given;
        Drg drg(m_, inputs, ev, trace);
        for (const Href& h : s_.input_decisions) {
            const Model* m2 = m_.ModelOf(h);
            const Decision* d = m2 ? FindById(m2->decisions, h.id) : nullptr;
            if (!d) continue;
            const Value* v = given.Find(d->name);
            drg.Override(d, v ? Coerce(*v, d->type_ref, *m2, ev, "decision " + d->name) : Value());
        }
        Context out;
        Value single;
        for (const Href& h : s_.output_decisions) {
            const Model* m2 = m_.ModelOf(h);
            const Decision* d = m2 ? FindById(m2->decisions, h.id) : nullptr;
            if (!d) continue;
            single = drg.Decide(*m2, *d);
            out.Put(d->name, single);
        }
        ev.Leave();
        Value result =
            s_.output_decisions.size() == 1 ? single : Value::FromContext(std::move(out));
        return Coerce(result, FunctionOutputType(s_.type_ref, m_), m_, ev, s_.name + " result");
    }

private:
    std::string TypeOf(const Href& h) const {
        const Model* m2 = m_.ModelOf(h);
        if (!m2) return {};
        if (const auto* d = FindById(m2->decisions, h.id)) return d->type_ref;
        if (const auto* in = FindById(m2->inputs, h.id)) return in->type_ref;
        return {};
    }

    // Input data first, then input decisions (DMN 1.3 section 10.4).
    std::vector<Href> Params() const {
        std::vector<Href> all = s_.input_data;
        all.insert(all.end(), s_.input_decisions.begin(), s_.input_decisions.end());
        return all;
    }

    std::shared_ptr<const Model> owner_;
    const Model& m_;
    const DecisionService& s_;
};

std::vector<VariableInfo> Infos(const auto& items) {
    std::vector<VariableInfo> out;
    for (const auto& i : items) out.push_back({i.name, i.type_ref});
    return out;
}

}  // namespace

namespace dmn_eval {

std::shared_ptr<const Model> Owner(const Model& model) {
    return model.weak_from_this().lock();
}

std::shared_ptr<Frame> RootFrame(const Model& model) {
    auto f = NewFrame(nullptr);
    std::shared_ptr<const Model> owner = Owner(model);
    const Model* m = &model;
    f->scope.SetTypeResolver(
        [owner, m](std::string_view name) -> std::optional<Type> { return TypeOfRef(name, *m); });
    return f;
}

std::shared_ptr<const Function> BkmFunction(const Model& model, const BusinessKnowledgeModel& b) {
    return std::make_shared<BkmFn>(model, b);
}

std::shared_ptr<const Function> ServiceFunction(const Model& model, const DecisionService& s) {
    return std::make_shared<ServiceFn>(model, s);
}

}  // namespace dmn_eval

std::vector<VariableInfo> ListDecisions(const Model& model) {
    return Infos(model.decisions);
}
std::vector<VariableInfo> ListInputData(const Model& model) {
    return Infos(model.inputs);
}
std::vector<VariableInfo> ListDecisionServices(const Model& model) {
    return Infos(model.services);
}

DmnResult EvaluateDecision(const Model& model, std::string_view decision, const Inputs& inputs,
                           Evaluation& ev, Trace* trace) {
    const Decision* d = model.FindDecision(decision);
    if (!d) return {Value(), "no decision named " + std::string(decision)};
    try {
        Drg drg(model, inputs, ev, trace);
        DmnResult r{drg.Decide(model, *d), ""};
        if (trace) trace->warnings = ev.warnings();
        return r;
    } catch (const BudgetExceeded& e) {
        return {Value(), "evaluation stopped: " + e.what};
    }
}

std::vector<DmnResult> EvaluateDecisions(const Model& model,
                                         const std::vector<std::string>& decisions,
                                         const Inputs& inputs, Evaluation& ev, Trace* trace) {
    std::vector<DmnResult> out;
    Drg drg(model, inputs, ev, trace);
    for (const std::string& name : decisions) {
        const Decision* d = model.FindDecision(name);
        if (!d) {
            out.push_back({Value(), "no decision named " + name});
            continue;
        }
        try {
            out.push_back({drg.Decide(model, *d), ""});
        } catch (const BudgetExceeded& e) {
            out.push_back({Value(), "evaluation stopped: " + e.what});
        }
    }
    if (trace) trace->warnings = ev.warnings();
    return out;
}

DmnResult EvaluateDecisionService(const Model& model, std::string_view service,
                                  const Context& parameters, Evaluation& ev, Trace* trace) {
    const DecisionService* s = model.FindService(service);
    if (!s) return {Value(), "no decision service named " + std::string(service)};
    try {
        ServiceFn fn(model, *s);
        DmnResult r{fn.Run(parameters, ev, trace), ""};
        if (trace) trace->warnings = ev.warnings();
        return r;
    } catch (const BudgetExceeded& e) {
        return {Value(), "evaluation stopped: " + e.what};
    }
}

DmnResult InvokeBkm(const Model& model, std::string_view bkm, const Context& arguments,
                    Evaluation& ev) {
    const BusinessKnowledgeModel* b = model.FindBkm(bkm);
    if (!b) return {Value(), "no business knowledge model named " + std::string(bkm)};
    try {
        std::vector<std::pair<std::string, Value>> args(arguments.entries.begin(),
                                                        arguments.entries.end());
        return {BkmFn(model, *b).CallNamed(std::move(args), ev), ""};
    } catch (const BudgetExceeded& e) {
        return {Value(), "evaluation stopped: " + e.what};
    }
}

}  // namespace ow::rules
