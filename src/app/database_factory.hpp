// Opens the database the settings name — the only place that knows the concrete drivers — and
// brings its schema up to date.
#pragma once

#include <memory>
#include <string>

#include "storage/sql.hpp"

namespace ow::app {

// A file path opens SQLite (created if missing); a postgresql:// URL opens a pool.
Result<std::unique_ptr<storage::Database>> OpenDatabase(const std::string& db, int pool_size);

}  // namespace ow::app
