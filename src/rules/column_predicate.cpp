#include "rules/column_predicate.hpp"

#include <algorithm>

#include "rules/column_kernels.hpp"
#include "rules/feel_ast.hpp"

namespace ow::rules {
namespace {

bool IsTrue(const Value& v) {
    return v.kind() == Kind::kBoolean && v.AsBool();
}

// True when the tests depend on nothing but the input: literals, `?`, operators and calls of
// built-ins, so their answer for a value can be computed once and reused.
bool DependsOnInputOnly(const Node& n) {
    if (n.kind == NodeKind::kName) return false;
    if (n.kind == NodeKind::kFunctionDefinition || n.kind == NodeKind::kFor ||
        n.kind == NodeKind::kSome || n.kind == NodeKind::kEvery || n.kind == NodeKind::kFilter ||
        n.kind == NodeKind::kPath || n.kind == NodeKind::kInstanceOf) {
        return false;
    }
    for (size_t i = 0; i < n.children.size(); ++i) {
        if (n.kind == NodeKind::kCall && i == 0) {
            if (n.child(0).kind != NodeKind::kName) return false;
            continue;  // a built-in by name (a model's own function would be in scope: checked)
        }
        if (!DependsOnInputOnly(n.child(i))) return false;
    }
    return true;
}

bool CallsOnlyBuiltins(const Node& n, const Scope& scope) {
    if (n.kind == NodeKind::kCall && n.child(0).kind == NodeKind::kName) {
        if (scope.Find(n.child(0).text) != nullptr) return false;
    }
    for (const auto& c : n.children) {
        if (!CallsOnlyBuiltins(*c, scope)) return false;
    }
    return true;
}

// The bound c (a number literal) as a fixed-point integer at `scale`, rounded in the direction
// that keeps `x op c` exact for integers x: ceil for >= / >, floor for <= / <.
std::optional<int64_t> Bound(const Decimal& c, int scale, RoundingMode mode) {
    return c.Round(scale, mode).ToScaled(scale);
}

const Node* SingleTest(const Node& root) {
    if (root.kind == NodeKind::kUnaryTests && root.children.size() == 1) return &root.child(0);
    if (root.kind == NodeKind::kUnaryTests) return nullptr;
    return &root;
}

}  // namespace

ColumnPredicate ColumnPredicate::Compile(const UnaryTests& tests, const DataColumn* column,
                                         const Scope& scope) {
    ColumnPredicate t;
    t.tests_ = &tests;
    const Node& root = tests.root();
    if (root.kind == NodeKind::kAnyTest) {
        t.op_ = Op::kAny;
        return t;
    }
    if (column == nullptr) return t;
    if (!DependsOnInputOnly(root) || !CallsOnlyBuiltins(root, scope)) return t;
    Evaluation ev;
    t.null_answer_ = IsTrue(Test(tests, Value(), scope, ev)) ? 1 : 0;
    if (column->IsString() || column->IsBoolean()) {
        // Every distinct value answered once by the interpreter itself: exact by construction.
        size_t n = column->IsString() ? column->dictionary.size() : 2;
        t.table_.resize(n);
        for (size_t code = 0; code < n; ++code) {
            Value v = column->IsString() ? Value::String(column->dictionary[code])
                                         : Value::Bool(code == 1);
            t.table_[code] = IsTrue(Test(tests, v, scope, ev)) ? 1 : 0;
        }
        t.op_ = Op::kTable;
        return t;
    }
    if (!column->IsNumber() || !column->fixed) return t;
    const Node* test = SingleTest(root);
    if (test == nullptr) return t;
    int s = column->scale;
    auto literal_number = [](const Node& n) -> const Decimal* {
        if (n.kind == NodeKind::kLiteral && n.literal.kind() == Kind::kNumber) {
            return &n.literal.AsNumber();
        }
        return nullptr;
    };
    if (test->kind == NodeKind::kUnaryCompare && test->children.size() == 1) {
        const Decimal* c = literal_number(test->child(0));
        if (c == nullptr) return t;
        const std::string& op = test->text;
        std::optional<int64_t> b;
        if (op == ">=" || op == ">") {
            // x > c  <=>  x >= the smallest representable value above c.
            auto up = Bound(*c, s, RoundingMode::kCeiling);
            if (!up) return t;
            b = *up;
            if (op == ">" && c->Round(s, RoundingMode::kCeiling) == *c) {
                if (*b == INT64_MAX) return t;
                b = *b + 1;
            }
            t.lo_ = *b;
        } else if (op == "<=" || op == "<") {
            auto down = Bound(*c, s, RoundingMode::kFloor);
            if (!down) return t;
            b = *down;
            if (op == "<" && c->Round(s, RoundingMode::kFloor) == *c) {
                if (*b == INT64_MIN) return t;
                b = *b - 1;
            }
            t.hi_ = *b;
        } else if (op == "=" || op == "!=") {
            auto exact = c->ToScaled(s);
            if (op == "=") {
                if (exact)
                    t.lo_ = t.hi_ = *exact;
                else
                    t.empty_ = true;
            } else {
                if (!exact) {
                    t.op_ = Op::kRange;  // != a value no row can hold: every number passes
                    return t;
                }
                t.lo_ = *exact;
                t.op_ = Op::kNotEqual;
                return t;
            }
        } else {
            return t;
        }
        t.op_ = Op::kRange;
        return t;
    }
    if (test->kind == NodeKind::kLiteral && test->literal.kind() == Kind::kNumber) {
        auto exact = test->literal.AsNumber().ToScaled(s);
        if (exact)
            t.lo_ = t.hi_ = *exact;
        else
            t.empty_ = true;
        t.op_ = Op::kRange;
        return t;
    }
    if (test->kind == NodeKind::kRange && test->children.size() == 2) {
        const Decimal* a = literal_number(test->child(0));
        const Decimal* b = literal_number(test->child(1));
        if (a == nullptr || b == nullptr) return t;
        auto lo = Bound(*a, s, RoundingMode::kCeiling);
        auto hi = Bound(*b, s, RoundingMode::kFloor);
        if (!lo || !hi) return t;
        if (!test->start_closed && a->Round(s, RoundingMode::kCeiling) == *a) *lo += 1;
        if (!test->end_closed && b->Round(s, RoundingMode::kFloor) == *b) *hi -= 1;
        t.lo_ = *lo;
        t.hi_ = *hi;
        t.op_ = Op::kRange;
        return t;
    }
    return t;
}

void ColumnPredicate::Apply(const DataColumn& column, size_t begin, size_t end, uint8_t* pass,
                            uint32_t* fail_bits, uint32_t bit, const Scope& scope,
                            Evaluation& ev) const {
    if (op_ == Op::kAny) return;
    size_t n = end - begin;
    uint8_t ok[kMaxBlock];
    switch (op_) {
        case Op::kAny: return;
        case Op::kRange:
            if (empty_) {
                std::fill(ok, ok + n, 0);
            } else {
                kernels::InRange(column.fixed_values.data() + begin, n, lo_, hi_, ok);
            }
            break;
        case Op::kNotEqual:
            kernels::NotEqual(column.fixed_values.data() + begin, n, lo_, ok);
            break;
        case Op::kTable:
            if (column.IsString()) {
                kernels::Lookup32(column.codes.data() + begin, n, table_.data(), ok);
            } else {
                kernels::Lookup8(column.bools.data() + begin, n, table_.data(), ok);
            }
            break;
        case Op::kInterpret:
            for (size_t i = 0; i < n; ++i) ok[i] = Passes(column, begin + i, scope, ev) ? 1 : 0;
            break;
    }
    if (op_ != Op::kInterpret && column.null_count > 0) {
        kernels::ApplyNulls(column.is_null.data() + begin, n, null_answer_, ok);
    }
    if (fail_bits == nullptr) {
        kernels::And(ok, n, pass);
    } else {
        kernels::AndRecord(ok, n, bit, pass, fail_bits);
    }
}

bool ColumnPredicate::Passes(const DataColumn& column, size_t row, const Scope& scope,
                             Evaluation& ev) const {
    switch (op_) {
        case Op::kAny: return true;
        case Op::kRange:
            if (column.is_null[row]) return null_answer_ != 0;
            if (empty_) return false;
            return column.fixed_values[row] >= lo_ && column.fixed_values[row] <= hi_;
        case Op::kNotEqual:
            if (column.is_null[row]) return null_answer_ != 0;
            return column.fixed_values[row] != lo_;
        case Op::kTable:
            if (column.is_null[row]) return null_answer_ != 0;
            return table_[column.IsString() ? column.codes[row] : column.bools[row]] != 0;
        case Op::kInterpret: return IsTrue(Test(*tests_, column.ValueAt(row), scope, ev));
    }
    return false;
}

}  // namespace ow::rules
