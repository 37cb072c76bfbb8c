// The working-day calendar: public questions (is it a working day, add or count working days)
// and the administrators' overrides and newly published notices.
#include <boost/json.hpp>

#include "calendar/calendar_service.hpp"
#include "common/dates.hpp"
#include "http/api_context.hpp"
#include "http/holiday_notice_json.hpp"
#include "http/json_input.hpp"
#include "http/route_helpers.hpp"

namespace ow::http {
namespace {

using calendar::DayInfo;

boost::json::object DayJson(const DayInfo& d) {
    return {{"date", FormatDate(d.date)},
            {"working", d.working},
            {"kind", calendar::DayKindName(d.kind)},
            {"name", d.name.empty() ? boost::json::value(nullptr) : boost::json::value(d.name)},
            {"provisional", d.provisional},
            {"override", d.overridden}};
}

Result<Date> DateQuery(const Request& req, const char* name) {
    auto text = req.Query(name);
    if (!text) return Error(ErrorCode::kMissingField).Field(name);
    auto date = ParseDate(*text);
    if (!date) return Error(ErrorCode::kInvalidDate).Field(name);
    return *date;
}

Result<Date> DatePath(const Request& req) {
    auto date = ParseDate(req.Param("date"));
    if (!date) return Error(ErrorCode::kInvalidDate).Field("date");
    return *date;
}

const auth::Access kAdmins = auth::Access::Roles({auth::Role::kAdmin});

}  // namespace

void AddCalendarRoutes(Router& router, ApiContext& ctx) {
    auto changed = [&ctx] {
        ctx.hub.Publish(Audience::Everyone(), R"({"type":"calendar.changed"})");
    };

    router.Add({"GET", "/api/v1/calendar/days/{date}", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(Date date, DatePath(req));
                    OW_ASSIGN_OR_RETURN(DayInfo day, ctx.calendar.Current()->Day(date));
                    return Response::Json(DayJson(day));
                }});
    router.Add(
        {"GET", "/api/v1/calendar/days", auth::Access::Public(),
         [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(Date from, DateQuery(req, "from"));
             OW_ASSIGN_OR_RETURN(Date to, DateQuery(req, "to"));
             if (Days(to) < Days(from) || (Days(to) - Days(from)).count() > 366) {
                 return Error(ErrorCode::kInvalidValue).Field("to").Param("reason", "range_366");
             }
             auto cal = ctx.calendar.Current();
             boost::json::array out;
             for (auto d = Days(from); d <= Days(to); d += std::chrono::days(1)) {
                 OW_ASSIGN_OR_RETURN(DayInfo day, cal->Day(Date{d}));
                 out.push_back(DayJson(day));
             }
             return Response::Json(boost::json::object{{"days", std::move(out)}});
         }});
    router.Add(
        {"GET", "/api/v1/calendar/add-working-days", auth::Access::Public(),
         [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(Date from, DateQuery(req, "from"));
             auto days_text = req.Query("days");
             if (!days_text) return Error(ErrorCode::kMissingField).Field("days");
             char* end = nullptr;
             long long n = std::strtoll(days_text->c_str(), &end, 10);
             if (days_text->empty() || *end != '\0' || n > 100000 || n < -100000) {
                 return Error(ErrorCode::kWrongType).Field("days").Param("expected", "an integer");
             }
             OW_ASSIGN_OR_RETURN(auto answer, ctx.calendar.Current()->AddWorkingDays(from, n));
             return Response::Json(boost::json::object{{"date", FormatDate(answer.date)},
                                                       {"provisional", answer.provisional}});
         }});
    router.Add({"GET", "/api/v1/calendar/working-days", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(Date from, DateQuery(req, "from"));
                    OW_ASSIGN_OR_RETURN(Date to, DateQuery(req, "to"));
                    OW_ASSIGN_OR_RETURN(auto answer,
                                        ctx.calendar.Current()->CountWorkingDays(from, to));
                    return Response::Json(boost::json::object{{"count", answer.count},
                                                              {"provisional", answer.provisional}});
                }});
    router.Add({"GET", "/api/v1/calendar/years", auth::Access::Public(),
                [&ctx](Request&) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto years, ctx.calendar.Years());
                    boost::json::array out;
                    for (const auto& y : years) {
                        out.push_back({{"year", y.year},
                                       {"source", y.loaded ? "loaded" : "shipped"},
                                       {"days", y.days}});
                    }
                    boost::json::object body{{"years", std::move(out)}};
                    body["first_year"] = years.empty() ? 0 : years.front().year;
                    body["last_year"] = years.empty() ? 0 : years.back().year;
                    return Response::Json(body);
                }});
    router.Add({"GET", "/api/v1/calendar/overrides", auth::Access::Public(),
                [&ctx](Request&) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto overrides, ctx.calendar.Overrides());
                    boost::json::array out;
                    for (const auto& o : overrides) {
                        out.push_back({{"date", FormatDate(o.override.date)},
                                       {"working", o.override.working},
                                       {"name", o.override.name},
                                       {"updated_at", FormatTimestamp(o.updated_at)}});
                    }
                    return Response::Json(boost::json::object{{"overrides", std::move(out)}});
                }});
    router.Add({"PUT", "/api/v1/calendar/overrides/{date}", kAdmins,
                [&ctx, changed](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(Date date, DatePath(req));
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(bool working, in.Bool("working"));
                    OW_ASSIGN_OR_RETURN(auto name, in.OptString("name"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(DayInfo day,
                                        ctx.calendar.PutOverride({date, working, name.value_or("")},
                                                                 req.principal->user_id));
                    changed();
                    return Response::Json(DayJson(day));
                }});
    router.Add({"DELETE", "/api/v1/calendar/overrides/{date}", kAdmins,
                [&ctx, changed](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(Date date, DatePath(req));
                    OW_TRY(ctx.calendar.DeleteOverride(date, req.principal->user_id));
                    changed();
                    return Response::NoContent();
                }});
    router.Add({"POST", "/api/v1/calendar/years", kAdmins,
                [&ctx, changed](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(calendar::HolidayNotice notice, ReadHolidayNotice(in));
                    OW_ASSIGN_OR_RETURN(auto summary,
                                        ctx.calendar.LoadNotice(notice, req.principal->user_id));
                    changed();
                    return Response::Json(
                        boost::json::object{{"year", summary.year}, {"days", summary.days}});
                }});
}

}  // namespace ow::http
