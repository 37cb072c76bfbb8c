// JSON views of accounts: the admin's view of a user, and the signed-in user's own view (/me).
#pragma once

#include <boost/json/object.hpp>

#include "auth/principal.hpp"
#include "auth/user.hpp"
#include "org/org_service.hpp"

namespace ow::http {

boost::json::object UserJson(const auth::User& user);
boost::json::object MeJson(const auth::User& user, const org::OrgSnapshot& org);

}  // namespace ow::http
