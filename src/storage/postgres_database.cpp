#include "storage/postgres_database.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>

namespace ow::storage {
namespace {

// Type OIDs, fixed in the server's catalog (pg_type.dat) since forever.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;

// Statements prepared per connection. Beyond this, new statements run unprepared, so a caller
// that builds SQL text at run time cannot grow the server's memory without bound.
constexpr size_t kMaxPrepared = 256;

// "cached plan must not change result type": a schema change (a column added to a table that a
// prepared SELECT * reads) invalidated a prepared statement. The server's message may be
// translated; the code is the one for feature_not_supported.
constexpr std::string_view kStalePlanState = "0A000";

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

bool IsRetryable(std::string_view sqlstate) {
    return sqlstate == "40001" || sqlstate == "40P01";  // serialization failure, deadlock
}

bool Succeeded(const PGresult* res) {
    ExecStatusType s = PQresultStatus(res);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

std::string TrimmedMessage(const char* message) {
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string Redact(std::string text, const std::string& secret) {
    if (secret.empty()) return text;
    for (size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos)) {
        text.replace(pos, secret.size(), "***");
    }
    return text;
}

// The password in a connection string, so that no message passes it on. A URL libpq cannot
// parse still gets its user-info password found by hand.
std::string PasswordIn(const std::string& url) {
    char* err = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &err);
    PQfreemem(err);
    std::string password;
    if (options) {
        for (PQconninfoOption* o = options; o->keyword; ++o) {
            if (std::string_view(o->keyword) == "password" && o->val) password = o->val;
        }
        PQconninfoFree(options);
        if (!password.empty()) return password;
    }
    size_t scheme = url.find("://");
    if (scheme == std::string::npos) return password;
    size_t start = scheme + 3;
    size_t end = std::min(url.find_first_of("/?", start), url.size());
    size_t at = url.rfind('@', end);
    if (at == std::string::npos || at < start) return password;
    size_t colon = url.find(':', start);
    if (colon == std::string::npos || colon > at) return password;
    return url.substr(colon + 1, at - colon - 1);
}

// A data exception's message may quote the offending value ("invalid input syntax for type
// bigint: \"...\""), which came from a parameter and may be personal data.
std::string WithoutQuotedValues(std::string_view message) {
    std::string out;
    bool quoted = false;
    for (char ch : message) {
        if (ch == '"') {
            out += quoted ? "\"" : "\"...";
            quoted = !quoted;
        } else if (!quoted) {
            out += ch;
        }
    }
    return out;
}

// The start of a statement, on one line, to say in the logs which statement failed.
std::string Summary(std::string_view sql) {
    constexpr size_t kMax = 120;
    std::string out;
    for (char ch : sql) {
        bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : ch;
        if (out.size() >= kMax) return out + "...";
    }
    return out;
}

// The error for a failed statement: SQLSTATE and the server's primary message, never the
// message's DETAIL (it repeats key values: "Key (username)=(...) already exists").
Error StatementError(const PGresult* res, PGconn* conn, std::string_view sql) {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : "";
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    // Without a primary message the failure is the client's own (the connection broke).
    std::string message = primary ? primary : TrimmedMessage(PQerrorMessage(conn));
    if (sqlstate.starts_with("22")) message = WithoutQuotedValues(message);
    std::string detail = "SQLSTATE " + (sqlstate.empty() ? std::string("none") : sqlstate) + ": " +
                         message + " in: " + Summary(sql);
    ErrorCode code = ErrorCode::kStorageError;
    if (sqlstate == "23505") code = ErrorCode::kAlreadyExists;
    if (sqlstate == "23503") code = ErrorCode::kReferenceMissing;
    return Error(code).Detail(std::move(detail));
}

Result<int64_t> ParseInt(const char* text, int length) {
    int64_t v = 0;
    auto [end, ec] = std::from_chars(text, text + length, v);
    if (ec != std::errc() || end != text + length) {
        return Error(ErrorCode::kStorageError).Detail("unreadable integer column");
    }
    return v;
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// bytea in text form, as the session's bytea_output = 'hex' writes it: \x then two hex digits a
// byte.
Result<Bytes> DecodeBytea(const char* text, int length) {
    if (length < 2 || text[0] != '\\' || text[1] != 'x' || length % 2 != 0) {
        return Error(ErrorCode::kStorageError).Detail("bytea column not in hex form");
    }
    Bytes out;
    out.data.reserve((length - 2) / 2);
    for (int i = 2; i < length; i += 2) {
        int hi = HexDigit(text[i]);
        int lo = HexDigit(text[i + 1]);
        if (hi < 0 || lo < 0) return Error(ErrorCode::kStorageError).Detail("bad bytea hex digit");
        out.data += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

Result<Value> ColumnValue(const PGresult* res, int row, int col, Oid type) {
    if (PQgetisnull(res, row, col)) return Value();
    const char* text = PQgetvalue(res, row, col);
    int length = PQgetlength(res, row, col);
    switch (type) {
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid: {
            OW_ASSIGN_OR_RETURN(int64_t v, ParseInt(text, length));
            return Value(v);
        }
        case kBoolOid: return Value(int64_t{text[0] == 't' ? 1 : 0});
        case kByteaOid: {
            OW_ASSIGN_OR_RETURN(Bytes b, DecodeBytea(text, length));
            return Value(std::move(b));
        }
        default: return Value(std::string(text, length));
    }
}

Result<std::vector<Row>> RowsOf(const PGresult* res) {
    int rows = PQntuples(res);
    int cols = PQnfields(res);
    std::vector<Oid> types(cols);
    for (int c = 0; c < cols; ++c) types[c] = PQftype(res, c);
    std::vector<Row> out;
    out.reserve(rows);
    for (int r = 0; r < rows; ++r) {
        std::vector<Value> values;
        values.reserve(cols);
        for (int c = 0; c < cols; ++c) {
            OW_ASSIGN_OR_RETURN(Value v, ColumnValue(res, r, c, types[c]));
            values.push_back(std::move(v));
        }
        out.emplace_back(std::move(values));
    }
    return out;
}

// Waits a random time that grows with each failed attempt, so that writers that collided do not
// collide again in lockstep.
void BackOff(int attempt) {
    thread_local std::minstd_rand rng{std::random_device{}()};
    int cap_us = std::min(50'000, 500 << std::min(attempt, 7));
    std::uniform_int_distribution<int> wait_us(0, cap_us);
    std::this_thread::sleep_for(std::chrono::microseconds(wait_us(rng)));
}

}  // namespace

class PostgresConnection final : public Connection {
public:
    static Result<std::unique_ptr<PostgresConnection>> Open(const std::string& url) {
        // Keywords before dbname are defaults the URL may override; those after it are forced.
        const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname",
                              "client_encoding", nullptr};
        const char* values[] = {"5", "onewindow", url.c_str(), "UTF8", nullptr};
        PGconn* raw = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
        if (!raw) return Error(ErrorCode::kStorageError).Detail("libpq: out of memory");
        auto conn = std::unique_ptr<PostgresConnection>(new PostgresConnection(raw));
        if (PQstatus(raw) != CONNECTION_OK) {
            std::string password = PasswordIn(url);
            return Error(ErrorCode::kStorageError)
                .Detail(Redact("cannot connect to " + conn->Describe() + ": " +
                                   TrimmedMessage(PQerrorMessage(raw)),
                               password));
        }
        OW_TRY(conn->SetUpSession());
        return conn;
    }

    ~PostgresConnection() override { PQfinish(conn_); }

    Result<std::vector<Row>> Query(std::string_view sql, const Params& params) override {
        OW_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
        return RowsOf(res.get());
    }

    Result<int64_t> Execute(std::string_view sql, const Params& params) override {
        OW_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
        const char* tuples = PQcmdTuples(res.get());
        if (!tuples || !*tuples) return int64_t{0};  // a statement that counts no rows
        return ParseInt(tuples, static_cast<int>(std::char_traits<char>::length(tuples)));
    }

    Result<void> ExecuteScript(std::string_view sql) override {
        OW_TRY(Simple(sql));
        return Ok();
    }

    Dialect dialect() const override { return Dialect::kPostgres; }

    // postgresql://user@host:port/db, as connected (or as attempted).
    std::string Describe() const {
        auto text = [](const char* s) { return std::string(s ? s : ""); };
        std::string host = text(PQhost(conn_));
        if (host.find(':') != std::string::npos) host = "[" + host + "]";  // IPv6
        return "postgresql://" + text(PQuser(conn_)) + "@" + host + ":" + text(PQport(conn_)) +
               "/" + text(PQdb(conn_));
    }

    // Starts a transaction with `begin`. A connection that broke while idle in the pool (the
    // server restarted, a proxy's idle timeout) is reconnected once and the BEGIN retried.
    Result<void> Begin(std::string_view begin) {
        should_retry_ = false;
        last_error_.reset();
        DropStalePlans();
        Result<void> r = Simple(begin);
        if (r.ok() || PQstatus(conn_) == CONNECTION_OK) return r;
        PQreset(conn_);
        if (PQstatus(conn_) != CONNECTION_OK) {
            const char* password = PQpass(conn_);
            return Error(ErrorCode::kStorageError)
                .Detail(Redact("cannot reconnect to " + Describe() + ": " +
                                   TrimmedMessage(PQerrorMessage(conn_)),
                               password ? password : ""));
        }
        prepared_.clear();
        stale_.clear();
        OW_TRY(SetUpSession());
        return Simple(begin);
    }

    // Commits; fails with the error that aborted the transaction if a statement failed and the
    // caller went on regardless (COMMIT would then quietly roll back).
    Result<void> Commit() {
        if (PQtransactionStatus(conn_) == PQTRANS_INERROR) {
            if (last_error_) return *last_error_;
            return Error(ErrorCode::kStorageError).Detail("transaction aborted");
        }
        return Simple("COMMIT");
    }

    void Rollback() {
        if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE) {
            PgResult(PQexec(conn_, "ROLLBACK"));
        }
    }

    // Whether the current transaction failed in a way that running it again may cure: a
    // serialization failure, a deadlock, or a plan invalidated by a schema change.
    bool should_retry() const { return should_retry_; }

    // Idle, healthy and fit to go back to the pool.
    bool reusable() const {
        return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
    }

private:
    explicit PostgresConnection(PGconn* conn) : conn_(conn) {}

    Result<void> SetUpSession() {
        // Bytes columns are decoded from hex whatever the server's default; notices ("already
        // exists, skipping") would go to stderr, past the logs.
        return Simple("SET bytea_output = 'hex'; SET client_min_messages = 'warning'");
    }

    // Runs a parameterless statement (or several) with the simple protocol.
    Result<void> Simple(std::string_view sql) {
        PgResult res(PQexec(conn_, std::string(sql).c_str()));
        if (!res || !Succeeded(res.get())) return Fail(res.get(), sql, nullptr);
        return Ok();
    }

    // Runs one statement with parameters: int64 and text in text form with the type left to the
    // server (as a literal would be: 5 fits a BIGINT column and an INTEGER function argument
    // alike), bytes in binary form as bytea, null as null; results in text form.
    Result<PgResult> Run(std::string_view sql, const Params& params) {
        size_t n = params.size();
        std::vector<std::string> numbers(n);
        std::vector<const char*> values(n, nullptr);
        std::vector<int> lengths(n, 0);
        std::vector<int> formats(n, 0);
        std::vector<Oid> types(n, 0);  // 0: the server infers the type from the context
        // Bytes are sent as bytea, so the same text with bytes in other places is another
        // prepared statement.
        std::string key(sql);
        key += '\0';
        for (size_t i = 0; i < n; ++i) {
            const Value& v = params[i];
            key += std::holds_alternative<Bytes>(v) ? 'b' : '-';
            if (const auto* num = std::get_if<int64_t>(&v)) {
                numbers[i] = std::to_string(*num);
                values[i] = numbers[i].c_str();
            } else if (const auto* s = std::get_if<std::string>(&v)) {
                if (s->find('\0') != std::string::npos) {
                    return Error(ErrorCode::kStorageError)
                        .Detail("text parameter $" + std::to_string(i + 1) +
                                " contains a NUL byte in: " + Summary(sql));
                }
                values[i] = s->c_str();
            } else if (const auto* b = std::get_if<Bytes>(&v)) {
                values[i] = b->data.data();
                lengths[i] = static_cast<int>(b->data.size());
                formats[i] = 1;
                types[i] = kByteaOid;
            }
        }
        int count = static_cast<int>(n);
        auto it = prepared_.find(key);
        bool reused = it != prepared_.end();
        if (!reused && prepared_.size() < kMaxPrepared) {
            std::string name = "ow_" + std::to_string(++statements_);
            PgResult prep(
                PQprepare(conn_, name.c_str(), std::string(sql).c_str(), count, types.data()));
            if (!prep || !Succeeded(prep.get())) return Fail(prep.get(), sql, nullptr);
            it = prepared_.emplace(std::move(key), std::move(name)).first;
        }
        PgResult res;
        if (it != prepared_.end()) {
            res.reset(PQexecPrepared(conn_, it->second.c_str(), count, values.data(),
                                     lengths.data(), formats.data(), 0));
        } else {
            res.reset(PQexecParams(conn_, std::string(sql).c_str(), count, types.data(),
                                   values.data(), lengths.data(), formats.data(), 0));
        }
        if (!res || !Succeeded(res.get())) {
            // Only a statement prepared in an earlier call can have gone stale.
            return Fail(res.get(), sql, reused ? &it : nullptr);
        }
        return res;
    }

    using Prepared = std::unordered_map<std::string, std::string>;

    // Records a failure for the transaction loop and turns it into an Error. `reused` is the
    // cached statement that failed, if it was prepared before this call.
    Error Fail(const PGresult* res, std::string_view sql, Prepared::iterator* reused) {
        Error e = StatementError(res, conn_, sql);
        const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
        if (state && IsRetryable(state)) should_retry_ = true;
        if (reused && state && std::string_view(state) == kStalePlanState) {
            // The statement can be deallocated only outside the failed transaction.
            stale_.push_back(std::move((*reused)->second));
            prepared_.erase(*reused);
            should_retry_ = true;
        }
        last_error_ = e;
        return e;
    }

    void DropStalePlans() {
        for (const std::string& name : stale_) {
            PgResult(PQexec(conn_, ("DEALLOCATE " + name).c_str()));
        }
        stale_.clear();
    }

    PGconn* conn_;
    Prepared prepared_;  // SQL text and parameter kinds -> statement name
    std::vector<std::string> stale_;
    int64_t statements_ = 0;
    bool should_retry_ = false;
    std::optional<Error> last_error_;
};

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::Open(const std::string& url,
                                                                 int pool_size) {
    if (pool_size < 1) {
        return Error(ErrorCode::kStorageError).Detail("connection pool size must be at least 1");
    }
    OW_ASSIGN_OR_RETURN(std::unique_ptr<PostgresConnection> conn, PostgresConnection::Open(url));
    auto db = std::unique_ptr<PostgresDatabase>(new PostgresDatabase(url, pool_size));
    db->description_ = conn->Describe();
    db->idle_.push_back(std::move(conn));
    db->open_ = 1;
    return db;
}

PostgresDatabase::PostgresDatabase(std::string url, int pool_size)
    : url_(std::move(url)), pool_size_(pool_size) {}

PostgresDatabase::~PostgresDatabase() = default;

PoolStats PostgresDatabase::Stats() const {
    std::lock_guard lock(mu_);
    return PoolStats{open_, in_use_, waiting_};
}

Result<std::unique_ptr<PostgresConnection>> PostgresDatabase::Acquire() {
    {
        std::unique_lock lock(mu_);
        ++waiting_;
        returned_.wait(lock, [&] { return !idle_.empty() || open_ < pool_size_; });
        --waiting_;
        ++in_use_;
        if (!idle_.empty()) {
            std::unique_ptr<PostgresConnection> conn = std::move(idle_.back());
            idle_.pop_back();
            return conn;
        }
        ++open_;  // a slot for the connection opened below, outside the lock
    }
    auto opened = PostgresConnection::Open(url_);
    if (!opened.ok()) {
        std::lock_guard lock(mu_);
        --open_;
        --in_use_;
        returned_.notify_one();
    }
    return opened;
}

void PostgresDatabase::Release(std::unique_ptr<PostgresConnection> conn) {
    std::unique_ptr<PostgresConnection> closing;  // closed after the lock is released
    std::lock_guard lock(mu_);
    --in_use_;
    if (conn && conn->reusable()) {
        idle_.push_back(std::move(conn));
    } else {
        closing = std::move(conn);
        --open_;
    }
    returned_.notify_one();
}

Result<void> PostgresDatabase::RunTransaction(bool write, const TxFn& fn) {
    std::string_view begin = write ? "BEGIN ISOLATION LEVEL SERIALIZABLE"
                                   : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
    OW_ASSIGN_OR_RETURN(std::unique_ptr<PostgresConnection> conn, Acquire());
    // Returned even if fn throws: still in its transaction, the connection is then closed.
    struct Lease {
        PostgresDatabase* self;
        std::unique_ptr<PostgresConnection>& conn;
        ~Lease() { self->Release(std::move(conn)); }
    } lease{this, conn};
    Result<void> r = Ok();
    for (int attempt = 1;; ++attempt) {
        r = conn->Begin(begin);
        if (!r.ok()) break;
        r = fn(*conn);
        if (r.ok()) r = conn->Commit();
        if (r.ok()) break;
        bool retry = conn->should_retry();
        conn->Rollback();
        if (!retry || attempt >= kMaxWriteAttempts) break;
        BackOff(attempt);
    }
    return r;
}

}  // namespace ow::storage
