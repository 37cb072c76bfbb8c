// Passwords: Argon2id hashes (libsodium, interactive limits), verification in constant time,
// and the policy a new password must meet (NIST SP 800-63B: length over composition rules,
// no obvious choices).
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"

namespace ow::auth {

// An Argon2id hash in PHC string form ($argon2id$v=19$m=...). Throws std::bad_alloc if the
// memory for hashing cannot be had (the only way libsodium fails here).
std::string HashPassword(std::string_view password);

// True when `password` matches `hash`. A malformed hash never matches.
bool VerifyPassword(std::string_view hash, std::string_view password);

// A hash whose verification costs what a real one does, for unknown usernames (so the time a
// failed login takes does not tell whether the username exists).
const std::string& DummyHash();

// Fails with kWeakPassword (field "new_password", reason in "reason"): fewer than 10 or more than
// 128 characters, contains the username, fewer than 4 distinct characters, or a well-known
// password.
Result<void> CheckPasswordPolicy(std::string_view username, std::string_view password);

}  // namespace ow::auth
