#include "app/database_factory.hpp"

#include "app/settings.hpp"
#include "storage/migrations.hpp"
#include "storage/postgres_database.hpp"
#include "storage/sqlite_database.hpp"

namespace ow::app {

Result<std::unique_ptr<storage::Database>> OpenDatabase(const std::string& db, int pool_size) {
    std::unique_ptr<storage::Database> database;
    if (IsPostgresUrl(db)) {
        OW_ASSIGN_OR_RETURN(database, storage::PostgresDatabase::Open(db, pool_size));
    } else {
        OW_ASSIGN_OR_RETURN(database, storage::SqliteDatabase::Open(db));
    }
    OW_TRY(storage::Migrate(*database));
    return database;
}

}  // namespace ow::app
