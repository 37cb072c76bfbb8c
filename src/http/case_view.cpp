#include "http/case_view.hpp"

#include <boost/json.hpp>
#include <set>

#include "codec/case_json.hpp"

namespace ow::http {

namespace json = boost::json;
using namespace cases;

json::object CaseView(const Case& c, const catalog::Item* item, const org::OrgSnapshot& org) {
    json::object o = codec::WriteCase(c, true);
    o["deadline"] = o["promised_deadline"];  // the deadline the case is held to
    if (item) {
        o["item"] = {{"code", item->code},
                     {"version", item->version},
                     {"name_zh", item->name.zh},
                     {"name_en", item->name.en},
                     {"department", item->department},
                     {"promised_limit_days", item->promised_limit_days},
                     {"statutory_limit_days", item->statutory_limit_days},
                     {"stages", item->workflow.size()},
                     {"deficiency_tolerant", item->deficiency_tolerant}};
        auto& materials = o["materials"].as_array();
        for (auto& m : materials) {
            auto& mo = m.as_object();
            if (const catalog::Material* spec = item->FindMaterial(mo["requirement"].as_string())) {
                mo["name_zh"] = spec->name.zh;
                mo["name_en"] = spec->name.en;
                mo["kind"] = spec->requirement;
                mo["deferrable"] = item->deficiency_tolerant && spec->deferrable;
                mo["document_type"] = spec->document_type;
            }
        }
        if (c.stage >= 0 && c.stage < static_cast<int>(item->workflow.size())) {
            const auto& s = item->workflow[static_cast<size_t>(c.stage)];
            o["stage_name_zh"] = s.name.zh;
            o["stage_name_en"] = s.name.en;
        }
    }
    if (const org::ServicePoint* p = org.FindServicePoint(c.service_point_id)) {
        o["service_point"] = {{"id", p->id},
                              {"code", p->code},
                              {"name_zh", p->name_zh},
                              {"name_en", p->name_en},
                              {"kind", org::ServicePointKindName(p->kind)}};
    }
    for (auto& t : o["tasks"].as_array()) {
        auto& to = t.as_object();
        if (const org::Department* d = org.FindDepartment(to["department_id"].as_int64())) {
            to["department_name_zh"] = d->name_zh;
            to["department_name_en"] = d->name_en;
        }
    }
    return o;
}

json::object InboxView(const InboxTask& t, const catalog::Item* item, const org::OrgSnapshot& org,
                       Date today, const calendar::WorkingDayCalendar& cal) {
    json::object o = codec::WriteTask(t.task);
    o["case_id"] = t.case_id;
    o["case_status"] = StatusName(t.case_status);
    o["item_code"] = t.item_code;
    o["item_version"] = t.item_version;
    o["applicant_name"] = t.applicant_name;
    if (item) {
        o["item_name_zh"] = item->name.zh;
        o["item_name_en"] = item->name.en;
        o["stages"] = item->workflow.size();
    }
    if (const org::Department* d = org.FindDepartment(t.task.department_id)) {
        o["department_name_zh"] = d->name_zh;
        o["department_name_en"] = d->name_en;
    }
    if (Days(today) > Days(t.task.deadline)) {
        o["working_days_left"] = 0;
    } else if (auto left = cal.CountWorkingDays(today, t.task.deadline); left.ok()) {
        o["working_days_left"] = left->count;
    }
    return o;
}

void PublishCaseChange(WebSocketHub& hub, const Case& c,
                       std::shared_ptr<const org::OrgSnapshot> org) {
    json::object msg{{"type", "case.updated"}, {"case_id", c.id}, {"status", StatusName(c.status)}};
    std::string text = json::serialize(msg);
    if (c.applicant.user_id) hub.Publish(Audience::User(*c.applicant.user_id), text);
    if (!c.applicant.user_id || c.submitted_by != *c.applicant.user_id) {
        hub.Publish(Audience::User(c.submitted_by), text);
    }
    // The windows that handle it (their console lists the cases waiting for them).
    std::optional<int64_t> applicant = c.applicant.user_id;
    hub.Publish(Audience::Where([org, unit = c.handling_unit_id, applicant,
                                 by = c.submitted_by](const auth::Principal& p) {
                    return p.HasRole(auth::Role::kWindowClerk) && p.org_unit_id &&
                           org->tree.Contains(*p.org_unit_id, unit) && p.user_id != by &&
                           p.user_id != applicant;
                }),
                text);
    std::set<int64_t> departments;
    for (const Task& t : c.tasks) departments.insert(t.department_id);
    for (int64_t d : departments) {
        hub.Publish(Audience::Department(d),
                    json::serialize(json::object{{"type", "inbox.changed"}, {"case_id", c.id}}));
    }
}

}  // namespace ow::http
