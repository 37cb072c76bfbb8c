// FEEL's built-in function library (DMN 1.4 section 10.3.4 and 1.5 additions): conversion,
// boolean, string, list, numeric, date and time, range, temporal, sort and context functions.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "rules/function.hpp"

namespace ow::rules {

// The built-in named `name` ("string length", "date and time", "sort"...), or null.
std::shared_ptr<const Function> FindBuiltin(std::string_view name);
// Every built-in name, for the parser to recognise names with spaces.
const std::vector<std::string_view>& BuiltinNames();

}  // namespace ow::rules
