#include "notices/notice_template.hpp"

#include <gtest/gtest.h>

#include "notices/notice_event.hpp"

namespace ow::notices {
namespace {

TEST(Render, ReplacesPlaceholdersAndKeepsEscapedBraces) {
    EXPECT_EQ(Render("办件 {case_id}：{item}{{x}}", {{"case_id", "C1"}, {"item", "食品经营许可"}}),
              "办件 C1：食品经营许可{x}");
    EXPECT_EQ(Render("{missing}!", {}), "!");
}

TEST(ValidateTemplate, NamesTheFieldOfAnUnknownPlaceholder) {
    NoticeTemplate t{"case.accepted", {"受理 {case_id}", "{applicant}"}, {"ok", "{nope}"}};
    auto r = ValidateTemplate(t);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(r.error().field(), "en.body");

    t.en.body = "{case_id";
    EXPECT_EQ(ValidateTemplate(t).error().field(), "en.body");
    t.en.body = "";
    EXPECT_EQ(ValidateTemplate(t).error().code(), ErrorCode::kMissingField);
    t.event = "case.unknown";
    EXPECT_EQ(ValidateTemplate(t).error().field(), "event");
}

TEST(DefaultTemplates, CoverEveryEventAndAreValid) {
    for (const NoticeEvent& e : AllNoticeEvents()) {
        const NoticeTemplate* t = FindTemplate({}, std::string(e.code));
        ASSERT_NE(t, nullptr) << e.code;
        EXPECT_TRUE(ValidateTemplate(*t).ok()) << e.code;
    }
    EXPECT_EQ(DefaultTemplates().size(), AllNoticeEvents().size());
}

TEST(FindTemplate, PrefersTheCatalogsText) {
    std::vector<NoticeTemplate> edited{{"case.accepted", {"A", "B"}, {"C", "D"}}};
    EXPECT_EQ(FindTemplate(edited, "case.accepted")->zh.subject, "A");
    EXPECT_NE(FindTemplate(edited, "case.decided")->zh.subject, "A");
}

}  // namespace
}  // namespace ow::notices
