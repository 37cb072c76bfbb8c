// OrgService: the org tree with its rules. Keeps a snapshot of units, service points and
// departments (a few hundred rows, read on every scoped request) and checks every change:
// levels nest city → district → town → village; departments sit at city or district level;
// each kind of service point at the levels where it exists; staff act only inside their scope.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "org/org_store.hpp"
#include "org/org_tree.hpp"

namespace ow::org {

struct OrgSnapshot {
    OrgTree tree;
    std::vector<ServicePoint> service_points;
    std::vector<Department> departments;

    const ServicePoint* FindServicePoint(int64_t id) const;
    const Department* FindDepartment(int64_t id) const;
};

// Who is acting and how far their reach extends: scope_root is the unit whose subtree they may
// change (the actor's own unit); nullopt reaches everywhere (system tasks, the CLI).
struct Actor {
    std::optional<int64_t> user_id;
    std::optional<int64_t> scope_root;
};

class OrgService {
public:
    OrgService(OrgStore& store, const Clock& clock);

    Result<void> Reload();
    std::shared_ptr<const OrgSnapshot> Current() const;

    // Failures: kMissingField/kInvalidValue (field named), kReferenceMissing ("parent_id"),
    // kAlreadyExists ("code"), kOutOfScope, kNotFound.
    Result<OrgUnit> CreateUnit(const Actor& actor, OrgUnit unit);
    Result<OrgUnit> UpdateUnit(const Actor& actor, int64_t id, const OrgUnitPatch& patch);
    Result<ServicePoint> CreateServicePoint(const Actor& actor, ServicePoint point);
    Result<ServicePoint> UpdateServicePoint(const Actor& actor, int64_t id,
                                            const ServicePointPatch& patch);
    Result<Department> CreateDepartment(const Actor& actor, Department department);
    Result<Department> UpdateDepartment(const Actor& actor, int64_t id,
                                        const DepartmentPatch& patch);

private:
    Result<void> CheckScope(const Actor& actor, int64_t unit_id) const;
    AdminLogEntry Log(const Actor& actor, std::string action, std::string target) const;
    Result<void> Refresh();

    OrgStore& store_;
    const Clock& clock_;
    std::mutex write_mu_;
    mutable std::mutex snapshot_mu_;
    std::shared_ptr<const OrgSnapshot> current_;
};

}  // namespace ow::org
