#include "licenses/key_ring.hpp"

#include <sodium.h>

#include "common/sha256.hpp"
#include "licenses/encoding.hpp"

namespace ow::licenses {
namespace {

std::string_view AsChars(const unsigned char* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

Error Unopenable(const StoredKey& key, std::string why) {
    return Error(ErrorCode::kInternal)
        .Detail("signing key " + key.key_id + " of " + key.department_code + ": " + why);
}

}  // namespace

Result<MasterKey> MasterKey::FromBytes(std::string_view bytes) {
    if (bytes.size() != kBytes) {
        return Error(ErrorCode::kInvalidValue).Field("master_key").Param("reason", "length");
    }
    MasterKey key;
    std::copy(bytes.begin(), bytes.end(), key.bytes_.begin());
    return key;
}

MasterKey MasterKey::Generate() {
    EnsureSodium();
    MasterKey key;
    crypto_secretbox_keygen(key.bytes_.data());
    return key;
}

MasterKey::~MasterKey() {
    sodium_memzero(bytes_.data(), bytes_.size());
}

std::string KeyIdOf(std::string_view raw_public_key) {
    return Sha256Hex(raw_public_key).substr(0, 16);
}

SigningKey::~SigningKey() {
    sodium_memzero(secret_.data(), secret_.size());
}

std::string SigningKey::Sign(std::string_view message) const {
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         secret_.data());
    return signature;
}

StoredKey GenerateKey(std::string department_code, const MasterKey& master, Timestamp now) {
    EnsureSodium();
    unsigned char seed[crypto_sign_SEEDBYTES];
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    unsigned char secret_key[crypto_sign_SECRETKEYBYTES];
    randombytes_buf(seed, sizeof seed);
    crypto_sign_seed_keypair(public_key, secret_key, seed);

    unsigned char sealed[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + sizeof seed];
    randombytes_buf(sealed, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(sealed + crypto_secretbox_NONCEBYTES, seed, sizeof seed, sealed,
                          master.data());
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(secret_key, sizeof secret_key);

    std::string_view raw_public = AsChars(public_key, sizeof public_key);
    return StoredKey{
        .department_code = std::move(department_code),
        .key_id = KeyIdOf(raw_public),
        .public_key = ToBase64(raw_public),
        .sealed_secret_key = ToBase64(AsChars(sealed, sizeof sealed)),
        .created = now,
        .retired = std::nullopt,
    };
}

Result<SigningKey> OpenKey(const StoredKey& key, const MasterKey& master) {
    EnsureSodium();
    auto sealed = FromBase64(key.sealed_secret_key);
    if (!sealed || sealed->size() != crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                         crypto_sign_SEEDBYTES) {
        return Unopenable(key, "the sealed secret key is damaged");
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(sealed->data());
    unsigned char seed[crypto_sign_SEEDBYTES];
    if (crypto_secretbox_open_easy(seed, bytes + crypto_secretbox_NONCEBYTES,
                                   sealed->size() - crypto_secretbox_NONCEBYTES, bytes,
                                   master.data()) != 0) {
        return Unopenable(key, "the master key does not open it");
    }
    SigningKey opened;
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_seed_keypair(public_key, opened.secret_.data(), seed);
    sodium_memzero(seed, sizeof seed);
    // A sealed secret copied onto another key's row would sign under the wrong key id.
    if (ToBase64(AsChars(public_key, sizeof public_key)) != key.public_key) {
        return Unopenable(key, "the secret key does not belong to the public key");
    }
    opened.department_code_ = key.department_code;
    opened.key_id_ = key.key_id;
    return opened;
}

PublishedKey Publish(const StoredKey& key) {
    return PublishedKey{
        .department_code = key.department_code,
        .key_id = key.key_id,
        .public_key = key.public_key,
        .created = key.created,
        .retired = key.retired,
    };
}

KeyRing::KeyRing(std::string department_code, std::vector<StoredKey> keys)
    : department_code_(std::move(department_code)), keys_(std::move(keys)) {}

const StoredKey* KeyRing::Active() const {
    for (auto it = keys_.rbegin(); it != keys_.rend(); ++it) {
        if (!it->retired) return &*it;
    }
    return nullptr;
}

const StoredKey& KeyRing::Rotate(const MasterKey& master, Timestamp now) {
    for (StoredKey& key : keys_) {
        if (!key.retired) key.retired = now;
    }
    keys_.push_back(GenerateKey(department_code_, master, now));
    return keys_.back();
}

Result<SigningKey> KeyRing::OpenActive(const MasterKey& master) const {
    const StoredKey* active = Active();
    if (!active) {
        return Error(ErrorCode::kInvalidState).Param("reason", "no_signing_key");
    }
    return OpenKey(*active, master);
}

PublishedKeySet KeyRing::Published() const {
    PublishedKeySet out;
    out.reserve(keys_.size());
    for (const StoredKey& key : keys_) out.push_back(Publish(key));
    return out;
}

}  // namespace ow::licenses
