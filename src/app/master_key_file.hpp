// The master key that seals the departments' signing keys, kept in a file of 32 random bytes
// (mode 0600) outside the database, so a copy of the database alone cannot sign licenses.
#pragma once

#include <string>

#include "app/settings.hpp"
#include "licenses/key_ring.hpp"

namespace ow::app {

// The file the settings name: master_key_file, else "<sqlite path>.master-key", else (for
// PostgreSQL) var/master.key.
std::string MasterKeyPath(const Settings& settings);

// Reads the key; creates the file with a new random key when it does not exist. kInternal when
// the file cannot be read or created, kInvalidValue (field "master_key") when it does not hold
// exactly 32 bytes.
Result<licenses::MasterKey> LoadMasterKey(const std::string& path);

}  // namespace ow::app
