// A fixed license for the tests of this module.
#pragma once

#include <chrono>

#include "licenses/key_ring.hpp"
#include "licenses/license.hpp"
#include "licenses/signing.hpp"

namespace ow::licenses::testing {

inline License SampleLicense() {
    using namespace std::chrono;
    return License{
        .number = LicenseNumber::Make("BL", "11440700MB2C93010X", 42, 1).value(),
        .type = {"business_license", "营业执照", "Business license"},
        .holder = {"91440700MA4UJ3QF2K", "江门市\"新会\"陈皮有限公司"},
        .issuer = {"amr", "江门市市场监督管理局", "Jiangmen Administration for Market Regulation"},
        .issued_on = 2026y / November / 26d,
        .valid_from = 2026y / November / 26d,
        .valid_until = 2046y / November / 25d,
        .fields = {{"capital", "100万元"}, {"scope", "陈皮加工\n销售\\零售"}},
        .previous = std::nullopt,
        .state = LicenseState::kValid,
    };
}

// The sample's department ("amr") with one key made at `created`, and a master key.
struct KeyFixture {
    explicit KeyFixture(Timestamp created) { ring.Rotate(master, created); }
    SigningKey Key() const { return ring.OpenActive(master).value(); }
    SignedLicense Signed(const License& l = SampleLicense()) const {
        return Sign(l, Key()).value();
    }

    MasterKey master = MasterKey::Generate();
    KeyRing ring{"amr"};
};

}  // namespace ow::licenses::testing
