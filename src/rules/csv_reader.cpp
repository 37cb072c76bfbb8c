#include "rules/csv_reader.hpp"

namespace ow::rules {

CsvReader::CsvReader(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark (Excel)
}

bool CsvReader::Next(CsvRecord& record, std::optional<CsvError>& error) {
    error.reset();
    record.fields.clear();
    // Blank lines between records are not records.
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    record.line = line_;
    std::string field;
    bool quoted = false;
    bool bad = false;
    std::string bad_message;
    while (true) {
        if (pos_ >= text_.size()) {
            if (quoted && !bad) {
                bad = true;
                bad_message = "a quoted field is not closed";
            }
            record.fields.push_back(std::move(field));
            break;
        }
        char c = text_[pos_];
        if (quoted) {
            ++pos_;
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    field.push_back('"');
                    ++pos_;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line_;
                field.push_back(c);
            }
            continue;
        }
        if (c == ',') {
            record.fields.push_back(std::move(field));
            field.clear();
            ++pos_;
            continue;
        }
        if (c == '\r' || c == '\n') {
            record.fields.push_back(std::move(field));
            if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
            ++pos_;
            ++line_;
            break;
        }
        if (c == '"') {
            if (field.empty()) {
                quoted = true;
            } else if (!bad) {
                bad = true;
                bad_message = "a quote inside an unquoted field";
            }
            ++pos_;
            continue;
        }
        field.push_back(c);
        ++pos_;
    }
    if (bad) error = CsvError{record.line, bad_message};
    return true;
}

}  // namespace ow::rules
