// DataSet: a batch's rows loaded into typed columns, one per input of the model: numbers as exact
// fixed-point integers (all values of a column scaled by the same power of ten) when they fit,
// strings as dictionary codes, booleans as bytes; anything else as FEEL values. Rows that do not
// fit the model's types are reported by line with the reason and left out, never skipped silently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/types.hpp"
#include "rules/value.hpp"

namespace ow::rules {

struct DataColumn {
    std::string name;
    Type type;                     // from the model; Any keeps the text as a string
    std::vector<uint8_t> is_null;  // 1 where the cell was empty
    size_t null_count = 0;

    // Numbers: fixed point (value = fixed[i] / 10^scale) when every value fits, else decimals.
    bool fixed = true;
    int scale = 0;
    std::vector<int64_t> fixed_values;
    std::vector<Decimal> decimals;

    // Strings: codes into the dictionary (in order of first appearance).
    std::vector<uint32_t> codes;
    std::vector<std::string> dictionary;

    std::vector<uint8_t> bools;
    std::vector<Value> values;  // temporal and other kinds

    bool IsNumber() const { return type.tag == Type::Tag::kSimple && type.simple == Kind::kNumber; }
    bool IsString() const;
    bool IsBoolean() const {
        return type.tag == Type::Tag::kSimple && type.simple == Kind::kBoolean;
    }
    // The cell as a FEEL value (for the interpreter and for traces).
    Value ValueAt(size_t row) const;
    // The dictionary code of `text`, or -1 when no row has it.
    int64_t CodeOf(std::string_view text) const;
};

struct RowError {
    size_t line = 0;
    std::string column;  // empty for errors about the whole row
    std::string message;
    std::string ToString() const;  // "line 7, column employees: 'abc' is not a number"
};

struct DataSet {
    size_t rows = 0;
    std::vector<DataColumn> columns;
    std::vector<size_t> lines;     // the CSV line of each row
    std::vector<RowError> errors;  // rows left out and why
    // Columns of the CSV that the model does not use (kept for the output, e.g. an id).
    std::vector<std::string> extra_names;
    std::vector<std::vector<std::string>> extra_values;  // [extra column][row]

    const DataColumn* Find(std::string_view name) const;
    // Row `row` as a context of the model's inputs (the interpreter's view).
    Context RowContext(size_t row) const;
};

// Loads CSV text whose header names the columns. `schema` gives each input's name and type; a
// schema input missing from the header is an error of the whole file (line 1). Cells: numbers in
// plain or exponent notation, booleans true/false, dates/times in their ISO forms, empty = null.
DataSet LoadCsv(std::string_view text, const std::vector<std::pair<std::string, Type>>& schema);

}  // namespace ow::rules
