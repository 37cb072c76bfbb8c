#include "licenses/use_copy.hpp"

#include "common/text.hpp"
#include "licenses/canonical_json.hpp"
#include "licenses/license_text.hpp"

namespace ow::licenses {
namespace {

constexpr char kSeparator = '\n';

bool IsCopyId(std::string_view id) {
    if (id.empty() || id.size() > 32) return false;
    for (char c : id) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return true;
}

// The copy whose canonical bytes are exactly `bytes`.
std::optional<UseCopy> ParseCopyBytes(std::string_view bytes) {
    auto root = canonical::Parse(bytes);
    if (!root || root->kind != canonical::Value::Kind::kObject) return std::nullopt;
    const canonical::Value* copy = root->Find("copy");
    if (!copy || copy->kind != canonical::Value::Kind::kObject) return std::nullopt;
    auto text = [&](std::string_view key) -> const std::string* {
        const canonical::Value* v = copy->Find(key);
        return v && v->kind == canonical::Value::Kind::kString ? &v->string : nullptr;
    };
    const std::string* id = text("id");
    const std::string* purpose = text("purpose");
    const std::string* made_on = text("made_on");
    const std::string* valid_until = text("valid_until");
    if (!id || !purpose || !made_on || !valid_until) return std::nullopt;
    auto made = ParseDate(*made_on);
    auto until = ParseDate(*valid_until);
    if (!made || !until) return std::nullopt;
    UseCopy out{*id, *purpose, *made, *until};
    if (CopyBytes(out) != bytes) return std::nullopt;
    return out;
}

}  // namespace

Result<void> ValidateCopy(const UseCopy& copy, const License& license) {
    if (!IsCopyId(copy.id)) return InvalidValue("id", "code_rule");
    if (!IsValidName(copy.purpose, kMaxPurposeChars)) return InvalidValue("purpose", "name_rule");
    if (Days(copy.valid_until) < Days(copy.made_on)) {
        return InvalidValue("valid_until", "before_made");
    }
    if ((Days(copy.valid_until) - Days(copy.made_on)).count() > kMaxCopyDays) {
        return InvalidValue("valid_until", "copy_too_long");
    }
    if (license.valid_until && Days(copy.valid_until) > Days(*license.valid_until)) {
        return InvalidValue("valid_until", "beyond_license");
    }
    return Ok();
}

std::string CopyBytes(const UseCopy& copy) {
    std::string out = "{\"copy\":{\"id\":";
    canonical::AppendString(out, copy.id);
    out += ",\"made_on\":";
    canonical::AppendString(out, FormatDate(copy.made_on));
    out += ",\"purpose\":";
    canonical::AppendString(out, copy.purpose);
    out += ",\"valid_until\":";
    canonical::AppendString(out, FormatDate(copy.valid_until));
    out += "},\"schema\":1}";
    return out;
}

Result<SignedLicense> SignCopy(const UseCopy& copy, const SignedLicense& license,
                               const SigningKey& key) {
    OW_ASSIGN_OR_RETURN(License parsed, ParseCanonical(license.payload));
    OW_TRY(ValidateCopy(copy, parsed));
    if (parsed.issuer.department_code != key.department_code()) {
        return InvalidValue("issuer.department_code", "key_department");
    }
    SignedLicense out;
    out.payload = CopyBytes(copy) + kSeparator + license.payload;
    out.key_id = key.key_id();
    out.signature = key.Sign(out.payload);
    return out;
}

std::string ToCopyText(const SignedLicense& signed_copy) {
    return ToSignedText(kCopyTextPrefix, signed_copy);
}

Result<SignedLicense> ParseCopyText(std::string_view text) {
    return ParseSignedText(kCopyTextPrefix, text);
}

CopyVerification VerifyCopy(const SignedLicense& s, const PublishedKeySet& keys, Date today,
                            std::optional<LicenseState> registry_state) {
    switch (CheckSignature(s.payload, s.key_id, s.signature, keys)) {
        case SignatureCheck::kUnknownKey: return {{Verdict::kUnknownKey, std::nullopt}, {}};
        case SignatureCheck::kTampered: return {{Verdict::kTampered, std::nullopt}, {}};
        case SignatureCheck::kValid: break;
    }
    size_t split = s.payload.find(kSeparator);
    if (split == std::string::npos) return {{Verdict::kTampered, std::nullopt}, {}};
    auto copy = ParseCopyBytes(std::string_view(s.payload).substr(0, split));
    if (!copy) return {{Verdict::kTampered, std::nullopt}, {}};
    Verification v = VerifySigned(std::string_view(s.payload).substr(split + 1),
                                  *FindKey(keys, s.key_id), today, registry_state);
    if (!v.license) return {v, std::nullopt};
    if (v.verdict == Verdict::kValid) {
        if (Days(today) > Days(copy->valid_until)) {
            v.verdict = Verdict::kExpired;
        } else if (Days(today) < Days(copy->made_on)) {
            v.verdict = Verdict::kNotYetValid;
        }
    }
    return {std::move(v), std::move(copy)};
}

}  // namespace ow::licenses
