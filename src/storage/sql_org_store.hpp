// SqlOrgStore: org::OrgStore on the SQL interface.
#pragma once

#include "org/org_store.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

class SqlOrgStore final : public org::OrgStore {
public:
    explicit SqlOrgStore(Database& db) : db_(db) {}

    Result<std::vector<org::OrgUnit>> ListUnits() override;
    Result<org::OrgUnit> CreateUnit(const org::OrgUnit& unit, const AdminLogEntry& log) override;
    Result<org::OrgUnit> UpdateUnit(int64_t id, const org::OrgUnitPatch& patch,
                                    const AdminLogEntry& log) override;

    Result<std::vector<org::ServicePoint>> ListServicePoints() override;
    Result<org::ServicePoint> CreateServicePoint(const org::ServicePoint& point,
                                                 const AdminLogEntry& log) override;
    Result<org::ServicePoint> UpdateServicePoint(int64_t id, const org::ServicePointPatch& patch,
                                                 const AdminLogEntry& log) override;

    Result<std::vector<org::Department>> ListDepartments() override;
    Result<org::Department> CreateDepartment(const org::Department& department,
                                             const AdminLogEntry& log) override;
    Result<org::Department> UpdateDepartment(int64_t id, const org::DepartmentPatch& patch,
                                             const AdminLogEntry& log) override;

private:
    Database& db_;
};

}  // namespace ow::storage
