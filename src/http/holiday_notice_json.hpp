// A State Council holiday notice in its published JSON form (the form of holiday-cn and of the
// shipped reference data): {"year": 2027, "papers": [...], "days": [{"name", "date",
// "isOffDay"}]}. Used by POST /api/v1/calendar/years and `onewindow calendar load FILE`.
#pragma once

#include "calendar/holiday_notice.hpp"
#include "http/json_input.hpp"

namespace ow::http {

// Reads and validates the notice; refuses fields the form does not have.
Result<calendar::HolidayNotice> ReadHolidayNotice(JsonInput& in);

}  // namespace ow::http
