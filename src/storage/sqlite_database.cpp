#include "storage/sqlite_database.hpp"

#include <pthread.h>
#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <unordered_map>

namespace ow::storage {
namespace {

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
    int ext = db ? sqlite3_extended_errcode(db) : rc;
    std::string detail = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Error(ErrorCode::kAlreadyExists).Detail(std::move(detail));
    }
    if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) {
        return Error(ErrorCode::kReferenceMissing).Detail(std::move(detail));
    }
    return Error(ErrorCode::kStorageError).Detail(std::move(detail));
}

}  // namespace

class SqliteConnection final : public Connection {
public:
    static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool readonly) {
        sqlite3* db = nullptr;
        int flags = SQLITE_OPEN_NOMUTEX |
                    (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
        auto conn = std::unique_ptr<SqliteConnection>(new SqliteConnection(db));
        if (rc != SQLITE_OK) return SqliteError(db, rc, "open " + path);
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, 10000);
        // No memory map: a reader's map and page cache are dropped whenever another connection
        // has committed, which under steady writes is at every read.
        std::string pragmas = std::string(readonly ? ""
                                                   : "PRAGMA journal_mode=WAL; "
                                                     "PRAGMA synchronous=FULL; ") +
                              "PRAGMA foreign_keys=ON; "
                              "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;";
        OW_TRY(conn->ExecuteScript(pragmas));
        return conn;
    }

    ~SqliteConnection() override {
        for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
        sqlite3_close_v2(db_);
    }

    Result<std::vector<Row>> Query(std::string_view sql, const Params& params) override {
        OW_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
        OW_TRY(Bind(stmt, params));
        std::vector<Row> rows;
        while (true) {
            int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) {
                Error e = SqliteError(db_, rc, sql);
                sqlite3_reset(stmt);
                return e;
            }
            int n = sqlite3_column_count(stmt);
            std::vector<Value> values;
            values.reserve(n);
            for (int i = 0; i < n; ++i) values.push_back(Column(stmt, i));
            rows.emplace_back(std::move(values));
        }
        sqlite3_reset(stmt);
        return rows;
    }

    Result<int64_t> Execute(std::string_view sql, const Params& params) override {
        OW_TRY(Query(sql, params));
        return static_cast<int64_t>(sqlite3_changes64(db_));
    }

    Result<void> ExecuteScript(std::string_view sql) override {
        char* message = nullptr;
        std::string text(sql);
        int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            std::string detail = message ? message : sqlite3_errstr(rc);
            sqlite3_free(message);
            return Error(ErrorCode::kStorageError).Detail(detail);
        }
        return Ok();
    }

    Dialect dialect() const override { return Dialect::kSqlite; }
    sqlite3* handle() { return db_; }

private:
    explicit SqliteConnection(sqlite3* db) : db_(db) {}

    Result<sqlite3_stmt*> Prepare(std::string_view sql) {
        auto it = cache_.find(std::string(sql));
        if (it != cache_.end()) return it->second;
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) return SqliteError(db_, rc, sql);
        cache_.emplace(std::string(sql), stmt);
        return stmt;
    }

    // Parameters are named $1, $2, ... in the SQL text; SQLite numbers named parameters by first
    // appearance, so bind each by its name.
    Result<void> Bind(sqlite3_stmt* stmt, const Params& params) {
        sqlite3_clear_bindings(stmt);
        int count = sqlite3_bind_parameter_count(stmt);
        if (count > static_cast<int>(params.size())) {
            return Error(ErrorCode::kStorageError).Detail("statement needs more parameters");
        }
        for (size_t p = 0; p < params.size(); ++p) {
            std::string name = "$" + std::to_string(p + 1);
            int idx = sqlite3_bind_parameter_index(stmt, name.c_str());
            if (idx == 0) continue;
            const Value& v = params[p];
            int rc = SQLITE_OK;
            if (const auto* i = std::get_if<int64_t>(&v)) {
                rc = sqlite3_bind_int64(stmt, idx, *i);
            } else if (const auto* s = std::get_if<std::string>(&v)) {
                rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_TRANSIENT,
                                         SQLITE_UTF8);
            } else if (const auto* b = std::get_if<Bytes>(&v)) {
                rc = sqlite3_bind_blob64(stmt, idx, b->data.data(), b->data.size(),
                                         SQLITE_TRANSIENT);
            } else {
                rc = sqlite3_bind_null(stmt, idx);
            }
            if (rc != SQLITE_OK) return SqliteError(db_, rc, "bind");
        }
        return Ok();
    }

    static Value Column(sqlite3_stmt* stmt, int i) {
        switch (sqlite3_column_type(stmt, i)) {
            case SQLITE_INTEGER: return Value(static_cast<int64_t>(sqlite3_column_int64(stmt, i)));
            case SQLITE_NULL: return Value();
            case SQLITE_BLOB: {
                const char* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
                return Value(Bytes{std::string(p ? p : "", sqlite3_column_bytes(stmt, i))});
            }
            default: {
                const char* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                return Value(std::string(p ? p : "", sqlite3_column_bytes(stmt, i)));
            }
        }
    }

    sqlite3* db_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::string& path, int readers) {
    auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    auto db = std::unique_ptr<SqliteDatabase>(new SqliteDatabase(path));
    OW_ASSIGN_OR_RETURN(db->writer_, SqliteConnection::Open(path, false));
    // Fail early on a file that is not a database.
    OW_TRY(db->writer_->Query("SELECT count(*) FROM sqlite_master", {}));
    db->readers_total_ = readers;
    OW_ASSIGN_OR_RETURN(auto checkpointer, SqliteConnection::Open(path, false));
    // Replaces SQLite's automatic checkpoint, which would run inside the committing write.
    sqlite3_wal_hook(db->writer_->handle(), &SqliteDatabase::OnWalCommit, db.get());
    db->checkpointer_ = std::thread([self = db.get(), conn = std::move(checkpointer)]() mutable {
        sigset_t all;  // signals are the application's to take, on its own thread
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, nullptr);
        self->Checkpoint(std::move(conn));
    });
    return db;
}

SqliteDatabase::SqliteDatabase(std::string path) : path_(std::move(path)) {}

SqliteDatabase::~SqliteDatabase() {
    {
        std::lock_guard lock(checkpoint_mu_);
        stopping_ = true;
    }
    checkpoint_cv_.notify_one();
    if (checkpointer_.joinable()) checkpointer_.join();
}

namespace {
constexpr int kCheckpointFrames = 1000;  // SQLite's own default threshold
}

// After each commit, on the writer. The bulk of a checkpoint is copied by the checkpointer
// thread while writes go on; the writer then copies the few frames committed meanwhile itself
// (SQLite can restart the WAL from the beginning only once every frame is in the database,
// which a checkpoint racing a busy writer never sees).
int SqliteDatabase::OnWalCommit(void* self, sqlite3* db, const char*, int frames) {
    auto* me = static_cast<SqliteDatabase*>(self);
    bool wake = false, finish = false;
    {
        std::lock_guard lock(me->checkpoint_mu_);
        if (me->bulk_copied_) {
            finish = true;
            me->bulk_copied_ = false;
        } else if (frames >= kCheckpointFrames && !me->checkpoint_wanted_) {
            wake = me->checkpoint_wanted_ = true;
        }
    }
    if (finish) sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (wake) me->checkpoint_cv_.notify_one();
    return SQLITE_OK;
}

// PASSIVE: copies what no reader still needs, never waits for readers or blocks the writer.
void SqliteDatabase::Checkpoint(std::unique_ptr<SqliteConnection> conn) {
    std::unique_lock lock(checkpoint_mu_);
    while (!stopping_) {
        checkpoint_cv_.wait(lock, [&] { return stopping_ || checkpoint_wanted_; });
        if (stopping_) break;
        lock.unlock();
        sqlite3_wal_checkpoint_v2(conn->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                  nullptr);
        lock.lock();
        checkpoint_wanted_ = false;
        bulk_copied_ = true;
    }
}

PoolStats SqliteDatabase::Stats() const {
    std::lock_guard lock(pool_mu_);
    return PoolStats{readers_open_ + 1, in_use_, waiting_};
}

// A write waiting for its group. Its thread sleeps on `state` alone: the leader wakes exactly
// the writes it committed, and the one that leads next, not every waiter.
struct SqliteDatabase::PendingWrite {
    static constexpr int kWaiting = 0, kLead = 1, kDone = 2;
    const TxFn* fn = nullptr;
    Result<void> result = Ok();
    std::exception_ptr failure;
    std::atomic<int> state{kWaiting};
};

// One group: BEGIN IMMEDIATE, each write in a savepoint, one COMMIT.
void SqliteDatabase::RunGroup(const std::vector<std::shared_ptr<PendingWrite>>& group) {
    {
        std::lock_guard stats(pool_mu_);
        ++in_use_;
    }
    Result<int64_t> begin = writer_->Execute("BEGIN IMMEDIATE", {});
    if (!begin.ok()) {
        for (const auto& w : group) w->result = begin.error();
    } else {
        for (const auto& w : group) {
            Result<int64_t> sp = writer_->Execute("SAVEPOINT w", {});
            if (!sp.ok()) {
                w->result = sp.error();
                continue;
            }
            try {
                w->result = (*w->fn)(*writer_);
            } catch (...) {
                w->failure = std::current_exception();
            }
            if (w->failure || !w->result.ok()) (void)writer_->Execute("ROLLBACK TO w", {});
            (void)writer_->Execute("RELEASE w", {});
        }
        Result<int64_t> commit = writer_->Execute("COMMIT", {});
        if (!commit.ok()) {
            (void)writer_->Execute("ROLLBACK", {});
            for (const auto& w : group) {
                if (!w->failure && w->result.ok()) w->result = commit.error();
            }
        }
    }
    std::lock_guard stats(pool_mu_);
    --in_use_;
}

Result<void> SqliteDatabase::RunTransaction(bool write, const TxFn& fn) {
    if (write) {
        constexpr size_t kMaxGroup = 256;
        // Shared with the leader, which may still be waking it after its thread has returned.
        auto me = std::make_shared<PendingWrite>();
        me->fn = &fn;
        bool lead = false;
        {
            std::lock_guard lock(queue_mu_);
            queue_.push_back(me);
            lead = !committing_;
            committing_ = true;
        }
        if (!lead) {
            me->state.wait(PendingWrite::kWaiting);
            lead = me->state.load() == PendingWrite::kLead;
        }
        if (lead) {
            // Take what is waiting (this write first among it) and commit it as one group; then
            // hand the lead to the first write left waiting, if any.
            std::vector<std::shared_ptr<PendingWrite>> group;
            std::shared_ptr<PendingWrite> next;
            {
                std::lock_guard lock(queue_mu_);
                size_t n = std::min(queue_.size(), kMaxGroup);
                group.assign(queue_.begin(), queue_.begin() + static_cast<long>(n));
                queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(n));
            }
            RunGroup(group);
            {
                std::lock_guard lock(queue_mu_);
                if (queue_.empty()) {
                    committing_ = false;
                } else {
                    next = queue_.front();
                }
            }
            for (const auto& w : group) {
                if (w == me) continue;
                w->state.store(PendingWrite::kDone);
                w->state.notify_one();
            }
            if (next) {
                next->state.store(PendingWrite::kLead);
                next->state.notify_one();
            }
        }
        if (me->failure) std::rethrow_exception(me->failure);
        return me->result;
    }

    std::unique_ptr<SqliteConnection> conn;
    {
        std::unique_lock lock(pool_mu_);
        ++waiting_;
        pool_cv_.wait(lock,
                      [&] { return !idle_readers_.empty() || readers_open_ < readers_total_; });
        --waiting_;
        ++in_use_;
        if (!idle_readers_.empty()) {
            conn = std::move(idle_readers_.back());
            idle_readers_.pop_back();
        } else {
            ++readers_open_;  // opened below
        }
    }
    auto give_back = [&](std::unique_ptr<SqliteConnection> c) {
        std::lock_guard lock(pool_mu_);
        --in_use_;
        if (c) {
            idle_readers_.push_back(std::move(c));
        } else {
            --readers_open_;
        }
        pool_cv_.notify_one();
    };
    if (!conn) {
        auto opened = SqliteConnection::Open(path_, true);
        if (!opened.ok()) {
            give_back(nullptr);
            return std::move(opened).error();
        }
        conn = std::move(opened).value();
    }
    Result<void> r = conn->ExecuteScript("BEGIN");
    if (r.ok()) {
        try {
            r = fn(*conn);
        } catch (...) {
            (void)conn->ExecuteScript("ROLLBACK");
            give_back(std::move(conn));
            throw;
        }
        (void)conn->ExecuteScript(r.ok() ? "COMMIT" : "ROLLBACK");
    }
    give_back(std::move(conn));
    return r;
}

Result<void> SqliteDatabase::BackupTo(const std::string& target) {
    if (std::filesystem::exists(target)) {
        return Error(ErrorCode::kAlreadyExists).Param("what", "file").Detail(target);
    }
    sqlite3* dest = nullptr;
    int rc =
        sqlite3_open_v2(target.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        Error e = SqliteError(dest, rc, "open " + target);
        sqlite3_close_v2(dest);
        return e;
    }
    // Copy from a read-only connection in one step: one read transaction, one snapshot.
    auto source = SqliteConnection::Open(path_, true);
    if (!source.ok()) {
        sqlite3_close_v2(dest);
        return std::move(source).error();
    }
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", (*source)->handle(), "main");
    if (!backup) {
        Error e = SqliteError(dest, SQLITE_ERROR, "backup");
        sqlite3_close_v2(dest);
        return e;
    }
    rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc == SQLITE_DONE) {
        // The copy stands alone (no WAL file beside it).
        rc = sqlite3_exec(dest, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    }
    if (rc != SQLITE_DONE && rc != SQLITE_OK) {
        Error failure = SqliteError(dest, rc, "backup");
        sqlite3_close_v2(dest);
        std::filesystem::remove(target);
        return failure;
    }
    sqlite3_close_v2(dest);
    return Ok();
}

}  // namespace ow::storage
