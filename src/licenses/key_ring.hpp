// Signing keys of issuing departments (Ed25519, libsodium). Each department has a ring of keys:
// the newest unretired one signs new licenses; retired ones are kept so that what they signed
// still verifies. Secret keys exist at rest only sealed with the server's master key
// (crypto_secretbox: XSalsa20-Poly1305, a random nonce per key).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"

namespace ow::licenses {

// The 32-byte key that seals the departments' secret keys; wiped when destroyed.
class MasterKey {
public:
    static constexpr size_t kBytes = 32;

    // Fails with kInvalidValue (field "master_key", reason "length") unless exactly 32 bytes.
    static Result<MasterKey> FromBytes(std::string_view bytes);
    // A fresh random key (setup and tests).
    static MasterKey Generate();

    MasterKey(const MasterKey&) = default;
    MasterKey& operator=(const MasterKey&) = default;
    ~MasterKey();

    const unsigned char* data() const { return bytes_.data(); }

private:
    MasterKey() = default;
    std::array<unsigned char, kBytes> bytes_{};
};

// A key as the store keeps it.
struct StoredKey {
    std::string department_code;
    std::string key_id;             // KeyIdOf(public key)
    std::string public_key;         // base64 of the 32-byte Ed25519 public key
    std::string sealed_secret_key;  // base64 of nonce (24 bytes) + secretbox(32-byte seed)
    Timestamp created;
    std::optional<Timestamp> retired;
    friend bool operator==(const StoredKey&, const StoredKey&) = default;
};

// A key as published for verifiers (GET /api/v1/licenses/keys): no secret.
struct PublishedKey {
    std::string department_code;
    std::string key_id;
    std::string public_key;  // base64
    Timestamp created;
    std::optional<Timestamp> retired;
    friend bool operator==(const PublishedKey&, const PublishedKey&) = default;
};

using PublishedKeySet = std::vector<PublishedKey>;

// The key id of a raw 32-byte public key: the first 16 hex characters of its SHA-256.
std::string KeyIdOf(std::string_view raw_public_key);

// An opened secret key, ready to sign; wiped when destroyed.
class SigningKey {
public:
    SigningKey(const SigningKey&) = default;
    SigningKey& operator=(const SigningKey&) = default;
    ~SigningKey();

    const std::string& department_code() const { return department_code_; }
    const std::string& key_id() const { return key_id_; }
    // The 64-byte detached Ed25519 signature of `message`.
    std::string Sign(std::string_view message) const;

private:
    friend Result<SigningKey> OpenKey(const StoredKey& key, const MasterKey& master);
    SigningKey() = default;
    std::string department_code_;
    std::string key_id_;
    std::array<unsigned char, 64> secret_{};
};

// A new key pair for the department, its secret sealed with `master`.
StoredKey GenerateKey(std::string department_code, const MasterKey& master, Timestamp now);

// Unseals a stored key. Fails with kInternal (detail says why) when `master` is not the key
// that sealed it or the stored key is damaged (the secret does not match the public key).
Result<SigningKey> OpenKey(const StoredKey& key, const MasterKey& master);

PublishedKey Publish(const StoredKey& key);

// One department's keys, oldest first.
class KeyRing {
public:
    explicit KeyRing(std::string department_code, std::vector<StoredKey> keys = {});

    const std::string& department_code() const { return department_code_; }
    const std::vector<StoredKey>& keys() const { return keys_; }

    // The key new licenses are signed with: the newest one not retired; nullptr when none.
    const StoredKey* Active() const;

    // Generates a new active key; the previously active key is retired at `now` and kept.
    // The store saves the returned key and the retired one.
    const StoredKey& Rotate(const MasterKey& master, Timestamp now);

    // The active key, opened. Fails with kInvalidState (reason "no_signing_key") when there is
    // none, and as OpenKey.
    Result<SigningKey> OpenActive(const MasterKey& master) const;

    // Every key's public half, retired ones included.
    PublishedKeySet Published() const;

private:
    std::string department_code_;
    std::vector<StoredKey> keys_;
};

}  // namespace ow::licenses
