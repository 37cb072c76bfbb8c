// NoticeService: notices as people use them — their inbox, their contact settings — and the
// outbox as administrators watch it. Who may call what is checked by the routes' access rules;
// a person only ever reaches their own notices (another's is kNotFound, like a wrong id).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "notices/notice_store.hpp"

namespace ow::notices {

// kInvalidValue at "email" / "mobile" (mainland 1[3-9] and 9 digits) / "channels" / "language";
// kMissingField at "email" or "mobile" for a chosen channel without its address.
Result<void> ValidateContact(const Contact& c);

class NoticeService {
public:
    NoticeService(NoticeStore& store, const Clock& clock) : store_(store), clock_(clock) {}

    Result<std::vector<StoredNotice>> List(int64_t user_id, bool unread_only, int limit);
    Result<int64_t> Unread(int64_t user_id);
    Result<StoredNotice> MarkRead(int64_t user_id, int64_t id);
    Result<void> MarkAllRead(int64_t user_id);

    Result<Contact> ContactOf(int64_t user_id);
    Result<Contact> SetContact(Contact contact);

    Result<std::vector<OutboxMessage>> Outbox(const std::optional<std::string>& status, int limit);
    Result<std::map<std::string, int64_t>> OutboxCounts() { return store_.OutboxCounts(); }
    Result<OutboxMessage> Requeue(int64_t id) { return store_.Requeue(id, clock_.Now()); }
    // A gateway's receipt for message `key`: only "delivered" is kept; kNotFound for an
    // unknown key.
    Result<void> Receipt(const std::string& key, const std::string& status);

    // Every event's template: an administrator's text where there is one, else the built-in
    // one (cached; reloaded when changed here).
    std::vector<NoticeTemplate> Templates();
    Result<void> ReloadTemplates();
    // A new version of one event's template; kNotFound for an unknown event, kInvalidValue or
    // kMissingField (at "zh.subject", "en.body"...) for a bad text.
    Result<NoticeTemplate> PutTemplate(const NoticeTemplate& t, std::optional<int64_t> by);
    // A catalog file's templates (already validated): a new version of each that differs from
    // the one in use; returns how many changed (with `dry_run`, would change; nothing is saved).
    Result<int> ImportTemplates(const std::vector<NoticeTemplate>& templates,
                                std::optional<int64_t> by, bool dry_run = false);

    NoticeStore& store() { return store_; }

private:
    NoticeStore& store_;
    const Clock& clock_;
    std::mutex mu_;
    std::shared_ptr<const std::vector<NoticeTemplate>> templates_;
};

}  // namespace ow::notices
