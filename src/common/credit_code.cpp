#include "common/credit_code.hpp"

#include <array>
#include <cctype>

namespace ow {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

Error Invalid(std::string reason) {
    return Error(ErrorCode::kInvalidCreditCode)
        .Field("credit_code")
        .Param("reason", std::move(reason));
}

}  // namespace

char CreditCode::CheckCharacter(std::string_view first17) {
    static constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                     29, 25, 13, 8,  24, 10, 30, 28};
    int sum = 0;
    for (size_t i = 0; i < 17; ++i) {
        sum += static_cast<int>(kAlphabet.find(first17[i])) * kWeights[i];
    }
    return kAlphabet[(31 - sum % 31) % 31];
}

Result<CreditCode> CreditCode::Parse(std::string_view text) {
    if (text.size() != 18) return Invalid("length");
    std::string value(text);
    for (char& c : value) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (kAlphabet.find(c) == std::string_view::npos) return Invalid("charset");
    }
    for (size_t i = 2; i < 8; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(value[i]))) return Invalid("region");
    }
    if (CheckCharacter(value) != value[17]) return Invalid("check_digit");
    return CreditCode(std::move(value));
}

}  // namespace ow
