// DMN typing: a value checked against a typeRef (a FEEL type name or an item definition, possibly
// imported "prefix.tType"), with DMN 1.4's conversions (singleton list <-> element, date -> date
// and time). A value that does not conform becomes null, as the DMN spec asks of typed
// decisions, inputs, parameters and results.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rules/dmn_model.hpp"
#include "rules/evaluation.hpp"
#include "rules/types.hpp"
#include "rules/value.hpp"

namespace ow::rules {

// The value as `type_ref` wants it, or nullopt when it does not conform. An empty or unknown
// typeRef accepts anything (unknown ones are load-time warnings, not run-time nulls).
std::optional<Value> ConformTo(const Value& v, std::string_view type_ref, const Model& model,
                               Evaluation& ev);

// As ConformTo, but a value that does not conform is null with a warning naming `what`.
Value Coerce(const Value& v, std::string_view type_ref, const Model& model, Evaluation& ev,
             std::string_view what);

// When `type_ref` names an item definition of this model that is a function item, its output
// typeRef (a BKM's or decision service's result type); else "".
std::string FunctionOutputType(std::string_view type_ref, const Model& model);

// The FEEL type a typeRef denotes, for `instance of` and typed parameters (nullopt: unknown).
std::optional<Type> TypeOfRef(std::string_view type_ref, const Model& model);

}  // namespace ow::rules
