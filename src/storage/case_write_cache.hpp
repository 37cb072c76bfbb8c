// CaseWriteCache: the state each recently written case was left in (its document, tasks with
// their ids, and the last link of its history), so that the next change to it need not read
// it back first. Only SqlCaseStore::Update trusts it, and only as a guess: the write is still
// guarded by the case's revision, and a case someone else changed (another server on the same
// PostgreSQL) is forgotten and read again. Bounded; the least recently written go first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "cases/case_types.hpp"

namespace ow::storage {

struct CaseSnapshot {
    cases::Case c;
    int64_t last_seq = 0;  // the history's last event
    std::string last_hash;
};

class CaseWriteCache {
public:
    explicit CaseWriteCache(size_t capacity) : capacity_(capacity) {}

    std::optional<CaseSnapshot> Find(const std::string& case_id) const;
    std::optional<std::string> CaseOfTask(int64_t task_id) const;
    void Put(CaseSnapshot s);
    void Forget(const std::string& case_id);

private:
    void EraseLocked(std::list<CaseSnapshot>::iterator it);

    size_t capacity_;
    mutable std::mutex mu_;
    std::list<CaseSnapshot> order_;  // most recently written first
    std::unordered_map<std::string, std::list<CaseSnapshot>::iterator> by_id_;
    std::unordered_map<int64_t, std::string> task_case_;
};

}  // namespace ow::storage
