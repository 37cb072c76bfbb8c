#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace ow::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / "ow-static-test";
        fs::remove_all(root_);
        fs::create_directories(root_ / "assets");
        std::ofstream(root_ / "index.html") << "<html><script src=\"/assets/app.js\"></script>";
        std::ofstream(root_ / "assets" / "app.js") << "console.log(1)";
        std::ofstream(fs::temp_directory_path() / "ow-secret.txt") << "secret";
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesAndFallsBackToIndexForPages) {
    StaticFiles files(root_);
    auto js = files.Serve("/assets/app.js");
    ASSERT_TRUE(js);
    EXPECT_EQ(js->body, "console.log(1)");
    EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
    auto page = files.Serve("/cases/does-not-exist");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("<script"), std::string::npos);
    EXPECT_TRUE(files.Serve("/"));
    EXPECT_FALSE(files.Serve("/assets/missing.js"));
    // A route whose last segment has dots (a license number) is still a page.
    auto license = files.Serve("/my/licenses/1.2.156.3005.2.SSC.44070332.000001.1.X");
    ASSERT_TRUE(license);
    EXPECT_NE(license->body.find("<script"), std::string::npos);
}

TEST_F(StaticFilesTest, NeverLeavesTheRoot) {
    StaticFiles files(root_);
    EXPECT_FALSE(files.Serve("/../ow-secret.txt"));
    EXPECT_FALSE(files.Serve("/assets/../../ow-secret.txt"));
    EXPECT_FALSE(files.Serve("/..\\ow-secret.txt"));
    EXPECT_FALSE(files.Serve(std::string("/a\0b", 4)));
}

}  // namespace
}  // namespace ow::http
