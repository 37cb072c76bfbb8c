// Batch evaluation: one decision for every row of a data set. A decision table whose inputs are
// the model's input data runs column by column (ColumnTest, FixedExpr), every row decided exactly
// as the interpreter would decide it; anything else (and any row the compiled form cannot vouch
// for) goes through the interpreter, row by row.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/data_set.hpp"
#include "rules/dmn.hpp"

namespace ow::rules {

struct BatchPlan {
    std::shared_ptr<const Model> model;
    std::string decision;
    // The input data the decision needs (transitively), typed: the columns a data file must have.
    std::vector<std::pair<std::string, Type>> schema;
    // The decision's table when it can run column by column; null otherwise.
    const DecisionTable* table = nullptr;
};

struct PlannedBatch {
    std::optional<BatchPlan> plan;
    std::string error;  // "no decision named ..."
};
PlannedBatch PlanBatch(std::shared_ptr<const Model> model, std::string_view decision);

struct BatchOptions {
    bool explain = false;
    DateTime now;  // for today() / now()
    Limits limits;
};

// What the table said for the rows, in row order. Hits of row r are
// hit_rule[hit_begin[r] .. hit_begin[r + 1]); the output o of hit h is exact units
// (units[o][h] / 10^scale[o][h]) when scale[o][h] >= 0, the rule's constant output
// (constants[o][hit_rule[h]]) when it is kConstant, null when kNull.
struct BatchResult {
    size_t rows = 0;
    bool columnar = false;

    std::vector<uint32_t> hit_begin;
    std::vector<uint16_t> hit_rule;
    std::vector<std::vector<int64_t>> units;
    std::vector<std::vector<int8_t>> scale;
    std::vector<std::vector<Value>> constants;  // [output][rule]
    static constexpr int8_t kNull = -1;
    static constexpr int8_t kConstant = -2;
    // Rows the interpreter decided (all of them when the plan has no table; otherwise the few the
    // compiled form could not vouch for), in row order, with their value, error and explanation.
    struct Interpreted {
        uint32_t row = 0;
        Value value;
        std::string error;
        std::string explanation;
    };
    std::vector<Interpreted> interpreted;
    // Explanations of columnar rows: the inputs of rule k that failed for row r, as bits (32 bits:
    // tables with more inputs are interpreted) at
    // [k * rows + r] (filled only with BatchOptions::explain).
    std::vector<uint32_t> failed_inputs;

    const Interpreted* FindInterpreted(size_t row) const;

    size_t HitCount() const { return hit_rule.size(); }
    // Output o of hit h as a value.
    Value Output(size_t o, size_t h) const;
};

BatchResult RunBatch(const BatchPlan& plan, const DataSet& data, const BatchOptions& options);

// The decision's value for a row, as the interpreter would give it.
Value RowValue(const BatchPlan& plan, const BatchResult& result, size_t row);

// The results as CSV: `line` (of the data file), the data's extra columns (an id, say), then
// one column per table output (one line per hit; a row with none gets one line with empty
// outputs) or one column named after the decision; with `explain` an `explanation` column.
std::string WriteBatchCsv(const BatchPlan& plan, const DataSet& data, const BatchResult& result,
                          bool explain);

}  // namespace ow::rules
