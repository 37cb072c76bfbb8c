// CatalogStore: where the catalog is kept (implemented in storage/). Items are versioned: a
// version once written never changes, so a case can always read the version it started with.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog_types.hpp"
#include "common/admin_log.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"

namespace ow::catalog {

struct ItemVersionInfo {
    int version = 0;
    Timestamp created_at{};
    std::optional<int64_t> created_by;
};

// One change to the catalog, written in one transaction.
struct CatalogChange {
    std::optional<std::vector<DocumentType>> document_types;  // set: replaces them all
    std::optional<std::vector<Bundle>> bundles;               // set: replaces them all
    std::vector<Item> new_versions;                           // each with its new version number
    std::vector<std::string> deactivated;
    AdminLogEntry log;
};

class CatalogStore {
public:
    virtual ~CatalogStore() = default;
    // Document types, the current version of every active item, bundles.
    virtual Result<Catalog> LoadCurrent() = 0;
    virtual Result<std::optional<Item>> LoadItemVersion(const std::string& code, int version) = 0;
    virtual Result<std::vector<ItemVersionInfo>> ItemVersions(const std::string& code) = 0;
    // kConflict if a version number is already taken (another change came first).
    virtual Result<void> Apply(const CatalogChange& change) = 0;
};

}  // namespace ow::catalog
