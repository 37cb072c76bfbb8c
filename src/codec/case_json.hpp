// Cases in JSON: the stored document of a case (everything but its tasks, which the store keeps
// in their own table for the departments' inboxes) and the same form in API answers, plus
// application forms.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "cases/case_types.hpp"
#include "catalog/form_data.hpp"
#include "codec/json_reader.hpp"

namespace ow::codec {

boost::json::object WriteCase(const cases::Case& c, bool with_tasks);
Result<cases::Case> ReadCase(JsonReader& in);  // tasks are not part of the document
boost::json::object WriteTask(const cases::Task& t);

// A form as a JSON object: strings, integers, booleans, nulls. Field path "form.<key>".
Result<catalog::FormData> ReadFormData(const boost::json::value& v, const std::string& path);
boost::json::object WriteFormData(const catalog::FormData& form);

}  // namespace ow::codec
