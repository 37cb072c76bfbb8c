#include "storage/case_write_cache.hpp"

#include <gtest/gtest.h>

namespace ow::storage {
namespace {

CaseSnapshot Snapshot(std::string id, std::vector<int64_t> task_ids, int64_t revision = 1) {
    CaseSnapshot s;
    s.c.id = std::move(id);
    s.c.revision = revision;
    for (int64_t t : task_ids) {
        cases::Task task;
        task.id = t;
        s.c.tasks.push_back(task);
    }
    s.last_seq = revision;
    s.last_hash = "hash-" + std::to_string(revision);
    return s;
}

TEST(CaseWriteCache, KeepsTheLastWrittenStateOfEachCase) {
    CaseWriteCache cache(8);
    cache.Put(Snapshot("A", {1, 2}, 1));
    cache.Put(Snapshot("A", {1, 2, 3}, 2));
    auto a = cache.Find("A");
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->c.revision, 2);
    EXPECT_EQ(a->last_hash, "hash-2");
    EXPECT_EQ(cache.CaseOfTask(3), "A");
    EXPECT_FALSE(cache.Find("B").has_value());
}

TEST(CaseWriteCache, ForgetsTheLeastRecentlyWrittenAndTheirTasks) {
    CaseWriteCache cache(2);
    cache.Put(Snapshot("A", {1}));
    cache.Put(Snapshot("B", {2}));
    cache.Put(Snapshot("A", {1}, 2));  // A is now the most recent
    cache.Put(Snapshot("C", {3}));     // so B goes
    EXPECT_TRUE(cache.Find("A").has_value());
    EXPECT_FALSE(cache.Find("B").has_value());
    EXPECT_FALSE(cache.CaseOfTask(2).has_value());
    EXPECT_EQ(cache.CaseOfTask(3), "C");
    cache.Forget("A");
    EXPECT_FALSE(cache.Find("A").has_value());
    EXPECT_FALSE(cache.CaseOfTask(1).has_value());
}

TEST(CaseWriteCache, OfSizeZeroRemembersNothing) {
    CaseWriteCache cache(0);
    cache.Put(Snapshot("A", {1}));
    EXPECT_FALSE(cache.Find("A").has_value());
    EXPECT_FALSE(cache.CaseOfTask(1).has_value());
}

}  // namespace
}  // namespace ow::storage
