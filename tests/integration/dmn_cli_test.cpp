// The rules engine from the command line, as a policy officer uses it (docs/rules.md): one
// enterprise with its explanation, a whole file in batch with a bad row reported by line, and the
// TCK runner's CSV.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server_process.hpp"

namespace ow::test {
namespace {

namespace fs = std::filesystem;

std::string Source() {
    const char* s = std::getenv("ONEWINDOW_SOURCE");
    return s ? s : ".";
}

std::string PolicyModel() {
    return Source() + "/bench/policy-screening/policies.dmn";
}

std::string Slurp(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const char* kEnterprise =
    R"({"isHighTech":true,"creditRating":"A","envPenalties12m":0,"rdExpense":2345,)"
    R"("exportValue":0,"industry":"I65","employees":42,"regYears":1,"emissionGrade":"C",)"
    R"("revenue":30000,"district":9})";

TEST(DmnCli, EvalGivesExactAwardsAndSaysWhyNot) {
    auto [code, out] = RunCli({"dmn", "eval", PolicyModel(), "--decision", "Eligible awards",
                               "--input", kEnterprise, "--explain"});
    ASSERT_EQ(code, 0) << out;
    auto j = boost::json::parse(out).as_object();
    auto& awards = j.at("value").as_array();
    ASSERT_EQ(awards.size(), 5u) << out;  // the five R&D tiers
    EXPECT_EQ(awards[0].at("policy").as_string(), "RD0");
    EXPECT_EQ(awards[0].at("award").as_string(), "117.25");  // exact, as a decimal string
    std::string text = boost::json::serialize(j.at("explanation"));
    EXPECT_NE(text.find("employees 42 does not satisfy >= 50"), std::string::npos) << text;
}

TEST(DmnCli, EvalTotalSumsTheAwards) {
    auto [code, out] =
        RunCli({"dmn", "eval", PolicyModel(), "--decision", "Total award", "--input", kEnterprise});
    ASSERT_EQ(code, 0) << out;
    // 117.25 + 140.7 + 164.15 + 187.6 + 211.05
    EXPECT_EQ(boost::json::parse(out).at("value").as_string(), "820.75") << out;
}

TEST(DmnCli, EvalRefusesInputOfTheWrongType) {
    auto [code, out] = RunCli({"dmn", "eval", PolicyModel(), "--decision", "Eligible awards",
                               "--input", R"({"employees":"many"})"});
    EXPECT_EQ(code, 2) << out;
    EXPECT_NE(out.find("employees"), std::string::npos) << out;
}

TEST(DmnCli, BatchWritesEveryAwardAndReportsBadRowsByLine) {
    fs::path dir = fs::temp_directory_path() / ("dmn-cli-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "in.csv")
        << "id,isHighTech,creditRating,envPenalties12m,rdExpense,exportValue,industry,employees,"
           "regYears,emissionGrade,revenue,district\n"
           "e1,true,A,0,2345,0,I65,42,1,C,30000,9\n"
           "e2,false,B,0,0,0,C39,abc,3,A,1000,3\n"
           "e3,false,B,0,0,0,C39,60,3,A,1000,3\n";
    auto [code, out] =
        RunCli({"dmn", "batch", PolicyModel(), "--decision", "Eligible awards", "--data",
                (dir / "in.csv").string(), "--out", (dir / "out.csv").string(), "--explain"});
    EXPECT_EQ(code, 1) << out;  // a row was not read: the script must notice
    EXPECT_NE(out.find("line 3, column employees: 'abc' is not a number"), std::string::npos)
        << out;
    std::string csv = Slurp(dir / "out.csv");
    EXPECT_NE(csv.find("2,e1,RD0,117.25,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("4,e3,JOB0,9,"), std::string::npos) << csv;  // 0.15 x 60
    EXPECT_EQ(csv.find(",e2,"), std::string::npos) << csv;
    fs::remove_all(dir);
}

TEST(DmnCli, TckWritesTheResultsCsv) {
    const char* shared = std::getenv("ONEWINDOW_SHARED");
    if (shared == nullptr) GTEST_SKIP() << "ONEWINDOW_SHARED not set";
    fs::path csv = fs::temp_directory_path() / ("tck-" + std::to_string(getpid()) + ".csv");
    auto [code, out] =
        RunCli({"dmn", "tck",
                std::string(shared) + "/reference/dmn-tck/compliance-level-2/0004-simpletable-U",
                "--csv", csv.string()});
    EXPECT_EQ(code, 0) << out;
    std::string text = Slurp(csv);
    EXPECT_NE(text.find("\"0004-simpletable-U-test-01\",\"001\",\"SUCCESS\""), std::string::npos)
        << text;
    fs::remove(csv);
}

}  // namespace
}  // namespace ow::test
