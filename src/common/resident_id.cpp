#include "common/resident_id.hpp"

#include <array>
#include <cctype>

namespace ow {
namespace {

Error Invalid(std::string reason) {
    return Error(ErrorCode::kInvalidIdNumber).Field("id_number").Param("reason", std::move(reason));
}

// Province-level codes of GB/T 2260 (first two digits of the address code).
bool KnownProvince(int code) {
    static constexpr std::array kCodes = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                          35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                          53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91};
    for (int c : kCodes) {
        if (c == code) return true;
    }
    return false;
}

int Digits(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

char ResidentId::CheckCharacter(std::string_view first17) {
    static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                     3, 7, 9,  10, 5, 8, 4, 2};
    static constexpr std::string_view kChecks = "10X98765432";
    int sum = 0;
    for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
    return kChecks[sum % 11];
}

Result<ResidentId> ResidentId::Parse(std::string_view text) {
    if (text.size() != 18) return Invalid("length");
    std::string value(text);
    if (value[17] == 'x') value[17] = 'X';
    for (size_t i = 0; i < 17; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(value[i]))) return Invalid("digits");
    }
    if (!std::isdigit(static_cast<unsigned char>(value[17])) && value[17] != 'X') {
        return Invalid("digits");
    }
    if (!KnownProvince(Digits(value.substr(0, 2)))) return Invalid("region");
    std::chrono::year_month_day birth{std::chrono::year{Digits(value.substr(6, 4))},
                                      std::chrono::month(Digits(value.substr(10, 2))),
                                      std::chrono::day(Digits(value.substr(12, 2)))};
    if (!birth.ok() || birth.year() < std::chrono::year{1850}) return Invalid("birth_date");
    if (CheckCharacter(value) != value[17]) return Invalid("check_digit");
    return ResidentId(std::move(value));
}

std::chrono::year_month_day ResidentId::birth_date() const {
    return {std::chrono::year{Digits(value_.substr(6, 4))},
            std::chrono::month(Digits(value_.substr(10, 2))),
            std::chrono::day(Digits(value_.substr(12, 2)))};
}

std::string ResidentId::Masked() const {
    return value_.substr(0, 3) + std::string(11, '*') + value_.substr(14);
}

}  // namespace ow
