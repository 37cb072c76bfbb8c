// A case (办件): one application for one catalog item, from submission through the window's
// decision, the departments' parallel review and the result to its close. Everything here is
// plain data; case_machine.hpp changes it, case_store.hpp keeps it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/form_data.hpp"
#include "common/clock.hpp"
#include "common/dates.hpp"

namespace ow::cases {

enum class CaseStatus {
    kSubmitted,   // waiting for the window's decision (art. 32: accepted after 5 working days)
    kReturned,    // returned for correction with a one-time notice; the applicant resubmits
    kRefused,     // refused at the window, or by a department's review
    kInReview,    // accepted; departments of the current stage review in parallel
    kSuspended,   // a department asked for supplements: the clock stands still
    kApproved,    // every stage approved; waiting for deferred materials before the result
    kIssued,      // the result is issued, waiting to be delivered
    kClosed,      // delivered
    kWithdrawn,   // withdrawn by the applicant before a decision
    kTerminated,  // deferred materials not supplied in time, as the one-time notice said
};
std::string_view StatusName(CaseStatus s);
std::optional<CaseStatus> ParseStatus(std::string_view name);
bool IsOpen(CaseStatus s);  // not refused, closed, withdrawn or terminated

enum class MaterialState {
    kProvided,   // uploaded for this case
    kFromVault,  // taken from the applicant's vault, with consent
    kMissing,
    kDeferred,  // accepted with deficiency: to be supplied by `due`
    kWaived,    // not needed (optional, or a condition that does not apply)
};
std::string_view MaterialStateName(MaterialState s);

struct CaseMaterial {
    std::string requirement;  // the item's material code
    MaterialState state = MaterialState::kMissing;
    std::string file_id;                    // kProvided
    std::optional<int64_t> vault_document;  // kFromVault
    std::optional<Date> due;                // kDeferred
    std::optional<Timestamp> supplied_at;   // a deferred or requested material that arrived
};

enum class TaskStatus { kOpen, kClaimed, kApproved, kRejected, kSupplement, kCancelled };
std::string_view TaskStatusName(TaskStatus s);
bool IsPending(TaskStatus s);  // open, claimed or waiting for a supplement

enum class Warning { kNormal, kYellow, kRed, kOverdue };
std::string_view WarningName(Warning w);

// One department's review of one stage.
struct Task {
    int64_t id = 0;  // assigned by the store
    int stage = 0;
    int64_t department_id = 0;
    std::string department_code;
    TaskStatus status = TaskStatus::kOpen;
    std::optional<int64_t> claimed_by;
    std::optional<int64_t> decided_by;
    std::string opinion;
    std::vector<std::string> requested;  // materials asked for with a supplement request
    Date started_on;
    Date deadline;  // the stage's, with suspensions
    bool deadline_provisional = false;
    std::optional<Timestamp> decided_at;
    Warning warning = Warning::kNormal;
};

// A period the clock stands still: from the day after a supplement request up to and including
// the day the supplement arrives (open while waiting).
struct Pause {
    Date first;
    std::optional<Date> last;
    int64_t task_id = 0;
};

// The one-time notice (一次性告知) of a deficiency acceptance or a return for correction.
struct NoticeLine {
    std::string subject;  // a material code, or "form.<key>"
    std::string message;
    std::optional<Date> due;
};
struct Notice {
    std::string kind;  // "deficiency" or "correction"
    Timestamp given_at;
    int64_t given_by = 0;
    std::vector<NoticeLine> lines;
    std::string consequence;
};

struct Applicant {
    std::string type;  // "person" or "enterprise"
    std::string id;    // resident ID number or unified social credit code
    std::string name;
    std::optional<int64_t> user_id;  // the applicant's own account, when they have one
};

struct Consent {
    bool given = false;
    std::string method;  // e.g. "signature", "sms_code"
    std::string note;
    Timestamp recorded_at{};
};

struct CaseResult {
    std::string kind;  // "license" or "document"
    std::string document_type;
    std::string name_zh, name_en;
    Timestamp issued_at{};
    std::optional<int64_t> vault_document;
    std::string delivery;  // window_pickup, express, download
    std::string tracking;  // express
    std::optional<Timestamp> delivered_at;
};

struct Counters {
    int required = 0;
    int submitted = 0;
    int reused = 0;
    int waived = 0;
    int deferred = 0;
    int visits = 0;
};

struct Case {
    std::string id;
    std::string item_code;
    int item_version = 0;
    std::string bundle_application;  // shared by the cases of one bundle application
    Applicant applicant;
    std::string channel;
    int64_t service_point_id = 0;
    int64_t handling_unit_id = 0;  // the service point's org unit
    int64_t submitted_by = 0;
    Consent consent;
    bool vault_consent = false;
    catalog::FormData form;
    std::vector<CaseMaterial> materials;
    std::string delivery;
    std::string delivery_address;

    CaseStatus status = CaseStatus::kSubmitted;
    int stage = -1;  // index of the stage under review
    Timestamp submitted_at{};
    Date submitted_on;
    std::optional<Date> accepted_on;
    std::optional<int64_t> accepted_by;
    bool auto_accepted = false;
    std::string commitment;
    std::vector<Notice> notices;
    std::string refusal_reason;
    std::vector<Pause> pauses;
    std::optional<Date> promised_deadline;
    std::optional<Date> statutory_deadline;
    bool deadline_provisional = false;
    Warning warning = Warning::kNormal;
    std::vector<Task> tasks;
    std::optional<CaseResult> result;
    std::optional<Timestamp> closed_at;
    Counters counters;
    std::optional<Timestamp> next_check_at;  // when timers next need a look (sweeper)
    int64_t revision = 0;                    // bumped by every stored change

    CaseMaterial* FindMaterial(std::string_view requirement);
    const CaseMaterial* FindMaterial(std::string_view requirement) const;
    Task* FindTask(int64_t id);
    bool HasOutstandingDeferred() const;
};

}  // namespace ow::cases
