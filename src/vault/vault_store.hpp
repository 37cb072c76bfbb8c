// VaultStore: where files and vault documents are kept (implemented in storage/). Documents are
// written by the case store, in the same transaction as the case change that deposits them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "vault/vault_types.hpp"

namespace ow::vault {

class VaultStore {
public:
    virtual ~VaultStore() = default;
    // Keeps the content once per SHA-256 and records the upload as a new file.
    virtual Result<StoredFile> SaveFile(const StoredFile& file, const std::string& content) = 0;
    virtual Result<std::optional<StoredFile>> FindFile(const std::string& id) = 0;
    // The files of these ids that exist (in no particular order).
    virtual Result<std::vector<StoredFile>> FindFiles(const std::vector<std::string>& ids) = 0;
    virtual Result<std::optional<std::string>> FileContent(const std::string& id) = 0;
    virtual Result<std::vector<VaultDocument>> Documents(const std::string& holder) = 0;
};

}  // namespace ow::vault
