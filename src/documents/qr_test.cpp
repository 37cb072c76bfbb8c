#include "documents/qr.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ow::documents {
namespace {

// Lower-case letters are outside QR's alphanumeric set, so each takes one byte in byte mode.
std::string Letters(size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s.push_back(static_cast<char>('a' + i % 26));
    return s;
}

// The 7x7 finder pattern at (x, y): dark ring, light ring, dark 3x3 centre.
void ExpectFinder(const QrCode& qr, int x, int y) {
    for (int dy = 0; dy < 7; ++dy) {
        for (int dx = 0; dx < 7; ++dx) {
            const bool ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
            const bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
            EXPECT_EQ(qr.Dark(x + dx, y + dy), ring || centre) << x + dx << "," << y + dy;
        }
    }
}

TEST(QrTest, ShortTextIsVersionOneWithFinderPatterns) {
    auto qr = EncodeQr("https://onewindow.example/verify");
    ASSERT_TRUE(qr.ok()) << qr.error().detail();
    EXPECT_LE(qr->version(), 3);
    EXPECT_EQ(qr->size(), 17 + 4 * qr->version());
    ExpectFinder(*qr, 0, 0);
    ExpectFinder(*qr, qr->size() - 7, 0);
    ExpectFinder(*qr, 0, qr->size() - 7);
    // The separator next to the top-left finder is light, the timing pattern alternates.
    EXPECT_FALSE(qr->Dark(7, 0));
    EXPECT_TRUE(qr->Dark(8, 6));
    EXPECT_FALSE(qr->Dark(9, 6));
}

// Byte capacities at level M from ISO/IEC 18004 table 7: the smallest version that holds the
// text is chosen, so one byte over a capacity moves to the next version.
TEST(QrTest, PicksTheSmallestVersionThatHoldsTheText) {
    struct Case {
        size_t bytes;
        int version;
    };
    for (const Case& c : {Case{106, 6}, Case{107, 7}, Case{504, 17}, Case{505, 18}, Case{624, 19},
                          Case{625, 20}, Case{600, 19}, Case{2331, 40}}) {
        auto qr = EncodeQr(Letters(c.bytes));
        ASSERT_TRUE(qr.ok()) << c.bytes;
        EXPECT_EQ(qr->version(), c.version) << c.bytes << " bytes";
        EXPECT_EQ(qr->size(), 17 + 4 * c.version) << c.bytes << " bytes";
    }
}

TEST(QrTest, RefusesTextTooLongForAnyQrCode) {
    auto qr = EncodeQr(Letters(kMaxQrBytesLevelM + 1));
    ASSERT_FALSE(qr.ok());
    EXPECT_EQ(qr.error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(qr.error().field(), "qr_text");
    EXPECT_NE(qr.error().Message(Lang::kEn).find("do not fit in a QR code"), std::string::npos)
        << qr.error().Message(Lang::kEn);
}

TEST(QrTest, RefusesEmptyTextAndNulBytes) {
    EXPECT_EQ(EncodeQr("").error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(EncodeQr(std::string("a\0b", 3)).error().code(), ErrorCode::kInvalidValue);
}

}  // namespace
}  // namespace ow::documents
