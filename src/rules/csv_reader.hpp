// CsvReader: RFC 4180 text split into records of fields, each record with the line it starts on
// (quoted fields may span lines), for batch evaluation's data files.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ow::rules {

struct CsvRecord {
    size_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

struct CsvError {
    size_t line = 0;
    std::string message;
};

// Reads the next record, or nullopt at the end of the text. A malformed record (a quote inside an
// unquoted field, an unterminated quote) comes back as an error and reading goes on after it.
class CsvReader {
public:
    explicit CsvReader(std::string_view text);
    // True when a record (or an error) was read into `record` / `error`; false at the end.
    bool Next(CsvRecord& record, std::optional<CsvError>& error);

private:
    std::string_view text_;
    size_t pos_ = 0;
    size_t line_ = 1;
};

}  // namespace ow::rules
