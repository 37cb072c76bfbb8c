#include "codec/case_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace ow::codec {
namespace {

using namespace cases;

TEST(CaseJson, RoundTripsEverythingButTasks) {
    Case c;
    c.id = "20200911-ABCDEFGH";
    c.item_code = "AMR-001";
    c.item_version = 2;
    c.applicant = {"person", "11010519491231002X", "王女士", 7};
    c.channel = "window";
    c.service_point_id = 3;
    c.handling_unit_id = 4;
    c.submitted_by = 5;
    c.consent = {true, "signature", "当面签字",
                 Timestamp(std::chrono::milliseconds(1600000000123))};
    c.form = {
        {"company_name", std::string("台山某公司")}, {"employees", int64_t{12}}, {"agree", true}};
    c.materials = {
        {"scope", MaterialState::kDeferred, "", std::nullopt, ParseDate("2020-09-14"), {}},
        {"id_card", MaterialState::kFromVault, "", 42, {}, {}}};
    c.delivery = "express";
    c.delivery_address = "台山市台城街道";
    c.status = CaseStatus::kSuspended;
    c.stage = 1;
    c.submitted_at = Timestamp(std::chrono::milliseconds(1599800000000));
    c.submitted_on = *ParseDate("2020-09-11");
    c.accepted_on = ParseDate("2020-09-11");
    c.accepted_by = 5;
    c.notices = {{"deficiency",
                  c.submitted_at,
                  5,
                  {{"scope", "经营范围说明", ParseDate("2020-09-14")}},
                  "terminate"}};
    c.pauses = {{*ParseDate("2020-09-12"), std::nullopt, 9}};
    c.promised_deadline = ParseDate("2020-09-14");
    c.warning = Warning::kRed;
    c.counters = {3, 1, 1, 0, 1, 1};
    c.next_check_at = c.submitted_at;
    c.revision = 4;
    c.tasks.push_back(Task{});
    std::string text = boost::json::serialize(WriteCase(c, false));
    auto in = JsonReader::Parse(text);
    ASSERT_TRUE(in.ok());
    auto back = ReadCase(*in);
    ASSERT_TRUE(back.ok()) << back.error().field();
    EXPECT_EQ(boost::json::serialize(WriteCase(*back, false)), text);
    EXPECT_EQ(back->consent.recorded_at, c.consent.recorded_at);
    EXPECT_EQ(std::get<int64_t>(back->form.at("employees")), 12);
    EXPECT_TRUE(back->tasks.empty());
}

TEST(CaseJson, FormsAcceptOnlyPlainValues) {
    auto ok = ReadFormData(boost::json::parse(R"({"a":"x","b":3,"c":true,"d":null})"), "form");
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->size(), 4u);
    auto nested = ReadFormData(boost::json::parse(R"({"a":{"x":1}})"), "form");
    EXPECT_EQ(nested.error().field(), "form.a");
    EXPECT_EQ(ReadFormData(boost::json::parse(R"([1])"), "form").error().code(),
              ErrorCode::kWrongType);
    EXPECT_EQ(ReadFormData(boost::json::parse(R"({"a":1.5})"), "form").error().code(),
              ErrorCode::kWrongType);
}

}  // namespace
}  // namespace ow::codec
