#include "vault/file_checks.hpp"

#include <gtest/gtest.h>

#include "common/sha256.hpp"

namespace ow::vault {
namespace {

TEST(FileChecks, KnowsFilesByTheirContent) {
    EXPECT_EQ(*SniffContentType("%PDF-1.7\n..."), "application/pdf");
    EXPECT_EQ(*SniffContentType(std::string("\x89PNG\r\n\x1a\n....", 12)), "image/png");
    EXPECT_EQ(*SniffContentType(std::string("\xff\xd8\xff\xe0....", 8)), "image/jpeg");
    EXPECT_EQ(SniffContentType("<html>not a pdf</html>").error().code(),
              ErrorCode::kUnsupportedMediaType);
    EXPECT_EQ(SniffContentType("").error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(SniffContentType(std::string(kMaxFileBytes + 1, 'x')).error().code(),
              ErrorCode::kPayloadTooLarge);
}

TEST(FileChecks, HashesAndIds) {
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    std::string a = NewFileId(), b = NewFileId();
    EXPECT_EQ(a.size(), 26u);
    EXPECT_NE(a, b);
}

}  // namespace
}  // namespace ow::vault
