// License: one e-license as issued — what is signed, put into a QR code and shown to whoever
// verifies it — and its canonical serialization, the exact bytes the signature covers.
//
// Canonical form (CanonicalBytes): UTF-8 JSON, no whitespace, object keys in byte order,
// strings as they are except '"' -> \", '\' -> \\ and control characters U+0000-U+001F ->
// \u00xx (lower-case hex); integers in decimal; dates as "YYYY-MM-DD"; absent values as null;
// the fields in their own order. For example:
//   {"fields":[{"key":"capital","value":"100万元"}],"holder":{"id":"91440700MA4UJ3QF2K",
//   "name":"江门某某有限公司"},"issued_on":"2026-11-26","issuer":{"code":"amr",
//   "name_en":"Market Regulation","name_zh":"市场监督管理局"},"number":"1.2.156.3005.2....",
//   "previous":null,"schema":1,"state":"valid","type":{"code":"business_license",
//   "name_en":"Business license","name_zh":"营业执照"},"valid_from":"2026-11-26",
//   "valid_until":null,"version":1}
// (shown wrapped; the bytes have no line breaks). The same License always gives the same bytes
// and any change to any member changes them; "schema" is 1 for this layout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/dates.hpp"
#include "common/result.hpp"
#include "licenses/license_number.hpp"

namespace ow::licenses {

enum class LicenseState { kValid, kSuspended, kRevoked, kExpired };

// "valid", "suspended", "revoked", "expired".
std::string_view LicenseStateName(LicenseState state);
std::optional<LicenseState> ParseLicenseState(std::string_view name);

// The license type as the catalog knows it (the document type's code, e.g. business_license).
struct LicenseType {
    std::string code;
    std::string name_zh;
    std::string name_en;
    friend bool operator==(const LicenseType&, const LicenseType&) = default;
};

// Who the license is for: a resident ID number or a unified social credit code, and the name.
struct LicenseHolder {
    std::string id;
    std::string name;
    friend bool operator==(const LicenseHolder&, const LicenseHolder&) = default;
};

// The issuing department; its code is the one its signing keys are published under.
struct LicenseIssuer {
    std::string department_code;
    std::string name_zh;
    std::string name_en;
    friend bool operator==(const LicenseIssuer&, const LicenseIssuer&) = default;
};

struct LicenseField {
    std::string key;
    std::string value;
    friend bool operator==(const LicenseField&, const LicenseField&) = default;
};

struct License {
    LicenseNumber number;
    LicenseType type;
    LicenseHolder holder;
    LicenseIssuer issuer;
    Date issued_on;
    Date valid_from;
    std::optional<Date> valid_until;  // none: does not expire
    std::vector<LicenseField> fields;
    // The version this one renews or changes; set exactly when version() > 1.
    std::optional<LicenseNumber> previous;
    LicenseState state = LicenseState::kValid;

    uint32_t version() const { return number.version(); }
    friend bool operator==(const License&, const License&) = default;
};

// Whether the license may be signed. Fails with kInvalidValue naming the member ("type.code",
// "holder.id", "fields[2].key", ...) and a reason: "code_rule", "name_rule", "holder_id_rule"
// (neither an ID number nor a credit code), "text_rule", "duplicate", "before_from",
// "previous_rule" (not an earlier version of the same license); kInvalidDate for a date that
// does not exist.
Result<void> Validate(const License& license);

// The canonical bytes described above.
std::string CanonicalBytes(const License& license);

// The license whose canonical bytes are exactly `bytes`. Fails with kInvalidValue, field
// "payload", reason "not_canonical" for anything else (other spacing, key order, escapes,
// unknown or missing keys), or with Validate's errors.
Result<License> ParseCanonical(std::string_view bytes);

}  // namespace ow::licenses
