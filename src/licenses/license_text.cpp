#include "licenses/license_text.hpp"

#include <sodium.h>

#include "licenses/encoding.hpp"

namespace ow::licenses {
namespace {

Error Invalid(std::string reason) {
    return Error(ErrorCode::kInvalidValue).Field("license_text").Param("reason", std::move(reason));
}

std::string_view Trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n";
    size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool IsKeyId(std::string_view text) {
    if (text.size() != 16) return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

}  // namespace

std::string ToSignedText(std::string_view prefix, const SignedLicense& s) {
    return std::string(prefix) + "." + ToBase64Url(s.payload) + "." + s.key_id + "." +
           ToBase64Url(s.signature);
}

std::string ToLicenseText(const SignedLicense& s) {
    return ToSignedText(kLicenseTextPrefix, s);
}

Result<SignedLicense> ParseLicenseText(std::string_view text) {
    return ParseSignedText(kLicenseTextPrefix, text);
}

Result<SignedLicense> ParseSignedText(std::string_view prefix, std::string_view text) {
    text = Trim(text);
    std::string_view parts[4];
    size_t start = 0;
    for (int i = 0; i < 4; ++i) {
        size_t dot = i < 3 ? text.find('.', start) : text.size();
        if (dot == std::string_view::npos) return Invalid("license_text_form");
        parts[i] = text.substr(start, dot - start);
        start = dot + 1;
    }
    if (parts[0] != prefix || parts[3].find('.') != std::string_view::npos || parts[1].empty()) {
        return Invalid("license_text_form");
    }
    auto payload = FromBase64Url(parts[1]);
    if (!payload) return Invalid("base64");
    if (!IsKeyId(parts[2])) return Invalid("key_id_rule");
    auto signature = FromBase64Url(parts[3]);
    if (!signature) return Invalid("base64");
    if (signature->size() != crypto_sign_BYTES) return Invalid("signature_length");
    return SignedLicense{std::move(*payload), std::string(parts[2]), std::move(*signature)};
}

}  // namespace ow::licenses
