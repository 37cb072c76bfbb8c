#include "rules/batch.hpp"

#include <algorithm>

#include "rules/column_kernels.hpp"
#include "rules/column_predicate.hpp"
#include "rules/dmn_types.hpp"
#include "rules/feel_ast.hpp"
#include "rules/fixed_expr.hpp"
#include "rules/value_ops.hpp"

namespace ow::rules {
namespace {

constexpr size_t kBlock = ColumnPredicate::kMaxBlock;  // a block's masks stay in L1/L2

const Decision* DecisionById(const Model& m, std::string_view id) {
    for (const auto& d : m.decisions) {
        if (d.id == id) return &d;
    }
    return nullptr;
}

const InputData* InputById(const Model& m, std::string_view id) {
    for (const auto& i : m.inputs) {
        if (i.id == id) return &i;
    }
    return nullptr;
}

// The input data `d` needs, itself and through the decisions it requires, in model order.
void CollectInputs(const Model& m, const Decision& d, std::vector<const InputData*>& out,
                   std::vector<const Decision*>& seen) {
    if (std::find(seen.begin(), seen.end(), &d) != seen.end()) return;
    seen.push_back(&d);
    for (const Href& h : d.required_inputs) {
        if (!h.ns.empty()) continue;
        const InputData* in = InputById(m, h.id);
        if (in != nullptr && std::find(out.begin(), out.end(), in) == out.end()) out.push_back(in);
    }
    for (const Href& h : d.required_decisions) {
        if (!h.ns.empty()) continue;
        if (const Decision* r = DecisionById(m, h.id)) CollectInputs(m, *r, out, seen);
    }
}

bool SimpleTypeRef(std::string_view t) {
    return t.empty() || t == "number" || t == "string" || t == "boolean";
}

// Whether the table can run column by column with the interpreter's exact meaning.
const DecisionTable* ColumnarTable(const Model& m, const Decision& d,
                                   const std::vector<std::pair<std::string, Type>>& schema) {
    if (!d.logic || d.logic->kind != BoxedKind::kDecisionTable || !d.logic->table) return nullptr;
    if (!d.type_ref.empty() || !d.logic->type_ref.empty()) return nullptr;
    const DecisionTable& t = *d.logic->table;
    switch (t.hit_policy) {
        case HitPolicy::kUnique:
        case HitPolicy::kAny:
        case HitPolicy::kFirst:
        case HitPolicy::kRuleOrder:
        case HitPolicy::kCollect: break;
        default: return nullptr;
    }
    // Aggregations are left to the interpreter: one place defines what C+ and C# count.
    if (t.aggregation != Aggregation::kNone) return nullptr;
    if (t.inputs.size() > 32 || t.rules.size() > 65535 || t.outputs.empty()) return nullptr;
    for (const auto& in : t.inputs) {
        if (!in.expression || in.allowed) return nullptr;
        const Node& e = in.expression->root();
        if (e.kind != NodeKind::kName) return nullptr;
        auto it = std::find_if(schema.begin(), schema.end(),
                               [&](const auto& s) { return s.first == e.text; });
        if (it == schema.end()) return nullptr;
        const InputData* data = m.FindInput(e.text);
        if (data == nullptr || !SimpleTypeRef(data->type_ref)) return nullptr;
        if (!in.type_ref.empty() && in.type_ref != data->type_ref) return nullptr;
    }
    for (const auto& out : t.outputs) {
        if (out.allowed || out.default_value || !out.priority.empty()) return nullptr;
        if (!SimpleTypeRef(out.type_ref)) return nullptr;
    }
    return &t;
}

Value FromUnits(int64_t units, int scale) {
    return Value::Number(Decimal::FromScaled(units, scale));
}

// The model's own function names, so compiled tests never mistake one for a built-in.
Scope ModelScope(const Model& m) {
    Scope s;
    for (const auto& b : m.bkms) s.Set(b.name, Value());
    for (const auto& ds : m.services) s.Set(ds.name, Value());
    return s;
}

// One output entry of one rule, compiled.
struct OutputEntry {
    enum class Kind : uint8_t { kNull, kConstant, kFixed, kInterpret } kind = Kind::kNull;
    Value constant;
    std::optional<FixedExpr> fixed;
};

}  // namespace

const BatchResult::Interpreted* BatchResult::FindInterpreted(size_t row) const {
    auto it = std::lower_bound(interpreted.begin(), interpreted.end(), row,
                               [](const Interpreted& i, size_t r) { return i.row < r; });
    return it != interpreted.end() && it->row == row ? &*it : nullptr;
}

Value BatchResult::Output(size_t o, size_t h) const {
    if (scale[o][h] >= 0) return FromUnits(units[o][h], scale[o][h]);
    if (scale[o][h] == kConstant) return constants[o][hit_rule[h]];
    return Value();
}

PlannedBatch PlanBatch(std::shared_ptr<const Model> model, std::string_view decision) {
    PlannedBatch out;
    const Decision* d = model->FindDecision(decision);
    if (d == nullptr) {
        out.error = "the model has no decision named \"" + std::string(decision) + "\"";
        return out;
    }
    BatchPlan plan;
    plan.model = model;
    plan.decision = d->name;
    std::vector<const InputData*> inputs;
    std::vector<const Decision*> seen;
    CollectInputs(*model, *d, inputs, seen);
    for (const InputData* in : inputs) {
        auto type = TypeOfRef(in->type_ref, *model);
        plan.schema.emplace_back(in->name, type ? *type : Type::Any());
    }
    plan.table = ColumnarTable(*model, *d, plan.schema);
    out.plan = std::move(plan);
    return out;
}

namespace {

void Interpret(const BatchPlan& plan, const DataSet& data, size_t row, const BatchOptions& options,
               BatchResult& result) {
    Inputs in;
    in.values = data.RowContext(row);
    Evaluation ev(options.now, options.limits);
    Trace trace;
    DmnResult r =
        EvaluateDecision(*plan.model, plan.decision, in, ev, options.explain ? &trace : nullptr);
    BatchResult::Interpreted item;
    item.row = static_cast<uint32_t>(row);
    item.value = r.value;
    item.error = r.error;
    if (options.explain) {
        std::string text;
        for (const auto& t : trace.tables) {
            if (!text.empty()) text += "; ";
            text += Explain(t, "matched", "no rule matched");
        }
        if (text.empty()) {
            for (const auto& d : trace.decisions) {
                if (!text.empty()) text += "; ";
                text += d.name + " = " + ToLiteral(d.value);
            }
        }
        item.explanation = std::move(text);
    }
    result.interpreted.push_back(std::move(item));
}

// Values agree as the ANY hit policy requires.
bool SameOutputs(const BatchResult& r, size_t outputs, size_t a, size_t b) {
    for (size_t o = 0; o < outputs; ++o) {
        auto eq = Equal(r.Output(o, a), r.Output(o, b));
        if (!eq || !*eq) return false;
    }
    return true;
}

}  // namespace

BatchResult RunBatch(const BatchPlan& plan, const DataSet& data, const BatchOptions& options) {
    BatchResult result;
    result.rows = data.rows;
    if (plan.table == nullptr) {
        for (size_t r = 0; r < data.rows; ++r) Interpret(plan, data, r, options, result);
        return result;
    }
    const DecisionTable& table = *plan.table;
    const size_t rules = table.rules.size();
    const size_t inputs = table.inputs.size();
    const size_t outputs = table.outputs.size();
    Scope scope = ModelScope(*plan.model);
    Evaluation ev(options.now, options.limits);

    // Compile every cell against this data (dictionaries and scales are the data's).
    std::vector<const DataColumn*> columns(inputs);
    for (size_t i = 0; i < inputs; ++i) {
        columns[i] = data.Find(table.inputs[i].expression->root().text);
    }
    std::vector<ColumnPredicate> tests(rules * inputs);
    std::vector<uint8_t> dead(rules, 0);  // an entry that did not parse: never matches
    std::vector<OutputEntry> entries(rules * outputs);
    for (size_t k = 0; k < rules; ++k) {
        const TableRule& rule = table.rules[k];
        for (size_t i = 0; i < inputs; ++i) {
            if (i >= rule.inputs.size() || !rule.inputs[i]) {
                dead[k] = 1;
                continue;
            }
            tests[k * inputs + i] = ColumnPredicate::Compile(*rule.inputs[i], columns[i], scope);
        }
        for (size_t o = 0; o < outputs; ++o) {
            OutputEntry& e = entries[k * outputs + o];
            if (o >= rule.outputs.size() || !rule.outputs[o]) continue;
            const Node& n = rule.outputs[o]->root();
            if (n.kind == NodeKind::kLiteral) {
                e.kind = OutputEntry::Kind::kConstant;
                e.constant = n.literal;
            } else if ((e.fixed = FixedExpr::Compile(n, data, scope))) {
                e.kind = OutputEntry::Kind::kFixed;
            } else {
                e.kind = OutputEntry::Kind::kInterpret;
            }
        }
    }

    // A test the columns cannot answer alone (it names other inputs, decisions or the model's
    // functions) leaves the whole table to the interpreter.
    for (const auto& t : tests) {
        if (t.op() == ColumnPredicate::Op::kInterpret) {
            for (size_t r = 0; r < data.rows; ++r) Interpret(plan, data, r, options, result);
            return result;
        }
    }
    result.columnar = true;
    result.hit_begin.reserve(data.rows + 1);
    result.units.resize(outputs);
    result.scale.resize(outputs);
    result.constants.assign(outputs, std::vector<Value>(rules));
    for (size_t k = 0; k < rules; ++k) {
        for (size_t o = 0; o < outputs; ++o)
            result.constants[o][k] = entries[k * outputs + o].constant;
    }
    result.hit_rule.reserve(data.rows);
    for (size_t o = 0; o < outputs; ++o) {
        result.units[o].reserve(data.rows);
        result.scale[o].reserve(data.rows);
    }
    if (options.explain) result.failed_inputs.assign(rules * data.rows, 0);
    std::vector<uint8_t> pass(rules * kBlock);
    std::vector<uint16_t> row_hits;
    // Up to 64 rules, each row's matches are one word: finding them costs per hit, not per rule.
    std::vector<uint64_t> matched(rules <= 64 ? kBlock : 0);
    for (size_t begin = 0; begin < data.rows; begin += kBlock) {
        size_t end = std::min(data.rows, begin + kBlock);
        size_t n = end - begin;
        for (size_t k = 0; k < rules; ++k) {
            uint8_t* p = pass.data() + k * kBlock;
            std::fill(p, p + n, dead[k] ? 0 : 1);
            uint32_t* fail =
                options.explain ? result.failed_inputs.data() + k * data.rows + begin : nullptr;
            for (size_t i = 0; i < inputs && !dead[k]; ++i) {
                tests[k * inputs + i].Apply(*columns[i], begin, end, p, fail, uint32_t{1} << i,
                                            scope, ev);
            }
        }
        if (!matched.empty()) {
            std::fill(matched.begin(), matched.begin() + n, 0);
            for (size_t k = 0; k < rules; ++k) {
                kernels::Gather(pass.data() + k * kBlock, n, static_cast<unsigned>(k),
                                matched.data());
            }
        }
        if (begin == 0 && n < data.rows) {
            // The first block says how many hits to expect: reserve once instead of regrowing.
            size_t expect = 0;
            for (size_t r = 0; r < n; ++r)
                expect += __builtin_popcountll(matched.empty() ? 0 : matched[r]);
            expect = expect * (data.rows / n + 1) + 1024;
            result.hit_rule.reserve(expect);
            for (size_t o = 0; o < outputs; ++o) {
                result.units[o].reserve(expect);
                result.scale[o].reserve(expect);
            }
        }
        for (size_t r = 0; r < n; ++r) {
            size_t row = begin + r;
            result.hit_begin.push_back(static_cast<uint32_t>(result.hit_rule.size()));
            row_hits.clear();
            if (!matched.empty()) {
                for (uint64_t m = matched[r]; m != 0; m &= m - 1) {
                    row_hits.push_back(static_cast<uint16_t>(__builtin_ctzll(m)));
                }
            } else {
                for (size_t k = 0; k < rules; ++k) {
                    if (pass[k * kBlock + r]) row_hits.push_back(static_cast<uint16_t>(k));
                }
            }
            if (table.hit_policy == HitPolicy::kFirst && row_hits.size() > 1) row_hits.resize(1);
            size_t first_hit = result.hit_rule.size();
            bool fallback = table.hit_policy == HitPolicy::kUnique && row_hits.size() > 1;
            for (size_t h = 0; h < row_hits.size() && !fallback; ++h) {
                uint16_t k = row_hits[h];
                result.hit_rule.push_back(k);
                for (size_t o = 0; o < outputs; ++o) {
                    const OutputEntry& e = entries[k * outputs + o];
                    int64_t units = 0;
                    int8_t sc = BatchResult::kNull;
                    switch (e.kind) {
                        case OutputEntry::Kind::kNull: break;
                        case OutputEntry::Kind::kConstant: sc = BatchResult::kConstant; break;
                        case OutputEntry::Kind::kFixed:
                            if (e.fixed->Eval(data, row, units)) {
                                sc = static_cast<int8_t>(e.fixed->scale());
                            } else {
                                fallback = true;  // past the exact range, or an empty cell
                            }
                            break;
                        case OutputEntry::Kind::kInterpret: fallback = true; break;
                    }
                    result.units[o].push_back(units);
                    result.scale[o].push_back(sc);
                }
            }
            if (!fallback && table.hit_policy == HitPolicy::kAny) {
                for (size_t h = first_hit + 1; h < result.hit_rule.size() && !fallback; ++h) {
                    fallback = !SameOutputs(result, outputs, first_hit, h);
                }
                if (!fallback && result.hit_rule.size() > first_hit + 1) {
                    // Equal outputs: the row's one answer.
                    result.hit_rule.resize(first_hit + 1);
                    for (size_t o = 0; o < outputs; ++o) {
                        result.units[o].resize(first_hit + 1);
                        result.scale[o].resize(first_hit + 1);
                    }
                }
            }
            if (fallback) {
                // The interpreter words the error (UNIQUE with two rules, ANY that disagree).
                result.hit_rule.resize(first_hit);
                for (size_t o = 0; o < outputs; ++o) {
                    result.units[o].resize(first_hit);
                    result.scale[o].resize(first_hit);
                }
                Interpret(plan, data, row, options, result);
            }
        }
    }
    result.hit_begin.push_back(static_cast<uint32_t>(result.hit_rule.size()));
    return result;
}

Value RowValue(const BatchPlan& plan, const BatchResult& result, size_t row) {
    if (const auto* i = result.FindInterpreted(row)) return i->value;
    if (!result.columnar) return Value();
    const DecisionTable& t = *plan.table;
    size_t outputs = t.outputs.size();
    auto hit_value = [&](size_t h) {
        if (outputs == 1) return result.Output(0, h);
        Context c;
        for (size_t o = 0; o < outputs; ++o) c.Put(t.outputs[o].name, result.Output(o, h));
        return Value::FromContext(std::move(c));
    };
    size_t b = result.hit_begin[row], e = result.hit_begin[row + 1];
    bool collect = t.hit_policy == HitPolicy::kCollect || t.hit_policy == HitPolicy::kRuleOrder;
    if (!collect) return b == e ? Value() : hit_value(b);
    // Aggregating tables never run column by column (ColumnarTable): a list of the hits.
    List items;
    for (size_t h = b; h < e; ++h) items.push_back(hit_value(h));
    return Value::FromList(std::move(items));
}

}  // namespace ow::rules
