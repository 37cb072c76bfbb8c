// Byte encodings used by licenses and keys (libsodium): base64 for stored and published keys,
// base64url without padding for the QR text. Internal to licenses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ow::licenses {

// Initialises libsodium once; throws std::runtime_error if it cannot (a startup failure).
void EnsureSodium();

std::string ToBase64(std::string_view bytes);     // RFC 4648 alphabet, padded
std::string ToBase64Url(std::string_view bytes);  // URL-safe alphabet, no padding
// The bytes, or nullopt unless `text` is entirely in that exact encoding.
std::optional<std::string> FromBase64(std::string_view text);
std::optional<std::string> FromBase64Url(std::string_view text);

}  // namespace ow::licenses
