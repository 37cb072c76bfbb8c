// NoticeStore: the inbox, the outbox and people's contact settings (implemented in storage/).
// Notices planned by a case change are written by the case store in that change's transaction;
// Write here is for notices planned elsewhere (licenses).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "notices/directory.hpp"
#include "notices/notice.hpp"
#include "notices/notice_template.hpp"

namespace ow::notices {

struct StoredNotice {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string event;
    RenderedText zh, en;
    std::optional<std::string> case_id;
    std::optional<std::string> license_number;
    Timestamp created_at{};
    std::optional<Timestamp> read_at;
};

// One message of the outbox, with what it carries.
struct OutboxMessage {
    int64_t id = 0;
    int64_t notice_id = 0;
    int64_t user_id = 0;
    std::string channel;  // inbox, email, sms, wechat
    std::string address;
    std::string language;
    std::string status;  // queued, sent, delivered, failed
    int attempts = 0;
    std::optional<Timestamp> next_attempt_at;
    std::string last_error;
    std::string idempotency_key;
    Timestamp created_at{};
    std::optional<Timestamp> sent_at;
    std::optional<Timestamp> delivered_at;
    std::string event;
    RenderedText zh, en;
    std::optional<std::string> case_id;
    std::optional<std::string> license_number;

    const RenderedText& Text() const { return language == "en" ? en : zh; }
};

class NoticeStore {
public:
    virtual ~NoticeStore() = default;

    // Writes notices and their outbox rows; a notice whose dedup key is taken is skipped.
    // Returns how many were new.
    virtual Result<int> Write(const std::vector<NewNotice>& notices) = 0;

    // A user's notices, newest first.
    virtual Result<std::vector<StoredNotice>> List(int64_t user_id, bool unread_only,
                                                   int limit) = 0;
    virtual Result<int64_t> UnreadCount(int64_t user_id) = 0;
    // Marks one of the user's notices read (kept as first read); nullopt when the user has no
    // such notice.
    virtual Result<std::optional<StoredNotice>> MarkRead(int64_t user_id, int64_t id,
                                                         Timestamp at) = 0;
    virtual Result<void> MarkAllRead(int64_t user_id, Timestamp at) = 0;

    virtual Result<std::optional<Contact>> FindContact(int64_t user_id) = 0;
    virtual Result<void> PutContact(const Contact& contact) = 0;

    // The outbox, newest first, optionally of one status.
    virtual Result<std::vector<OutboxMessage>> Outbox(const std::optional<std::string>& status,
                                                      int limit) = 0;
    virtual Result<std::map<std::string, int64_t>> OutboxCounts() = 0;
    virtual Result<std::optional<OutboxMessage>> FindMessage(int64_t id) = 0;
    // Takes up to `limit` queued messages due at `now`: each is leased until now + lease and
    // its attempts counted, with a conditional update, so two workers never take the same one.
    virtual Result<std::vector<OutboxMessage>> ClaimDue(Timestamp now,
                                                        std::chrono::milliseconds lease,
                                                        int limit) = 0;
    // The transport took it (sent) or, for the inbox, the person has it (delivered).
    virtual Result<void> MarkSent(int64_t id, Timestamp at, bool delivered) = 0;
    // It failed: queued again from `next` (or failed for good), with the error.
    virtual Result<void> MarkFailedAttempt(int64_t id, std::optional<Timestamp> next,
                                           const std::string& error) = 0;
    // A failed message queued again now, attempts reset; kNotFound, or kInvalidState unless
    // failed.
    virtual Result<OutboxMessage> Requeue(int64_t id, Timestamp now) = 0;
    // The gateway's receipt: false when no message has the key.
    virtual Result<bool> MarkDelivered(const std::string& idempotency_key, Timestamp at) = 0;

    // The templates administrators changed (not the built-in ones).
    virtual Result<std::vector<NoticeTemplate>> Templates() = 0;
    // Stores a new version of a template, with an admin log entry.
    virtual Result<void> PutTemplate(const NoticeTemplate& t, Timestamp at,
                                     std::optional<int64_t> by) = 0;
};

}  // namespace ow::notices
