#include "common/text.hpp"

#include <cctype>

namespace ow {

std::optional<size_t> Utf8Length(std::string_view s) {
    size_t chars = 0;
    for (size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80           ? 1
                     : (c >> 5) == 0x6  ? 2
                     : (c >> 4) == 0xE  ? 3
                     : (c >> 3) == 0x1E ? 4
                                        : 0;
        if (len == 0 || i + len > s.size()) return std::nullopt;
        uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (size_t k = 1; k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return std::nullopt;
        i += len;
        ++chars;
    }
    return chars;
}

bool IsValidName(std::string_view text, size_t max_chars) {
    auto len = Utf8Length(text);
    if (!len || *len == 0 || *len > max_chars) return false;
    bool non_space = false;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) return false;
        if (c != ' ') non_space = true;
    }
    return non_space;
}

bool IsValidCode(std::string_view text, size_t max_chars) {
    if (text.empty() || text.size() > max_chars) return false;
    for (char c : text) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
    }
    return true;
}

}  // namespace ow
