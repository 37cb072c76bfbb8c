#include "http/holiday_notice_json.hpp"

#include <algorithm>

namespace ow::http {

Result<calendar::HolidayNotice> ReadHolidayNotice(JsonInput& in) {
    calendar::HolidayNotice notice;
    OW_ASSIGN_OR_RETURN(int64_t year, in.Int("year"));
    notice.year = static_cast<int>(std::clamp<int64_t>(year, -1, 100000));
    OW_TRY(in.OptStringArray("papers"));  // the notices' addresses: informative only
    in.Ignore("$schema");
    in.Ignore("$id");
    const boost::json::value* days = in.Raw("days");
    if (!days) return Error(ErrorCode::kMissingField).Field("days");
    if (!days->is_array()) {
        return Error(ErrorCode::kWrongType).Field("days").Param("expected", "an array");
    }
    for (const auto& item : days->as_array()) {
        const auto* obj = item.if_object();
        const auto* name = obj ? obj->if_contains("name") : nullptr;
        const auto* date = obj ? obj->if_contains("date") : nullptr;
        const auto* off = obj ? obj->if_contains("isOffDay") : nullptr;
        if (!name || !name->is_string() || !date || !date->is_string() || !off || !off->is_bool()) {
            return Error(ErrorCode::kInvalidHolidayNotice)
                .Field("days")
                .Param("reason", "each day needs name, date and isOffDay");
        }
        auto d = ParseDate(date->as_string());
        if (!d) return Error(ErrorCode::kInvalidDate).Field("days");
        notice.days.push_back({*d, off->as_bool(), std::string(name->as_string())});
    }
    OW_TRY(in.Finish());
    OW_TRY(calendar::ValidateNotice(notice));
    return notice;
}

}  // namespace ow::http
