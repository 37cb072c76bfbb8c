#include "documents/license_pdf.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ow::documents {
namespace {

namespace fs = std::filesystem;

// Runs a poppler-utils command; its output (stdout and stderr) and exit status.
struct CommandOutput {
    std::string output;
    int status = -1;
};
CommandOutput Shell(const std::string& command) {
    CommandOutput run;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buffer{};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        run.output.append(buffer.data(), n);
    run.status = pclose(pipe);
    return run;
}

// A signed payload as long as a real one: canonical JSON plus an Ed25519 signature, base64url.
std::string Payload() {
    std::string s = "OWL1.";
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; s.size() < 600; ++i) s.push_back(alphabet[(i * 37 + 11) % alphabet.size()]);
    return s;
}

LicenseSheet FoodLicense() {
    LicenseSheet sheet;
    sheet.title_zh = "食品经营许可证";
    sheet.title_en = "Food Business License";
    sheet.number = "1.2.156.3005.2.11440700MB2C01.0001.00000042.1.K";
    sheet.holder_name = "江门市桥裕纸业有限公司";
    sheet.holder_id = "91440703MA4UJ2Q93X";
    sheet.issuer_zh = "江门市市场监督管理局";
    sheet.issuer_en = "Jiangmen Administration for Market Regulation";
    sheet.issued_on = "2026年11月26日";
    sheet.valid_from = "2026年11月26日";
    sheet.valid_until = "2031年11月25日";
    sheet.fields_zh = {
        {"法定代表人", "陈桥裕"},
        {"住所", "广东省江门市蓬江区建设二路 38 号"},
        {"经营场所", "广东省江门市蓬江区建设二路 38 号首层之一"},
        {"主体业态", "食品销售经营者（网络经营）"},
        {"经营项目",
         "预包装食品（含冷藏冷冻食品）销售；散装食品（不含冷藏冷冻食品）销售；"
         "保健食品销售；特殊医学用途配方食品销售；婴幼儿配方乳粉销售"},
        {"日常监督管理机构", "江门市蓬江区市场监督管理局"},
    };
    sheet.qr_text = Payload();
    sheet.verify_hint_zh =
        "用手机扫描二维码，或访问 https://onewindow.example/verify 上传本证照核验真伪";
    sheet.verify_hint_en =
        "Scan the QR code, or upload this license at https://onewindow.example/verify";
    return sheet;
}

class LicensePdfTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "ow-license-pdf-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Renders the sheet and writes it to license.pdf in the test's directory.
    std::string Write(const LicenseSheet& sheet) {
        auto pdf = RenderLicensePdf(sheet);
        EXPECT_TRUE(pdf.ok()) << (pdf.ok() ? "" : pdf.error().detail());
        if (!pdf.ok()) return "";
        const std::string path = (dir_ / "license.pdf").string();
        std::ofstream(path, std::ios::binary) << *pdf;
        return path;
    }

    fs::path dir_;
};

TEST_F(LicensePdfTest, OnePageA4Pdf) {
    const std::string path = Write(FoodLicense());
    ASSERT_FALSE(path.empty());
    std::ifstream in(path, std::ios::binary);
    std::string head(5, '\0');
    in.read(head.data(), 5);
    EXPECT_EQ(head, "%PDF-");
    const CommandOutput info = Shell("pdfinfo " + path);
    ASSERT_EQ(info.status, 0) << info.output;
    EXPECT_NE(info.output.find("Pages:           1\n"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("(A4)"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("食品经营许可证"), std::string::npos) << info.output;  // title
}

// If the Chinese came out as boxes or without a Unicode map, pdftotext would not find it.
TEST_F(LicensePdfTest, ChineseTextIsInThePdf) {
    const LicenseSheet sheet = FoodLicense();
    const std::string path = Write(sheet);
    ASSERT_FALSE(path.empty());
    const CommandOutput text = Shell("pdftotext -enc UTF-8 " + path + " -");
    ASSERT_EQ(text.status, 0) << text.output;
    for (const std::string& expected :
         {sheet.title_zh, sheet.title_en, sheet.number, sheet.holder_name, sheet.holder_id,
          sheet.issuer_zh, std::string("法定代表人"), std::string("日常监督管理机构"),
          std::string("2031年11月25日"), std::string("有效期限")}) {
        EXPECT_NE(text.output.find(expected), std::string::npos)
            << "missing \"" << expected << "\" in:\n"
            << text.output;
    }
}

TEST_F(LicensePdfTest, EmbedsNotoSerifCjkFonts) {
    const std::string path = Write(FoodLicense());
    ASSERT_FALSE(path.empty());
    const CommandOutput fonts = Shell("pdffonts " + path);
    ASSERT_EQ(fonts.status, 0) << fonts.output;
    // Columns: name, type (one to three words), encoding, emb, sub, uni, object, generation.
    int noto = 0;
    int others = 0;
    std::istringstream lines(fonts.output);
    std::string line;
    std::getline(lines, line);  // header
    std::getline(lines, line);  // ----
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string word; words >> word;) w.push_back(word);
        if (w.size() < 8) continue;
        EXPECT_EQ(w[w.size() - 5], "yes") << "not embedded: " << line;
        EXPECT_EQ(w[w.size() - 3], "yes") << "no Unicode map: " << line;
        ++(w[0].find("NotoSerifCJK") != std::string::npos ? noto : others);
    }
    EXPECT_GE(noto, 1) << fonts.output;
    // Nothing else: a substituted font would mean the text was not set in Noto CJK.
    EXPECT_EQ(others, 0) << fonts.output;
}

// Subsets, not whole fonts (Noto Serif CJK SC Bold alone is 20 MB in its collection): a license
// is downloaded, mailed and kept in the vault.
TEST_F(LicensePdfTest, EmbedsSmallSubsets) {
    auto pdf = RenderLicensePdf(FoodLicense());
    ASSERT_TRUE(pdf.ok());
    EXPECT_LT(pdf->size(), 500'000u);  // about 190 KB; Noto Sans CJK would make it 1 MB
}

TEST_F(LicensePdfTest, RastersToPng) {
    const std::string path = Write(FoodLicense());
    ASSERT_FALSE(path.empty());
    const std::string png = (dir_ / "page").string();
    const CommandOutput run = Shell("pdftoppm -png -r 50 -singlefile " + path + " " + png);
    ASSERT_EQ(run.status, 0) << run.output;
    ASSERT_TRUE(fs::exists(png + ".png"));
    // A blank A4 page at 50 dpi compresses to about 1 KB; text, frame and QR code make it more.
    EXPECT_GT(fs::file_size(png + ".png"), 20'000u);
    std::ifstream in(png + ".png", std::ios::binary);
    std::string signature(8, '\0');
    in.read(signature.data(), 8);
    EXPECT_EQ(signature, "\x89PNG\r\n\x1a\n");
}

// The QR code on the paper gives back the signed text byte for byte: what a verifier's phone or
// the verify page reads is exactly what was signed (zbarimg from Debian's zbar-tools decodes it).
TEST_F(LicensePdfTest, QrCodeOnThePageDecodesToTheSignedText) {
    const std::string path = Write(FoodLicense());
    ASSERT_FALSE(path.empty());
    const std::string png = (dir_ / "scan").string();
    const CommandOutput raster = Shell("pdftoppm -png -r 150 -singlefile " + path + " " + png);
    ASSERT_EQ(raster.status, 0) << raster.output;
    // zbarimg's stderr is left out: it complains about a missing D-Bus on a bare machine.
    const CommandOutput scan =
        Shell("(zbarimg --quiet --raw -Sdisable -Sqrcode.enable " + png + ".png 2>/dev/null)");
    ASSERT_EQ(scan.status, 0) << scan.output;
    std::string text = scan.output;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    EXPECT_EQ(text, Payload());
}

TEST_F(LicensePdfTest, RefusesMissingRequiredText) {
    LicenseSheet sheet = FoodLicense();
    sheet.holder_name.clear();
    auto pdf = RenderLicensePdf(sheet);
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().code(), ErrorCode::kMissingField);
    EXPECT_EQ(pdf.error().field(), "holder_name");
}

TEST_F(LicensePdfTest, RefusesInvalidUtf8) {
    LicenseSheet sheet = FoodLicense();
    sheet.fields_zh.emplace_back("备注", "\xff\xfe");
    auto pdf = RenderLicensePdf(sheet);
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(pdf.error().field(), "fields_zh");
}

TEST_F(LicensePdfTest, RefusesPayloadTooLongForAQrCode) {
    LicenseSheet sheet = FoodLicense();
    sheet.qr_text = std::string(3000, 'x');
    auto pdf = RenderLicensePdf(sheet);
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(pdf.error().field(), "qr_text");
}

TEST_F(LicensePdfTest, RefusesFieldsThatDoNotFitOnePage) {
    LicenseSheet sheet = FoodLicense();
    for (int i = 0; i < 40; ++i) sheet.fields_zh.emplace_back("附加事项", "经营项目说明");
    auto pdf = RenderLicensePdf(sheet);
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(pdf.error().field(), "fields_zh");
}

}  // namespace
}  // namespace ow::documents
