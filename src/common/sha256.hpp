// SHA-256 and HMAC-SHA256 as lower-case hex (libsodium).
#pragma once

#include <string>
#include <string_view>

namespace ow {

std::string Sha256Hex(std::string_view data);

// HMAC-SHA256 of `data` under `key`, as lower-case hex (webhook signatures).
std::string HmacSha256Hex(std::string_view key, std::string_view data);

// Whether a == b, in time that does not depend on where they differ (comparing signatures).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace ow
