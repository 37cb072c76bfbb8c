// The JSON a client gets for a case: the case itself with what makes it readable — the item's
// names and limits, each material's name and kind, the service point, the departments by name.
#pragma once

#include <boost/json/object.hpp>

#include "cases/case_service.hpp"
#include "http/websocket_hub.hpp"

namespace ow::http {

boost::json::object CaseView(const cases::Case& c, const catalog::Item* item,
                             const org::OrgSnapshot& org);
boost::json::object InboxView(const cases::InboxTask& t, const catalog::Item* item,
                              const org::OrgSnapshot& org, Date today,
                              const calendar::WorkingDayCalendar& cal);

// Tells the people concerned that a case changed: its applicant and submitter, and the
// departments whose inbox it is in.
void PublishCaseChange(WebSocketHub& hub, const cases::Case& c,
                       std::shared_ptr<const org::OrgSnapshot> org);

}  // namespace ow::http
