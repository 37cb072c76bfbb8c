// The one small SQL interface every repository is written against. Statements are portable SQL
// with PostgreSQL-style positional parameters ($1, $2, ...), which both drivers accept; values
// are null, 64-bit integers, text or bytes (no binary floats: money is integer fen).
//
// A Database hands out Connections only inside Write (a read-write transaction that commits when
// the function succeeds and rolls back otherwise) and Read (a consistent read-only snapshot).
// On PostgreSQL, Write runs at SERIALIZABLE isolation and re-runs the function after a
// serialization failure, so the function must have no effects outside the transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "common/result.hpp"

namespace ow::storage {

enum class Dialect { kSqlite, kPostgres };

struct Bytes {
    std::string data;
    friend bool operator==(const Bytes&, const Bytes&) = default;
};

using Value = std::variant<std::monostate, int64_t, std::string, Bytes>;
using Params = std::vector<Value>;

// A nullable parameter.
template <class T>
Value Nullable(const std::optional<T>& v) {
    return v ? Value(*v) : Value();
}

class Row {
public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
    size_t size() const { return values_.size(); }
    bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
    // Integer columns; a null reads as 0 (use OptInt where null means something).
    int64_t Int(size_t i) const;
    std::optional<int64_t> OptInt(size_t i) const;
    bool Bool(size_t i) const { return Int(i) != 0; }
    // Text columns; a null reads as "".
    std::string Text(size_t i) const;
    std::optional<std::string> OptText(size_t i) const;
    std::string BlobData(size_t i) const;

private:
    std::vector<Value> values_;
};

class Connection {
public:
    virtual ~Connection() = default;
    // Runs one statement and returns its rows (none for statements without results).
    // Failures: kAlreadyExists for a unique-key violation (detail names the constraint),
    // kReferenceMissing for a foreign-key violation, kStorageError otherwise.
    virtual Result<std::vector<Row>> Query(std::string_view sql, const Params& params = {}) = 0;
    // Runs one statement and returns the number of rows it changed.
    virtual Result<int64_t> Execute(std::string_view sql, const Params& params = {}) = 0;
    // Runs a script of several statements without parameters (migrations).
    virtual Result<void> ExecuteScript(std::string_view sql) = 0;
    virtual Dialect dialect() const = 0;
};

struct PoolStats {
    int64_t connections = 0;  // open
    int64_t in_use = 0;
    int64_t waiting = 0;  // callers waiting for a connection
};

class Database {
public:
    virtual ~Database() = default;

    // Runs fn(conn) in a read-write transaction: commit on success, roll back on failure.
    // fn returns Result<T>; Write returns it, or the commit's error.
    template <class F>
    auto Write(F&& fn) -> std::invoke_result_t<F, Connection&> {
        return Run(true, std::forward<F>(fn));
    }
    // Runs fn(conn) on a consistent read-only snapshot.
    template <class F>
    auto Read(F&& fn) -> std::invoke_result_t<F, Connection&> {
        return Run(false, std::forward<F>(fn));
    }

    virtual Dialect dialect() const = 0;
    virtual PoolStats Stats() const = 0;
    // A human-readable description without credentials, for logs.
    virtual std::string Describe() const = 0;

protected:
    using TxFn = std::function<Result<void>(Connection&)>;
    virtual Result<void> RunTransaction(bool write, const TxFn& fn) = 0;

private:
    template <class F>
    auto Run(bool write, F&& fn) -> std::invoke_result_t<F, Connection&> {
        using R = std::invoke_result_t<F, Connection&>;
        std::optional<R> out;
        Result<void> tx = RunTransaction(write, [&](Connection& c) -> Result<void> {
            out.emplace(fn(c));
            if (!out->ok()) return out->error();
            return Ok();
        });
        if (!tx.ok()) {
            // fn's own failure is returned as fn returned it; a commit failure as the driver's.
            if (out && !out->ok()) return std::move(*out);
            return std::move(tx).error();
        }
        return std::move(*out);
    }
};

}  // namespace ow::storage
