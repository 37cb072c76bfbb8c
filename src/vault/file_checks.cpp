#include "vault/file_checks.hpp"

#include <sodium.h>

#include <stdexcept>

namespace ow::vault {

Result<std::string> SniffContentType(std::string_view c) {
    if (c.empty())
        return Error(ErrorCode::kInvalidValue).Field("file").Param("reason", "empty_file");
    if (c.size() > kMaxFileBytes) {
        return Error(ErrorCode::kPayloadTooLarge).Param("max", std::to_string(kMaxFileBytes));
    }
    if (c.substr(0, 5) == "%PDF-") return std::string("application/pdf");
    if (c.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return std::string("image/png");
    if (c.size() > 3 && c.substr(0, 3) == std::string_view("\xff\xd8\xff", 3)) {
        return std::string("image/jpeg");
    }
    return Error(ErrorCode::kUnsupportedMediaType).Param("expected", "PDF, PNG or JPEG");
}

std::string NewFileId() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium unavailable");
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    std::string out;
    for (unsigned char b : bytes) {
        out += kAlphabet[b & 31];
        out += kAlphabet[(b >> 3) & 31];
    }
    return out.substr(0, 26);
}

}  // namespace ow::vault
