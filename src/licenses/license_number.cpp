#include "licenses/license_number.hpp"

#include <cctype>
#include <vector>

namespace ow::licenses {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr size_t kMaxCodeLength = 32;

Error Invalid(std::string reason) {
    return Error(ErrorCode::kInvalidLicenseNumber)
        .Field("license_number")
        .Param("reason", std::move(reason));
}

int ValueOf(char c) {
    size_t pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

std::string Upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool IsCodePart(std::string_view part) {
    if (part.empty() || part.size() > kMaxCodeLength) return false;
    for (char c : part) {
        if (ValueOf(c) < 0) return false;
    }
    return true;
}

// A decimal number of 1..max_digits digits without a leading zero.
bool ParseDecimal(std::string_view part, size_t max_digits, uint64_t& out) {
    if (part.empty() || part.size() > max_digits || part[0] == '0') return false;
    out = 0;
    for (char c : part) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<uint64_t>(c - '0');
    }
    return true;
}

std::vector<std::string_view> Split(std::string_view text) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (true) {
        size_t dot = text.find('.', start);
        parts.push_back(text.substr(start, dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return parts;
}

}  // namespace

char Mod37_36CheckCharacter(std::string_view text) {
    constexpr int m = 36;
    int p = m;
    for (char c : text) {
        int v = ValueOf(c);
        if (v < 0) continue;
        int s = (p + v) % m;
        if (s == 0) s = m;
        p = (s * 2) % (m + 1);
    }
    // The check character a makes (p + a) mod 36 == 1.
    return kAlphabet[(m + 1 - p) % m];
}

Result<LicenseNumber> LicenseNumber::Make(std::string_view type_code, std::string_view issuer_code,
                                          uint64_t sequence, uint32_t version) {
    std::string type = Upper(type_code);
    std::string issuer = Upper(issuer_code);
    if (!IsCodePart(type)) return Invalid("type_code_rule");
    if (!IsCodePart(issuer)) return Invalid("issuer_code_rule");
    if (sequence == 0 || sequence > kMaxSequence) return Invalid("sequence_rule");
    if (version == 0 || version > kMaxVersion) return Invalid("version_rule");
    std::string body = std::string(kPrefix) + "." + type + "." + issuer + "." +
                       std::to_string(sequence) + "." + std::to_string(version);
    char check = Mod37_36CheckCharacter(body);
    return LicenseNumber(body + "." + check, std::move(type), std::move(issuer), sequence, version);
}

Result<LicenseNumber> LicenseNumber::Parse(std::string_view text) {
    std::string upper = Upper(text);
    std::string_view view = upper;
    if (view.size() <= kPrefix.size() || view.substr(0, kPrefix.size()) != kPrefix ||
        view[kPrefix.size()] != '.') {
        return Invalid("license_number_prefix");
    }
    std::vector<std::string_view> parts = Split(view.substr(kPrefix.size() + 1));
    if (parts.size() != 5) return Invalid("license_number_parts");
    if (!IsCodePart(parts[0])) return Invalid("type_code_rule");
    if (!IsCodePart(parts[1])) return Invalid("issuer_code_rule");
    uint64_t sequence = 0;
    if (!ParseDecimal(parts[2], 12, sequence)) return Invalid("sequence_rule");
    uint64_t version = 0;
    if (!ParseDecimal(parts[3], 4, version)) return Invalid("version_rule");
    if (parts[4].size() != 1) return Invalid("license_number_parts");
    if (ValueOf(parts[4][0]) < 0) return Invalid("charset");
    if (Mod37_36CheckCharacter(view.substr(0, view.size() - 2)) != parts[4][0]) {
        return Invalid("check_digit");
    }
    std::string type(parts[0]);
    std::string issuer(parts[1]);
    return LicenseNumber(std::move(upper), std::move(type), std::move(issuer), sequence,
                         static_cast<uint32_t>(version));
}

Result<LicenseNumber> LicenseNumber::WithVersion(uint32_t version) const {
    return Make(type_code_, issuer_code_, sequence_, version);
}

}  // namespace ow::licenses
