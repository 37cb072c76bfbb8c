// SqlCaseStore: cases::CaseStore on the SQL interface. A case is a JSON document (codec) with
// the columns its queries need; its tasks are rows of their own (the departments' inboxes);
// its history is rows chained by SHA-256, each hash over the previous one and the event.
#pragma once

#include "cases/case_store.hpp"
#include "storage/case_write_cache.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

class SqlCaseStore final : public cases::CaseStore {
public:
    explicit SqlCaseStore(Database& db, size_t cached_cases = 4096)
        : db_(db), written_(cached_cases) {}

    Result<cases::Case> Insert(const cases::Case& c, const cases::Outcome& out) override;
    Result<cases::Case> Update(
        const std::string& id,
        const std::function<Result<bool>(cases::Case&, cases::Outcome&)>& fn) override;
    Result<std::optional<cases::Case>> Find(const std::string& id) override;
    Result<std::optional<std::string>> CaseOfTask(int64_t task_id) override;
    Result<std::vector<cases::Case>> List(const cases::CaseQuery& query) override;
    Result<std::vector<cases::InboxTask>> Inbox(int64_t department_id) override;
    Result<std::vector<std::string>> DueForCheck(Timestamp now, int limit) override;
    Result<std::vector<cases::StoredEvent>> Events(const std::string& id) override;
    Result<void> LogRead(const std::string& id, int64_t user_id, Timestamp at,
                         const std::string& purpose) override;
    Result<std::vector<cases::CaseRead>> Reads(const std::string& id) override;
    Result<std::vector<std::string>> CasesWithFile(const std::string& file_id) override;
    Result<std::optional<cases::BrokenLink>> VerifyHistory(int64_t* events_checked) override;

    // The hash of an event given its predecessor's (exposed for tests and the audit tool).
    static std::string EventHash(const std::string& prev_hash, const std::string& case_id,
                                 int64_t seq, const cases::CaseEvent& e,
                                 const std::string& data_json);

private:
    Result<std::optional<CaseSnapshot>> ReadSnapshot(const std::string& id);

    Database& db_;
    CaseWriteCache written_;
};

}  // namespace ow::storage
