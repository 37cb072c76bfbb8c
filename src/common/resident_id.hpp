// ResidentId: an 18-character citizen identity number (GB 11643-1999): a 6-digit address code,
// an 8-digit birth date, a 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check
// character (0-9 or X). Only a well-formed number with a correct check character can be built.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace ow {

class ResidentId {
public:
    // Fails with kInvalidIdNumber (reason in "reason"): wrong length, non-digits, unknown
    // province, impossible or future birth date, wrong check character. A lower-case x is
    // accepted and normalised to X.
    static Result<ResidentId> Parse(std::string_view text);

    // The check character for the first 17 digits (which must be digits).
    static char CheckCharacter(std::string_view first17);

    const std::string& str() const { return value_; }
    std::chrono::year_month_day birth_date() const;
    // Shown in lists and logs: first 3 and last 4 characters, e.g. 440***********1234.
    std::string Masked() const;

    friend bool operator==(const ResidentId&, const ResidentId&) = default;

private:
    explicit ResidentId(std::string value) : value_(std::move(value)) {}
    std::string value_;
};

}  // namespace ow
