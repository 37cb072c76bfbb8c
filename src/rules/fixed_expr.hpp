// FixedExpr: a FEEL number expression over a row's fixed-point number columns compiled to exact
// integer arithmetic: literals, names of columns, + - *, unary minus, min/max, abs and the
// rounding functions with a literal scale. It gives Decimal128's answer whenever every step
// stays below 10^33 in magnitude; past that (or on an empty cell) it says so and the caller asks
// the interpreter.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "rules/data_set.hpp"
#include "rules/feel.hpp"
#include "rules/feel_ast.hpp"

namespace ow::rules {

class FixedExpr {
public:
    // Nullopt when `node` uses anything outside the subset (the caller interprets it instead).
    static std::optional<FixedExpr> Compile(const Node& node, const DataSet& data,
                                            const Scope& scope);

    // The value at `row` as units of 10^-scale(); false when it left the exact range or met an
    // empty cell.
    bool Eval(const DataSet& data, size_t row, int64_t& units) const;
    int scale() const { return scale_; }

    struct Op;  // one step of the postfix program (fixed_expr.cpp)

private:
    bool EvalSmall(const DataSet& data, size_t row, int64_t& units) const;
    bool EvalWide(const DataSet& data, size_t row, int64_t& units) const;

    std::shared_ptr<const std::vector<Op>> ops_;  // postfix program
    int scale_ = 0;
};

}  // namespace ow::rules
