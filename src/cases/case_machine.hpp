// The case state machine: every change a case can undergo, as plain functions of the case, the
// item version it follows, the calendar and the time. Each checks that the change is allowed
// (failures are kInvalidState, kSeparationOfDuties, kMissingField... naming what is wrong),
// changes the case, recomputes its deadlines and warnings, and reports what happened in an
// Outcome (events for the history, documents for the vault). No I/O: the service loads and
// stores, the machine decides.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "calendar/working_day_calendar.hpp"
#include "cases/case_event.hpp"
#include "cases/case_types.hpp"
#include "cases/deadlines.hpp"
#include "catalog/catalog_types.hpp"

namespace ow::cases {

struct MachineContext {
    const catalog::Item& item;
    const calendar::WorkingDayCalendar& calendar;
    const std::vector<catalog::DocumentType>& document_types;
    Timestamp now;
    Date today;
    std::optional<int64_t> actor;  // none: the system
    std::string channel;  // where the actor acts: window, online, kiosk, bank, mobile, system
    WarningPolicy policy;
    // The id of the department with this code that reviews this case.
    std::function<Result<int64_t>(const std::string& code)> route;
    // A department's name for texts the applicant reads (refusal reasons); code if unset.
    std::function<std::string(int64_t department_id)> department_name;
};

// A submission as the service resolved it.
struct NewCase {
    std::string id;
    std::string bundle_application;
    Applicant applicant;
    std::string channel;
    int64_t service_point_id = 0;
    int64_t handling_unit_id = 0;
    int64_t submitted_by = 0;
    Consent consent;
    bool vault_consent = false;
    catalog::FormData form;  // already checked against the item's form
    std::string delivery;
    std::string delivery_address;
    std::map<std::string, std::string> uploads;      // material code -> file id
    std::map<std::string, int64_t> vault_available;  // document type -> vault document id
};

Result<Case> Submit(const NewCase& submission, const MachineContext& ctx, Outcome& out);

struct AcceptInput {
    std::vector<std::pair<std::string, std::optional<Date>>> deferred;  // code, due (default:
                                                                        // the promised deadline)
    std::vector<std::string> waived;  // conditional or optional materials that do not apply
    std::string commitment;           // the applicant's promise, required with deferred materials
};
Result<void> Accept(Case& c, const AcceptInput& in, const MachineContext& ctx, Outcome& out);
Result<void> Return(Case& c, std::vector<NoticeLine> problems, const MachineContext& ctx,
                    Outcome& out);
Result<void> Resubmit(Case& c, const std::optional<catalog::FormData>& form,
                      const std::map<std::string, std::string>& uploads, const MachineContext& ctx,
                      Outcome& out);
Result<void> Refuse(Case& c, const std::string& reason, const MachineContext& ctx, Outcome& out);
Result<void> Withdraw(Case& c, const std::string& reason, const MachineContext& ctx, Outcome& out);
// Deferred materials, or those a department asked for.
Result<void> Supply(Case& c, const std::map<std::string, std::string>& uploads,
                    const MachineContext& ctx, Outcome& out);

Result<void> Claim(Case& c, int64_t task_id, int64_t user, int64_t user_department,
                   const MachineContext& ctx, Outcome& out);
struct Decision {
    std::string decision;  // approve, reject, supplement
    std::string opinion;
    std::vector<std::string> requested;  // with supplement: the materials wanted (may be empty)
};
Result<void> Decide(Case& c, int64_t task_id, int64_t user, int64_t user_department,
                    const Decision& d, const MachineContext& ctx, Outcome& out);
Result<void> Deliver(Case& c, const std::string& tracking, const MachineContext& ctx, Outcome& out);

// The timers: acceptance by law after 5 working days without a decision (art. 32 of the
// Administrative Licensing Law), termination when deferred materials are late, warning changes.
// Returns true if the case changed.
Result<bool> Tick(Case& c, const MachineContext& ctx, Outcome& out);

// Deadlines, warnings and the next time the timers need a look; reports warning changes.
void Recompute(Case& c, const MachineContext& ctx, Outcome& out);

// The instant (UTC) at which `date` begins in Asia/Shanghai.
Timestamp StartOfDay(Date date);

inline constexpr int kAcceptanceDays = 5;  // art. 32

}  // namespace ow::cases
