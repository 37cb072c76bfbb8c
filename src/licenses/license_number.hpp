// LicenseNumber: the identifier of an e-license in the GB/T 36903 form
//   1.2.156.3005.2.<type code>.<issuer code>.<sequence>.<version>.<check character>
// - type code: 1-32 of [0-9A-Z], the national code of the license type;
// - issuer code: 1-32 of [0-9A-Z], e.g. the issuing department's 18-character credit code;
// - sequence: 1-12 decimal digits, no leading zero (1 .. 999999999999);
// - version: 1-4 decimal digits, no leading zero (1 .. 9999); a renewal or change is the same
//   type, issuer and sequence with a higher version;
// - check character: ISO/IEC 7064 MOD 37,36 (hybrid system, alphabet 0-9 A-Z) over every
//   character before the last '.', the '.' separators left out (as ISO 7064 leaves out
//   separators, cf. GRid "A1-2425G-ABC1234002-M"). It catches every single wrong character and
//   all but about 1 in 600 swaps of two neighbouring characters. A separator moved inside the
//   number is not caught by the check character itself, only when a part then breaks its rule.
// Lower case is accepted on input and normalised to upper case.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "common/result.hpp"

namespace ow::licenses {

// The MOD 37,36 check character for `text` (characters 0-9, A-Z; any other is skipped).
char Mod37_36CheckCharacter(std::string_view text);

class LicenseNumber {
public:
    static constexpr std::string_view kPrefix = "1.2.156.3005.2";
    static constexpr uint64_t kMaxSequence = 999'999'999'999;
    static constexpr uint32_t kMaxVersion = 9999;

    // Builds a number with its check character. Fails with kInvalidLicenseNumber, reason
    // "type_code_rule", "issuer_code_rule", "sequence_rule" or "version_rule".
    static Result<LicenseNumber> Make(std::string_view type_code, std::string_view issuer_code,
                                      uint64_t sequence, uint32_t version);

    // Reads a number as written. Fails with kInvalidLicenseNumber (field "license_number"),
    // reason "license_number_prefix" (not 1.2.156.3005.2.), "license_number_parts" (not
    // five parts after the prefix), one of
    // the part rules above, "charset" (check character outside 0-9 A-Z) or "check_digit".
    static Result<LicenseNumber> Parse(std::string_view text);

    // The same license at another version (renewal, change); fails like Make.
    Result<LicenseNumber> WithVersion(uint32_t version) const;

    const std::string& str() const { return value_; }
    const std::string& type_code() const { return type_code_; }
    const std::string& issuer_code() const { return issuer_code_; }
    uint64_t sequence() const { return sequence_; }
    uint32_t version() const { return version_; }
    char check_character() const { return value_.back(); }

    // True when `other` is this license's series (same type, issuer and sequence).
    bool SameSeries(const LicenseNumber& other) const {
        return type_code_ == other.type_code_ && issuer_code_ == other.issuer_code_ &&
               sequence_ == other.sequence_;
    }

    friend bool operator==(const LicenseNumber& a, const LicenseNumber& b) {
        return a.value_ == b.value_;
    }

private:
    LicenseNumber(std::string value, std::string type_code, std::string issuer_code,
                  uint64_t sequence, uint32_t version)
        : value_(std::move(value)),
          type_code_(std::move(type_code)),
          issuer_code_(std::move(issuer_code)),
          sequence_(sequence),
          version_(version) {}

    std::string value_;
    std::string type_code_;
    std::string issuer_code_;
    uint64_t sequence_;
    uint32_t version_;
};

}  // namespace ow::licenses
