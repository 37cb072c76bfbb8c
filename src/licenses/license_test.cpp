#include "licenses/license.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "licenses/test_licenses.hpp"

namespace ow::licenses {
namespace {

using testing::SampleLicense;

TEST(CanonicalBytes, AreTheDocumentedForm) {
    // Golden: a change here breaks every signature already issued.
    EXPECT_EQ(
        CanonicalBytes(SampleLicense()),
        R"({"fields":[{"key":"capital","value":"100万元"},{"key":"scope","value":"陈皮加工\u000a销售\\零售"}],)"
        R"("holder":{"id":"91440700MA4UJ3QF2K","name":"江门市\"新会\"陈皮有限公司"},)"
        R"("issued_on":"2026-11-26","issuer":{"code":"amr",)"
        R"("name_en":"Jiangmen Administration for Market Regulation","name_zh":"江门市市场监督管理局"},)"
        R"("number":"1.2.156.3005.2.BL.11440700MB2C93010X.42.1.T","previous":null,"schema":1,)"
        R"("state":"valid",)"
        R"("type":{"code":"business_license","name_en":"Business license","name_zh":"营业执照"},)"
        R"("valid_from":"2026-11-26","valid_until":"2046-11-25","version":1})");
}

TEST(CanonicalBytes, AreStableAndReadBack) {
    License l = SampleLicense();
    EXPECT_EQ(CanonicalBytes(l), CanonicalBytes(SampleLicense()));
    auto back = ParseCanonical(CanonicalBytes(l));
    ASSERT_TRUE(back.ok()) << back.error().Message(Lang::kEn);
    EXPECT_EQ(*back, l);

    l.valid_until.reset();
    l.fields.clear();
    l.number = l.number.WithVersion(3).value();
    l.previous = l.number.WithVersion(2).value();
    l.state = LicenseState::kRevoked;
    auto back2 = ParseCanonical(CanonicalBytes(l));
    ASSERT_TRUE(back2.ok()) << back2.error().Message(Lang::kEn);
    EXPECT_EQ(*back2, l);
}

TEST(CanonicalBytes, AnyChangeOfAnyMemberChangesThem) {
    using namespace std::chrono;
    std::vector<std::function<void(License&)>> changes = {
        [](License& l) {
            l.number = LicenseNumber::Make("BL", "11440700MB2C93010X", 43, 1).value();
        },
        [](License& l) { l.type.code = "food_license"; },
        [](License& l) { l.type.name_zh = "食品经营许可证"; },
        [](License& l) { l.type.name_en = "Food business license"; },
        [](License& l) { l.holder.id = "914407057292613443"; },
        [](License& l) { l.holder.name += " "; },
        [](License& l) { l.issuer.department_code = "amr2"; },
        [](License& l) { l.issuer.name_zh = "市场监管局"; },
        [](License& l) { l.issuer.name_en = "AMR"; },
        [](License& l) { l.issued_on = 2026y / November / 27d; },
        [](License& l) { l.valid_from = 2026y / November / 27d; },
        [](License& l) { l.valid_until = 2046y / November / 26d; },
        [](License& l) { l.valid_until.reset(); },
        [](License& l) { l.fields[0].value = "200万元"; },
        [](License& l) { l.fields[1].key = "scope2"; },
        [](License& l) { std::swap(l.fields[0], l.fields[1]); },
        [](License& l) { l.fields.pop_back(); },
        [](License& l) {
            l.fields.push_back({"note", ""});
        },
        [](License& l) {
            l.previous = l.number;
            l.number = l.number.WithVersion(2).value();
        },
        [](License& l) { l.state = LicenseState::kSuspended; },
        [](License& l) { l.state = LicenseState::kRevoked; },
        [](License& l) { l.state = LicenseState::kExpired; },
    };
    std::set<std::string> seen = {CanonicalBytes(SampleLicense())};
    for (size_t i = 0; i < changes.size(); ++i) {
        License l = SampleLicense();
        changes[i](l);
        EXPECT_TRUE(seen.insert(CanonicalBytes(l)).second) << "change " << i;
    }
}

TEST(ParseCanonical, AcceptsOnlyTheCanonicalBytes) {
    const std::string good = CanonicalBytes(SampleLicense());
    auto replace = [&](std::string_view from, std::string_view to) {
        std::string s = good;
        size_t at = s.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return s.replace(at, from.size(), to);
    };
    for (const std::string& bad : {
             std::string(" ") + good,
             good + " ",
             good + "{}",
             replace(R"({"fields":)", R"({ "fields":)"),
             replace(R"("schema":1)", R"("schema":2)"),
             replace(R"("version":1)", R"("version":2)"),
             replace(R"("version":1)", R"("version":01)"),
             replace(R"(\u000a)", R"(\n)"),
             replace(R"(\u000a)", R"(\u000A)"),
             replace(R"("state":"valid")", R"("state":"cancelled")"),
             replace(R"("previous":null,)", ""),
             replace(R"("previous":null,)", R"("previous":null,"extra":1,)"),
             // Keys out of order.
             replace(R"("issued_on":"2026-11-26","issuer")", R"("issuer")"),
             replace(R"("valid_from":"2026-11-26")", R"("valid_from":"2026-02-30")"),
             std::string("[]"),
             std::string(""),
         }) {
        auto l = ParseCanonical(bad);
        ASSERT_FALSE(l.ok()) << bad;
    }
    auto l = ParseCanonical(std::string("{}"));
    ASSERT_FALSE(l.ok());
    EXPECT_EQ(l.error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(l.error().field(), "payload");
}

TEST(Validate, NamesTheMemberAndTheReason) {
    using namespace std::chrono;
    EXPECT_TRUE(Validate(SampleLicense()).ok());
    // A holder may also be a person.
    License person = SampleLicense();
    person.holder = {"11010519491231002X", "张三"};
    EXPECT_TRUE(Validate(person).ok());

    struct Case {
        std::function<void(License&)> change;
        const char* field;
        const char* reason;
    };
    std::vector<Case> cases = {
        {[](License& l) { l.holder.id = "91440700MA4UJ3QF2L"; }, "holder.id", "holder_id_rule"},
        {[](License& l) { l.holder.name = ""; }, "holder.name", "name_rule"},
        {[](License& l) { l.type.code = "business license"; }, "type.code", "code_rule"},
        {[](License& l) { l.issuer.department_code = ""; }, "issuer.department_code", "code_rule"},
        {[](License& l) { l.issuer.name_en = "\x01"; }, "issuer.name_en", "name_rule"},
        {[](License& l) { l.valid_until = 2026y / November / 25d; }, "valid_until", "before_from"},
        {[](License& l) { l.fields[1].key = "capital"; }, "fields[1].key", "duplicate"},
        {[](License& l) { l.fields[0].value = "\xff"; }, "fields[0].value", "text_rule"},
        {[](License& l) { l.number = l.number.WithVersion(2).value(); }, "previous",
         "previous_rule"},
        {[](License& l) { l.previous = l.number; }, "previous", "previous_rule"},
        {[](License& l) {
             l.previous = LicenseNumber::Make("BL", "11440700MB2C93010X", 41, 1).value();
             l.number = l.number.WithVersion(2).value();
         },
         "previous", "previous_rule"},
    };
    for (size_t i = 0; i < cases.size(); ++i) {
        License l = SampleLicense();
        cases[i].change(l);
        auto r = Validate(l);
        ASSERT_FALSE(r.ok()) << i;
        EXPECT_EQ(r.error().field(), cases[i].field) << i;
        EXPECT_EQ(r.error().params()[0].second, cases[i].reason) << i;
        EXPECT_EQ(r.error().Message(Lang::kEn).find(std::string(": ") + cases[i].reason),
                  std::string::npos)
            << i;
        EXPECT_EQ(r.error().Message(Lang::kZhCN).find(std::string("：") + cases[i].reason),
                  std::string::npos)
            << i;
    }
}

TEST(LicenseState, NamesRoundTrip) {
    for (LicenseState s : {LicenseState::kValid, LicenseState::kSuspended, LicenseState::kRevoked,
                           LicenseState::kExpired}) {
        EXPECT_EQ(ParseLicenseState(LicenseStateName(s)), s);
    }
    EXPECT_FALSE(ParseLicenseState("Valid").has_value());
}

}  // namespace
}  // namespace ow::licenses
