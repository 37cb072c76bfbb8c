#include "storage/sql_notice_store.hpp"

#include "storage/admin_log_sql.hpp"
#include "storage/notice_sql.hpp"
#include "storage/sql_notice_directory.hpp"

namespace ow::storage {
namespace {

using notices::OutboxMessage;
using notices::StoredNotice;

constexpr const char* kNoticeColumns =
    "id, user_id, event, subject_zh, body_zh, subject_en, body_en, case_id, license_number, "
    "created_at, read_at";

StoredNotice NoticeFrom(const Row& r) {
    StoredNotice n;
    n.id = r.Int(0);
    n.user_id = r.Int(1);
    n.event = r.Text(2);
    n.zh = {r.Text(3), r.Text(4)};
    n.en = {r.Text(5), r.Text(6)};
    n.case_id = r.OptText(7);
    n.license_number = r.OptText(8);
    n.created_at = FromMillis(r.Int(9));
    if (auto at = r.OptInt(10)) n.read_at = FromMillis(*at);
    return n;
}

constexpr const char* kMessageSelect =
    "SELECT o.id, o.notice_id, n.user_id, o.channel, o.address, o.language, o.status, "
    "o.attempts, o.next_attempt_at, o.last_error, o.idempotency_key, o.created_at, o.sent_at, "
    "o.delivered_at, n.event, n.subject_zh, n.body_zh, n.subject_en, n.body_en, n.case_id, "
    "n.license_number "
    "FROM outbox o JOIN notices n ON n.id = o.notice_id ";

std::optional<Timestamp> OptTime(const Row& r, size_t i) {
    auto ms = r.OptInt(i);
    return ms ? std::optional<Timestamp>(FromMillis(*ms)) : std::nullopt;
}

OutboxMessage MessageFrom(const Row& r) {
    OutboxMessage m;
    m.id = r.Int(0);
    m.notice_id = r.Int(1);
    m.user_id = r.Int(2);
    m.channel = r.Text(3);
    m.address = r.Text(4);
    m.language = r.Text(5);
    m.status = r.Text(6);
    m.attempts = static_cast<int>(r.Int(7));
    m.next_attempt_at = OptTime(r, 8);
    m.last_error = r.Text(9);
    m.idempotency_key = r.Text(10);
    m.created_at = FromMillis(r.Int(11));
    m.sent_at = OptTime(r, 12);
    m.delivered_at = OptTime(r, 13);
    m.event = r.Text(14);
    m.zh = {r.Text(15), r.Text(16)};
    m.en = {r.Text(17), r.Text(18)};
    m.case_id = r.OptText(19);
    m.license_number = r.OptText(20);
    return m;
}

Result<std::optional<OutboxMessage>> FindMessageOn(Connection& c, int64_t id) {
    OW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kMessageSelect) + "WHERE o.id = $1", {id}));
    if (rows.empty()) return std::optional<OutboxMessage>();
    return std::optional<OutboxMessage>(MessageFrom(rows[0]));
}

}  // namespace

Result<int> SqlNoticeStore::Write(const std::vector<notices::NewNotice>& notices) {
    return db_.Write([&](Connection& c) { return WriteNotices(c, notices); });
}

Result<std::vector<StoredNotice>> SqlNoticeStore::List(int64_t user_id, bool unread_only,
                                                       int limit) {
    return db_.Read([&](Connection& c) -> Result<std::vector<StoredNotice>> {
        OW_ASSIGN_OR_RETURN(
            auto rows,
            c.Query(std::string("SELECT ") + kNoticeColumns + " FROM notices WHERE user_id = $1" +
                        (unread_only ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT $2",
                    {user_id, int64_t{limit}}));
        std::vector<StoredNotice> out;
        for (const Row& r : rows) out.push_back(NoticeFrom(r));
        return out;
    });
}

Result<int64_t> SqlNoticeStore::UnreadCount(int64_t user_id) {
    return db_.Read([&](Connection& c) -> Result<int64_t> {
        OW_ASSIGN_OR_RETURN(
            auto rows,
            c.Query("SELECT COUNT(*) FROM notices WHERE user_id = $1 AND read_at IS NULL",
                    {user_id}));
        return rows[0].Int(0);
    });
}

Result<std::optional<StoredNotice>> SqlNoticeStore::MarkRead(int64_t user_id, int64_t id,
                                                             Timestamp at) {
    return db_.Write([&](Connection& c) -> Result<std::optional<StoredNotice>> {
        OW_TRY(
            c.Execute("UPDATE notices SET read_at = $3 WHERE id = $1 AND user_id = $2 AND "
                      "read_at IS NULL",
                      {id, user_id, Millis(at)}));
        OW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kNoticeColumns +
                                                   " FROM notices WHERE id = $1 AND user_id = $2",
                                               {id, user_id}));
        if (rows.empty()) return std::optional<StoredNotice>();
        return std::optional<StoredNotice>(NoticeFrom(rows[0]));
    });
}

Result<void> SqlNoticeStore::MarkAllRead(int64_t user_id, Timestamp at) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(c.Execute("UPDATE notices SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
                         {user_id, Millis(at)}));
        return Ok();
    });
}

Result<std::optional<notices::Contact>> SqlNoticeStore::FindContact(int64_t user_id) {
    return db_.Read([&](Connection& c) -> Result<std::optional<notices::Contact>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT user_id, email, mobile, channels, language "
                                               "FROM user_contacts WHERE user_id = $1",
                                               {user_id}));
        if (rows.empty()) return std::optional<notices::Contact>();
        const Row& r = rows[0];
        return std::optional<notices::Contact>(notices::Contact{
            r.Int(0), r.OptText(1), r.OptText(2), SplitChannels(r.Text(3)), r.Text(4)});
    });
}

Result<void> SqlNoticeStore::PutContact(const notices::Contact& k) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(c.Execute(
            "INSERT INTO user_contacts (user_id, email, mobile, channels, language) VALUES ($1, "
            "$2, $3, $4, $5) ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, mobile "
            "= excluded.mobile, channels = excluded.channels, language = excluded.language",
            {k.user_id, Nullable(k.email), Nullable(k.mobile), JoinChannels(k.channels),
             k.language}));
        return Ok();
    });
}

Result<std::vector<OutboxMessage>> SqlNoticeStore::Outbox(const std::optional<std::string>& status,
                                                          int limit) {
    return db_.Read([&](Connection& c) -> Result<std::vector<OutboxMessage>> {
        Params params{int64_t{limit}};
        std::string where;
        if (status) {
            params.push_back(*status);
            where = "WHERE o.status = $2 ";
        }
        OW_ASSIGN_OR_RETURN(
            auto rows,
            c.Query(std::string(kMessageSelect) + where + "ORDER BY o.id DESC LIMIT $1", params));
        std::vector<OutboxMessage> out;
        for (const Row& r : rows) out.push_back(MessageFrom(r));
        return out;
    });
}

Result<std::map<std::string, int64_t>> SqlNoticeStore::OutboxCounts() {
    return db_.Read([&](Connection& c) -> Result<std::map<std::string, int64_t>> {
        OW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT status, COUNT(*) FROM outbox GROUP BY status"));
        std::map<std::string, int64_t> out{
            {"queued", 0}, {"sent", 0}, {"delivered", 0}, {"failed", 0}};
        for (const Row& r : rows) out[r.Text(0)] = r.Int(1);
        return out;
    });
}

Result<std::optional<OutboxMessage>> SqlNoticeStore::FindMessage(int64_t id) {
    return db_.Read([&](Connection& c) { return FindMessageOn(c, id); });
}

Result<std::vector<OutboxMessage>> SqlNoticeStore::ClaimDue(Timestamp now,
                                                            std::chrono::milliseconds lease,
                                                            int limit) {
    OW_ASSIGN_OR_RETURN(auto candidates, db_.Read([&](Connection& c) {
        return c.Query(std::string(kMessageSelect) +
                           "WHERE o.status = 'queued' AND o.next_attempt_at <= $1 "
                           "ORDER BY o.next_attempt_at, o.id LIMIT $2",
                       {Millis(now), int64_t{limit}});
    }));
    std::vector<OutboxMessage> claimed;
    for (const Row& r : candidates) {
        OutboxMessage m = MessageFrom(r);
        // Taken only if no one took it since it was read: its due time moves with the lease.
        OW_ASSIGN_OR_RETURN(int64_t n, db_.Write([&](Connection& c) {
            return c.Execute(
                "UPDATE outbox SET next_attempt_at = $2, attempts = attempts + 1 "
                "WHERE id = $1 AND status = 'queued' AND next_attempt_at = $3",
                {m.id, Millis(now + lease), Millis(*m.next_attempt_at)});
        }));
        if (n != 1) continue;
        ++m.attempts;
        m.next_attempt_at = now + lease;
        claimed.push_back(std::move(m));
    }
    return claimed;
}

Result<void> SqlNoticeStore::MarkSent(int64_t id, Timestamp at, bool delivered) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(c.Execute(delivered ? "UPDATE outbox SET status = 'delivered', sent_at = $2, "
                                     "delivered_at = $2, next_attempt_at = NULL, last_error = '' "
                                     "WHERE id = $1"
                                   // A receipt may have come first: delivered stays delivered.
                                   : "UPDATE outbox SET status = CASE WHEN status = 'delivered' "
                                     "THEN status ELSE 'sent' END, sent_at = $2, "
                                     "next_attempt_at = NULL, last_error = '' WHERE id = $1",
                         {id, Millis(at)}));
        return Ok();
    });
}

Result<void> SqlNoticeStore::MarkFailedAttempt(int64_t id, std::optional<Timestamp> next,
                                               const std::string& error) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(
            c.Execute("UPDATE outbox SET status = $2, next_attempt_at = $3, last_error = $4 "
                      "WHERE id = $1 AND status = 'queued'",
                      {id, next ? "queued" : "failed", next ? Value(Millis(*next)) : Value(),
                       error.substr(0, 500)}));
        return Ok();
    });
}

Result<OutboxMessage> SqlNoticeStore::Requeue(int64_t id, Timestamp now) {
    return db_.Write([&](Connection& c) -> Result<OutboxMessage> {
        OW_ASSIGN_OR_RETURN(auto m, FindMessageOn(c, id));
        if (!m) return Error(ErrorCode::kNotFound).Param("what", "message");
        if (m->status != "failed") {
            return Error(ErrorCode::kInvalidState).Param("reason", "not_failed");
        }
        OW_TRY(
            c.Execute("UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = $2 "
                      "WHERE id = $1",
                      {id, Millis(now)}));
        m->status = "queued";
        m->attempts = 0;
        m->next_attempt_at = now;
        return std::move(*m);
    });
}

Result<bool> SqlNoticeStore::MarkDelivered(const std::string& key, Timestamp at) {
    return db_.Write([&](Connection& c) -> Result<bool> {
        OW_ASSIGN_OR_RETURN(
            int64_t n,
            c.Execute("UPDATE outbox SET status = 'delivered', delivered_at = COALESCE("
                      "delivered_at, $2), next_attempt_at = NULL WHERE idempotency_key = $1",
                      {key, Millis(at)}));
        return n > 0;
    });
}

Result<std::vector<notices::NoticeTemplate>> SqlNoticeStore::Templates() {
    return db_.Read([&](Connection& c) -> Result<std::vector<notices::NoticeTemplate>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT event, subject_zh, body_zh, subject_en, "
                                               "body_en FROM notice_templates ORDER BY event"));
        std::vector<notices::NoticeTemplate> out;
        for (const Row& r : rows) {
            out.push_back({r.Text(0), {r.Text(1), r.Text(2)}, {r.Text(3), r.Text(4)}});
        }
        return out;
    });
}

Result<void> SqlNoticeStore::PutTemplate(const notices::NoticeTemplate& t, Timestamp at,
                                         std::optional<int64_t> by) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_ASSIGN_OR_RETURN(
            auto rows,
            c.Query("INSERT INTO notice_templates (event, subject_zh, body_zh, subject_en, "
                    "body_en, version, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, 1, $6, "
                    "$7) ON CONFLICT (event) DO UPDATE SET subject_zh = excluded.subject_zh, "
                    "body_zh = excluded.body_zh, subject_en = excluded.subject_en, body_en = "
                    "excluded.body_en, version = notice_templates.version + 1, updated_at = "
                    "excluded.updated_at, updated_by = excluded.updated_by RETURNING version",
                    {t.event, t.zh.subject, t.zh.body, t.en.subject, t.en.body, Millis(at),
                     Nullable(by)}));
        return AppendAdminLog(c, {at, by, "notice_template.put", "notice_template:" + t.event,
                                  "version " + std::to_string(rows.at(0).Int(0))});
    });
}

}  // namespace ow::storage
