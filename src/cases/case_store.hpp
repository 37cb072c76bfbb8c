// CaseStore: where cases, their review tasks and their history are kept (implemented in
// storage/). Every change is one transaction: the case, its tasks, the events it produced
// (numbered and hash-chained per case) and the documents it deposits in the vault.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cases/case_event.hpp"
#include "cases/case_types.hpp"
#include "common/result.hpp"

namespace ow::cases {

// An event as the history keeps it.
struct StoredEvent {
    CaseEvent event;
    int64_t seq = 0;
    std::string prev_hash;
    std::string hash;
};

// One staff read of a case, from the access log.
struct CaseRead {
    int64_t user_id = 0;
    Timestamp at{};
    std::string purpose;  // view, history, access_log
};

struct InboxTask {
    Task task;
    std::string case_id;
    std::string item_code;
    int item_version = 0;
    std::string applicant_name;
    CaseStatus case_status = CaseStatus::kInReview;
    int stages = 0;
};

struct CaseQuery {
    std::optional<std::string> applicant_id;          // the applicant's ID number / credit code
    std::optional<int64_t> submitted_by;              // and / or who submitted
    std::optional<std::vector<int64_t>> units;        // handling units (a staff member's subtree)
    std::optional<std::vector<int64_t>> departments;  // cases with a task of these departments
    std::optional<CaseStatus> status;
    int limit = 100;
};

// The first event whose hash does not follow from its content and its predecessor.
struct BrokenLink {
    std::string case_id;
    int64_t seq = 0;
    std::string reason;
};

class CaseStore {
public:
    virtual ~CaseStore() = default;

    // A new case: kAlreadyExists if its id is taken (the caller picks another). Returns the case
    // as stored (task ids assigned).
    virtual Result<Case> Insert(const Case& c, const Outcome& out) = 0;
    // Loads the case, runs fn on it, and, if fn returns true, writes the case and fn's outcome;
    // all in one transaction (re-run from the load if it must be retried). kNotFound for an
    // unknown id. Returns the case as stored.
    virtual Result<Case> Update(const std::string& id,
                                const std::function<Result<bool>(Case&, Outcome&)>& fn) = 0;
    virtual Result<std::optional<Case>> Find(const std::string& id) = 0;
    virtual Result<std::optional<std::string>> CaseOfTask(int64_t task_id) = 0;
    virtual Result<std::vector<Case>> List(const CaseQuery& query) = 0;
    // The pending tasks of a department, most urgent first.
    virtual Result<std::vector<InboxTask>> Inbox(int64_t department_id) = 0;
    // Open cases whose timers are due at `now`, earliest first.
    virtual Result<std::vector<std::string>> DueForCheck(Timestamp now, int limit) = 0;
    virtual Result<std::vector<StoredEvent>> Events(const std::string& id) = 0;
    // Who read whose case (staff reads are recorded).
    virtual Result<void> LogRead(const std::string& id, int64_t user_id, Timestamp at,
                                 const std::string& purpose) = 0;
    // The case's access log, oldest first.
    virtual Result<std::vector<CaseRead>> Reads(const std::string& id) = 0;
    // Whether `file_id` is one of the case's materials.
    virtual Result<std::vector<std::string>> CasesWithFile(const std::string& file_id) = 0;
    // Walks every case's history and checks its hash chain.
    virtual Result<std::optional<BrokenLink>> VerifyHistory(int64_t* events_checked) = 0;
};

}  // namespace ow::cases
