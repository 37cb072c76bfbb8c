#include "http/notice_json.hpp"

#include "common/dates.hpp"
#include "http/route_helpers.hpp"

namespace ow::http {
namespace {

boost::json::value TimeOrNull(const std::optional<Timestamp>& t) {
    return t ? boost::json::value(FormatTimestamp(*t)) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object NoticeJson(const notices::StoredNotice& n) {
    return {{"id", n.id},
            {"event", n.event},
            {"subject_zh", n.zh.subject},
            {"body_zh", n.zh.body},
            {"subject_en", n.en.subject},
            {"body_en", n.en.body},
            {"case_id", OrNull(n.case_id)},
            {"license_number", OrNull(n.license_number)},
            {"created_at", FormatTimestamp(n.created_at)},
            {"read_at", TimeOrNull(n.read_at)}};
}

notices::StoredNotice NoticeOf(const notices::OutboxMessage& m) {
    notices::StoredNotice n;
    n.id = m.notice_id;
    n.user_id = m.user_id;
    n.event = m.event;
    n.zh = m.zh;
    n.en = m.en;
    n.case_id = m.case_id;
    n.license_number = m.license_number;
    n.created_at = m.created_at;
    return n;
}

boost::json::object MessageJson(const notices::OutboxMessage& m) {
    return {{"id", m.id},
            {"notice_id", m.notice_id},
            {"user_id", m.user_id},
            {"channel", m.channel},
            {"address", m.address},
            {"status", m.status},
            {"attempts", m.attempts},
            {"next_attempt_at", TimeOrNull(m.next_attempt_at)},
            {"last_error", m.last_error},
            {"idempotency_key", m.idempotency_key},
            {"created_at", FormatTimestamp(m.created_at)},
            {"sent_at", TimeOrNull(m.sent_at)},
            {"delivered_at", TimeOrNull(m.delivered_at)},
            {"event", m.event},
            {"subject_zh", m.zh.subject}};
}

boost::json::object ContactJson(const notices::Contact& c) {
    boost::json::array channels;
    for (const auto& ch : c.channels) channels.push_back(boost::json::string(ch));
    return {{"email", OrNull(c.email)},
            {"mobile", OrNull(c.mobile)},
            {"channels", std::move(channels)},
            {"language", c.language}};
}

}  // namespace ow::http
