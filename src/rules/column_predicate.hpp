// ColumnPredicate: one input entry of a decision table compiled to a test over a whole column:
// comparisons and ranges of fixed-point numbers against exact constants, membership of string
// codes and booleans in a set worked out once per distinct value. What it cannot compile is left
// to the interpreter, row by row, with the same answer.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "rules/data_set.hpp"
#include "rules/feel.hpp"

namespace ow::rules {

class ColumnPredicate {
public:
    enum class Op : uint8_t {
        kAny,        // "-": always true
        kRange,      // lo <= x <= hi on fixed-point numbers (bounds inclusive after rounding)
        kNotEqual,   // x != c on fixed-point numbers
        kTable,      // per dictionary code / boolean value: a precomputed answer
        kInterpret,  // the interpreter, per row
    };

    // Compiles `tests` for `column` (nullptr: the input is not a column, e.g. an expression).
    static ColumnPredicate Compile(const UnaryTests& tests, const DataColumn* column,
                                   const Scope& scope);

    Op op() const { return op_; }
    static constexpr size_t kMaxBlock = 4096;  // rows per Apply at most

    // `pass[i] &= test(row begin + i)` for rows [begin, end) (at most kMaxBlock); `fail_bits` (may
    // be null) gets `bit` set where the test did not pass.
    void Apply(const DataColumn& column, size_t begin, size_t end, uint8_t* pass,
               uint32_t* fail_bits, uint32_t bit, const Scope& scope, Evaluation& ev) const;
    // The answer for one row (for the interpreter path and for explanations).
    bool Passes(const DataColumn& column, size_t row, const Scope& scope, Evaluation& ev) const;

private:
    Op op_ = Op::kInterpret;
    const UnaryTests* tests_ = nullptr;
    int64_t lo_ = INT64_MIN;
    int64_t hi_ = INT64_MAX;
    bool empty_ = false;          // kRange that no value satisfies
    std::vector<uint8_t> table_;  // kTable: answer per code (strings) or per 0/1 (booleans)
    uint8_t null_answer_ = 0;     // the answer for an empty cell
};

}  // namespace ow::rules
