#include "licenses/signing.hpp"

#include <sodium.h>

#include "licenses/encoding.hpp"

namespace ow::licenses {

const PublishedKey* FindKey(const PublishedKeySet& keys, std::string_view key_id) {
    for (const PublishedKey& key : keys) {
        if (key.key_id == key_id) return &key;
    }
    return nullptr;
}

Result<SignedLicense> Sign(const License& license, const SigningKey& key) {
    OW_TRY(Validate(license));
    if (license.issuer.department_code != key.department_code()) {
        return Error(ErrorCode::kInvalidValue)
            .Field("issuer.department_code")
            .Param("reason", "key_department");
    }
    SignedLicense out;
    out.payload = CanonicalBytes(license);
    out.key_id = key.key_id();
    out.signature = key.Sign(out.payload);
    return out;
}

SignatureCheck CheckSignature(std::string_view payload, std::string_view key_id,
                              std::string_view signature, const PublishedKeySet& keys) {
    EnsureSodium();
    const PublishedKey* key = FindKey(keys, key_id);
    if (!key) return SignatureCheck::kUnknownKey;
    auto public_key = FromBase64(key->public_key);
    if (!public_key || public_key->size() != crypto_sign_PUBLICKEYBYTES) {
        return SignatureCheck::kUnknownKey;
    }
    if (signature.size() != crypto_sign_BYTES ||
        crypto_sign_verify_detached(
            reinterpret_cast<const unsigned char*>(signature.data()),
            reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
            reinterpret_cast<const unsigned char*>(public_key->data())) != 0) {
        return SignatureCheck::kTampered;
    }
    return SignatureCheck::kValid;
}

std::string_view VerdictName(Verdict verdict) {
    switch (verdict) {
        case Verdict::kValid: return "valid";
        case Verdict::kTampered: return "tampered";
        case Verdict::kUnknownKey: return "unknown_key";
        case Verdict::kRevoked: return "revoked";
        case Verdict::kSuspended: return "suspended";
        case Verdict::kExpired: return "expired";
        case Verdict::kNotYetValid: return "not_yet_valid";
    }
    return "tampered";
}

Verification Verify(const SignedLicense& s, const PublishedKeySet& keys, Date today,
                    std::optional<LicenseState> registry_state) {
    switch (CheckSignature(s.payload, s.key_id, s.signature, keys)) {
        case SignatureCheck::kUnknownKey: return {Verdict::kUnknownKey, std::nullopt};
        case SignatureCheck::kTampered: return {Verdict::kTampered, std::nullopt};
        case SignatureCheck::kValid: break;
    }
    return VerifySigned(s.payload, *FindKey(keys, s.key_id), today, registry_state);
}

Verification VerifySigned(std::string_view payload, const PublishedKey& key, Date today,
                          std::optional<LicenseState> registry_state) {
    auto license = ParseCanonical(payload);
    if (!license.ok()) return {Verdict::kTampered, std::nullopt};
    // A department's key vouches only for its own licenses, and a retired key for nothing
    // issued after it was retired.
    if (license->issuer.department_code != key.department_code ||
        (key.retired && license->issued_on > LocalDate(*key.retired))) {
        return {Verdict::kTampered, std::nullopt};
    }
    Verdict verdict = Verdict::kValid;
    switch (registry_state.value_or(license->state)) {
        case LicenseState::kRevoked: verdict = Verdict::kRevoked; break;
        case LicenseState::kSuspended: verdict = Verdict::kSuspended; break;
        case LicenseState::kExpired: verdict = Verdict::kExpired; break;
        case LicenseState::kValid:
            if (license->valid_until && today > *license->valid_until) {
                verdict = Verdict::kExpired;
            } else if (today < license->valid_from) {
                verdict = Verdict::kNotYetValid;
            }
            break;
    }
    return {verdict, std::move(license).value()};
}

}  // namespace ow::licenses
