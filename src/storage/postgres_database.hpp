// PostgresDatabase: the server-backed driver, for several instances sharing one database. A pool
// of libpq connections, opened as needed up to its size; callers beyond it wait. Write runs at
// SERIALIZABLE and re-runs the function after a serialization failure or deadlock, so the
// function sees either a consistent world or none; Read runs on a REPEATABLE READ READ ONLY
// snapshot. Statements are prepared once per connection and reused.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/sql.hpp"

namespace ow::storage {

class PostgresConnection;

class PostgresDatabase final : public Database {
public:
    // Write gives up after this many serialization failures in a row and returns the last one.
    static constexpr int kMaxWriteAttempts = 20;

    // Connects once to check `url` (a libpq connection string, usually
    // postgresql://user:password@host:port/db?param=...) and keeps that connection in the pool.
    // Fails with kStorageError if the URL is malformed or the server is unreachable or refuses
    // the login; the detail never contains the password. Unless the URL sets connect_timeout,
    // a connection attempt gives up after 5 seconds.
    static Result<std::unique_ptr<PostgresDatabase>> Open(const std::string& url,
                                                          int pool_size = 8);
    // Every connection must have been returned (no transaction may still be running).
    ~PostgresDatabase() override;

    Dialect dialect() const override { return Dialect::kPostgres; }
    PoolStats Stats() const override;
    // postgresql://user@host:port/db, never the password.
    std::string Describe() const override { return description_; }

protected:
    Result<void> RunTransaction(bool write, const TxFn& fn) override;

private:
    PostgresDatabase(std::string url, int pool_size);

    // A connection for the caller's exclusive use: an idle one, a new one while the pool is below
    // its size, or else the next one returned. Fails only if a new connection cannot be opened.
    Result<std::unique_ptr<PostgresConnection>> Acquire();
    // Returns a connection to the pool, or closes it if it is broken or still in a transaction
    // (its slot is then refilled on demand).
    void Release(std::unique_ptr<PostgresConnection> conn);

    const std::string url_;
    const int pool_size_;
    std::string description_;

    mutable std::mutex mu_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<PostgresConnection>> idle_;
    int open_ = 0;  // idle + in use + being opened
    int in_use_ = 0;
    int waiting_ = 0;
};

}  // namespace ow::storage
