// SqlNoticeStore: notices::NoticeStore on the SQL interface (tables of 0005_notices.sql).
#pragma once

#include "notices/notice_store.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

class SqlNoticeStore final : public notices::NoticeStore {
public:
    explicit SqlNoticeStore(Database& db) : db_(db) {}

    Result<int> Write(const std::vector<notices::NewNotice>& notices) override;
    Result<std::vector<notices::StoredNotice>> List(int64_t user_id, bool unread_only,
                                                    int limit) override;
    Result<int64_t> UnreadCount(int64_t user_id) override;
    Result<std::optional<notices::StoredNotice>> MarkRead(int64_t user_id, int64_t id,
                                                          Timestamp at) override;
    Result<void> MarkAllRead(int64_t user_id, Timestamp at) override;
    Result<std::optional<notices::Contact>> FindContact(int64_t user_id) override;
    Result<void> PutContact(const notices::Contact& contact) override;
    Result<std::vector<notices::OutboxMessage>> Outbox(const std::optional<std::string>& status,
                                                       int limit) override;
    Result<std::map<std::string, int64_t>> OutboxCounts() override;
    Result<std::optional<notices::OutboxMessage>> FindMessage(int64_t id) override;
    Result<std::vector<notices::OutboxMessage>> ClaimDue(Timestamp now,
                                                         std::chrono::milliseconds lease,
                                                         int limit) override;
    Result<void> MarkSent(int64_t id, Timestamp at, bool delivered) override;
    Result<void> MarkFailedAttempt(int64_t id, std::optional<Timestamp> next,
                                   const std::string& error) override;
    Result<notices::OutboxMessage> Requeue(int64_t id, Timestamp now) override;
    Result<bool> MarkDelivered(const std::string& idempotency_key, Timestamp at) override;
    Result<std::vector<notices::NoticeTemplate>> Templates() override;
    Result<void> PutTemplate(const notices::NoticeTemplate& t, Timestamp at,
                             std::optional<int64_t> by) override;

private:
    Database& db_;
};

}  // namespace ow::storage
