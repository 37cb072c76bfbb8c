// SqlCatalogStore: catalog::CatalogStore on the SQL interface; item versions are JSON documents.
#pragma once

#include "catalog/catalog_store.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

class SqlCatalogStore final : public catalog::CatalogStore {
public:
    explicit SqlCatalogStore(Database& db) : db_(db) {}

    Result<catalog::Catalog> LoadCurrent() override;
    Result<std::optional<catalog::Item>> LoadItemVersion(const std::string& code,
                                                         int version) override;
    Result<std::vector<catalog::ItemVersionInfo>> ItemVersions(const std::string& code) override;
    Result<void> Apply(const catalog::CatalogChange& change) override;

private:
    Database& db_;
};

}  // namespace ow::storage
