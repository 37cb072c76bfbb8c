#include "storage/sql_license_store.hpp"

#include "licenses/encoding.hpp"
#include "storage/admin_log_sql.hpp"
#include "storage/notice_sql.hpp"

namespace ow::storage {
namespace {

using licenses::LicenseEvent;
using licenses::StoredCopy;
using licenses::StoredKey;
using licenses::StoredLicense;

constexpr std::string_view kLicenseColumns =
    "number, payload, key_id, signature, state, superseded_by, source_case, holder_user_id, "
    "created_at";

Error Damaged(const std::string& number) {
    return Error(ErrorCode::kInternal).Detail("license row " + number + " does not read back");
}

Result<StoredLicense> ReadLicense(const Row& r) {
    auto license = licenses::ParseCanonical(r.Text(1));
    auto signature = licenses::FromBase64(r.Text(3));
    auto state = licenses::ParseLicenseState(r.Text(4));
    if (!license.ok() || !signature || !state) return Damaged(r.Text(0));
    StoredLicense s(std::move(license).value());
    s.signed_ = {r.Text(1), r.Text(2), std::move(*signature)};
    s.license.state = *state;
    s.superseded_by = r.OptText(5);
    s.source_case = r.Text(6);
    s.holder_user_id = r.OptInt(7);
    s.created_at = FromMillis(r.Int(8));
    return s;
}

Result<std::optional<StoredLicense>> FindWhere(Connection& c, std::string_view where,
                                               const Params& params) {
    OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT " + std::string(kLicenseColumns) +
                                               " FROM licenses WHERE " + std::string(where),
                                           params));
    if (rows.empty()) return std::optional<StoredLicense>();
    OW_ASSIGN_OR_RETURN(StoredLicense s, ReadLicense(rows[0]));
    OW_ASSIGN_OR_RETURN(auto events, c.Query("SELECT type, at, actor, reason FROM license_events "
                                             "WHERE number = $1 ORDER BY id",
                                             {s.license.number.str()}));
    for (const Row& e : events) {
        s.events.push_back({e.Text(0), FromMillis(e.Int(1)), e.OptInt(2), e.Text(3)});
    }
    return std::optional<StoredLicense>(std::move(s));
}

Result<void> InsertEvent(Connection& c, const std::string& number, const LicenseEvent& e) {
    OW_TRY(
        c.Execute("INSERT INTO license_events (number, type, actor, reason, at) VALUES "
                  "($1, $2, $3, $4, $5)",
                  {number, e.type, Nullable(e.actor), e.reason, Millis(e.at)}));
    return Ok();
}

Result<void> InsertLicense(Connection& c, const StoredLicense& s) {
    const licenses::License& l = s.license;
    std::optional<std::string> previous;
    if (l.previous) previous = l.previous->str();
    std::optional<std::string> until;
    if (l.valid_until) until = FormatDate(*l.valid_until);
    std::optional<std::string> source;
    if (!s.source_case.empty()) source = s.source_case;
    // The series: the number without its version and check character.
    std::string series = l.number.type_code() + "." + l.number.issuer_code() + "." +
                         std::to_string(l.number.sequence());
    OW_TRY(c.Execute(
        "INSERT INTO licenses (number, series, version, previous, holder_id, holder_user_id, "
        "type_code, issuer_department, issuer_name_zh, issuer_name_en, issued_on, valid_from, "
        "valid_until, state, source_case, payload, key_id, signature, created_at) VALUES ($1, $2, "
        "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
        {l.number.str(), series, static_cast<int64_t>(l.version()), Nullable(previous), l.holder.id,
         Nullable(s.holder_user_id), l.type.code, l.issuer.department_code, l.issuer.name_zh,
         l.issuer.name_en, FormatDate(l.issued_on), FormatDate(l.valid_from), Nullable(until),
         std::string(licenses::LicenseStateName(l.state)), Nullable(source), s.signed_.payload,
         s.signed_.key_id, licenses::ToBase64(s.signed_.signature), Millis(s.created_at)}));
    return Ok();
}

}  // namespace

Result<std::vector<StoredKey>> SqlLicenseStore::Keys(const std::string& department) {
    return db_.Read([&](Connection& c) -> Result<std::vector<StoredKey>> {
        std::string sql =
            "SELECT department_code, key_id, public_key, sealed_secret_key, created_at, "
            "retired_at FROM signing_keys";
        Params params;
        if (!department.empty()) {
            sql += " WHERE department_code = $1";
            params.push_back(department);
        }
        OW_ASSIGN_OR_RETURN(auto rows,
                            c.Query(sql + " ORDER BY department_code, created_at, key_id", params));
        std::vector<StoredKey> out;
        for (const Row& r : rows) {
            StoredKey k{r.Text(0),   r.Text(1), r.Text(2), r.Text(3), FromMillis(r.Int(4)),
                        std::nullopt};
            if (auto retired = r.OptInt(5)) k.retired = FromMillis(*retired);
            out.push_back(std::move(k));
        }
        return out;
    });
}

Result<void> SqlLicenseStore::SaveKeys(const StoredKey& added,
                                       const std::optional<StoredKey>& retired) {
    return db_.Write([&](Connection& c) -> Result<void> {
        // Retire first: the database allows one active key per department.
        if (retired && retired->retired) {
            OW_TRY(c.Execute("UPDATE signing_keys SET retired_at = $2 WHERE key_id = $1",
                             {retired->key_id, Millis(*retired->retired)}));
        }
        std::optional<int64_t> retired_at;
        if (added.retired) retired_at = Millis(*added.retired);
        OW_TRY(
            c.Execute("INSERT INTO signing_keys (key_id, department_code, public_key, "
                      "sealed_secret_key, created_at, retired_at) VALUES ($1, $2, $3, $4, $5, "
                      "$6)",
                      {added.key_id, added.department_code, added.public_key,
                       added.sealed_secret_key, Millis(added.created), Nullable(retired_at)}));
        return Ok();
    });
}

Result<std::pair<StoredLicense, bool>> SqlLicenseStore::Issue(const licenses::Issuance& in) {
    return db_.Write([&](Connection& c) -> Result<std::pair<StoredLicense, bool>> {
        OW_ASSIGN_OR_RETURN(auto existing,
                            FindWhere(c, "source_case = $1 AND version = 1", {in.source_case}));
        if (existing) return std::make_pair(std::move(*existing), false);
        OW_ASSIGN_OR_RETURN(
            auto seq, c.Query("INSERT INTO license_sequences (type_code, issuer_code, "
                              "next_sequence) VALUES ($1, $2, 2) ON CONFLICT (type_code, "
                              "issuer_code) DO UPDATE SET next_sequence = "
                              "license_sequences.next_sequence + 1 RETURNING next_sequence - 1",
                              {in.type_code, in.issuer_code}));
        OW_ASSIGN_OR_RETURN(StoredLicense s, in.build(static_cast<uint64_t>(seq.at(0).Int(0))));
        OW_TRY(InsertLicense(c, s));
        LicenseEvent issued{"issued", s.created_at, std::nullopt, ""};
        OW_TRY(InsertEvent(c, s.license.number.str(), issued));
        s.events.push_back(issued);
        if (in.notices) {
            OW_ASSIGN_OR_RETURN(auto told, in.notices(s));
            OW_TRY(WriteNotices(c, told));
        }
        OW_TRY(
            c.Execute("UPDATE vault_documents SET license_number = $1 WHERE source_case = $2 "
                      "AND source = 'result' AND license_number IS NULL",
                      {s.license.number.str(), in.source_case}));
        return std::make_pair(std::move(s), true);
    });
}

Result<void> SqlLicenseStore::AddVersion(const std::string& current, const StoredLicense& next,
                                         const LicenseEvent& event) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT superseded_by FROM licenses WHERE "
                                               "number = $1",
                                               {current}));
        if (rows.empty()) return Error(ErrorCode::kNotFound).Param("what", "license");
        if (!rows[0].IsNull(0)) return Error(ErrorCode::kConflict).Detail("already superseded");
        const std::string number = next.license.number.str();
        OW_TRY(InsertLicense(c, next));
        OW_TRY(c.Execute("UPDATE licenses SET superseded_by = $2 WHERE number = $1",
                         {current, number}));
        OW_TRY(InsertEvent(c, current, event));
        OW_TRY(InsertEvent(c, number, event));
        OW_TRY(c.Execute("UPDATE vault_documents SET license_number = $2 WHERE license_number = $1",
                         {current, number}));
        return Ok();
    });
}

Result<void> SqlLicenseStore::SetState(const std::string& number, licenses::LicenseState state,
                                       const LicenseEvent& event,
                                       const std::vector<notices::NewNotice>& notices) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_ASSIGN_OR_RETURN(int64_t n,
                            c.Execute("UPDATE licenses SET state = $2 WHERE number = $1",
                                      {number, std::string(licenses::LicenseStateName(state))}));
        if (n == 0) return Error(ErrorCode::kNotFound).Param("what", "license");
        OW_TRY(InsertEvent(c, number, event));
        OW_TRY(WriteNotices(c, notices));
        return Ok();
    });
}

Result<std::optional<StoredLicense>> SqlLicenseStore::Find(const std::string& number) {
    return db_.Read([&](Connection& c) { return FindWhere(c, "number = $1", {number}); });
}

Result<std::optional<StoredLicense>> SqlLicenseStore::FindByCase(const std::string& case_id) {
    return db_.Read(
        [&](Connection& c) { return FindWhere(c, "source_case = $1 AND version = 1", {case_id}); });
}

Result<std::vector<StoredLicense>> SqlLicenseStore::List(const licenses::LicenseQuery& q) {
    return db_.Read([&](Connection& c) -> Result<std::vector<StoredLicense>> {
        std::string where = "1 = 1";
        Params params;
        auto param = [&](Value v) {
            params.push_back(std::move(v));
            return "$" + std::to_string(params.size());
        };
        if (q.holder) where += " AND holder_id = " + param(*q.holder);
        if (q.departments) {
            if (q.departments->empty()) return std::vector<StoredLicense>();
            std::string in;
            for (const auto& d : *q.departments) in += (in.empty() ? "" : ", ") + param(d);
            where += " AND issuer_department IN (" + in + ")";
        }
        if (q.number_contains) where += " AND number LIKE " + param("%" + *q.number_contains + "%");
        OW_ASSIGN_OR_RETURN(
            auto rows, c.Query("SELECT " + std::string(kLicenseColumns) + " FROM licenses WHERE " +
                                   where + " ORDER BY created_at DESC, number DESC LIMIT " +
                                   param(static_cast<int64_t>(q.limit)),
                               params));
        std::vector<StoredLicense> out;
        for (const Row& r : rows) {
            OW_ASSIGN_OR_RETURN(StoredLicense s, ReadLicense(r));
            out.push_back(std::move(s));
        }
        return out;
    });
}

Result<void> SqlLicenseStore::AddCopy(const StoredCopy& copy, const LicenseEvent& event) {
    return db_.Write([&](Connection& c) -> Result<void> {
        OW_TRY(
            c.Execute("INSERT INTO license_copies (id, number, purpose, made_on, valid_until, "
                      "made_by, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                      {copy.copy.id, copy.number, copy.copy.purpose, FormatDate(copy.copy.made_on),
                       FormatDate(copy.copy.valid_until), Nullable(copy.made_by), copy.text,
                       Millis(copy.created_at)}));
        return InsertEvent(c, copy.number, event);
    });
}

Result<std::vector<StoredCopy>> SqlLicenseStore::Copies(const std::string& number) {
    return db_.Read([&](Connection& c) -> Result<std::vector<StoredCopy>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, purpose, made_on, valid_until, number, "
                                               "text, made_by, created_at FROM license_copies "
                                               "WHERE number = $1 ORDER BY created_at, id",
                                               {number}));
        std::vector<StoredCopy> out;
        for (const Row& r : rows) {
            auto made = ParseDate(r.Text(2));
            auto until = ParseDate(r.Text(3));
            if (!made || !until) return Damaged(number);
            out.push_back(StoredCopy{{r.Text(0), r.Text(1), *made, *until},
                                     r.Text(4),
                                     r.Text(5),
                                     r.OptInt(6),
                                     FromMillis(r.Int(7))});
        }
        return out;
    });
}

Result<std::vector<std::string>> SqlLicenseStore::CasesAwaitingLicense(int limit) {
    return db_.Read([&](Connection& c) -> Result<std::vector<std::string>> {
        OW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT DISTINCT source_case FROM vault_documents WHERE "
                                    "source = 'result' AND license_number IS NULL AND "
                                    "source_case IS NOT NULL ORDER BY source_case LIMIT $1",
                                    {static_cast<int64_t>(limit)}));
        std::vector<std::string> out;
        for (const Row& r : rows) out.push_back(r.Text(0));
        return out;
    });
}

}  // namespace ow::storage
