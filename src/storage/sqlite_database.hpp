// SqliteDatabase: the embedded default. One file in WAL mode with foreign keys on and
// synchronous=FULL, so an acknowledged commit survives a crash or power loss. One writer
// connection (SQLite allows one writer at a time; BEGIN IMMEDIATE takes its lock up front)
// and a small pool of read-only connections that read concurrently with the writer.
//
// Writes are group-committed: the writes waiting while one commits are run together in one
// transaction, each inside its own savepoint (a failing one is rolled back alone), and made
// durable by one sync. No write is acknowledged before its group's commit.
//
// The WAL is copied back into the database file (checkpointed) by a thread of its own rather
// than by whichever commit crosses the threshold, so the writer never stops for it.
#pragma once

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/sql.hpp"

struct sqlite3;

namespace ow::storage {

class SqliteConnection;

class SqliteDatabase final : public Database {
public:
    // Opens (creating if needed) the database file. Fails with kStorageError if the file cannot
    // be opened or is not a database.
    static Result<std::unique_ptr<SqliteDatabase>> Open(const std::string& path, int readers = 4);
    ~SqliteDatabase() override;

    Dialect dialect() const override { return Dialect::kSqlite; }
    PoolStats Stats() const override;
    std::string Describe() const override { return "sqlite:" + path_; }

    // A consistent copy of the live database into `target` (online backup API), which must not
    // exist yet.
    Result<void> BackupTo(const std::string& target);

protected:
    Result<void> RunTransaction(bool write, const TxFn& fn) override;

private:
    explicit SqliteDatabase(std::string path);

    struct PendingWrite;
    void RunGroup(const std::vector<std::shared_ptr<PendingWrite>>& group);
    static int OnWalCommit(void* self, sqlite3* db, const char* name, int frames);
    void Checkpoint(std::unique_ptr<SqliteConnection> conn);

    std::string path_;
    std::unique_ptr<SqliteConnection> writer_;
    std::mutex queue_mu_;
    std::vector<std::shared_ptr<PendingWrite>> queue_;
    bool committing_ = false;  // a leader is running or has been chosen
    mutable std::mutex pool_mu_;
    std::condition_variable pool_cv_;
    std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
    int readers_total_ = 0;
    int readers_open_ = 0;
    int in_use_ = 0;
    int waiting_ = 0;

    std::mutex checkpoint_mu_;
    std::condition_variable checkpoint_cv_;
    bool checkpoint_wanted_ = false;  // the checkpointer is asked to copy the WAL's bulk
    bool bulk_copied_ = false;        // it has: the writer copies the rest
    bool stopping_ = false;
    std::thread checkpointer_;
};

}  // namespace ow::storage
