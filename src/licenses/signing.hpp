// Signing a license and checking one: the signature is Ed25519 (libsodium, detached) over the
// license's canonical bytes, made with the issuing department's active key.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/dates.hpp"
#include "common/result.hpp"
#include "licenses/key_ring.hpp"
#include "licenses/license.hpp"

namespace ow::licenses {

// What a verifier needs besides the published keys; the QR code holds exactly this.
struct SignedLicense {
    std::string payload;    // CanonicalBytes of the license
    std::string key_id;     // of the key that signed
    std::string signature;  // 64 raw bytes
    friend bool operator==(const SignedLicense&, const SignedLicense&) = default;
};

// Signs `license` with `key`. Fails with Validate's errors, or kInvalidValue (field
// "issuer.department_code", reason "key_department") when the key is not the issuer's.
Result<SignedLicense> Sign(const License& license, const SigningKey& key);

// The signature alone, over the bytes: unknown key when no published key has `key_id` (or its
// public key is unreadable); tampered when the signature does not fit the bytes.
enum class SignatureCheck { kValid, kTampered, kUnknownKey };
SignatureCheck CheckSignature(std::string_view payload, std::string_view key_id,
                              std::string_view signature, const PublishedKeySet& keys);

// The answer a verifier gets.
enum class Verdict { kValid, kTampered, kUnknownKey, kRevoked, kSuspended, kExpired, kNotYetValid };
// "valid", "tampered", "unknown_key", "revoked", "suspended", "expired", "not_yet_valid".
std::string_view VerdictName(Verdict verdict);

struct Verification {
    Verdict verdict;
    // The license as signed; present whenever the signature holds (all verdicts but
    // kUnknownKey and kTampered).
    std::optional<License> license;
};

// Checks in this order: the key is known (kUnknownKey); the signature holds, the payload is a
// canonical license, its issuer is the key's department and, for a retired key, it was issued
// no later than the key's retirement (Asia/Shanghai date) (kTampered otherwise); then the state
// — `registry_state` when the caller knows the current one (online), else the signed one
// (offline) — kRevoked, kSuspended, kExpired; then the dates against `today`: kExpired after
// valid_until, kNotYetValid before valid_from; else kValid.
Verification Verify(const SignedLicense& signed_license, const PublishedKeySet& keys, Date today,
                    std::optional<LicenseState> registry_state = std::nullopt);

// The published key with `key_id`; nullptr when none.
const PublishedKey* FindKey(const PublishedKeySet& keys, std::string_view key_id);

// Verify's checks after the signature, for `payload` whose signature `key` made (use copies
// sign more bytes than the license's): the payload, the key's department and retirement, the
// state and the dates.
Verification VerifySigned(std::string_view payload, const PublishedKey& key, Date today,
                          std::optional<LicenseState> registry_state = std::nullopt);

}  // namespace ow::licenses
