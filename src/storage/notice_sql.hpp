// Writing planned notices and their outbox rows on a connection that is already in a
// transaction: the case store calls it inside a case change, SqlNoticeStore::Write on its own.
#pragma once

#include <vector>

#include "notices/notice.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

// Inserts each notice unless its dedup key is taken, with one outbox row per delivery (queued,
// due at once). Returns how many notices were new.
Result<int> WriteNotices(Connection& conn, const std::vector<notices::NewNotice>& notices);

// The key every attempt of one delivery carries: stable, short, unique per notice and channel.
std::string OutboxKey(const std::string& dedup_key, const std::string& channel);

}  // namespace ow::storage
