// The compact text of a signed license, for QR codes and for pasting into the verify page:
//   OWL1.<base64url(payload)>.<key id>.<base64url(signature)>
// base64url is RFC 4648 §5 without padding, so the text has no '.' other than the three
// separators; the key id is 16 lower-case hex characters; "OWL1" names this layout.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "licenses/signing.hpp"

namespace ow::licenses {

inline constexpr std::string_view kLicenseTextPrefix = "OWL1";

std::string ToLicenseText(const SignedLicense& signed_license);

// Reads the text back (surrounding spaces and line breaks ignored). Fails with kInvalidValue,
// field "license_text", reason "license_text_form" (not four dot-separated parts starting with
// OWL1), "base64" (payload or signature not base64url), "key_id_rule" or "signature_length".
// Whether the signature holds is Verify's question, not this one's.
Result<SignedLicense> ParseLicenseText(std::string_view text);

// The same layout under another prefix (use copies: OWC1).
std::string ToSignedText(std::string_view prefix, const SignedLicense& signed_payload);
Result<SignedLicense> ParseSignedText(std::string_view prefix, std::string_view text);

}  // namespace ow::licenses
