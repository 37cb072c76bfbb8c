#include "licenses/use_copy.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "licenses/license_text.hpp"
#include "licenses/test_licenses.hpp"

namespace ow::licenses {
namespace {

using namespace std::chrono;
using testing::SampleLicense;

const Timestamp kNow = sys_days(2026y / November / 26d) + hours(8);
const Date kMade = 2026y / November / 27d;

struct Fixture : testing::KeyFixture {
    Fixture() : KeyFixture(kNow - days(10)) {}
    UseCopy Copy() const { return {"C0PY42", "银行开户 \"对公\"", kMade, 2026y / December / 27d}; }
    SignedLicense SignedCopy() const {
        return SignCopy(Copy(), KeyFixture::Signed(), Key()).value();
    }
};

TEST(UseCopy, CanonicalBytesAreFixed) {
    Fixture f;
    EXPECT_EQ(CopyBytes(f.Copy()),
              "{\"copy\":{\"id\":\"C0PY42\",\"made_on\":\"2026-11-27\",\"purpose\":\"银行开户 "
              "\\\"对公\\\"\",\"valid_until\":\"2026-12-27\"},\"schema\":1}");
}

TEST(UseCopy, ACopyVerifiesAsACopyWithItsPurposeUntilItsLastDay) {
    Fixture f;
    SignedLicense s = f.SignedCopy();
    auto text = ToCopyText(s);
    EXPECT_TRUE(text.starts_with("OWC1."));
    auto parsed = ParseCopyText(text);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, s);
    EXPECT_FALSE(ParseLicenseText(text).ok());  // not a license text
    auto keys = f.ring.Published();
    CopyVerification v = VerifyCopy(s, keys, 2026y / December / 27d);
    EXPECT_EQ(v.verification.verdict, Verdict::kValid);
    ASSERT_TRUE(v.copy.has_value());
    EXPECT_EQ(*v.copy, f.Copy());
    EXPECT_EQ(*v.verification.license, SampleLicense());
    EXPECT_EQ(VerifyCopy(s, keys, 2026y / December / 28d).verification.verdict, Verdict::kExpired);
    EXPECT_EQ(VerifyCopy(s, keys, 2026y / November / 26d).verification.verdict,
              Verdict::kNotYetValid);
    // The registry's word about the license counts for its copies.
    EXPECT_EQ(VerifyCopy(s, keys, kMade, LicenseState::kRevoked).verification.verdict,
              Verdict::kRevoked);
}

TEST(UseCopy, EveryOneByteChangeIsTampered) {
    Fixture f;
    const SignedLicense good = f.SignedCopy();
    const auto keys = f.ring.Published();
    for (size_t i = 0; i < good.payload.size(); ++i) {
        SignedLicense bad = good;
        bad.payload[i] = static_cast<char>(bad.payload[i] ^ 0x01);
        ASSERT_EQ(VerifyCopy(bad, keys, kMade).verification.verdict, Verdict::kTampered)
            << "byte " << i;
    }
    // A copy's signature does not make its license part verify as a license on its own.
    SignedLicense license_part = good;
    license_part.payload = good.payload.substr(good.payload.find('\n') + 1);
    EXPECT_EQ(Verify(license_part, keys, kMade).verdict, Verdict::kTampered);
}

TEST(UseCopy, UnknownKey) {
    Fixture f, other;
    EXPECT_EQ(VerifyCopy(f.SignedCopy(), other.ring.Published(), kMade).verification.verdict,
              Verdict::kUnknownKey);
}

TEST(UseCopy, PeriodRules) {
    Fixture f;
    License l = SampleLicense();  // valid until 2046-11-25
    UseCopy c = f.Copy();
    EXPECT_TRUE(ValidateCopy(c, l).ok());
    c.valid_until = Date{sys_days(kMade) + days(90)};
    EXPECT_TRUE(ValidateCopy(c, l).ok());
    c.valid_until = Date{sys_days(kMade) + days(91)};
    EXPECT_EQ(ValidateCopy(c, l).error().params().at(0).second, "copy_too_long");
    c.valid_until = Date{sys_days(kMade) - days(1)};
    EXPECT_EQ(ValidateCopy(c, l).error().params().at(0).second, "before_made");
    l.valid_until = Date{sys_days(kMade) + days(5)};
    c.valid_until = Date{sys_days(kMade) + days(6)};
    EXPECT_EQ(ValidateCopy(c, l).error().params().at(0).second, "beyond_license");
    c = f.Copy();
    c.purpose = "";
    EXPECT_EQ(ValidateCopy(c, SampleLicense()).error().field(), "purpose");
    c = f.Copy();
    c.id = "lower";
    EXPECT_EQ(ValidateCopy(c, SampleLicense()).error().field(), "id");
}

}  // namespace
}  // namespace ow::licenses
