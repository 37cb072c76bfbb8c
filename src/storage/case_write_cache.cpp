#include "storage/case_write_cache.hpp"

namespace ow::storage {

std::optional<CaseSnapshot> CaseWriteCache::Find(const std::string& case_id) const {
    std::lock_guard lock(mu_);
    auto it = by_id_.find(case_id);
    if (it == by_id_.end()) return std::nullopt;
    return *it->second;
}

std::optional<std::string> CaseWriteCache::CaseOfTask(int64_t task_id) const {
    std::lock_guard lock(mu_);
    auto it = task_case_.find(task_id);
    if (it == task_case_.end()) return std::nullopt;
    return it->second;
}

void CaseWriteCache::Put(CaseSnapshot s) {
    if (capacity_ == 0) return;
    std::lock_guard lock(mu_);
    if (auto it = by_id_.find(s.c.id); it != by_id_.end()) EraseLocked(it->second);
    for (const cases::Task& t : s.c.tasks) task_case_[t.id] = s.c.id;
    order_.push_front(std::move(s));
    by_id_[order_.front().c.id] = order_.begin();
    while (order_.size() > capacity_) EraseLocked(std::prev(order_.end()));
}

void CaseWriteCache::Forget(const std::string& case_id) {
    std::lock_guard lock(mu_);
    if (auto it = by_id_.find(case_id); it != by_id_.end()) EraseLocked(it->second);
}

void CaseWriteCache::EraseLocked(std::list<CaseSnapshot>::iterator it) {
    for (const cases::Task& t : it->c.tasks) task_case_.erase(t.id);
    by_id_.erase(it->c.id);
    order_.erase(it);
}

}  // namespace ow::storage
