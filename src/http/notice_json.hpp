// JSON shapes of notices, outbox messages and contact settings (the contract the web uses).
#pragma once

#include <boost/json/object.hpp>

#include "notices/directory.hpp"
#include "notices/notice_store.hpp"

namespace ow::http {

// {"id","event","subject_zh","body_zh","subject_en","body_en","case_id","license_number",
//  "created_at","read_at"}
boost::json::object NoticeJson(const notices::StoredNotice& n);
// The notice an outbox message carries, as the inbox shows it (unread).
notices::StoredNotice NoticeOf(const notices::OutboxMessage& m);
boost::json::object MessageJson(const notices::OutboxMessage& m);
// {"email","mobile","channels","language"}
boost::json::object ContactJson(const notices::Contact& c);

}  // namespace ow::http
