#include "rules/data_set.hpp"

#include <unordered_map>

#include "rules/csv_reader.hpp"

namespace ow::rules {
namespace {

constexpr int kMaxFixedScale = 9;

int64_t Pow10(int n) {
    int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

// "-12.50" -> (-1250, 2) without going through Decimal: the common case of a data file.
bool ParsePlainNumber(std::string_view s, int64_t& mantissa, int& scale) {
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    if (i >= s.size()) return false;
    int64_t m = 0;
    int digits = 0;
    int sc = 0;
    bool point = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (c < '0' || c > '9') return false;
        if (++digits > 18) return false;
        m = m * 10 + (c - '0');
        if (point) ++sc;
    }
    if (digits == 0 || sc > kMaxFixedScale) return false;
    mantissa = negative ? -m : m;
    scale = sc;
    return true;
}

bool IsKind(const Type& t, Kind k) {
    return t.tag == Type::Tag::kSimple && t.simple == k;
}

std::string Quote(std::string_view s) {
    return "'" + std::string(s) + "'";
}

// One cell parsed before the row is known to be good.
struct Cell {
    bool null = false;
    int64_t mantissa = 0;
    int scale = 0;
    bool plain = true;
    Decimal decimal;
    bool boolean = false;
    Value value;
};

}  // namespace

bool DataColumn::IsString() const {
    return type.tag == Type::Tag::kAny || IsKind(type, Kind::kString);
}

Value DataColumn::ValueAt(size_t row) const {
    if (is_null[row]) return Value();
    if (IsNumber()) {
        return fixed ? Value::Number(Decimal::FromScaled(fixed_values[row], scale))
                     : Value::Number(decimals[row]);
    }
    if (IsBoolean()) return Value::Bool(bools[row] != 0);
    if (IsString()) return Value::String(dictionary[codes[row]]);
    return values[row];
}

int64_t DataColumn::CodeOf(std::string_view text) const {
    for (size_t i = 0; i < dictionary.size(); ++i) {
        if (dictionary[i] == text) return static_cast<int64_t>(i);
    }
    return -1;
}

std::string RowError::ToString() const {
    std::string s = "line " + std::to_string(line);
    if (!column.empty()) s += ", column " + column;
    return s + ": " + message;
}

const DataColumn* DataSet::Find(std::string_view name) const {
    for (const auto& c : columns) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

Context DataSet::RowContext(size_t row) const {
    Context ctx;
    ctx.entries.reserve(columns.size());
    for (const auto& c : columns) ctx.entries.emplace_back(c.name, c.ValueAt(row));
    return ctx;
}

DataSet LoadCsv(std::string_view text, const std::vector<std::pair<std::string, Type>>& schema) {
    DataSet ds;
    CsvReader reader(text);
    CsvRecord record;
    std::optional<CsvError> error;
    if (!reader.Next(record, error)) {
        ds.errors.push_back(
            {1, "", "the file is empty: expected a header line naming the columns"});
        return ds;
    }
    if (error) {
        ds.errors.push_back({error->line, "", error->message});
        return ds;
    }
    std::vector<std::string> header = record.fields;
    std::vector<int> source(schema.size(), -1);  // header index of each schema input
    for (size_t s = 0; s < schema.size(); ++s) {
        for (size_t h = 0; h < header.size(); ++h) {
            if (header[h] == schema[s].first) source[s] = static_cast<int>(h);
        }
        if (source[s] < 0) {
            ds.errors.push_back({1, schema[s].first, "the header has no column for this input"});
        }
    }
    if (!ds.errors.empty()) return ds;
    std::vector<size_t> extras;
    for (size_t h = 0; h < header.size(); ++h) {
        bool used = false;
        for (int s : source) used = used || s == static_cast<int>(h);
        if (!used) {
            extras.push_back(h);
            ds.extra_names.push_back(header[h]);
        }
    }
    ds.extra_values.resize(extras.size());
    ds.columns.resize(schema.size());
    std::vector<std::vector<int8_t>> scales(schema.size());
    std::vector<std::unordered_map<std::string, uint32_t>> dictionaries(schema.size());
    for (size_t s = 0; s < schema.size(); ++s) {
        ds.columns[s].name = schema[s].first;
        ds.columns[s].type = schema[s].second;
    }
    std::vector<Cell> cells(schema.size());
    while (reader.Next(record, error)) {
        if (error) {
            ds.errors.push_back({error->line, "", error->message});
            continue;
        }
        if (record.fields.size() != header.size()) {
            ds.errors.push_back({record.line, "",
                                 std::to_string(record.fields.size()) +
                                     " fields where the header has " +
                                     std::to_string(header.size())});
            continue;
        }
        bool good = true;
        for (size_t s = 0; s < schema.size(); ++s) {
            const std::string& text_cell = record.fields[source[s]];
            const DataColumn& col = ds.columns[s];
            Cell& cell = cells[s];
            cell = Cell{};
            if (text_cell.empty()) {
                cell.null = true;
                continue;
            }
            std::string why;
            if (col.IsNumber()) {
                if (!ParsePlainNumber(text_cell, cell.mantissa, cell.scale)) {
                    cell.plain = false;
                    auto d = Decimal::Parse(text_cell);
                    if (d)
                        cell.decimal = *d;
                    else
                        why = Quote(text_cell) + " is not a number";
                }
            } else if (col.IsBoolean()) {
                if (text_cell == "true" || text_cell == "TRUE" || text_cell == "True") {
                    cell.boolean = true;
                } else if (!(text_cell == "false" || text_cell == "FALSE" ||
                             text_cell == "False")) {
                    why = Quote(text_cell) + " is not true or false";
                }
            } else if (col.type.tag == Type::Tag::kSimple && !col.IsString()) {
                auto v = FromText(text_cell, col.type.simple);
                if (v)
                    cell.value = std::move(*v);
                else
                    why = Quote(text_cell) + " is not a " + std::string(KindName(col.type.simple));
            } else if (!col.IsString()) {
                why = "a column of type " + ToString(col.type) + " cannot be read from CSV";
            }
            if (!why.empty()) {
                ds.errors.push_back({record.line, col.name, why});
                good = false;
            }
        }
        if (!good) continue;
        for (size_t s = 0; s < schema.size(); ++s) {
            DataColumn& col = ds.columns[s];
            Cell& cell = cells[s];
            col.is_null.push_back(cell.null ? 1 : 0);
            col.null_count += cell.null ? 1 : 0;
            if (col.IsNumber()) {
                if (cell.null || cell.plain) {
                    col.fixed_values.push_back(cell.mantissa);
                    scales[s].push_back(static_cast<int8_t>(cell.scale));
                    if (!col.fixed)
                        col.decimals.push_back(Decimal::FromScaled(cell.mantissa, cell.scale));
                } else {
                    if (col.fixed) {  // from now on the column is decimals
                        col.fixed = false;
                        for (size_t r = 0; r < col.fixed_values.size(); ++r) {
                            col.decimals.push_back(
                                Decimal::FromScaled(col.fixed_values[r], scales[s][r]));
                        }
                    }
                    col.fixed_values.push_back(0);
                    scales[s].push_back(0);
                    col.decimals.push_back(cell.decimal);
                }
            } else if (col.IsBoolean()) {
                col.bools.push_back(cell.boolean ? 1 : 0);
            } else if (col.IsString()) {
                const std::string& t = record.fields[source[s]];
                auto [it, inserted] = dictionaries[s].try_emplace(t, col.dictionary.size());
                if (inserted) col.dictionary.push_back(t);
                col.codes.push_back(it->second);
            } else {
                col.values.push_back(std::move(cell.value));
            }
        }
        for (size_t e = 0; e < extras.size(); ++e)
            ds.extra_values[e].push_back(record.fields[extras[e]]);
        ds.lines.push_back(record.line);
        ++ds.rows;
    }
    // Bring each fixed column to one scale; a column that would overflow becomes decimals.
    for (size_t s = 0; s < schema.size(); ++s) {
        DataColumn& col = ds.columns[s];
        if (!col.IsNumber() || !col.fixed) {
            if (col.IsNumber()) col.fixed_values.clear();
            continue;
        }
        int scale = 0;
        for (int8_t sc : scales[s]) scale = std::max<int>(scale, sc);
        bool fits = true;
        for (size_t r = 0; r < col.fixed_values.size() && fits; ++r) {
            int64_t factor = Pow10(scale - scales[s][r]);
            int64_t out = 0;
            if (__builtin_mul_overflow(col.fixed_values[r], factor, &out)) fits = false;
        }
        if (!fits) {
            col.fixed = false;
            for (size_t r = 0; r < col.fixed_values.size(); ++r) {
                col.decimals.push_back(Decimal::FromScaled(col.fixed_values[r], scales[s][r]));
            }
            col.fixed_values.clear();
            continue;
        }
        for (size_t r = 0; r < col.fixed_values.size(); ++r) {
            col.fixed_values[r] *= Pow10(scale - scales[s][r]);
        }
        col.scale = scale;
    }
    return ds;
}

}  // namespace ow::rules
