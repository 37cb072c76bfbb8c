// SqlLicenseStore: licenses::LicenseStore on the SQL interface. A license row keeps the signed
// payload (the license as issued, read back with ParseCanonical) beside the columns that are
// searched and the registry's current state.
#pragma once

#include "licenses/license_store.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

class SqlLicenseStore final : public licenses::LicenseStore {
public:
    explicit SqlLicenseStore(Database& db) : db_(db) {}

    Result<std::vector<licenses::StoredKey>> Keys(const std::string& department) override;
    Result<void> SaveKeys(const licenses::StoredKey& added,
                          const std::optional<licenses::StoredKey>& retired) override;
    Result<std::pair<licenses::StoredLicense, bool>> Issue(
        const licenses::Issuance& issuance) override;
    Result<void> AddVersion(const std::string& current_number, const licenses::StoredLicense& next,
                            const licenses::LicenseEvent& event) override;
    Result<void> SetState(const std::string& number, licenses::LicenseState state,
                          const licenses::LicenseEvent& event,
                          const std::vector<notices::NewNotice>& notices) override;
    Result<std::optional<licenses::StoredLicense>> Find(const std::string& number) override;
    Result<std::optional<licenses::StoredLicense>> FindByCase(const std::string& case_id) override;
    Result<std::vector<licenses::StoredLicense>> List(const licenses::LicenseQuery& query) override;
    Result<void> AddCopy(const licenses::StoredCopy& copy,
                         const licenses::LicenseEvent& event) override;
    Result<std::vector<licenses::StoredCopy>> Copies(const std::string& number) override;
    Result<std::vector<std::string>> CasesAwaitingLicense(int limit) override;

private:
    Database& db_;
};

}  // namespace ow::storage
