// CatalogService: the current catalog (a snapshot, read on every application) and its changes —
// importing a whole catalog, putting one item — each checked, each item change a new version.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "catalog/catalog_store.hpp"
#include "org/org_service.hpp"

namespace ow::catalog {

struct ImportSummary {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int deactivated = 0;
};

class CatalogService {
public:
    CatalogService(CatalogStore& store, org::OrgService& org, const Clock& clock);

    Result<void> Reload();
    std::shared_ptr<const Catalog> Current() const;

    // The item as it was at `version` (what an open case follows). kNotFound if unknown.
    Result<std::shared_ptr<const Item>> ItemAt(const std::string& code, int version);
    Result<std::vector<ItemVersionInfo>> Versions(const std::string& code);

    // The checks Import makes, without importing (kInvalidCatalog and friends).
    Result<void> Check(const Catalog& catalog) const;
    // Makes `catalog` the catalog: new versions of new and changed items, items missing from it
    // deactivated (their versions stay for the cases that use them). Checked first
    // (kInvalidCatalog and friends); nothing is stored if anything is wrong.
    Result<ImportSummary> Import(const Catalog& catalog, std::optional<int64_t> by_user);
    // What Import would do (the same checks and counts), storing nothing.
    Result<ImportSummary> PreviewImport(const Catalog& catalog);
    // Adds or changes one item (a new version if its content changed).
    Result<Item> PutItem(const Item& item, std::optional<int64_t> by_user);

private:
    std::set<std::string> DepartmentCodes() const;
    // The change that makes `catalog` the catalog, and its counts (the caller holds write_mu_).
    Result<std::pair<ImportSummary, CatalogChange>> PlanImport(const Catalog& catalog);

    CatalogStore& store_;
    org::OrgService& org_;
    const Clock& clock_;
    std::mutex write_mu_;
    mutable std::mutex mu_;
    std::shared_ptr<const Catalog> current_;
    std::map<std::pair<std::string, int>, std::shared_ptr<const Item>> versions_;
};

}  // namespace ow::catalog
