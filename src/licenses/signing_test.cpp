#include "licenses/signing.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "common/sha256.hpp"
#include "licenses/encoding.hpp"
#include "licenses/license_text.hpp"
#include "licenses/test_licenses.hpp"

namespace ow::licenses {
namespace {

using namespace std::chrono;
using testing::SampleLicense;

// 2026-11-26 08:00 UTC, 16:00 in Jiangmen.
const Timestamp kNow = sys_days(2026y / November / 26d) + hours(8);
const Date kToday = 2026y / December / 1d;

// Keys made 400 days before kNow.
struct Fixture : testing::KeyFixture {
    Fixture() : KeyFixture(kNow - days(400)) {}
};

TEST(Signing, ASignedLicenseVerifies) {
    Fixture f;
    SignedLicense s = f.Signed();
    EXPECT_EQ(s.payload, CanonicalBytes(SampleLicense()));
    EXPECT_EQ(s.key_id, f.ring.Active()->key_id);
    EXPECT_EQ(s.signature.size(), 64u);
    Verification v = Verify(s, f.ring.Published(), kToday);
    EXPECT_EQ(v.verdict, Verdict::kValid);
    ASSERT_TRUE(v.license.has_value());
    EXPECT_EQ(*v.license, SampleLicense());
}

TEST(Signing, EveryOneByteChangeOfThePayloadIsTampered) {
    Fixture f;
    const SignedLicense good = f.Signed();
    const PublishedKeySet keys = f.ring.Published();
    for (size_t i = 0; i < good.payload.size(); ++i) {
        for (unsigned char flip : {0x01, 0x20, 0x80}) {
            SignedLicense bad = good;
            bad.payload[i] = static_cast<char>(bad.payload[i] ^ flip);
            Verification v = Verify(bad, keys, kToday);
            ASSERT_EQ(v.verdict, Verdict::kTampered) << "byte " << i;
            EXPECT_FALSE(v.license.has_value());
        }
    }
    SignedLicense shorter = good;
    shorter.payload.pop_back();
    EXPECT_EQ(Verify(shorter, keys, kToday).verdict, Verdict::kTampered);
    SignedLicense longer = good;
    longer.payload += ' ';
    EXPECT_EQ(Verify(longer, keys, kToday).verdict, Verdict::kTampered);
}

TEST(Signing, EveryOneByteChangeOfTheSignatureIsTampered) {
    Fixture f;
    const SignedLicense good = f.Signed();
    const PublishedKeySet keys = f.ring.Published();
    for (size_t i = 0; i < good.signature.size(); ++i) {
        SignedLicense bad = good;
        bad.signature[i] = static_cast<char>(bad.signature[i] ^ 0x01);
        EXPECT_EQ(Verify(bad, keys, kToday).verdict, Verdict::kTampered) << i;
    }
    SignedLicense truncated = good;
    truncated.signature.pop_back();
    EXPECT_EQ(Verify(truncated, keys, kToday).verdict, Verdict::kTampered);
}

TEST(Signing, AKeyNobodyPublishedIsUnknown) {
    Fixture f;
    Fixture other;
    SignedLicense s = f.Signed();
    EXPECT_EQ(Verify(s, {}, kToday).verdict, Verdict::kUnknownKey);
    EXPECT_EQ(Verify(s, other.ring.Published(), kToday).verdict, Verdict::kUnknownKey);
    SignedLicense renamed = s;
    renamed.key_id = "0000000000000000";
    EXPECT_EQ(Verify(renamed, f.ring.Published(), kToday).verdict, Verdict::kUnknownKey);
    EXPECT_EQ(CheckSignature(s.payload, s.key_id, s.signature, other.ring.Published()),
              SignatureCheck::kUnknownKey);
}

TEST(Signing, ADepartmentSignsOnlyItsOwnLicenses) {
    Fixture f;
    KeyRing health("health");
    health.Rotate(f.master, kNow - days(400));
    // Sign refuses, and a payload signed anyway does not verify as the other issuer's.
    auto refused = Sign(SampleLicense(), health.OpenActive(f.master).value());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().params()[0].second, "key_department");

    SignedLicense forged;
    forged.payload = CanonicalBytes(SampleLicense());
    SigningKey health_key = health.OpenActive(f.master).value();
    forged.key_id = health_key.key_id();
    forged.signature = health_key.Sign(forged.payload);
    PublishedKeySet keys = f.ring.Published();
    for (const PublishedKey& k : health.Published()) keys.push_back(k);
    EXPECT_EQ(CheckSignature(forged.payload, forged.key_id, forged.signature, keys),
              SignatureCheck::kValid);
    EXPECT_EQ(Verify(forged, keys, kToday).verdict, Verdict::kTampered);
}

TEST(Signing, RotationKeepsOldSignaturesVerifying) {
    Fixture f;
    SignedLicense old_signed = f.Signed();
    std::string old_id = f.ring.Active()->key_id;

    const StoredKey& fresh = f.ring.Rotate(f.master, kNow + hours(1));
    EXPECT_NE(fresh.key_id, old_id);
    ASSERT_EQ(f.ring.keys().size(), 2u);
    EXPECT_EQ(f.ring.keys()[0].retired, kNow + hours(1));
    EXPECT_FALSE(f.ring.keys()[1].retired.has_value());
    EXPECT_EQ(f.ring.Active()->key_id, fresh.key_id);

    PublishedKeySet keys = f.ring.Published();
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_EQ(Verify(old_signed, keys, kToday).verdict, Verdict::kValid);
    SignedLicense new_signed = f.Signed();
    EXPECT_EQ(new_signed.key_id, fresh.key_id);
    EXPECT_EQ(Verify(new_signed, keys, kToday).verdict, Verdict::kValid);
}

TEST(Signing, ARetiredKeyVouchesForNothingIssuedAfterItsRetirement) {
    Fixture f;
    SigningKey old_key = f.Key();
    f.ring.Rotate(f.master, kNow);  // retired 2026-11-26 in Jiangmen
    License later = SampleLicense();
    later.issued_on = 2026y / November / 27d;
    later.valid_from = later.issued_on;
    SignedLicense s = Sign(later, old_key).value();
    EXPECT_EQ(Verify(s, f.ring.Published(), kToday).verdict, Verdict::kTampered);
    SignedLicense same_day = Sign(SampleLicense(), old_key).value();
    EXPECT_EQ(Verify(same_day, f.ring.Published(), kToday).verdict, Verdict::kValid);
}

TEST(KeyRing, SecretKeysOpenOnlyWithTheirMasterKey) {
    Fixture f;
    const StoredKey& key = *f.ring.Active();
    EXPECT_TRUE(OpenKey(key, f.master).ok());
    auto wrong = OpenKey(key, MasterKey::Generate());
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code(), ErrorCode::kInternal);
    EXPECT_NE(wrong.error().detail().find("master key"), std::string::npos);

    // A sealed secret moved onto another key's row does not open as that key.
    StoredKey other = GenerateKey("amr", f.master, kNow);
    other.sealed_secret_key = key.sealed_secret_key;
    EXPECT_FALSE(OpenKey(other, f.master).ok());
    StoredKey damaged = key;
    damaged.sealed_secret_key = "AAAA";
    EXPECT_FALSE(OpenKey(damaged, f.master).ok());
}

TEST(KeyRing, KeysAreWhatTheyClaim) {
    Fixture f;
    const StoredKey& key = *f.ring.Active();
    auto raw = FromBase64(key.public_key);
    ASSERT_TRUE(raw.has_value());
    EXPECT_EQ(raw->size(), 32u);
    EXPECT_EQ(key.key_id, Sha256Hex(*raw).substr(0, 16));
    EXPECT_EQ(key.department_code, "amr");
    EXPECT_EQ(key.created, kNow - days(400));
    // Two generated keys differ, even under the same master key; sealing uses a fresh nonce.
    StoredKey a = GenerateKey("amr", f.master, kNow);
    StoredKey b = GenerateKey("amr", f.master, kNow);
    EXPECT_NE(a.public_key, b.public_key);
    EXPECT_NE(a.sealed_secret_key, b.sealed_secret_key);
    PublishedKey p = Publish(key);
    EXPECT_EQ(p.key_id, key.key_id);
    EXPECT_EQ(p.public_key, key.public_key);
}

TEST(KeyRing, WithoutKeysThereIsNothingToSignWith) {
    KeyRing empty("amr");
    EXPECT_EQ(empty.Active(), nullptr);
    auto key = empty.OpenActive(MasterKey::Generate());
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code(), ErrorCode::kInvalidState);
}

TEST(MasterKey, IsExactly32Bytes) {
    EXPECT_TRUE(MasterKey::FromBytes(std::string(32, 'k')).ok());
    EXPECT_FALSE(MasterKey::FromBytes(std::string(31, 'k')).ok());
    EXPECT_FALSE(MasterKey::FromBytes(std::string(33, 'k')).ok());
    // The same bytes open what they sealed.
    MasterKey m = MasterKey::FromBytes(std::string(32, 'k')).value();
    StoredKey key = GenerateKey("amr", m, kNow);
    EXPECT_TRUE(OpenKey(key, MasterKey::FromBytes(std::string(32, 'k')).value()).ok());
}

TEST(Verdict, StateAndDatesDecideOnceTheSignatureHolds) {
    Fixture f;
    PublishedKeySet keys = f.ring.Published();
    SignedLicense s = f.Signed();
    // The registry's current state wins over the signed one (online verification).
    EXPECT_EQ(Verify(s, keys, kToday, LicenseState::kRevoked).verdict, Verdict::kRevoked);
    EXPECT_EQ(Verify(s, keys, kToday, LicenseState::kSuspended).verdict, Verdict::kSuspended);
    EXPECT_EQ(Verify(s, keys, kToday, LicenseState::kExpired).verdict, Verdict::kExpired);
    EXPECT_EQ(Verify(s, keys, kToday, LicenseState::kValid).verdict, Verdict::kValid);
    // Dates: the last valid day is still valid.
    EXPECT_EQ(Verify(s, keys, 2046y / November / 25d).verdict, Verdict::kValid);
    EXPECT_EQ(Verify(s, keys, 2046y / November / 26d).verdict, Verdict::kExpired);
    EXPECT_EQ(Verify(s, keys, 2026y / November / 25d).verdict, Verdict::kNotYetValid);
    // Offline, the signed state counts.
    License suspended = SampleLicense();
    suspended.state = LicenseState::kSuspended;
    EXPECT_EQ(Verify(f.Signed(suspended), keys, kToday).verdict, Verdict::kSuspended);
    License revoked = SampleLicense();
    revoked.state = LicenseState::kRevoked;
    Verification v = Verify(f.Signed(revoked), keys, kToday);
    EXPECT_EQ(v.verdict, Verdict::kRevoked);
    EXPECT_TRUE(v.license.has_value());
    // The signature is judged before the state: a tampered revoked license is tampered.
    SignedLicense bad = f.Signed(revoked);
    bad.payload.back() = ']';
    EXPECT_EQ(Verify(bad, keys, kToday).verdict, Verdict::kTampered);
}

TEST(Verdict, NamesAreStable) {
    EXPECT_EQ(VerdictName(Verdict::kValid), "valid");
    EXPECT_EQ(VerdictName(Verdict::kTampered), "tampered");
    EXPECT_EQ(VerdictName(Verdict::kUnknownKey), "unknown_key");
    EXPECT_EQ(VerdictName(Verdict::kRevoked), "revoked");
    EXPECT_EQ(VerdictName(Verdict::kSuspended), "suspended");
    EXPECT_EQ(VerdictName(Verdict::kExpired), "expired");
    EXPECT_EQ(VerdictName(Verdict::kNotYetValid), "not_yet_valid");
}

TEST(LicenseText, RoundTripsAndVerifies) {
    Fixture f;
    SignedLicense s = f.Signed();
    std::string text = ToLicenseText(s);
    EXPECT_EQ(text.rfind("OWL1.", 0), 0u);
    EXPECT_EQ(std::count(text.begin(), text.end(), '.'), 3);
    EXPECT_EQ(text.find_first_of("+/= \n"), std::string::npos);
    auto back = ParseLicenseText("  " + text + "\r\n");
    ASSERT_TRUE(back.ok()) << back.error().Message(Lang::kEn);
    EXPECT_EQ(*back, s);
    EXPECT_EQ(Verify(*back, f.ring.Published(), kToday).verdict, Verdict::kValid);
}

TEST(LicenseText, AChangedCharacterNeverVerifies) {
    Fixture f;
    const std::string text = ToLicenseText(f.Signed());
    const PublishedKeySet keys = f.ring.Published();
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '.') continue;
        std::string bad = text;
        bad[i] = bad[i] == 'A' ? 'B' : 'A';
        auto parsed = ParseLicenseText(bad);
        if (!parsed.ok()) continue;  // an unreadable text is refused as such
        EXPECT_NE(Verify(*parsed, keys, kToday).verdict, Verdict::kValid) << i;
    }
}

TEST(LicenseText, RefusesWithAReason) {
    Fixture f;
    SignedLicense s = f.Signed();
    std::string payload = ToBase64Url(s.payload);
    std::string sig = ToBase64Url(s.signature);
    struct Case {
        std::string text;
        const char* reason;
    };
    for (const Case& c : {
             Case{"", "license_text_form"},
             Case{"OWL2." + payload + "." + s.key_id + "." + sig, "license_text_form"},
             Case{"OWL1." + payload + "." + s.key_id, "license_text_form"},
             Case{"OWL1." + payload + "." + s.key_id + "." + sig + ".x", "license_text_form"},
             Case{"OWL1.." + s.key_id + "." + sig, "license_text_form"},
             Case{"OWL1." + payload + "=." + s.key_id + "." + sig, "base64"},
             Case{"OWL1." + payload + "." + s.key_id + ".+" + sig.substr(1), "base64"},
             Case{"OWL1." + payload + ".ABCDEF0123456789." + sig, "key_id_rule"},
             Case{"OWL1." + payload + "." + s.key_id + "0." + sig, "key_id_rule"},
             Case{"OWL1." + payload + "." + s.key_id + "." + ToBase64Url("short"),
                  "signature_length"},
         }) {
        auto r = ParseLicenseText(c.text);
        ASSERT_FALSE(r.ok()) << c.text;
        EXPECT_EQ(r.error().code(), ErrorCode::kInvalidValue);
        EXPECT_EQ(r.error().field(), "license_text");
        EXPECT_EQ(r.error().params()[0].second, c.reason) << c.text;
        EXPECT_EQ(r.error().Message(Lang::kZhCN).find(std::string("：") + c.reason),
                  std::string::npos);
        EXPECT_EQ(r.error().Message(Lang::kEn).find(std::string(": ") + c.reason),
                  std::string::npos);
    }
}

}  // namespace
}  // namespace ow::licenses
