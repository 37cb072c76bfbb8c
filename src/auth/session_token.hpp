// Session tokens: 256 random bits, base64url. Only their SHA-256 is ever stored.
#pragma once

#include <string>
#include <string_view>

namespace ow::auth {

std::string NewSessionToken();
// Lower-case hex SHA-256 of the token.
std::string HashToken(std::string_view token);

}  // namespace ow::auth
