#include "storage/sql_case_store.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "codec/case_json.hpp"
#include "common/sha256.hpp"
#include "storage/admin_log_sql.hpp"
#include "storage/notice_sql.hpp"

namespace ow::storage {

using namespace cases;
namespace json = boost::json;

namespace {

constexpr const char* kTaskColumns =
    "id, stage, department_id, department_code, status, claimed_by, decided_by, opinion, "
    "requested, started_on, deadline, deadline_provisional, decided_at, warning, case_id";

TaskStatus ParseTaskStatus(const std::string& s) {
    for (TaskStatus t : {TaskStatus::kOpen, TaskStatus::kClaimed, TaskStatus::kApproved,
                         TaskStatus::kRejected, TaskStatus::kSupplement, TaskStatus::kCancelled}) {
        if (TaskStatusName(t) == s) return t;
    }
    return TaskStatus::kOpen;
}

Warning ParseWarning(const std::string& s) {
    for (Warning w : {Warning::kNormal, Warning::kYellow, Warning::kRed, Warning::kOverdue}) {
        if (WarningName(w) == s) return w;
    }
    return Warning::kNormal;
}

std::string JoinCodes(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
}

std::vector<std::string> SplitCodes(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        out.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

Task ToTask(const Row& r) {
    Task t;
    t.id = r.Int(0);
    t.stage = static_cast<int>(r.Int(1));
    t.department_id = r.Int(2);
    t.department_code = r.Text(3);
    t.status = ParseTaskStatus(r.Text(4));
    t.claimed_by = r.OptInt(5);
    t.decided_by = r.OptInt(6);
    t.opinion = r.Text(7);
    t.requested = SplitCodes(r.Text(8));
    t.started_on = ParseDate(r.Text(9)).value_or(Date{});
    t.deadline = ParseDate(r.Text(10)).value_or(Date{});
    t.deadline_provisional = r.Bool(11);
    if (auto at = r.OptInt(12)) t.decided_at = FromMillis(*at);
    t.warning = ParseWarning(r.Text(13));
    return t;
}

Result<Case> ParseDocument(const std::string& text) {
    auto in = codec::JsonReader::Parse(text);
    if (!in.ok()) return Error(ErrorCode::kStorageError).Detail("case document unreadable");
    auto c = codec::ReadCase(*in);
    if (!c.ok())
        return Error(ErrorCode::kStorageError).Detail("case document: " + c.error().field());
    return c;
}

Result<std::optional<Case>> Load(Connection& conn, const std::string& id) {
    OW_ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT document FROM cases WHERE id = $1", {id}));
    if (rows.empty()) return std::optional<Case>();
    OW_ASSIGN_OR_RETURN(Case c, ParseDocument(rows[0].Text(0)));
    OW_ASSIGN_OR_RETURN(auto tasks,
                        conn.Query("SELECT " + std::string(kTaskColumns) +
                                       " FROM case_tasks WHERE case_id = $1 ORDER BY id",
                                   {id}));
    for (const Row& r : tasks) c.tasks.push_back(ToTask(r));
    return std::optional<Case>(std::move(c));
}

std::string DataJson(const CaseEvent& e) {
    json::object o;
    for (const auto& [k, v] : e.data) o[k] = v;
    return json::serialize(o);
}

// Appends the events to the case's history; returns its new last link.
Result<std::pair<int64_t, std::string>> AppendEvents(Connection& conn, const std::string& case_id,
                                                     const std::vector<CaseEvent>& events) {
    OW_ASSIGN_OR_RETURN(auto last,
                        conn.Query("SELECT seq, hash FROM case_events WHERE case_id = $1 "
                                   "ORDER BY seq DESC LIMIT 1",
                                   {case_id}));
    int64_t seq = last.empty() ? 0 : last[0].Int(0);
    std::string prev = last.empty() ? "" : last[0].Text(1);
    for (const CaseEvent& e : events) {
        ++seq;
        std::string data = DataJson(e);
        std::string hash = SqlCaseStore::EventHash(prev, case_id, seq, e, data);
        OW_TRY(conn.Execute(
            "INSERT INTO case_events (case_id, seq, at, actor, channel, type, data, prev_hash, "
            "hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            {case_id, seq, Millis(e.at), Nullable(e.actor), e.channel, e.type, data, prev, hash}));
        prev = hash;
    }
    return std::make_pair(seq, prev);
}

// Vault deposits; a result's document id goes back into the case.
Result<void> Deposit(Connection& conn, Case& c, const Outcome& out, Timestamp at) {
    for (const VaultDeposit& d : out.deposits) {
        std::optional<std::string> file;
        if (!d.file_id.empty()) file = d.file_id;
        std::optional<std::string> until;
        if (d.valid_until) until = FormatDate(*d.valid_until);
        OW_ASSIGN_OR_RETURN(auto rows,
                            conn.Query("INSERT INTO vault_documents (holder, document_type, "
                                       "file_id, source, source_case, valid_from, valid_until, "
                                       "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                                       "RETURNING id",
                                       {d.holder, d.document_type, Nullable(file), d.source, c.id,
                                        FormatDate(d.valid_from), Nullable(until), Millis(at)}));
        if (d.source == "result" && c.result) c.result->vault_document = rows.at(0).Int(0);
    }
    return Ok();
}

bool SameTask(const Task& a, const Task& b) {
    return a.status == b.status && a.claimed_by == b.claimed_by && a.decided_by == b.decided_by &&
           a.opinion == b.opinion && a.requested == b.requested && a.deadline == b.deadline &&
           a.deadline_provisional == b.deadline_provisional && a.decided_at == b.decided_at &&
           a.warning == b.warning;
}

// Inserts new tasks and updates those that changed since `before` (the tasks as loaded).
Result<void> WriteTasks(Connection& conn, Case& c, const std::vector<Task>& before = {}) {
    for (Task& t : c.tasks) {
        if (t.id != 0) {
            auto old = std::find_if(before.begin(), before.end(),
                                    [&](const Task& b) { return b.id == t.id; });
            if (old != before.end() && SameTask(*old, t)) continue;
        }
        std::optional<int64_t> decided_at;
        if (t.decided_at) decided_at = Millis(*t.decided_at);
        Params p{c.id,
                 int64_t{t.stage},
                 t.department_id,
                 t.department_code,
                 std::string(TaskStatusName(t.status)),
                 Nullable(t.claimed_by),
                 Nullable(t.decided_by),
                 t.opinion,
                 JoinCodes(t.requested),
                 FormatDate(t.started_on),
                 FormatDate(t.deadline),
                 int64_t{t.deadline_provisional ? 1 : 0},
                 Nullable(decided_at),
                 std::string(WarningName(t.warning))};
        if (t.id == 0) {
            OW_ASSIGN_OR_RETURN(
                auto rows,
                conn.Query("INSERT INTO case_tasks (case_id, stage, department_id, "
                           "department_code, status, claimed_by, decided_by, opinion, requested, "
                           "started_on, deadline, deadline_provisional, decided_at, warning) "
                           "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
                           "RETURNING id",
                           p));
            t.id = rows.at(0).Int(0);
        } else {
            // PostgreSQL wants every parameter used: the update names only what can change.
            OW_TRY(conn.Execute(
                "UPDATE case_tasks SET status = $3, claimed_by = $4, decided_by = $5, "
                "opinion = $6, requested = $7, deadline = $8, deadline_provisional = $9, "
                "decided_at = $10, warning = $11 WHERE id = $2 AND case_id = $1",
                {c.id, t.id, p[4], p[5], p[6], p[7], p[8], p[10], p[11], p[12], p[13]}));
        }
    }
    return Ok();
}

// Records the case's provided files, except those `before` already had.
Result<void> WriteFiles(Connection& conn, const Case& c, const Case* before = nullptr) {
    for (const CaseMaterial& m : c.materials) {
        if (m.state != MaterialState::kProvided || m.file_id.empty()) continue;
        if (before) {
            const CaseMaterial* old = before->FindMaterial(m.requirement);
            if (old && old->file_id == m.file_id) continue;
        }
        OW_TRY(
            conn.Execute("INSERT INTO case_files (case_id, file_id) VALUES ($1, $2) "
                         "ON CONFLICT DO NOTHING",
                         {c.id, m.file_id}));
    }
    return Ok();
}

Params CaseColumns(const Case& c, Timestamp now) {
    std::optional<int64_t> next;
    if (c.next_check_at) next = Millis(*c.next_check_at);
    return {c.id,
            c.item_code,
            int64_t{c.item_version},
            std::string(StatusName(c.status)),
            c.applicant.type,
            c.applicant.id,
            c.applicant.name,
            c.submitted_by,
            c.service_point_id,
            c.handling_unit_id,
            c.channel,
            Millis(c.submitted_at),
            Millis(now),
            Nullable(next),
            std::string(WarningName(c.warning)),
            c.revision,
            json::serialize(codec::WriteCase(c, false))};
}

// What a change to a case may alter: who applied, where and for what are fixed at submission.
// Leaving the rest out of the UPDATE spares SQLite rewriting four indexes and checking three
// foreign keys on every change.
Params ChangedColumns(const Case& c, Timestamp now) {
    std::optional<int64_t> next;
    if (c.next_check_at) next = Millis(*c.next_check_at);
    return {c.id,
            std::string(StatusName(c.status)),
            Millis(now),
            Nullable(next),
            std::string(WarningName(c.warning)),
            c.revision,
            json::serialize(codec::WriteCase(c, false))};
}

Result<std::vector<Case>> LoadMany(Connection& conn, const std::vector<Row>& rows) {
    std::vector<Case> out;
    std::map<std::string, size_t> index;
    Params ids;
    std::string in;
    for (const Row& r : rows) {
        OW_ASSIGN_OR_RETURN(Case c, ParseDocument(r.Text(0)));
        index[c.id] = out.size();
        ids.push_back(c.id);
        in += (in.empty() ? "$" : ", $") + std::to_string(ids.size());
        out.push_back(std::move(c));
    }
    if (out.empty()) return out;
    OW_ASSIGN_OR_RETURN(auto tasks,
                        conn.Query("SELECT " + std::string(kTaskColumns) +
                                       " FROM case_tasks WHERE case_id IN (" + in + ") ORDER BY id",
                                   ids));
    for (const Row& r : tasks) out[index.at(r.Text(14))].tasks.push_back(ToTask(r));
    return out;
}

}  // namespace

std::string SqlCaseStore::EventHash(const std::string& prev_hash, const std::string& case_id,
                                    int64_t seq, const CaseEvent& e, const std::string& data) {
    std::string text = prev_hash + "\n" + case_id + "\n" + std::to_string(seq) + "\n" +
                       std::to_string(Millis(e.at)) + "\n" +
                       (e.actor ? std::to_string(*e.actor) : "") + "\n" + e.channel + "\n" +
                       e.type + "\n" + data;
    return Sha256Hex(text);
}

Result<Case> SqlCaseStore::Insert(const Case& original, const Outcome& out) {
    CaseSnapshot written;
    OW_TRY(db_.Write([&](Connection& conn) -> Result<void> {
        Case c = original;
        c.revision = 1;
        OW_TRY(Deposit(conn, c, out, c.submitted_at));  // may put a result's id in the document
        OW_TRY(conn.Execute(
            "INSERT INTO cases (id, item_code, item_version, status, applicant_type, "
            "applicant_id, applicant_name, submitted_by, service_point_id, handling_unit_id, "
            "channel, submitted_at, updated_at, next_check_at, warning, revision, document) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
            CaseColumns(c, c.submitted_at)));
        OW_TRY(WriteTasks(conn, c));
        OW_TRY(WriteFiles(conn, c));
        OW_ASSIGN_OR_RETURN(auto last, AppendEvents(conn, c.id, out.events));
        OW_TRY(WriteNotices(conn, out.notices));
        written = {std::move(c), last.first, std::move(last.second)};
        return Ok();
    }));
    written_.Put(written);
    return std::move(written.c);
}

Result<std::optional<CaseSnapshot>> SqlCaseStore::ReadSnapshot(const std::string& id) {
    return db_.Read([&](Connection& conn) -> Result<std::optional<CaseSnapshot>> {
        OW_ASSIGN_OR_RETURN(auto loaded, Load(conn, id));
        if (!loaded) return std::optional<CaseSnapshot>();
        OW_ASSIGN_OR_RETURN(auto last, conn.Query("SELECT seq, hash FROM case_events WHERE "
                                                  "case_id = $1 ORDER BY seq DESC LIMIT 1",
                                                  {id}));
        CaseSnapshot s{std::move(*loaded), 0, ""};
        if (!last.empty()) {
            s.last_seq = last[0].Int(0);
            s.last_hash = last[0].Text(1);
        }
        return std::optional<CaseSnapshot>(std::move(s));
    });
}

// Optimistic: the case is read and changed outside the write transaction (parsing and the
// state machine run in parallel with other writers), then written only if no one changed it
// meanwhile (its revision), else read and changed again. The write itself is a few prepared
// statements, which keeps SQLite's single writer busy for as short a time as possible. The
// first attempt starts from the state this store last wrote, when it still has it: a case is
// usually changed again by the server that changed it last, and the revision guard catches
// the times it was not.
Result<Case> SqlCaseStore::Update(const std::string& id,
                                  const std::function<Result<bool>(Case&, Outcome&)>& fn) {
    constexpr int kAttempts = 50;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        std::optional<CaseSnapshot> snapshot;
        if (attempt == 0) snapshot = written_.Find(id);
        if (!snapshot) {
            OW_ASSIGN_OR_RETURN(snapshot, ReadSnapshot(id));
        }
        if (!snapshot) return Error(ErrorCode::kNotFound).Param("what", "case");
        const Case& before = snapshot->c;
        Case c = before;
        Outcome out;
        OW_ASSIGN_OR_RETURN(bool changed, fn(c, out));
        if (!changed) return c;
        c.revision = before.revision + 1;
        const Timestamp now = out.events.empty() ? c.submitted_at : out.events.back().at;
        // The history's new links, chained from the last one read.
        std::vector<Params> events;
        int64_t seq = snapshot->last_seq;
        std::string prev = snapshot->last_hash;
        for (const CaseEvent& e : out.events) {
            std::string data = DataJson(e);
            std::string hash = EventHash(prev, c.id, ++seq, e, data);
            events.push_back(
                {c.id, seq, Millis(e.at), Nullable(e.actor), e.channel, e.type, data, prev, hash});
            prev = hash;
        }
        bool result_deposit =
            std::any_of(out.deposits.begin(), out.deposits.end(),
                        [](const VaultDeposit& d) { return d.source == "result"; });
        std::optional<Params> columns;
        if (!result_deposit) columns = ChangedColumns(c, now);  // the document, serialised outside
        bool conflict = false;
        Case stored;
        Result<bool> written = db_.Write([&](Connection& conn) -> Result<bool> {
            // A transaction the database retries starts again from c, untouched: task ids and
            // vault ids of an attempt that rolled back must not leak into the next.
            Case w = c;
            OW_TRY(Deposit(conn, w, out, now));
            Params cols = columns ? *columns : ChangedColumns(w, now);
            cols.push_back(before.revision);
            OW_ASSIGN_OR_RETURN(
                int64_t n,
                conn.Execute("UPDATE cases SET status = $2, updated_at = $3, next_check_at = $4, "
                             "warning = $5, revision = $6, document = $7 "
                             "WHERE id = $1 AND revision = $8",
                             cols));
            if (n != 1) {
                conflict = true;  // rolled back: nothing of this attempt stays
                return Error(ErrorCode::kConflict).Param("reason", "changed_meanwhile");
            }
            OW_TRY(WriteTasks(conn, w, before.tasks));
            OW_TRY(WriteFiles(conn, w, &before));
            for (const Params& e : events) {
                OW_TRY(
                    conn.Execute("INSERT INTO case_events (case_id, seq, at, actor, channel, "
                                 "type, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, "
                                 "$7, $8, $9)",
                                 e));
            }
            OW_TRY(WriteNotices(conn, out.notices));
            stored = std::move(w);
            return true;
        });
        if (written.ok()) {
            written_.Put({stored, seq, prev});
            return stored;
        }
        written_.Forget(id);  // whatever happened, read it afresh next time
        if (!conflict) return std::move(written).error();
        // Someone changed the case meanwhile: read it again and decide again.
    }
    return Error(ErrorCode::kConflict).Param("reason", "changed_meanwhile");
}

Result<std::optional<Case>> SqlCaseStore::Find(const std::string& id) {
    return db_.Read([&](Connection& conn) { return Load(conn, id); });
}

Result<std::optional<std::string>> SqlCaseStore::CaseOfTask(int64_t task_id) {
    if (auto known = written_.CaseOfTask(task_id)) return known;  // a task never moves
    return db_.Read([&](Connection& conn) -> Result<std::optional<std::string>> {
        OW_ASSIGN_OR_RETURN(auto rows,
                            conn.Query("SELECT case_id FROM case_tasks WHERE id = $1", {task_id}));
        if (rows.empty()) return std::optional<std::string>();
        return std::optional<std::string>(rows[0].Text(0));
    });
}

Result<std::vector<Case>> SqlCaseStore::List(const CaseQuery& q) {
    return db_.Read([&](Connection& conn) -> Result<std::vector<Case>> {
        std::string where = "1 = 1";
        Params params;
        auto param = [&](Value v) {
            params.push_back(std::move(v));
            return "$" + std::to_string(params.size());
        };
        auto in_list = [&](const std::vector<int64_t>& ids) {
            std::string s;
            for (int64_t id : ids) s += (s.empty() ? "" : ", ") + param(id);
            return s.empty() ? std::string("NULL") : s;
        };
        if (q.applicant_id) where += " AND applicant_id = " + param(*q.applicant_id);
        if (q.submitted_by) where += " AND submitted_by = " + param(*q.submitted_by);
        if (q.units) where += " AND handling_unit_id IN (" + in_list(*q.units) + ")";
        if (q.departments) {
            where += " AND id IN (SELECT case_id FROM case_tasks WHERE department_id IN (" +
                     in_list(*q.departments) + "))";
        }
        if (q.status) where += " AND status = " + param(std::string(StatusName(*q.status)));
        std::string limit = param(int64_t{q.limit});
        OW_ASSIGN_OR_RETURN(auto rows,
                            conn.Query("SELECT document FROM cases WHERE " + where +
                                           " ORDER BY submitted_at DESC, id LIMIT " + limit,
                                       params));
        return LoadMany(conn, rows);
    });
}

Result<std::vector<InboxTask>> SqlCaseStore::Inbox(int64_t department_id) {
    return db_.Read([&](Connection& conn) -> Result<std::vector<InboxTask>> {
        std::string cols;
        for (const char* c :
             {"t.id", "t.stage", "t.department_id", "t.department_code", "t.status", "t.claimed_by",
              "t.decided_by", "t.opinion", "t.requested", "t.started_on", "t.deadline",
              "t.deadline_provisional", "t.decided_at", "t.warning", "t.case_id"}) {
            cols += (cols.empty() ? "" : ", ") + std::string(c);
        }
        OW_ASSIGN_OR_RETURN(
            auto rows, conn.Query("SELECT " + cols +
                                      ", c.item_code, c.item_version, c.applicant_name, c.status "
                                      "FROM case_tasks t JOIN cases c ON c.id = t.case_id "
                                      "WHERE t.department_id = $1 AND t.status IN "
                                      "('open', 'claimed', 'supplement_requested') "
                                      "ORDER BY t.deadline, t.id LIMIT 500",
                                  {department_id}));
        std::vector<InboxTask> out;
        for (const Row& r : rows) {
            InboxTask it;
            it.task = ToTask(r);
            it.case_id = r.Text(14);
            it.item_code = r.Text(15);
            it.item_version = static_cast<int>(r.Int(16));
            it.applicant_name = r.Text(17);
            it.case_status = ParseStatus(r.Text(18)).value_or(CaseStatus::kInReview);
            out.push_back(std::move(it));
        }
        return out;
    });
}

Result<std::vector<std::string>> SqlCaseStore::DueForCheck(Timestamp now, int limit) {
    return db_.Read([&](Connection& conn) -> Result<std::vector<std::string>> {
        OW_ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id FROM cases WHERE next_check_at IS NOT "
                                                  "NULL AND next_check_at <= $1 ORDER BY "
                                                  "next_check_at LIMIT $2",
                                                  {Millis(now), int64_t{limit}}));
        std::vector<std::string> ids;
        for (const Row& r : rows) ids.push_back(r.Text(0));
        return ids;
    });
}

Result<std::vector<StoredEvent>> SqlCaseStore::Events(const std::string& id) {
    return db_.Read([&](Connection& conn) -> Result<std::vector<StoredEvent>> {
        OW_ASSIGN_OR_RETURN(auto rows,
                            conn.Query("SELECT seq, at, actor, channel, type, data, prev_hash, "
                                       "hash FROM case_events WHERE case_id = $1 ORDER BY seq",
                                       {id}));
        std::vector<StoredEvent> out;
        for (const Row& r : rows) {
            StoredEvent e;
            e.seq = r.Int(0);
            e.event.at = FromMillis(r.Int(1));
            e.event.actor = r.OptInt(2);
            e.event.channel = r.Text(3);
            e.event.type = r.Text(4);
            boost::system::error_code ec;
            auto data = json::parse(r.Text(5), ec);
            if (!ec && data.is_object()) {
                for (const auto& [k, v] : data.as_object()) {
                    e.event.data.emplace_back(std::string(k),
                                              v.is_string() ? std::string(v.as_string()) : "");
                }
            }
            e.prev_hash = r.Text(6);
            e.hash = r.Text(7);
            out.push_back(std::move(e));
        }
        return out;
    });
}

Result<void> SqlCaseStore::LogRead(const std::string& id, int64_t user_id, Timestamp at,
                                   const std::string& purpose) {
    return db_.Write([&](Connection& conn) -> Result<void> {
        OW_TRY(
            conn.Execute("INSERT INTO case_reads (case_id, user_id, at, purpose) VALUES ($1, "
                         "$2, $3, $4)",
                         {id, user_id, Millis(at), purpose}));
        return Ok();
    });
}

Result<std::vector<CaseRead>> SqlCaseStore::Reads(const std::string& id) {
    return db_.Read([&](Connection& conn) -> Result<std::vector<CaseRead>> {
        OW_ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT user_id, at, purpose FROM case_reads "
                                                  "WHERE case_id = $1 ORDER BY id",
                                                  {id}));
        std::vector<CaseRead> out;
        for (const Row& r : rows) out.push_back({r.Int(0), FromMillis(r.Int(1)), r.Text(2)});
        return out;
    });
}

Result<std::vector<std::string>> SqlCaseStore::CasesWithFile(const std::string& file_id) {
    return db_.Read([&](Connection& conn) -> Result<std::vector<std::string>> {
        OW_ASSIGN_OR_RETURN(
            auto rows, conn.Query("SELECT case_id FROM case_files WHERE file_id = $1", {file_id}));
        std::vector<std::string> out;
        for (const Row& r : rows) out.push_back(r.Text(0));
        return out;
    });
}

Result<std::optional<BrokenLink>> SqlCaseStore::VerifyHistory(int64_t* checked) {
    *checked = 0;
    std::string after_case;
    int64_t after_seq = 0;
    std::string prev;
    std::string current_case;
    int64_t expected_seq = 0;
    while (true) {
        OW_ASSIGN_OR_RETURN(auto rows, db_.Read([&](Connection& conn) {
            return conn.Query(
                "SELECT case_id, seq, at, actor, channel, type, data, prev_hash, hash "
                "FROM case_events WHERE case_id > $1 OR (case_id = $1 AND seq > $2) "
                "ORDER BY case_id, seq LIMIT 5000",
                {after_case, after_seq});
        }));
        if (rows.empty()) break;
        for (const Row& r : rows) {
            std::string case_id = r.Text(0);
            int64_t seq = r.Int(1);
            if (case_id != current_case) {
                current_case = case_id;
                prev.clear();
                expected_seq = 1;
            }
            CaseEvent e{r.Text(5), FromMillis(r.Int(2)), r.OptInt(3), r.Text(4), {}};
            auto broken = [&](std::string reason) {
                return std::optional<BrokenLink>(BrokenLink{case_id, seq, std::move(reason)});
            };
            if (seq != expected_seq) return broken("missing event " + std::to_string(expected_seq));
            if (r.Text(7) != prev) return broken("prev_hash does not match the previous event");
            if (EventHash(prev, case_id, seq, e, r.Text(6)) != r.Text(8)) {
                return broken("hash does not match the event's content");
            }
            prev = r.Text(8);
            ++expected_seq;
            ++*checked;
            after_case = case_id;
            after_seq = seq;
        }
    }
    return std::optional<BrokenLink>();
}

}  // namespace ow::storage
