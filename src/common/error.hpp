// Error: an expected failure as a value. A code from the closed set, the field it concerns (if
// any), named parameters for the localized message, and an internal detail for the logs that is
// never shown to users.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/error_code.hpp"
#include "common/lang.hpp"

namespace ow {

class Error {
public:
    explicit Error(ErrorCode code) : code_(code) {}

    // Builders, so call sites read `return Error(ErrorCode::kMissingField).Field("username");`
    Error&& Field(std::string field) && {
        field_ = std::move(field);
        return std::move(*this);
    }
    Error&& Param(std::string name, std::string value) && {
        params_.emplace_back(std::move(name), std::move(value));
        return std::move(*this);
    }
    Error&& Detail(std::string detail) && {
        detail_ = std::move(detail);
        return std::move(*this);
    }

    ErrorCode code() const { return code_; }
    const std::string& field() const { return field_; }
    const std::string& detail() const { return detail_; }
    const std::vector<std::pair<std::string, std::string>>& params() const { return params_; }

    // The message in `lang`, with {field} and named parameters filled in.
    std::string Message(Lang lang) const;
    // The HTTP status this error maps to (one table for all: error_table.cpp).
    int HttpStatus() const;

private:
    ErrorCode code_;
    std::string field_;
    std::vector<std::pair<std::string, std::string>> params_;
    std::string detail_;
};

// A value that breaks a rule: kInvalidValue at `field`, the rule named by a reason word that the
// error table words in each language (e.g. "name_rule").
inline Error InvalidValue(std::string field, std::string reason) {
    return Error(ErrorCode::kInvalidValue)
        .Field(std::move(field))
        .Param("reason", std::move(reason));
}

}  // namespace ow
