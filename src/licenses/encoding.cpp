#include "licenses/encoding.hpp"

#include <sodium.h>

#include <stdexcept>

namespace ow::licenses {
namespace {

std::string Encode(std::string_view bytes, int variant) {
    EnsureSodium();
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), variant);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::optional<std::string> Decode(std::string_view text, int variant) {
    EnsureSodium();
    std::string out(text.size() / 4 * 3 + 3, '\0');
    size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &length, &end, variant) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    out.resize(length);
    // Only the one encoding of these bytes: no stray bits in the last character.
    if (Encode(out, variant) != text) return std::nullopt;
    return out;
}

}  // namespace

void EnsureSodium() {
    // sodium_init takes a lock every time: once is enough.
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium unavailable");
}

std::string ToBase64(std::string_view bytes) {
    return Encode(bytes, sodium_base64_VARIANT_ORIGINAL);
}

std::string ToBase64Url(std::string_view bytes) {
    return Encode(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<std::string> FromBase64(std::string_view text) {
    return Decode(text, sodium_base64_VARIANT_ORIGINAL);
}

std::optional<std::string> FromBase64Url(std::string_view text) {
    return Decode(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

}  // namespace ow::licenses
