#include "rules/fixed_expr.hpp"

#include <string_view>

namespace ow::rules {
namespace {

using I128 = __int128;

constexpr int kMaxScale = 18;

constexpr I128 Pow10(int n) {
    I128 p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

constexpr I128 kLimit = Pow10(33);

struct Powers {
    I128 p[kMaxScale + 1];
    constexpr Powers() : p() {
        for (int i = 0; i <= kMaxScale; ++i) p[i] = Pow10(i);
    }
};
constexpr Powers kPowers;  // below Decimal128's 34 digits: integer arithmetic is exact

template <class Int>
Int DivRound(Int v, Int p, RoundingMode mode) {
    Int q = v / p;
    Int r = v % p;
    if (r == 0) return q;
    int sign = v < 0 ? -1 : 1;
    Int twice = (r < 0 ? -r : r) * 2;  // |r| < p <= 10^18: no overflow
    bool away = false;
    switch (mode) {
        case RoundingMode::kDown: break;
        case RoundingMode::kUp: away = true; break;
        case RoundingMode::kFloor: away = sign < 0; break;
        case RoundingMode::kCeiling: away = sign > 0; break;
        case RoundingMode::kHalfUp: away = twice >= p; break;
        case RoundingMode::kHalfDown: away = twice > p; break;
        case RoundingMode::kHalfEven: away = twice > p || (twice == p && (q % 2) != 0); break;
    }
    return away ? q + sign : q;
}

// v * 10^digits, false when that leaves the exact range.
bool Rescale(I128 v, int digits, I128& out) {
    if (digits == 0) {
        out = v;
        return true;
    }
    if (__builtin_mul_overflow(v, kPowers.p[digits], &out)) return false;
    return out < kLimit && out > -kLimit;
}

std::optional<RoundingMode> RoundingOf(std::string_view name) {
    if (name == "round half up") return RoundingMode::kHalfUp;
    if (name == "round half down") return RoundingMode::kHalfDown;
    if (name == "round up") return RoundingMode::kUp;
    if (name == "round down") return RoundingMode::kDown;
    if (name == "decimal") return RoundingMode::kHalfEven;
    if (name == "floor") return RoundingMode::kFloor;
    if (name == "ceiling") return RoundingMode::kCeiling;
    return std::nullopt;
}

}  // namespace

struct FixedExpr::Op {
    enum Code : uint8_t { kConst, kColumn, kAdd, kSub, kMul, kNeg, kAbs, kMin, kMax, kRound };
    Code code = kConst;
    I128 value = 0;       // kConst
    uint32_t column = 0;  // kColumn
    uint32_t count = 0;   // kMin / kMax: operands
    // Scales: of the operands and of the result (operands are brought to `scale` first).
    int scale = 0;
    std::vector<int> operand_scales;
    RoundingMode mode = RoundingMode::kHalfEven;
    // For the 64-bit path: 10^(scale - operand scale) per operand; kRound: the divisor.
    std::vector<int64_t> factors;
    int64_t divisor = 1;
    bool small_value = true;  // kConst: fits int64
};

namespace {

struct Compiler {
    const DataSet& data;
    const Scope& scope;
    std::vector<FixedExpr::Op> ops;

    // Compiles `n`, returning its scale, or nullopt when outside the subset.
    std::optional<int> Emit(const Node& n);
};

std::optional<int> Compiler::Emit(const Node& n) {
    using Op = FixedExpr::Op;
    switch (n.kind) {
        case NodeKind::kLiteral: {
            if (n.literal.kind() != Kind::kNumber) return std::nullopt;
            for (int s = 0; s <= kMaxScale; ++s) {
                auto units = n.literal.AsNumber().ToScaled(s);
                if (units) {
                    Op op;
                    op.code = Op::kConst;
                    op.value = *units;
                    op.scale = s;
                    ops.push_back(op);
                    return s;
                }
            }
            return std::nullopt;
        }
        case NodeKind::kName: {
            const DataColumn* col = data.Find(n.text);
            if (col == nullptr || !col->IsNumber() || !col->fixed) return std::nullopt;
            Op op;
            op.code = Op::kColumn;
            op.column = static_cast<uint32_t>(col - data.columns.data());
            op.scale = col->scale;
            ops.push_back(op);
            return col->scale;
        }
        case NodeKind::kNegate: {
            auto s = Emit(n.child(0));
            if (!s) return std::nullopt;
            Op op;
            op.code = Op::kNeg;
            op.scale = *s;
            ops.push_back(op);
            return s;
        }
        case NodeKind::kArithmetic: {
            if (n.text != "+" && n.text != "-" && n.text != "*") return std::nullopt;
            auto a = Emit(n.child(0));
            if (!a) return std::nullopt;
            auto b = Emit(n.child(1));
            if (!b) return std::nullopt;
            Op op;
            op.operand_scales = {*a, *b};
            if (n.text == "*") {
                op.code = Op::kMul;
                op.scale = *a + *b;
            } else {
                op.code = n.text == "+" ? Op::kAdd : Op::kSub;
                op.scale = std::max(*a, *b);
            }
            if (op.scale > kMaxScale) return std::nullopt;
            ops.push_back(op);
            return op.scale;
        }
        case NodeKind::kCall: {
            if (!n.names.empty() || n.child(0).kind != NodeKind::kName) return std::nullopt;
            const std::string& f = n.child(0).text;
            if (scope.Find(f) != nullptr) return std::nullopt;  // the model's own function
            std::vector<const Node*> args;
            for (size_t i = 1; i < n.children.size(); ++i) args.push_back(n.children[i].get());
            if (f == "min" || f == "max") {
                if (args.size() == 1 && args[0]->kind == NodeKind::kList) {
                    std::vector<const Node*> items;
                    for (const auto& c : args[0]->children) items.push_back(c.get());
                    args = items;
                }
                if (args.empty()) return std::nullopt;
                Op op;
                op.code = f == "min" ? Op::kMin : Op::kMax;
                for (const Node* a : args) {
                    auto s = Emit(*a);
                    if (!s) return std::nullopt;
                    op.operand_scales.push_back(*s);
                    op.scale = std::max(op.scale, *s);
                }
                op.count = static_cast<uint32_t>(args.size());
                ops.push_back(op);
                return op.scale;
            }
            if (f == "abs" && args.size() == 1) {
                auto s = Emit(*args[0]);
                if (!s) return std::nullopt;
                Op op;
                op.code = Op::kAbs;
                op.scale = *s;
                ops.push_back(op);
                return s;
            }
            auto mode = RoundingOf(f);
            if (!mode || args.empty() || args.size() > 2) return std::nullopt;
            bool scale_optional = f == "floor" || f == "ceiling";
            if (args.size() == 1 && !scale_optional) return std::nullopt;
            int target = 0;
            if (args.size() == 2) {
                const Node& s = *args[1];
                if (s.kind != NodeKind::kLiteral || s.literal.kind() != Kind::kNumber)
                    return std::nullopt;
                auto t = s.literal.AsNumber().ToInt64();
                if (!t || *t < 0 || *t > kMaxScale) return std::nullopt;
                target = static_cast<int>(*t);
            }
            auto s = Emit(*args[0]);
            if (!s) return std::nullopt;
            Op op;
            op.code = Op::kRound;
            op.mode = *mode;
            op.operand_scales = {*s};
            op.scale =
                std::min(*s, target);  // rounding to more digits than there are changes nothing
            ops.push_back(op);
            return op.scale;
        }
        default: return std::nullopt;
    }
}

}  // namespace

std::optional<FixedExpr> FixedExpr::Compile(const Node& node, const DataSet& data,
                                            const Scope& scope) {
    Compiler c{data, scope, {}};
    auto s = c.Emit(node);
    if (!s) return std::nullopt;
    for (Op& op : c.ops) {
        for (int from : op.operand_scales) {
            op.factors.push_back(
                static_cast<int64_t>(kPowers.p[op.scale - std::min(from, op.scale)]));
        }
        if (op.code == Op::kRound) {
            op.divisor = static_cast<int64_t>(kPowers.p[op.operand_scales[0] - op.scale]);
        }
        op.small_value = op.value <= INT64_MAX && op.value >= INT64_MIN;
    }
    FixedExpr e;
    e.ops_ = std::make_shared<const std::vector<Op>>(std::move(c.ops));
    e.scale_ = *s;
    return e;
}

bool FixedExpr::Eval(const DataSet& data, size_t row, int64_t& units) const {
    return EvalSmall(data, row, units) || EvalWide(data, row, units);
}

// Most awards never leave 64 bits: the same program with overflow checks, no 128-bit work.
bool FixedExpr::EvalSmall(const DataSet& data, size_t row, int64_t& units) const {
    int64_t st[32];
    int top = 0;
    for (const Op& op : *ops_) {
        switch (op.code) {
            case Op::kConst:
                if (!op.small_value || top == 32) return false;
                st[top++] = static_cast<int64_t>(op.value);
                break;
            case Op::kColumn: {
                const DataColumn& col = data.columns[op.column];
                if (col.is_null[row] || top == 32) return false;
                st[top++] = col.fixed_values[row];
                break;
            }
            case Op::kNeg:
            case Op::kAbs:
                if (st[top - 1] == INT64_MIN) return false;
                if (op.code == Op::kNeg || st[top - 1] < 0) st[top - 1] = -st[top - 1];
                break;
            case Op::kAdd:
            case Op::kSub: {
                int64_t a = 0, b = 0;
                if (__builtin_mul_overflow(st[top - 2], op.factors[0], &a) ||
                    __builtin_mul_overflow(st[top - 1], op.factors[1], &b)) {
                    return false;
                }
                --top;
                if (op.code == Op::kAdd ? __builtin_add_overflow(a, b, &st[top - 1])
                                        : __builtin_sub_overflow(a, b, &st[top - 1])) {
                    return false;
                }
                break;
            }
            case Op::kMul:
                --top;
                if (__builtin_mul_overflow(st[top - 1], st[top], &st[top - 1])) return false;
                break;
            case Op::kMin:
            case Op::kMax: {
                int first = top - static_cast<int>(op.count);
                int64_t best = 0;
                if (__builtin_mul_overflow(st[first], op.factors[0], &best)) return false;
                for (int i = first + 1; i < top; ++i) {
                    int64_t v = 0;
                    if (__builtin_mul_overflow(st[i], op.factors[i - first], &v)) return false;
                    if (op.code == Op::kMin ? v < best : v > best) best = v;
                }
                top = first + 1;
                st[first] = best;
                break;
            }
            case Op::kRound:
                if (op.divisor != 1)
                    st[top - 1] = DivRound<int64_t>(st[top - 1], op.divisor, op.mode);
                break;
        }
    }
    units = st[0];
    return true;
}

bool FixedExpr::EvalWide(const DataSet& data, size_t row, int64_t& units) const {
    I128 stack[32];
    int top = 0;
    int scales[32];
    auto in_range = [](I128 v) { return v < kLimit && v > -kLimit; };
    for (const Op& op : *ops_) {
        switch (op.code) {
            case Op::kConst:
                if (top == 32) return false;
                stack[top] = op.value;
                scales[top++] = op.scale;
                break;
            case Op::kColumn: {
                const DataColumn& col = data.columns[op.column];
                if (col.is_null[row] || top == 32) return false;
                stack[top] = col.fixed_values[row];
                scales[top++] = op.scale;
                break;
            }
            case Op::kNeg: stack[top - 1] = -stack[top - 1]; break;
            case Op::kAbs:
                if (stack[top - 1] < 0) stack[top - 1] = -stack[top - 1];
                break;
            case Op::kAdd:
            case Op::kSub: {
                I128 a = 0, b = 0;
                --top;
                if (!Rescale(stack[top], op.scale - scales[top], b)) return false;
                if (!Rescale(stack[top - 1], op.scale - scales[top - 1], a)) return false;
                stack[top - 1] = op.code == Op::kAdd ? a + b : a - b;
                scales[top - 1] = op.scale;
                break;
            }
            case Op::kMul: {
                I128 b = stack[--top];
                if (__builtin_mul_overflow(stack[top - 1], b, &stack[top - 1])) return false;
                scales[top - 1] = op.scale;
                break;
            }
            case Op::kMin:
            case Op::kMax: {
                int first = top - static_cast<int>(op.count);
                I128 best = 0;
                if (!Rescale(stack[first], op.scale - scales[first], best)) return false;
                for (int i = first + 1; i < top; ++i) {
                    I128 v = 0;
                    if (!Rescale(stack[i], op.scale - scales[i], v)) return false;
                    if (op.code == Op::kMin ? v < best : v > best) best = v;
                }
                top = first + 1;
                stack[first] = best;
                scales[first] = op.scale;
                break;
            }
            case Op::kRound: {
                int from = scales[top - 1];
                if (op.scale < from) {
                    stack[top - 1] =
                        DivRound<I128>(stack[top - 1], kPowers.p[from - op.scale], op.mode);
                }
                scales[top - 1] = op.scale;
                break;
            }
        }
        if (!in_range(stack[top - 1])) return false;
    }
    units = static_cast<int64_t>(stack[0]);
    return stack[0] <= INT64_MAX && stack[0] >= INT64_MIN;
}

}  // namespace ow::rules
