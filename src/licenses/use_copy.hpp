// Use copies (加注件): the holder shares a license for one stated purpose until a date. A copy
// is signed text like the license itself and verifies offline:
//   OWC1.<base64url(payload)>.<key id>.<base64url(signature)>
// where the payload is the copy's canonical bytes, one line feed, and the license's canonical
// bytes exactly as the license was signed. Canonical JSON escapes every control character, so the
// line feed cannot occur inside either part. Copy bytes, keys in byte order:
//   {"copy":{"id":"C7F2…","made_on":"2026-11-27","purpose":"银行开户","valid_until":"2026-12-27"},
//    "schema":1}
// The signature (the issuing department's key) covers both parts: a copy cannot be moved onto
// another license, and its purpose and period cannot be changed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/dates.hpp"
#include "common/result.hpp"
#include "licenses/signing.hpp"

namespace ow::licenses {

inline constexpr std::string_view kCopyTextPrefix = "OWC1";
inline constexpr int kMaxCopyDays = 90;
inline constexpr size_t kMaxPurposeChars = 200;

struct UseCopy {
    std::string id;  // [0-9A-Z], 1-32 characters
    std::string purpose;
    Date made_on;
    Date valid_until;
    friend bool operator==(const UseCopy&, const UseCopy&) = default;
};

// Whether a copy of `license` may be made as asked on `made_on`. Fails with kInvalidValue:
// field "id" (code_rule), "purpose" (name_rule), "valid_until" with reason "before_made"
// (before made_on), "copy_too_long" (more than kMaxCopyDays after made_on) or
// "beyond_license" (after the license's own valid_until).
Result<void> ValidateCopy(const UseCopy& copy, const License& license);

std::string CopyBytes(const UseCopy& copy);

// The copy signed with `key` over CopyBytes + "\n" + `license.payload`; `key` must be the key
// of the license's department. Fails like ValidateCopy and with kInvalidValue (field
// "payload") when the license payload is not canonical.
Result<SignedLicense> SignCopy(const UseCopy& copy, const SignedLicense& license,
                               const SigningKey& key);

std::string ToCopyText(const SignedLicense& signed_copy);
// Reads OWC1 text; fails like ParseLicenseText (field "license_text").
Result<SignedLicense> ParseCopyText(std::string_view text);

struct CopyVerification {
    Verification verification;  // of the license, then narrowed by the copy's own period
    std::optional<UseCopy> copy;
};

// As Verify, over the copy's payload: tampered when the signature or either part fails; then
// the license's verdict; a license that is valid makes the copy expired after its valid_until
// and not yet valid before made_on.
CopyVerification VerifyCopy(const SignedLicense& signed_copy, const PublishedKeySet& keys,
                            Date today, std::optional<LicenseState> registry_state = std::nullopt);

}  // namespace ow::licenses
