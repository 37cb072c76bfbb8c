// OrgStore: where org units, service points and departments are kept (implemented in storage/).
// Every change carries its admin-log line, written in the same transaction.
#pragma once

#include <vector>

#include "common/admin_log.hpp"
#include "common/result.hpp"
#include "org/org_types.hpp"

namespace ow::org {

class OrgStore {
public:
    virtual ~OrgStore() = default;

    virtual Result<std::vector<OrgUnit>> ListUnits() = 0;
    // kAlreadyExists (field "code") when the code is taken.
    virtual Result<OrgUnit> CreateUnit(const OrgUnit& unit, const AdminLogEntry& log) = 0;
    // kNotFound for an unknown id; kAlreadyExists (field "code") when the new code is taken.
    virtual Result<OrgUnit> UpdateUnit(int64_t id, const OrgUnitPatch& patch,
                                       const AdminLogEntry& log) = 0;

    virtual Result<std::vector<ServicePoint>> ListServicePoints() = 0;
    virtual Result<ServicePoint> CreateServicePoint(const ServicePoint& point,
                                                    const AdminLogEntry& log) = 0;
    virtual Result<ServicePoint> UpdateServicePoint(int64_t id, const ServicePointPatch& patch,
                                                    const AdminLogEntry& log) = 0;

    virtual Result<std::vector<Department>> ListDepartments() = 0;
    virtual Result<Department> CreateDepartment(const Department& department,
                                                const AdminLogEntry& log) = 0;
    virtual Result<Department> UpdateDepartment(int64_t id, const DepartmentPatch& patch,
                                                const AdminLogEntry& log) = 0;
};

}  // namespace ow::org
