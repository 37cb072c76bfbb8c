// Decimal: FEEL numbers as Decimal128. Parsing and printing round trips, 34-digit rounding and
// the money arithmetic a policy officer checks by hand.
#include "rules/decimal.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ow::rules {
namespace {

std::string P(std::string_view text) {
    auto d = Decimal::Parse(text);
    return d ? d->ToString() : "invalid";
}

Decimal D(std::string_view text) {
    return *Decimal::Parse(text);
}

TEST(Decimal, ParsesAndPrintsPlainNotation) {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"0", "0"},
        {"-0", "0"},
        {"12", "12"},
        {"-0.5", "-0.5"},
        {".5", "0.5"},
        {"1.10", "1.1"},
        {"1E+3", "1000"},
        {"1.2e3", "1200"},
        {"1e-6", "0.000001"},
        {"0.000001", "0.000001"},
        {"+7", "7"},
        {"  42 ", "42"},
        {"100.000", "100"},
        {"123456789012345678901234567890.1234", "123456789012345678901234567890.1234"},
        // More than 34 significant digits round half even.
        {"1.0000000000000000000000000000000005", "1"},
        {"1.0000000000000000000000000000000015", "1.000000000000000000000000000000002"},
        {"12345678901234567890123456789012345", "12345678901234567890123456789012340"},
        {"12345678901234567890123456789012355", "12345678901234567890123456789012360"},
        {"99999999999999999999999999999999999", "100000000000000000000000000000000000"},
        {"abc", "invalid"},
        {"", "invalid"},
        {"1.2.3", "invalid"},
        {"1e", "invalid"},
        {"NaN", "invalid"},
        {"Infinity", "invalid"},
        {"1e99999", "invalid"},
    };
    for (const auto& [in, out] : cases) EXPECT_EQ(P(in), out) << in;
}

TEST(Decimal, DividesToThirtyFourDigits) {
    EXPECT_EQ(D("1").Divide(D("3"))->ToString(), "0.3333333333333333333333333333333333");
    EXPECT_EQ(D("2").Divide(D("3"))->ToString(), "0.6666666666666666666666666666666667");
    EXPECT_EQ(D("10").Divide(D("4"))->ToString(), "2.5");
    EXPECT_FALSE(D("1").Divide(D("0")).has_value());
}

TEST(Decimal, DoesMoneyArithmeticExactly) {
    EXPECT_EQ((D("0.1") + D("0.2")).ToString(), "0.3");
    EXPECT_EQ((D("0.05") * D("2345")).Round(2, RoundingMode::kHalfUp).ToString(), "117.25");
    EXPECT_EQ((D("1234.565")).Round(2, RoundingMode::kHalfUp).ToString(), "1234.57");
    EXPECT_EQ((D("1234.565")).Round(2, RoundingMode::kHalfEven).ToString(), "1234.56");
    EXPECT_EQ((D("100") - D("0.01")).ToString(), "99.99");
    EXPECT_EQ(D("1.0").Compare(D("1")), 0);
    EXPECT_LT(D("-2").Compare(D("1.5")), 0);
}

TEST(Decimal, RoundsInEveryMode) {
    struct Case {
        std::string_view value;
        int scale;
        RoundingMode mode;
        std::string_view expected;
    };
    const Case cases[] = {
        {"2.5", 0, RoundingMode::kHalfEven, "2"},      {"3.5", 0, RoundingMode::kHalfEven, "4"},
        {"2.5", 0, RoundingMode::kHalfUp, "3"},        {"-2.5", 0, RoundingMode::kHalfUp, "-3"},
        {"2.5", 0, RoundingMode::kHalfDown, "2"},      {"-2.5", 0, RoundingMode::kHalfDown, "-2"},
        {"1.21", 1, RoundingMode::kUp, "1.3"},         {"-1.21", 1, RoundingMode::kUp, "-1.3"},
        {"1.29", 1, RoundingMode::kDown, "1.2"},       {"-1.29", 1, RoundingMode::kDown, "-1.2"},
        {"-1.5", 0, RoundingMode::kFloor, "-2"},       {"1.5", 0, RoundingMode::kCeiling, "2"},
        {"-1.56", 1, RoundingMode::kFloor, "-1.6"},    {"1234", -2, RoundingMode::kHalfUp, "1200"},
        {"1250", -2, RoundingMode::kHalfEven, "1200"}, {"0.0001", 2, RoundingMode::kUp, "0.01"},
        {"9.99", 1, RoundingMode::kHalfUp, "10"},      {"5", 2, RoundingMode::kHalfUp, "5"},
        {"0.3333", 0, RoundingMode::kFloor, "0"},      {"1e-40", 0, RoundingMode::kCeiling, "1"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(D(c.value).Round(c.scale, c.mode).ToString(), c.expected)
            << c.value << " at " << c.scale;
    }
}

TEST(Decimal, ConvertsToAndFromScaledIntegers) {
    EXPECT_EQ(D("123.45").ToScaled(2), 12345);
    EXPECT_EQ(D("-0.5").ToScaled(2), -50);
    EXPECT_EQ(D("1.005").ToScaled(2), std::nullopt);  // not exact
    EXPECT_EQ(D("1e30").ToScaled(0), std::nullopt);   // out of int64
    EXPECT_EQ(Decimal::FromScaled(12345, 2).ToString(), "123.45");
    EXPECT_EQ(Decimal::FromScaled(-7, 0).ToString(), "-7");
    EXPECT_EQ(Decimal::FromInt(INT64_MIN).ToString(), "-9223372036854775808");
    EXPECT_EQ(Decimal::FromInt(INT64_MIN).ToInt64(), INT64_MIN);
    EXPECT_EQ(D("2.50").ToInt64(), std::nullopt);
    EXPECT_EQ(D("2.00").ToInt64(), 2);
    EXPECT_TRUE(D("2.00").IsInteger());
    EXPECT_EQ(Decimal().ToString(), "0");
    EXPECT_EQ((Decimal() + Decimal::FromInt(1)).ToString(), "1");
}

TEST(Decimal, ConvertsDoublesToShortDecimals) {
    EXPECT_EQ(Decimal::FromDouble(0.1)->ToString(), "0.1");
    EXPECT_EQ(Decimal::FromDouble(2.0)->ToString(), "2");
    EXPECT_DOUBLE_EQ(D("1.5").ToDouble(), 1.5);
}

}  // namespace
}  // namespace ow::rules

namespace ow::rules {
namespace {

// The fast paths (aligned coefficients) must agree with decimal128 arithmetic everywhere.
TEST(Decimal, FastPathsAgreeWithDecimal128) {
    const char* values[] = {"0",        "-0",
                            "1",        "-1",
                            "0.05",     "123.45",
                            "-123.456", "1e20",
                            "1e-20",    "9999999999999999999999999999999999",
                            "-7.5",     "0.001",
                            "1E+30",    "3.333333333333333333333333333333333"};
    for (const char* x : values) {
        for (const char* y : values) {
            Decimal a = D(x), b = D(y);
            Decimal sum = a + b, diff = a - b, prod = a * b;
            EXPECT_EQ(sum.Compare(b + a), 0) << x << " + " << y;
            EXPECT_EQ(diff.Compare(-(b - a)), 0) << x << " - " << y;
            EXPECT_EQ(a.Compare(b), -b.Compare(a)) << x << " <=> " << y;
            EXPECT_EQ(prod.Compare(b * a), 0) << x << " * " << y;
        }
    }
    // Sums and products that round (reference: Python's decimal at 34 digits, half even).
    const char* rounded[][4] = {
        {"3.333333333333333333333333333333333", "123.45", "126.7833333333333333333333333333333",
         "411.5"},
        {"3.333333333333333333333333333333333", "-123.456", "-120.1226666666666666666666666666667",
         "-411.52"},
        {"1e20", "1e-20", "100000000000000000000", "1"},
        {"0.05", "-123.456", "-123.406", "-6.1728"},
        {"9999999999999999999999999999999999", "0.5", "10000000000000000000000000000000000",
         "5000000000000000000000000000000000"},
    };
    for (const auto& r : rounded) {
        EXPECT_EQ((D(r[0]) + D(r[1])).ToString(), r[2]) << r[0] << " + " << r[1];
        EXPECT_EQ((D(r[0]) * D(r[1])).ToString(), r[3]) << r[0] << " * " << r[1];
    }
    EXPECT_EQ((D("0.1") + D("0.02")).ToString(), "0.12");
    EXPECT_EQ((D("-5") + D("5")).ToString(), "0");
    EXPECT_EQ((D("9999999999999999999999999999999999") + D("1")).ToString(),
              "10000000000000000000000000000000000");
    EXPECT_EQ(D("1.50").Compare(D("1.5")), 0);
    EXPECT_EQ(D("-2").Compare(D("-10")), 1);
    EXPECT_EQ(D("1e-6000").Compare(D("0")), 1);
    EXPECT_EQ((D("12345678901234567") * D("98765432109876543")).ToString(),
              "1219326311370217861743636654061881");
}

}  // namespace
}  // namespace ow::rules
