// FormData: what an applicant filled in on an item's application form, and the server-side check
// of it against the item's fields (types, required, lengths, ranges, options, identity numbers).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "catalog/catalog_types.hpp"
#include "common/result.hpp"

namespace ow::catalog {

using FormValue = std::variant<std::monostate, bool, int64_t, std::string>;
using FormData = std::map<std::string, FormValue>;

// Returns the form normalised (identity numbers in canonical case, money as "123.40"). Failures
// name the field as "form.<key>": kUnknownField, kMissingField, kWrongType, kInvalidValue,
// kInvalidIdNumber, kInvalidCreditCode.
Result<FormData> CheckForm(const std::vector<FormField>& fields, const FormData& input);

}  // namespace ow::catalog
