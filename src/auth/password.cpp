#include "auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <new>
#include <set>

#include "common/text.hpp"

namespace ow::auth {
namespace {

std::string Lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

Error Weak(std::string reason) {
    return Error(ErrorCode::kWeakPassword).Field("new_password").Param("reason", std::move(reason));
}

}  // namespace

std::string HashPassword(std::string_view password) {
    if (sodium_init() < 0) throw std::bad_alloc();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::bad_alloc();
    }
    return out;
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
    if (sodium_init() < 0) return false;
    std::string h(hash);  // must be NUL-terminated
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyHash() {
    static const std::string hash = HashPassword("onewindow-no-such-user");
    return hash;
}

Result<void> CheckPasswordPolicy(std::string_view username, std::string_view password) {
    auto chars = Utf8Length(password);
    if (!chars || *chars < 10) return Weak("password_too_short");
    if (*chars > 128) return Weak("password_too_long");
    std::string lower = Lower(password);
    if (!username.empty() && lower.find(Lower(username)) != std::string::npos) {
        return Weak("contains_username");
    }
    if (std::set<char>(password.begin(), password.end()).size() < 4) return Weak("too_common");
    static constexpr std::array<std::string_view, 12> kCommon = {
        "1234567890",   "12345678910", "0123456789",  "qwertyuiop", "password123", "password1234",
        "1qaz2wsx3edc", "abc1234567",  "iloveyou123", "woaini1314", "a123456789",  "qwerty12345"};
    for (std::string_view c : kCommon) {
        if (lower == c) return Weak("too_common");
    }
    return Ok();
}

}  // namespace ow::auth
