#include "notices/notice_service.hpp"

#include <algorithm>
#include <set>

#include "notices/notice_event.hpp"

namespace ow::notices {
namespace {

bool EmailForm(const std::string& s) {
    if (s.size() > 254 || s.find_first_of(" \t\r\n<>,;\"") != std::string::npos) return false;
    size_t at = s.find('@');
    if (at == 0 || at == std::string::npos || s.find('@', at + 1) != std::string::npos) {
        return false;
    }
    size_t dot = s.rfind('.');
    return dot != std::string::npos && dot > at + 1 && dot + 1 < s.size();
}

bool MobileForm(const std::string& s) {
    if (s.size() != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9') return false;
    return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace

Result<void> ValidateContact(const Contact& c) {
    if (c.email && !EmailForm(*c.email)) {
        return Error(ErrorCode::kInvalidValue).Field("email").Param("reason", "email_form");
    }
    if (c.mobile && !MobileForm(*c.mobile)) {
        return Error(ErrorCode::kInvalidValue).Field("mobile").Param("reason", "mobile_form");
    }
    std::set<std::string> seen;
    for (const std::string& ch : c.channels) {
        if ((ch != "email" && ch != "sms" && ch != "wechat") || !seen.insert(ch).second) {
            return Error(ErrorCode::kInvalidValue).Field("channels").Param("reason", ch);
        }
        if (ch == "email" && !c.email) return Error(ErrorCode::kMissingField).Field("email");
        if (ch != "email" && !c.mobile) return Error(ErrorCode::kMissingField).Field("mobile");
    }
    if (c.language != "zh-CN" && c.language != "en") {
        return Error(ErrorCode::kInvalidValue).Field("language").Param("reason", c.language);
    }
    return Ok();
}

Result<std::vector<StoredNotice>> NoticeService::List(int64_t user_id, bool unread_only,
                                                      int limit) {
    return store_.List(user_id, unread_only, std::clamp(limit, 1, 500));
}

Result<int64_t> NoticeService::Unread(int64_t user_id) {
    return store_.UnreadCount(user_id);
}

Result<StoredNotice> NoticeService::MarkRead(int64_t user_id, int64_t id) {
    OW_ASSIGN_OR_RETURN(auto n, store_.MarkRead(user_id, id, clock_.Now()));
    if (!n) return Error(ErrorCode::kNotFound).Param("what", "notice");
    return std::move(*n);
}

Result<void> NoticeService::MarkAllRead(int64_t user_id) {
    return store_.MarkAllRead(user_id, clock_.Now());
}

Result<Contact> NoticeService::ContactOf(int64_t user_id) {
    OW_ASSIGN_OR_RETURN(auto c, store_.FindContact(user_id));
    if (c) return std::move(*c);
    Contact none;
    none.user_id = user_id;
    return none;
}

Result<Contact> NoticeService::SetContact(Contact contact) {
    OW_TRY(ValidateContact(contact));
    OW_TRY(store_.PutContact(contact));
    return contact;
}

Result<std::vector<OutboxMessage>> NoticeService::Outbox(const std::optional<std::string>& status,
                                                         int limit) {
    if (status && *status != "queued" && *status != "sent" && *status != "delivered" &&
        *status != "failed") {
        return Error(ErrorCode::kInvalidValue).Field("status").Param("reason", *status);
    }
    return store_.Outbox(status, std::clamp(limit, 1, 1000));
}

Result<void> NoticeService::Receipt(const std::string& key, const std::string& status) {
    if (status != "delivered") {
        return Error(ErrorCode::kInvalidValue).Field("status").Param("reason", status);
    }
    OW_ASSIGN_OR_RETURN(bool found, store_.MarkDelivered(key, clock_.Now()));
    if (!found) return Error(ErrorCode::kNotFound).Param("what", "message");
    return Ok();
}

std::vector<NoticeTemplate> NoticeService::Templates() {
    std::shared_ptr<const std::vector<NoticeTemplate>> stored;
    {
        std::lock_guard lock(mu_);
        stored = templates_;
    }
    if (!stored) {
        // Not loaded yet (or the database failed): the built-in texts, until a reload works.
        if (!ReloadTemplates().ok()) return DefaultTemplates();
        std::lock_guard lock(mu_);
        stored = templates_;
    }
    std::vector<NoticeTemplate> out;
    for (const NoticeEvent& e : AllNoticeEvents())
        out.push_back(*FindTemplate(*stored, std::string(e.code)));
    return out;
}

Result<void> NoticeService::ReloadTemplates() {
    OW_ASSIGN_OR_RETURN(auto stored, store_.Templates());
    std::lock_guard lock(mu_);
    templates_ = std::make_shared<const std::vector<NoticeTemplate>>(std::move(stored));
    return Ok();
}

Result<NoticeTemplate> NoticeService::PutTemplate(const NoticeTemplate& t,
                                                  std::optional<int64_t> by) {
    if (!FindNoticeEvent(t.event)) return Error(ErrorCode::kNotFound).Param("what", "notice");
    OW_TRY(ValidateTemplate(t));
    OW_TRY(store_.PutTemplate(t, clock_.Now(), by));
    OW_TRY(ReloadTemplates());
    return t;
}

Result<int> NoticeService::ImportTemplates(const std::vector<NoticeTemplate>& templates,
                                           std::optional<int64_t> by, bool dry_run) {
    const std::vector<NoticeTemplate> current = Templates();
    int changed = 0;
    for (const NoticeTemplate& t : templates) {
        const NoticeTemplate* in_use = FindTemplate(current, t.event);
        if (in_use && *in_use == t) continue;
        if (!dry_run) OW_TRY(PutTemplate(t, by));
        ++changed;
    }
    return changed;
}

}  // namespace ow::notices
