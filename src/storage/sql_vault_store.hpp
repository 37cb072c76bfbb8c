// SqlVaultStore: vault::VaultStore on the SQL interface. Contents are blobs keyed by SHA-256
// (kept once); files are uploads referring to them.
#pragma once

#include "storage/sql.hpp"
#include "vault/vault_store.hpp"

namespace ow::storage {

class SqlVaultStore final : public vault::VaultStore {
public:
    explicit SqlVaultStore(Database& db) : db_(db) {}

    Result<vault::StoredFile> SaveFile(const vault::StoredFile& file,
                                       const std::string& content) override;
    Result<std::optional<vault::StoredFile>> FindFile(const std::string& id) override;
    Result<std::vector<vault::StoredFile>> FindFiles(const std::vector<std::string>& ids) override;
    Result<std::optional<std::string>> FileContent(const std::string& id) override;
    Result<std::vector<vault::VaultDocument>> Documents(const std::string& holder) override;

private:
    Database& db_;
};

}  // namespace ow::storage
