#include "http/user_json.hpp"

#include <boost/json/array.hpp>

#include "common/dates.hpp"
#include "common/resident_id.hpp"
#include "http/route_helpers.hpp"

namespace ow::http {
namespace {

boost::json::array Roles(const auth::User& user) {
    boost::json::array roles;
    for (auth::Role r : user.roles) roles.emplace_back(auth::RoleName(r));
    return roles;
}

}  // namespace

boost::json::object UserJson(const auth::User& u) {
    return {{"id", u.id},
            {"username", u.username},
            {"display_name", u.display_name},
            {"roles", Roles(u)},
            {"org_unit_id", OrNull(u.org_unit_id)},
            {"department_id", OrNull(u.department_id)},
            {"disabled", u.disabled},
            {"must_change_password", u.must_change_password},
            {"locked_until", u.locked_until ? boost::json::value(FormatTimestamp(*u.locked_until))
                                            : boost::json::value(nullptr)}};
}

boost::json::object MeJson(const auth::User& u, const org::OrgSnapshot& org) {
    boost::json::value unit = nullptr, department = nullptr;
    if (u.org_unit_id) {
        if (const org::OrgUnit* x = org.tree.Find(*u.org_unit_id)) {
            unit = boost::json::object{{"id", x->id},
                                       {"code", x->code},
                                       {"name_zh", x->name_zh},
                                       {"name_en", x->name_en},
                                       {"level", org::OrgLevelName(x->level)}};
        }
    }
    if (u.department_id) {
        if (const org::Department* d = org.FindDepartment(*u.department_id)) {
            department = boost::json::object{
                {"id", d->id}, {"code", d->code}, {"name_zh", d->name_zh}, {"name_en", d->name_en}};
        }
    }
    boost::json::value masked = nullptr;
    if (u.id_number) {
        auto id = ResidentId::Parse(*u.id_number);
        masked = id.ok() ? boost::json::value(id->Masked()) : boost::json::value(nullptr);
    }
    return {{"id", u.id},
            {"username", u.username},
            {"display_name", u.display_name},
            {"roles", Roles(u)},
            {"org_unit", unit},
            {"department", department},
            {"id_number_masked", masked},
            {"credit_code", OrNull(u.credit_code)},
            {"must_change_password", u.must_change_password}};
}

}  // namespace ow::http
