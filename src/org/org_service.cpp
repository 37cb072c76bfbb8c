#include "org/org_service.hpp"

#include "common/text.hpp"

namespace ow::org {
namespace {

constexpr size_t kMaxNameChars = 100;
constexpr size_t kMaxAddressChars = 200;

// The code and names of a new object, or those a patch sets (nullptr: not set).
Result<void> CheckFields(const std::string* code, const std::string* zh, const std::string* en) {
    if (code && !IsValidCode(*code)) return InvalidValue("code", "code_rule");
    if (zh && !IsValidName(*zh, kMaxNameChars)) return InvalidValue("name_zh", "name_rule");
    if (en && !IsValidName(*en, kMaxNameChars)) return InvalidValue("name_en", "name_rule");
    return Ok();
}

template <class T>
const T* IfSet(const std::optional<T>& v) {
    return v ? &*v : nullptr;
}

Result<void> CheckAddress(const std::string* address) {
    if (address && !address->empty() && !IsValidName(*address, kMaxAddressChars)) {
        return InvalidValue("address", "name_rule");
    }
    return Ok();
}

bool KindAllowedAt(ServicePointKind kind, OrgLevel level) {
    switch (kind) {
        case ServicePointKind::kServiceCentre:
            return level == OrgLevel::kCity || level == OrgLevel::kDistrict;
        case ServicePointKind::kTownCentre: return level == OrgLevel::kTown;
        case ServicePointKind::kVillagePoint: return level == OrgLevel::kVillage;
        case ServicePointKind::kBankBranch:
        case ServicePointKind::kKiosk: return true;
    }
    return false;
}

}  // namespace

const ServicePoint* OrgSnapshot::FindServicePoint(int64_t id) const {
    for (const ServicePoint& p : service_points) {
        if (p.id == id) return &p;
    }
    return nullptr;
}

const Department* OrgSnapshot::FindDepartment(int64_t id) const {
    for (const Department& d : departments) {
        if (d.id == id) return &d;
    }
    return nullptr;
}

OrgService::OrgService(OrgStore& store, const Clock& clock)
    : store_(store),
      clock_(clock),
      current_(std::make_shared<const OrgSnapshot>(OrgSnapshot{OrgTree({}), {}, {}})) {}

std::shared_ptr<const OrgSnapshot> OrgService::Current() const {
    std::lock_guard lock(snapshot_mu_);
    return current_;
}

Result<void> OrgService::Reload() {
    std::lock_guard lock(write_mu_);
    return Refresh();
}

Result<void> OrgService::Refresh() {
    OW_ASSIGN_OR_RETURN(auto units, store_.ListUnits());
    OW_ASSIGN_OR_RETURN(auto points, store_.ListServicePoints());
    OW_ASSIGN_OR_RETURN(auto departments, store_.ListDepartments());
    auto next = std::make_shared<const OrgSnapshot>(
        OrgSnapshot{OrgTree(std::move(units)), std::move(points), std::move(departments)});
    std::lock_guard lock(snapshot_mu_);
    current_ = std::move(next);
    return Ok();
}

Result<void> OrgService::CheckScope(const Actor& actor, int64_t unit_id) const {
    if (!actor.scope_root) return Ok();
    if (!Current()->tree.Contains(*actor.scope_root, unit_id)) {
        return Error(ErrorCode::kOutOfScope);
    }
    return Ok();
}

AdminLogEntry OrgService::Log(const Actor& actor, std::string action, std::string target) const {
    return AdminLogEntry{clock_.Now(), actor.user_id, std::move(action), std::move(target), ""};
}

Result<OrgUnit> OrgService::CreateUnit(const Actor& actor, OrgUnit unit) {
    OW_TRY(CheckFields(&unit.code, &unit.name_zh, &unit.name_en));
    std::lock_guard lock(write_mu_);
    auto snap = Current();
    if (unit.level == OrgLevel::kCity) {
        if (unit.parent_id) return InvalidValue("parent_id", "city_has_no_parent");
        for (const OrgUnit& u : snap->tree.units()) {
            if (u.level == OrgLevel::kCity) return InvalidValue("level", "one_city");
        }
        if (actor.scope_root) return Error(ErrorCode::kOutOfScope);
    } else {
        if (!unit.parent_id) return Error(ErrorCode::kMissingField).Field("parent_id");
        const OrgUnit* parent = snap->tree.Find(*unit.parent_id);
        if (!parent) return Error(ErrorCode::kReferenceMissing).Field("parent_id");
        if (static_cast<int>(parent->level) + 1 != static_cast<int>(unit.level)) {
            return InvalidValue("level", "level_nesting");
        }
        OW_TRY(CheckScope(actor, parent->id));
    }
    OW_ASSIGN_OR_RETURN(OrgUnit created, store_.CreateUnit(unit, Log(actor, "org_unit.create",
                                                                     "org_unit:" + unit.code)));
    OW_TRY(Refresh());
    return created;
}

Result<OrgUnit> OrgService::UpdateUnit(const Actor& actor, int64_t id, const OrgUnitPatch& patch) {
    OW_TRY(CheckFields(IfSet(patch.code), IfSet(patch.name_zh), IfSet(patch.name_en)));
    std::lock_guard lock(write_mu_);
    if (!Current()->tree.Find(id)) return Error(ErrorCode::kNotFound).Param("what", "org unit");
    OW_TRY(CheckScope(actor, id));
    OW_ASSIGN_OR_RETURN(OrgUnit updated, store_.UpdateUnit(id, patch,
                                                           Log(actor, "org_unit.update",
                                                               "org_unit:" + std::to_string(id))));
    OW_TRY(Refresh());
    return updated;
}

Result<ServicePoint> OrgService::CreateServicePoint(const Actor& actor, ServicePoint point) {
    OW_TRY(CheckFields(&point.code, &point.name_zh, &point.name_en));
    OW_TRY(CheckAddress(&point.address));
    std::lock_guard lock(write_mu_);
    const OrgUnit* unit = Current()->tree.Find(point.org_unit_id);
    if (!unit) return Error(ErrorCode::kReferenceMissing).Field("org_unit_id");
    if (!KindAllowedAt(point.kind, unit->level)) return InvalidValue("kind", "kind_level");
    OW_TRY(CheckScope(actor, unit->id));
    OW_ASSIGN_OR_RETURN(ServicePoint created,
                        store_.CreateServicePoint(point, Log(actor, "service_point.create",
                                                             "service_point:" + point.code)));
    OW_TRY(Refresh());
    return created;
}

Result<ServicePoint> OrgService::UpdateServicePoint(const Actor& actor, int64_t id,
                                                    const ServicePointPatch& patch) {
    OW_TRY(CheckFields(nullptr, IfSet(patch.name_zh), IfSet(patch.name_en)));
    OW_TRY(CheckAddress(IfSet(patch.address)));
    std::lock_guard lock(write_mu_);
    auto snap = Current();
    const ServicePoint* point = snap->FindServicePoint(id);
    if (!point) return Error(ErrorCode::kNotFound).Param("what", "service point");
    if (patch.kind && !KindAllowedAt(*patch.kind, snap->tree.Find(point->org_unit_id)->level)) {
        return InvalidValue("kind", "kind_level");
    }
    OW_TRY(CheckScope(actor, point->org_unit_id));
    OW_ASSIGN_OR_RETURN(
        ServicePoint updated,
        store_.UpdateServicePoint(
            id, patch, Log(actor, "service_point.update", "service_point:" + std::to_string(id))));
    OW_TRY(Refresh());
    return updated;
}

Result<Department> OrgService::CreateDepartment(const Actor& actor, Department department) {
    OW_TRY(CheckFields(&department.code, &department.name_zh, &department.name_en));
    std::lock_guard lock(write_mu_);
    const OrgUnit* unit = Current()->tree.Find(department.org_unit_id);
    if (!unit) return Error(ErrorCode::kReferenceMissing).Field("org_unit_id");
    if (unit->level != OrgLevel::kCity && unit->level != OrgLevel::kDistrict) {
        return InvalidValue("org_unit_id", "department_level");
    }
    OW_TRY(CheckScope(actor, unit->id));
    OW_ASSIGN_OR_RETURN(Department created,
                        store_.CreateDepartment(department, Log(actor, "department.create",
                                                                "department:" + department.code)));
    OW_TRY(Refresh());
    return created;
}

Result<Department> OrgService::UpdateDepartment(const Actor& actor, int64_t id,
                                                const DepartmentPatch& patch) {
    OW_TRY(CheckFields(IfSet(patch.code), IfSet(patch.name_zh), IfSet(patch.name_en)));
    std::lock_guard lock(write_mu_);
    const Department* department = Current()->FindDepartment(id);
    if (!department) return Error(ErrorCode::kNotFound).Param("what", "department");
    OW_TRY(CheckScope(actor, department->org_unit_id));
    OW_ASSIGN_OR_RETURN(
        Department updated,
        store_.UpdateDepartment(
            id, patch, Log(actor, "department.update", "department:" + std::to_string(id))));
    OW_TRY(Refresh());
    return updated;
}

}  // namespace ow::org
