// JSON forms of the rules engine's values and explanations, for the CLI and the API. Numbers
// stay exact: an integer that fits 64 bits is a JSON number, any other number a JSON string of
// its decimal text ("117.25"), so no reader turns money into binary floating point.
#pragma once

#include <boost/json.hpp>
#include <optional>

#include "rules/trace.hpp"
#include "rules/types.hpp"
#include "rules/value.hpp"

namespace ow::codec {

boost::json::value RulesValueToJson(const rules::Value& v);

// A JSON value as FEEL input. `type`, when known (the input's typeRef), turns strings into
// dates, times, durations or numbers; nullopt when the JSON cannot be that type.
std::optional<rules::Value> RulesValueFromJson(const boost::json::value& j,
                                               const rules::Type* type = nullptr);

// The explanation: decisions with their values, tables with each rule's outcome, the failed
// entries of rules that did not match, and a sentence per table ("not eligible: ...").
boost::json::object TraceToJson(const rules::Trace& trace);

}  // namespace ow::codec
