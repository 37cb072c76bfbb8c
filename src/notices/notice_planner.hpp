// NoticePlanner: from what a change did to a case (its events) to who is told what. Runs inside
// the case's change (CaseService's planner hook), so the notices and their outbox rows are
// written in the same transaction as the events that caused them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cases/case_event.hpp"
#include "cases/case_types.hpp"
#include "catalog/catalog_types.hpp"
#include "notices/directory.hpp"
#include "notices/notice.hpp"
#include "notices/notice_template.hpp"
#include "org/org_service.hpp"

namespace ow::notices {

using TemplateSource = std::function<std::vector<NoticeTemplate>()>;
using OrgSource = std::function<std::shared_ptr<const org::OrgSnapshot>()>;

// What a license event needs to be told (the licenses service fills it in its transaction).
struct LicenseHappening {
    std::string event;  // "license.issued" or "license.revoked"
    std::string license_number;
    std::string holder_id;  // ID number or credit code
    std::string holder_name;
    catalog::Text item;
    std::optional<std::string> case_id;
    std::string reason;  // revocation
    Timestamp at{};
};

class NoticePlanner {
public:
    NoticePlanner(Directory& directory, OrgSource org, TemplateSource templates);

    // The notices for the events of one change of `c` (as changed), written with revision
    // `revision` of the case; `at` is when it happened.
    Result<std::vector<NewNotice>> PlanCase(const cases::Case& c, const catalog::Item& item,
                                            const std::vector<cases::CaseEvent>& events,
                                            int64_t revision, Timestamp at);
    // The notices of a license issued or revoked, to the holder's accounts.
    Result<std::vector<NewNotice>> PlanLicense(const LicenseHappening& h);

private:
    Directory& directory_;
    OrgSource org_;
    TemplateSource templates_;
};

// The channels a notice goes out on for a person: always the inbox, then each channel they
// chose and have an address for.
std::vector<Delivery> DeliveriesFor(const Contact& contact);

}  // namespace ow::notices
