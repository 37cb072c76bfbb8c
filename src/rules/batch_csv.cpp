// WriteBatchCsv: batch results as CSV, with the explanation of every row on request.
#include <string>

#include "rules/batch.hpp"
#include "rules/feel_ast.hpp"

namespace ow::rules {
namespace {

void Field(std::string& out, std::string_view s) {
    bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) {
        out.append(s);
        return;
    }
    out.push_back('"');
    for (char c : s) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// units / 10^scale in plain notation without trailing fraction zeros ("117.25", "20").
void Units(std::string& out, int64_t units, int scale) {
    if (units < 0) out.push_back('-');
    uint64_t u = units < 0 ? 0 - static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
    char digits[24];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0);
    while (n <= scale) digits[n++] = '0';
    int frac_end = 0;  // drop trailing zeros of the fraction
    while (frac_end < scale && digits[frac_end] == '0') ++frac_end;
    for (int i = n - 1; i >= scale; --i) out.push_back(digits[i]);
    if (frac_end < scale) {
        out.push_back('.');
        for (int i = scale - 1; i >= frac_end; --i) out.push_back(digits[i]);
    }
}

std::string Text(const Value& v) {
    if (v.kind() == Kind::kList || v.kind() == Kind::kContext) return ToLiteral(v);
    return ToText(v);
}

std::string ColumnarExplanation(const BatchPlan& plan, const DataSet& data,
                                const BatchResult& result, size_t row) {
    const DecisionTable& t = *plan.table;
    std::string text;
    size_t rules = t.rules.size();
    for (size_t k = 0; k < rules; ++k) {
        const TableRule& rule = t.rules[k];
        std::string name = rule.id.empty() ? "rule " + std::to_string(k + 1) : rule.id;
        uint32_t bits = result.failed_inputs[k * result.rows + row];
        if (!text.empty()) text += " | ";
        if (bits == 0) {
            text += name + ": matched";
            continue;
        }
        text += name + ": ";
        bool first = true;
        for (size_t i = 0; i < t.inputs.size(); ++i) {
            if ((bits & (uint32_t{1} << i)) == 0) continue;
            FailedEntry f;
            f.input = i;
            f.label = t.inputs[i].label;
            f.value = data.Find(t.inputs[i].expression->root().text)->ValueAt(row);
            f.test = rule.inputs[i] ? rule.inputs[i]->text() : "";
            if (!first) text += "; ";
            text += DescribeFailure(f);
            first = false;
        }
    }
    return text;
}

}  // namespace

std::string WriteBatchCsv(const BatchPlan& plan, const DataSet& data, const BatchResult& result,
                          bool explain) {
    std::string out;
    out.reserve(data.rows * 32);
    out += "line";
    for (const auto& e : data.extra_names) {
        out.push_back(',');
        Field(out, e);
    }
    bool per_hit = result.columnar && (plan.table->hit_policy == HitPolicy::kCollect ||
                                       plan.table->hit_policy == HitPolicy::kRuleOrder);
    size_t outputs = result.columnar ? plan.table->outputs.size() : 1;
    if (result.columnar) {
        for (const auto& o : plan.table->outputs) {
            out.push_back(',');
            Field(out, o.name.empty() ? plan.decision : o.name);
        }
    } else {
        out.push_back(',');
        Field(out, plan.decision);
    }
    out += explain ? ",error,explanation\n" : ",error\n";
    for (size_t r = 0; r < data.rows; ++r) {
        auto prefix = [&] {
            out += std::to_string(data.lines[r]);
            for (const auto& col : data.extra_values) {
                out.push_back(',');
                Field(out, col[r]);
            }
        };
        std::string why;
        const auto* interpreted = result.FindInterpreted(r);
        if (explain) {
            why =
                interpreted ? interpreted->explanation : ColumnarExplanation(plan, data, result, r);
        }
        auto suffix = [&](std::string_view error) {
            out.push_back(',');
            Field(out, error);
            if (explain) {
                out.push_back(',');
                Field(out, why);
            }
            out.push_back('\n');
        };
        if (interpreted != nullptr || !result.columnar) {
            prefix();
            Value v = interpreted ? interpreted->value : Value();
            if (result.columnar && outputs > 1 && v.kind() == Kind::kContext) {
                for (const auto& o : plan.table->outputs) {
                    out.push_back(',');
                    const Value* x = v.AsContext().Find(o.name);
                    Field(out, x ? Text(*x) : "");
                }
            } else {
                out.push_back(',');
                Field(out, v.IsNull() ? "" : Text(v));
                for (size_t o = 1; o < outputs; ++o) out.push_back(',');
            }
            suffix(interpreted ? interpreted->error : "");
            continue;
        }
        size_t b = result.hit_begin[r], e = result.hit_begin[r + 1];
        if (b == e || !per_hit) e = std::max(e, b + 1);
        for (size_t h = b; h < e; ++h) {
            prefix();
            bool hit = h < result.hit_begin[r + 1];
            for (size_t o = 0; o < outputs; ++o) {
                out.push_back(',');
                if (!hit) continue;
                if (result.scale[o][h] >= 0) {
                    Units(out, result.units[o][h], result.scale[o][h]);
                } else {
                    Value v = result.Output(o, h);
                    if (!v.IsNull()) Field(out, Text(v));
                }
            }
            suffix("");
        }
    }
    return out;
}

}  // namespace ow::rules
