// Decision tables: input values, rule matching, output entries and every hit policy (U, A, P, F,
// R, O, C, C+, C<, C>, C#), recording the reasons in the trace when one is asked for.
#include <algorithm>
#include <numeric>

#include "rules/dmn_eval.hpp"
#include "rules/dmn_types.hpp"
#include "rules/value_ops.hpp"

namespace ow::rules::dmn_eval {

namespace {

std::string PolicyName(const DecisionTable& t) {
    static constexpr const char* kNames[] = {"UNIQUE",     "ANY",          "PRIORITY", "FIRST",
                                             "RULE ORDER", "OUTPUT ORDER", "COLLECT"};
    static constexpr const char* kAgg[] = {"", " SUM", " MIN", " MAX", " COUNT"};
    return std::string(kNames[static_cast<int>(t.hit_policy)]) +
           kAgg[static_cast<int>(t.aggregation)];
}

bool IsTrue(const Value& v) {
    return v.kind() == Kind::kBoolean && v.AsBool();
}

struct Hit {
    size_t rule;
    std::vector<Value> outputs;
};

Value RowValue(const DecisionTable& t, std::vector<Value> outputs) {
    if (t.outputs.size() == 1) return std::move(outputs[0]);
    Context c;
    for (size_t j = 0; j < outputs.size(); ++j) c.Put(t.outputs[j].name, std::move(outputs[j]));
    return Value::FromContext(std::move(c));
}

Value DefaultValue(const DecisionTable& t, const FramePtr& frame, Ctx& c) {
    bool any = false;
    std::vector<Value> outs;
    for (const TableOutput& o : t.outputs) {
        if (o.default_value) {
            any = true;
            outs.push_back(Evaluate(*o.default_value, frame->scope, c.ev));
        } else {
            outs.emplace_back();
        }
    }
    if (!any) return Value();
    return RowValue(t, std::move(outs));
}

// Priority of each output value: its position in the output's outputValues list (lower first);
// values not in the list (or outputs without one) come last.
std::vector<std::vector<size_t>> Priorities(const DecisionTable& t, const std::vector<Hit>& hits,
                                            const FramePtr& frame, Ctx& c) {
    std::vector<std::vector<Value>> lists;
    for (const TableOutput& o : t.outputs) {
        std::vector<Value> values;
        for (const Expression& e : o.priority) values.push_back(Evaluate(e, frame->scope, c.ev));
        lists.push_back(std::move(values));
    }
    std::vector<std::vector<size_t>> keys;
    for (const Hit& h : hits) {
        std::vector<size_t> key;
        for (size_t j = 0; j < t.outputs.size(); ++j) {
            size_t k = 0;
            while (k < lists[j].size() && Equal(lists[j][k], h.outputs[j]) != true) ++k;
            key.push_back(k);
        }
        keys.push_back(std::move(key));
    }
    return keys;
}

Value Aggregate(const DecisionTable& t, const std::vector<Hit>& hits, Ctx& c) {
    if (t.aggregation == Aggregation::kCount) return Value::Number(int64_t(hits.size()));
    if (hits.empty()) return Value();
    if (t.aggregation == Aggregation::kSum) {
        Value sum = hits[0].outputs[0];
        for (size_t i = 1; i < hits.size(); ++i) sum = Add(sum, hits[i].outputs[0], c.ev);
        if (sum.kind() != Kind::kNumber) c.ev.Warn("COLLECT SUM of values that are not numbers");
        return sum.kind() == Kind::kNumber ? sum : Value();
    }
    Value best = hits[0].outputs[0];
    for (size_t i = 1; i < hits.size(); ++i) {
        std::optional<int> cmp = Compare(hits[i].outputs[0], best);
        if (!cmp) {
            c.ev.Warn("COLLECT MIN/MAX of values that cannot be compared");
            return Value();
        }
        if ((t.aggregation == Aggregation::kMin && *cmp < 0) ||
            (t.aggregation == Aggregation::kMax && *cmp > 0)) {
            best = hits[i].outputs[0];
        }
    }
    return best;
}

Value Apply(const DecisionTable& t, std::vector<Hit>& hits, const FramePtr& frame, Ctx& c) {
    const bool collecting = t.hit_policy == HitPolicy::kCollect ||
                            t.hit_policy == HitPolicy::kRuleOrder ||
                            t.hit_policy == HitPolicy::kOutputOrder;
    if (hits.empty()) {
        // The default output entries answer for an empty table whatever the hit policy (TCK
        // 0020: COLLECT MAX with default 0); without them collecting gives [] (COUNT 0, SUM
        // null) and the single-hit policies null.
        Value d = DefaultValue(t, frame, c);
        if (!d.IsNull() || !collecting) return d;
        if (t.hit_policy == HitPolicy::kCollect && t.aggregation != Aggregation::kNone) {
            return Aggregate(t, hits, c);
        }
        return Value::FromList({});
    }
    switch (t.hit_policy) {
        case HitPolicy::kUnique:
            if (hits.size() > 1) {
                c.ev.Warn("UNIQUE table " + t.id + ": " + std::to_string(hits.size()) +
                          " rules matched");
                return Value();
            }
            return RowValue(t, hits[0].outputs);
        case HitPolicy::kAny:
            for (const Hit& h : hits) {
                for (size_t j = 0; j < h.outputs.size(); ++j) {
                    if (Equal(h.outputs[j], hits[0].outputs[j]) != true) {
                        c.ev.Warn("ANY table " + t.id + ": matched rules disagree");
                        return Value();
                    }
                }
            }
            return RowValue(t, hits[0].outputs);
        case HitPolicy::kFirst: return RowValue(t, hits[0].outputs);
        case HitPolicy::kPriority:
        case HitPolicy::kOutputOrder: {
            auto keys = Priorities(t, hits, frame, c);
            std::vector<size_t> order(hits.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&](size_t a, size_t b) { return keys[a] < keys[b]; });
            if (t.hit_policy == HitPolicy::kPriority) return RowValue(t, hits[order[0]].outputs);
            List out;
            for (size_t i : order) out.push_back(RowValue(t, hits[i].outputs));
            return Value::FromList(std::move(out));
        }
        case HitPolicy::kRuleOrder:
        case HitPolicy::kCollect: {
            if (t.aggregation != Aggregation::kNone) {
                if (t.outputs.size() != 1) {
                    c.ev.Warn("COLLECT with an aggregation needs a single output");
                    return Value();
                }
                return Aggregate(t, hits, c);
            }
            List out;
            for (Hit& h : hits) out.push_back(RowValue(t, std::move(h.outputs)));
            return Value::FromList(std::move(out));
        }
    }
    return Value();
}

}  // namespace

Value EvalTable(const DecisionTable& t, const FramePtr& frame, Ctx& c) {
    const Scope& scope = frame->scope;
    // Built locally and appended at the end: tables evaluated inside this one (BKMs called from
    // an entry) append their own traces meanwhile.
    std::optional<TableTrace> local;
    TableTrace* tt = nullptr;
    if (c.trace) {
        tt = &local.emplace();
        tt->decision = std::string(c.owner);
        tt->table_id = t.id;
        tt->hit_policy = PolicyName(t);
    }
    std::vector<Value> inputs;
    inputs.reserve(t.inputs.size());
    for (const TableInput& in : t.inputs) {
        Value v = in.expression ? Evaluate(*in.expression, scope, c.ev) : Value();
        if (in.allowed && !v.IsNull() && !IsTrue(Test(*in.allowed, v, scope, c.ev))) {
            c.ev.Warn("input " + in.label + ": " + ToLiteral(v) + " is not one of " +
                      in.allowed->text());
            if (tt) c.trace->tables.push_back(std::move(*tt));
            return Value();
        }
        if (tt) {
            tt->input_labels.push_back(in.label);
            tt->input_values.push_back(v);
        }
        inputs.push_back(std::move(v));
    }
    std::vector<Hit> hits;
    for (size_t r = 0; r < t.rules.size(); ++r) {
        const TableRule& rule = t.rules[r];
        RuleTrace* rt = nullptr;
        if (tt) {
            tt->rules.emplace_back();
            rt = &tt->rules.back();
            rt->index = r;
            rt->id = rule.id;
            rt->annotations = rule.annotations;
        }
        bool matched = true;
        for (size_t i = 0; i < t.inputs.size(); ++i) {
            c.ev.Step();
            const std::optional<UnaryTests>& entry = rule.inputs[i];
            Value ok = entry ? Test(*entry, inputs[i], scope, c.ev) : Value();
            bool holds = IsTrue(ok);
            if (rt && (!holds || !entry->is_any())) {
                FailedEntry fe{i, t.inputs[i].label, inputs[i], entry ? entry->text() : "?",
                               ok.IsNull()};
                (holds ? rt->satisfied : rt->failed).push_back(std::move(fe));
            }
            if (!holds) {
                matched = false;
                if (!rt) break;  // the reasons are only wanted with a trace
            }
        }
        if (!matched) continue;
        Hit h{r, {}};
        for (size_t j = 0; j < t.outputs.size(); ++j) {
            const TableOutput& o = t.outputs[j];
            Value v = rule.outputs[j] ? Evaluate(*rule.outputs[j], scope, c.ev) : Value();
            if (o.allowed && !v.IsNull() && !IsTrue(Test(*o.allowed, v, scope, c.ev))) {
                c.ev.Warn("output " + o.name + ": " + ToLiteral(v) + " is not one of " +
                          o.allowed->text());
                v = Value();
            }
            if (!o.type_ref.empty()) v = Coerce(v, o.type_ref, c.model, c.ev, "output " + o.name);
            h.outputs.push_back(std::move(v));
        }
        if (rt) {
            rt->matched = true;
            rt->output = RowValue(t, h.outputs);
        }
        hits.push_back(std::move(h));
        if (t.hit_policy == HitPolicy::kFirst && !rt) break;
    }
    if (t.hit_policy == HitPolicy::kFirst && hits.size() > 1) hits.resize(1);
    Value result = Apply(t, hits, frame, c);
    if (tt) {
        tt->result = result;
        c.trace->tables.push_back(std::move(*tt));
    }
    return result;
}

}  // namespace ow::rules::dmn_eval
