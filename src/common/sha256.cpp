#include "common/sha256.hpp"

#include <sodium.h>

#include <stdexcept>

namespace ow {

std::string Sha256Hex(std::string_view data) {
    // sodium_init takes a lock every time: once is enough.
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium unavailable");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace ow
