// CreditCode: an 18-character unified social credit code of an enterprise or other organisation
// (GB 32100-2015): registration authority, organisation category, 6-digit administrative
// division, 9-character organisation code, and a MOD 31 check character. Letters I, O, S, V and
// Z never occur.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"

namespace ow {

class CreditCode {
public:
    // Fails with kInvalidCreditCode (reason in "reason"): wrong length, characters outside the
    // code's alphabet, non-digit division code, wrong check character. Lower case is accepted
    // and normalised to upper case.
    static Result<CreditCode> Parse(std::string_view text);

    // The check character for the first 17 characters (which must be in the alphabet).
    static char CheckCharacter(std::string_view first17);

    const std::string& str() const { return value_; }
    // The 6-digit administrative division code, e.g. 440705 for Xinhui.
    std::string_view division() const { return std::string_view(value_).substr(2, 6); }

    friend bool operator==(const CreditCode&, const CreditCode&) = default;

private:
    explicit CreditCode(std::string value) : value_(std::move(value)) {}
    std::string value_;
};

}  // namespace ow
