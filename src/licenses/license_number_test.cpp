#include "licenses/license_number.hpp"

#include <gtest/gtest.h>

namespace ow::licenses {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

TEST(Mod37_36, MatchesPublishedCheckCharacters) {
    // Global Release Identifiers, whose check character is ISO/IEC 7064 MOD 37,36.
    EXPECT_EQ(Mod37_36CheckCharacter("A12425GABC1234002"), 'M');
    EXPECT_EQ(Mod37_36CheckCharacter("A12425GXYZ9876008"), '6');
    EXPECT_EQ(Mod37_36CheckCharacter("A12425G1234567890"), 'L');
    EXPECT_EQ(Mod37_36CheckCharacter("A12589KCCC2586482"), 'V');
    EXPECT_EQ(Mod37_36CheckCharacter("A1134344343434434"), '4');
    // Separators are not part of the check.
    EXPECT_EQ(Mod37_36CheckCharacter("A1-2425G-ABC1234002"), 'M');
}

LicenseNumber Sample() {
    auto n = LicenseNumber::Make("11100000MB0143028R001", "11440700MB2C93010X", 20261126001, 1);
    EXPECT_TRUE(n.ok());
    return *n;
}

TEST(LicenseNumber, MakeGivesTheFormAndParseReadsItBack) {
    LicenseNumber n = Sample();
    std::string body = "1.2.156.3005.2.11100000MB0143028R001.11440700MB2C93010X.20261126001.1";
    EXPECT_EQ(n.str(), body + "." + Mod37_36CheckCharacter(body));
    auto parsed = LicenseNumber::Parse(n.str());
    ASSERT_TRUE(parsed.ok()) << parsed.error().Message(Lang::kEn);
    EXPECT_EQ(*parsed, n);
    EXPECT_EQ(parsed->type_code(), "11100000MB0143028R001");
    EXPECT_EQ(parsed->issuer_code(), "11440700MB2C93010X");
    EXPECT_EQ(parsed->sequence(), 20261126001u);
    EXPECT_EQ(parsed->version(), 1u);
}

TEST(LicenseNumber, LowerCaseIsNormalised) {
    LicenseNumber n = Sample();
    std::string lower = n.str();
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto parsed = LicenseNumber::Parse(lower);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->str(), n.str());
    auto made = LicenseNumber::Make("bl", "amr440781", 7, 2);
    ASSERT_TRUE(made.ok());
    EXPECT_EQ(made->type_code(), "BL");
    EXPECT_EQ(made->issuer_code(), "AMR440781");
}

TEST(LicenseNumber, ExactlyOneCheckCharacterFits) {
    std::string body = Sample().str();
    body.pop_back();
    int accepted = 0;
    for (char c : kAlphabet) accepted += LicenseNumber::Parse(body + c).ok() ? 1 : 0;
    EXPECT_EQ(accepted, 1);
}

TEST(LicenseNumber, EverySingleWrongCharacterIsCaught) {
    const std::string good = Sample().str();
    for (size_t i = 0; i < good.size(); ++i) {
        if (good[i] == '.') continue;
        for (char c : kAlphabet) {
            if (c == good[i]) continue;
            std::string bad = good;
            bad[i] = c;
            EXPECT_FALSE(LicenseNumber::Parse(bad).ok()) << bad;
        }
    }
}

TEST(LicenseNumber, SwapsOfNeighboursAreCaught) {
    // True for this number; in general MOD 37,36 misses about 1 in 600 such swaps.
    const std::string good = Sample().str();
    for (size_t i = 0; i + 1 < good.size(); ++i) {
        if (good[i] == good[i + 1] || good[i] == '.' || good[i + 1] == '.') continue;
        std::string bad = good;
        std::swap(bad[i], bad[i + 1]);
        EXPECT_FALSE(LicenseNumber::Parse(bad).ok()) << bad;
    }
}

TEST(LicenseNumber, RejectsWithAReason) {
    const std::string good = Sample().str();
    std::string wrong_check = good;
    wrong_check.back() = good.back() == '0' ? '1' : '0';
    struct Case {
        std::string text;
        const char* reason;
    };
    for (const Case& c : {
             Case{wrong_check, "check_digit"},
             Case{"1.2.156.3005.3.BL.AMR.1.1.0", "license_number_prefix"},
             Case{"1.2.156.3005.2", "license_number_prefix"},
             Case{"1.2.156.3005.2.BL.AMR.1.1", "license_number_parts"},
             Case{"1.2.156.3005.2.BL.AMR.1.1.0.0", "license_number_parts"},
             Case{"1.2.156.3005.2.BL.AMR.1.1.00", "license_number_parts"},
             Case{"1.2.156.3005.2.B-L.AMR.1.1.0", "type_code_rule"},
             Case{"1.2.156.3005.2..AMR.1.1.0", "type_code_rule"},
             Case{"1.2.156.3005.2.BL." + std::string(33, 'A') + ".1.1.0", "issuer_code_rule"},
             Case{"1.2.156.3005.2.BL.AMR.01.1.0", "sequence_rule"},
             Case{"1.2.156.3005.2.BL.AMR.1234567890123.1.0", "sequence_rule"},
             Case{"1.2.156.3005.2.BL.AMR.1.0.0", "version_rule"},
             Case{"1.2.156.3005.2.BL.AMR.1.10000.0", "version_rule"},
             Case{"1.2.156.3005.2.BL.AMR.1.1.*", "charset"},
         }) {
        auto n = LicenseNumber::Parse(c.text);
        ASSERT_FALSE(n.ok()) << c.text;
        EXPECT_EQ(n.error().code(), ErrorCode::kInvalidLicenseNumber);
        EXPECT_EQ(n.error().params()[0].second, c.reason) << c.text;
        // Every reason is a word with its own text in both languages.
        EXPECT_EQ(n.error().Message(Lang::kEn).find(std::string(": ") + c.reason),
                  std::string::npos);
        EXPECT_EQ(n.error().Message(Lang::kZhCN).find(std::string("：") + c.reason),
                  std::string::npos);
    }
}

TEST(LicenseNumber, MakeRejectsBadParts) {
    EXPECT_FALSE(LicenseNumber::Make("", "AMR", 1, 1).ok());
    EXPECT_FALSE(LicenseNumber::Make("business_license", "AMR", 1, 1).ok());
    EXPECT_FALSE(LicenseNumber::Make("BL", "AMR", 0, 1).ok());
    EXPECT_FALSE(LicenseNumber::Make("BL", "AMR", LicenseNumber::kMaxSequence + 1, 1).ok());
    EXPECT_FALSE(LicenseNumber::Make("BL", "AMR", 1, 0).ok());
    EXPECT_TRUE(LicenseNumber::Make("BL", "AMR", LicenseNumber::kMaxSequence, 9999).ok());
}

TEST(LicenseNumber, NewVersionStaysInTheSeries) {
    LicenseNumber v1 = Sample();
    auto v2 = v1.WithVersion(2);
    ASSERT_TRUE(v2.ok());
    EXPECT_TRUE(v2->SameSeries(v1));
    EXPECT_EQ(v2->version(), 2u);
    EXPECT_NE(v2->str(), v1.str());
    EXPECT_TRUE(LicenseNumber::Parse(v2->str()).ok());
    auto other = LicenseNumber::Make("11100000MB0143028R001", "11440700MB2C93010X", 2, 1);
    EXPECT_FALSE(other->SameSeries(v1));
}

}  // namespace
}  // namespace ow::licenses
