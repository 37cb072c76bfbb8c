// What an upload may be: a PDF, PNG or JPEG (checked by content, not by the name it claims),
// of at most kMaxFileBytes.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"

namespace ow::vault {

inline constexpr size_t kMaxFileBytes = 20u << 20;

// The content type the bytes really have; kUnsupportedMediaType for anything else,
// kPayloadTooLarge over the limit, kInvalidValue for an empty file.
Result<std::string> SniffContentType(std::string_view content);

// A fresh unguessable identifier (128 bits, base32).
std::string NewFileId();

}  // namespace ow::vault
