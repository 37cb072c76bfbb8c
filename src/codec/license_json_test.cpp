#include "codec/license_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace ow::codec {
namespace {

namespace json = boost::json;
using namespace std::chrono;

TEST(LicenseJson, PublishedKeysReadBackAsTheyWereWritten) {
    const Timestamp created = sys_days(2026y / November / 26d) + hours(2);
    const Timestamp retired = created + hours(30);
    std::vector<licenses::DepartmentKey> keys = {
        {{"440703-amr", "0123456789abcdef", "QUJD", created, retired},
         "蓬江区市场监督管理局",
         "AMR"},
        {{"440703-amr", "fedcba9876543210", "REVG", retired, std::nullopt},
         "蓬江区市场监督管理局",
         "AMR"}};
    json::object written = WriteLicenseKeys(keys);
    EXPECT_EQ(written.at("keys").at(0).at("created"), "2026-11-26T02:00:00.000Z");
    EXPECT_TRUE(written.at("keys").at(1).at("retired").is_null());
    auto reader = JsonReader::Parse(boost::json::serialize(written));
    ASSERT_TRUE(reader.ok());
    auto parse = [&](std::string_view text) -> std::optional<Timestamp> {
        if (text == FormatTimestamp(created)) return created;
        if (text == FormatTimestamp(retired)) return retired;
        return std::nullopt;
    };
    auto read = ReadLicenseKeys(*reader, parse);
    ASSERT_TRUE(read.ok()) << read.error().Message(Lang::kEn);
    ASSERT_EQ(read->size(), 2u);
    EXPECT_EQ((*read)[0], keys[0].key);
    EXPECT_EQ((*read)[1], keys[1].key);

    auto bad = JsonReader::Parse(R"({"keys":[{"department_code":"a","key_id":"b","public_key":"c",
        "created":"yesterday","retired":null}]})");
    EXPECT_EQ(ReadLicenseKeys(*bad, parse).error().field(), "keys[b].created");
}

}  // namespace
}  // namespace ow::codec
