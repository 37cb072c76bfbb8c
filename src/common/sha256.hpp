// SHA-256 as lower-case hex (libsodium).
#pragma once

#include <string>
#include <string_view>

namespace ow {

std::string Sha256Hex(std::string_view data);

}  // namespace ow
