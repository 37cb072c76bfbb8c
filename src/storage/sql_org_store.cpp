#include "storage/sql_org_store.hpp"

#include "storage/admin_log_sql.hpp"
#include "storage/set_clause.hpp"

namespace ow::storage {

using org::Department;
using org::OrgUnit;
using org::ServicePoint;

namespace {

constexpr const char* kUnitColumns = "id, parent_id, level, code, name_zh, name_en";
constexpr const char* kPointColumns =
    "id, org_unit_id, kind, code, name_zh, name_en, address, active";
constexpr const char* kDepartmentColumns = "id, org_unit_id, code, name_zh, name_en";

OrgUnit ToUnit(const Row& r) {
    return OrgUnit{r.Int(0),  r.OptInt(1), *org::ParseOrgLevel(r.Text(2)),
                   r.Text(3), r.Text(4),   r.Text(5)};
}

ServicePoint ToPoint(const Row& r) {
    return ServicePoint{r.Int(0),  r.Int(1),  *org::ParseServicePointKind(r.Text(2)),
                        r.Text(3), r.Text(4), r.Text(5),
                        r.Text(6), r.Bool(7)};
}

Department ToDepartment(const Row& r) {
    return Department{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4)};
}

// A taken code is the caller's mistake, reported on the field.
Error CodeTaken(Error e) {
    if (e.code() == ErrorCode::kAlreadyExists)
        return std::move(e).Field("code").Param("what", "code");
    return e;
}

template <class T, class Convert>
Result<T> UpdateAndRead(Connection& c, const char* table, const char* columns, const SetClause& set,
                        const AdminLogEntry& log, Convert convert) {
    if (!set.empty()) {
        auto changed = c.Execute(set.Statement(table), set.params());
        if (!changed.ok()) return CodeTaken(std::move(changed).error());
    }
    OW_ASSIGN_OR_RETURN(
        auto rows, c.Query("SELECT " + std::string(columns) + " FROM " + table + " WHERE id = $1",
                           {set.id()}));
    if (rows.empty()) return Error(ErrorCode::kNotFound);
    OW_TRY(AppendAdminLog(c, log));
    return convert(rows[0]);
}

template <class T>
Result<std::vector<T>> ListAll(Database& db, const char* table, const char* columns,
                               T (*convert)(const Row&)) {
    return db.Read([&](Connection& c) -> Result<std::vector<T>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT " + std::string(columns) + " FROM " + table +
                                               " ORDER BY id"));
        std::vector<T> out;
        for (const Row& r : rows) out.push_back(convert(r));
        return out;
    });
}

}  // namespace

Result<std::vector<OrgUnit>> SqlOrgStore::ListUnits() {
    return ListAll(db_, "org_units", kUnitColumns, ToUnit);
}

Result<OrgUnit> SqlOrgStore::CreateUnit(const OrgUnit& u, const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) -> Result<OrgUnit> {
        auto rows = c.Query(
            "INSERT INTO org_units (parent_id, level, code, name_zh, name_en, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " +
                std::string(kUnitColumns),
            {Nullable(u.parent_id), std::string(org::OrgLevelName(u.level)), u.code, u.name_zh,
             u.name_en, Millis(log.at)});
        if (!rows.ok()) return CodeTaken(std::move(rows).error());
        OW_TRY(AppendAdminLog(c, log));
        return ToUnit(rows->at(0));
    });
}

Result<OrgUnit> SqlOrgStore::UpdateUnit(int64_t id, const org::OrgUnitPatch& p,
                                        const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) {
        SetClause set(id);
        set.AddIfSet("code", p.code);
        set.AddIfSet("name_zh", p.name_zh);
        set.AddIfSet("name_en", p.name_en);
        return UpdateAndRead<OrgUnit>(c, "org_units", kUnitColumns, set, log, ToUnit);
    });
}

Result<std::vector<ServicePoint>> SqlOrgStore::ListServicePoints() {
    return ListAll(db_, "service_points", kPointColumns, ToPoint);
}

Result<ServicePoint> SqlOrgStore::CreateServicePoint(const ServicePoint& p,
                                                     const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) -> Result<ServicePoint> {
        auto rows = c.Query(
            "INSERT INTO service_points (org_unit_id, kind, code, name_zh, name_en, address, "
            "active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING " +
                std::string(kPointColumns),
            {p.org_unit_id, std::string(org::ServicePointKindName(p.kind)), p.code, p.name_zh,
             p.name_en, p.address, int64_t{p.active ? 1 : 0}, Millis(log.at)});
        if (!rows.ok()) return CodeTaken(std::move(rows).error());
        OW_TRY(AppendAdminLog(c, log));
        return ToPoint(rows->at(0));
    });
}

Result<ServicePoint> SqlOrgStore::UpdateServicePoint(int64_t id, const org::ServicePointPatch& p,
                                                     const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) {
        SetClause set(id);
        if (p.kind) set.Add("kind", std::string(org::ServicePointKindName(*p.kind)));
        set.AddIfSet("name_zh", p.name_zh);
        set.AddIfSet("name_en", p.name_en);
        set.AddIfSet("address", p.address);
        if (p.active) set.Add("active", int64_t{*p.active ? 1 : 0});
        return UpdateAndRead<ServicePoint>(c, "service_points", kPointColumns, set, log, ToPoint);
    });
}

Result<std::vector<Department>> SqlOrgStore::ListDepartments() {
    return ListAll(db_, "departments", kDepartmentColumns, ToDepartment);
}

Result<Department> SqlOrgStore::CreateDepartment(const Department& d, const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) -> Result<Department> {
        auto rows = c.Query(
            "INSERT INTO departments (org_unit_id, code, name_zh, name_en, created_at) "
            "VALUES ($1, $2, $3, $4, $5) RETURNING " +
                std::string(kDepartmentColumns),
            {d.org_unit_id, d.code, d.name_zh, d.name_en, Millis(log.at)});
        if (!rows.ok()) return CodeTaken(std::move(rows).error());
        OW_TRY(AppendAdminLog(c, log));
        return ToDepartment(rows->at(0));
    });
}

Result<Department> SqlOrgStore::UpdateDepartment(int64_t id, const org::DepartmentPatch& p,
                                                 const AdminLogEntry& log) {
    return db_.Write([&](Connection& c) {
        SetClause set(id);
        set.AddIfSet("code", p.code);
        set.AddIfSet("name_zh", p.name_zh);
        set.AddIfSet("name_en", p.name_en);
        return UpdateAndRead<Department>(c, "departments", kDepartmentColumns, set, log,
                                         ToDepartment);
    });
}

}  // namespace ow::storage
