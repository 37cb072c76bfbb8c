// Numbered schema migrations (migrations/NNNN_name.sql, compiled into the binary), applied in
// order at start, each in its own transaction and recorded in schema_migrations. The SQL is
// portable but for two placeholders the runner fills in per dialect: @ID@ (an auto-assigned
// 64-bit primary key) and @BLOB@ (a byte string column); and blocks between "-- @sqlite-only"
// or "-- @postgres-only" and "-- @end" that only one dialect runs (triggers).
#pragma once

#include <string>
#include <vector>

#include "storage/sql.hpp"

namespace ow::storage {

struct MigrationInfo {
    int version = 0;
    std::string name;
};

// The migrations this binary knows, in order.
std::vector<MigrationInfo> KnownMigrations();

// Applies every migration not yet applied; returns how many were applied. Fails with
// kStorageError if the database has a version this binary does not know (it is newer).
Result<int> Migrate(Database& db);

// The migration text for a dialect (exposed for tests).
std::string TranslateForDialect(std::string_view sql, Dialect dialect);

}  // namespace ow::storage
