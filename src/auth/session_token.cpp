#include "auth/session_token.hpp"

#include <sodium.h>

#include <stdexcept>

#include "common/sha256.hpp"

namespace ow::auth {

std::string NewSessionToken() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium unavailable");
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::string HashToken(std::string_view token) {
    return Sha256Hex(token);
}

}  // namespace ow::auth
