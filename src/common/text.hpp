// Checks on user-supplied text: valid UTF-8, length in characters, identifier-like codes.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ow {

// Characters (code points) in valid UTF-8 text; nullopt if the text is not valid UTF-8.
std::optional<size_t> Utf8Length(std::string_view text);

// A display name or title: valid UTF-8, 1..max_chars characters, no control characters,
// not only spaces.
bool IsValidName(std::string_view text, size_t max_chars);

// A code: 1..max_chars of [A-Za-z0-9_-].
bool IsValidCode(std::string_view text, size_t max_chars = 32);

}  // namespace ow
