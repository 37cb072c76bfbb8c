#include "notices/notice_template.hpp"

#include <algorithm>

#include "notices/notice_event.hpp"

namespace ow::notices {
namespace {

// Calls on_name for every {name} and on_text for the literal text between them; false at an
// unclosed brace.
template <class Text, class Name>
bool Scan(const std::string& s, Text on_text, Name on_name) {
    for (size_t i = 0; i < s.size(); ++i) {
        char ch = s[i];
        if ((ch == '{' || ch == '}') && i + 1 < s.size() && s[i + 1] == ch) {
            on_text(ch);
            ++i;
        } else if (ch == '{') {
            size_t close = s.find('}', i + 1);
            if (close == std::string::npos) return false;
            on_name(s.substr(i + 1, close - i - 1));
            i = close;
        } else {
            on_text(ch);
        }
    }
    return true;
}

Result<void> CheckText(const NoticeEvent& event, const std::string& text,
                       const std::string& field) {
    if (text.empty()) return Error(ErrorCode::kMissingField).Field(field);
    std::string unknown;
    bool closed = Scan(
        text, [](char) {},
        [&](const std::string& name) {
            bool known = std::find(event.placeholders.begin(), event.placeholders.end(), name) !=
                         event.placeholders.end();
            if (!known && unknown.empty()) unknown = name.empty() ? "{}" : name;
        });
    if (!closed) {
        return Error(ErrorCode::kInvalidValue).Field(field).Param("reason", "unclosed_brace");
    }
    if (!unknown.empty()) {
        return Error(ErrorCode::kInvalidValue)
            .Field(field)
            .Param("reason", "unknown_placeholder:" + unknown);
    }
    return Ok();
}

}  // namespace

std::string Render(const std::string& text, const Values& values) {
    std::string out;
    out.reserve(text.size() + 64);
    bool closed = Scan(
        text, [&](char ch) { out += ch; },
        [&](const std::string& name) {
            if (auto it = values.find(name); it != values.end()) out += it->second;
        });
    return closed ? out : text;  // validated templates are always closed
}

RenderedText Render(const RenderedText& text, const Values& values) {
    return {Render(text.subject, values), Render(text.body, values)};
}

Result<void> ValidateTemplate(const NoticeTemplate& t, const std::string& field_prefix) {
    const NoticeEvent* event = FindNoticeEvent(t.event);
    if (!event) {
        return Error(ErrorCode::kInvalidValue)
            .Field(field_prefix + "event")
            .Param("reason", "unknown_event:" + t.event);
    }
    OW_TRY(CheckText(*event, t.zh.subject, field_prefix + "zh.subject"));
    OW_TRY(CheckText(*event, t.zh.body, field_prefix + "zh.body"));
    OW_TRY(CheckText(*event, t.en.subject, field_prefix + "en.subject"));
    OW_TRY(CheckText(*event, t.en.body, field_prefix + "en.body"));
    return Ok();
}

const std::vector<NoticeTemplate>& DefaultTemplates() {
    static const std::vector<NoticeTemplate> kTemplates = {
        {"case.accepted",
         {"您的办件 {case_id} 已受理",
          "{applicant}，您申请的“{item}”（办件号 {case_id}）已受理，承诺办结日期 {deadline}。"},
         {"Case {case_id} accepted",
          "{applicant}, your application for {item} (case {case_id}) has been accepted. It will be "
          "decided by {deadline}."}},
        {"case.notice",
         {"办件 {case_id} 一次性告知",
          "{applicant}，您申请的“{item}”（办件号 "
          "{case_id}）需要{kind}：{reason}。期限：{deadline}。"},
         {"Case {case_id}: one-time notice",
          "{applicant}, your application for {item} (case {case_id}) needs {kind}: {reason}. Due: "
          "{deadline}."}},
        {"case.supplement_requested",
         {"办件 {case_id} 需要补充材料",
          "{applicant}，{department}审查您申请的“{item}”（办件号 "
          "{case_id}）时要求补充材料：{reason}。"},
         {"Case {case_id}: supplements requested",
          "{applicant}, {department} asks for supplements to your application for {item} (case "
          "{case_id}): {reason}."}},
        {"case.stage_passed",
         {"办件 {case_id} 第 {stage} 环节已通过",
          "{applicant}，您申请的“{item}”（办件号 {case_id}）已通过第 {stage} 环节“{stage_name}”。"},
         {"Case {case_id}: stage {stage} passed",
          "{applicant}, your application for {item} (case {case_id}) passed stage {stage}, "
          "{stage_name}."}},
        {"case.decided",
         {"办件 {case_id} 审批结果：{decision}",
          "{applicant}，您申请的“{item}”（办件号 {case_id}）审批结果：{decision}。{reason}"},
         {"Case {case_id}: {decision}",
          "{applicant}, your application for {item} (case {case_id}) was {decision}. {reason}"}},
        {"case.result_ready",
         {"办件 {case_id} 办理结果已出具",
          "{applicant}，您申请的“{item}”（办件号 {case_id}）结果已出具，领取方式：{delivery}。"},
         {"Case {case_id}: result ready",
          "{applicant}, the result of your application for {item} (case {case_id}) is ready. "
          "Delivery: {delivery}."}},
        {"license.issued",
         {"电子证照 {license_number} 已签发",
          "{applicant}，您的“{item}”电子证照（编号 {license_number}）已签发。"},
         {"E-license {license_number} issued",
          "{applicant}, your e-license for {item} (number {license_number}) has been issued."}},
        {"license.revoked",
         {"电子证照 {license_number} 已注销",
          "{applicant}，您的“{item}”电子证照（编号 {license_number}）已注销，原因：{reason}。"},
         {"E-license {license_number} revoked",
          "{applicant}, your e-license for {item} (number {license_number}) has been revoked: "
          "{reason}."}},
        {"deadline.warning",
         {"办件 {case_id} 时限{level}",
          "{department}办理的“{item}”（办件号 {case_id}，申请人 {applicant}）时限{level}，截止日期 "
          "{deadline}。"},
         {"Case {case_id}: deadline {level}",
          "{item} (case {case_id}, applicant {applicant}) at {department} is {level}; deadline "
          "{deadline}."}},
        {"task.assigned",
         {"新的审批任务：{case_id}",
          "{department}有新的审批任务：“{item}”（办件号 {case_id}，申请人 {applicant}），第 "
          "{stage} 环节“{stage_name}”，截止日期 {deadline}。"},
         {"New review task: {case_id}",
          "{department} has a new review task: {item} (case {case_id}, applicant {applicant}), "
          "stage {stage} {stage_name}, due {deadline}."}},
    };
    return kTemplates;
}

const NoticeTemplate* FindTemplate(const std::vector<NoticeTemplate>& templates,
                                   const std::string& event) {
    for (const auto& t : templates) {
        if (t.event == event) return &t;
    }
    for (const auto& t : DefaultTemplates()) {
        if (t.event == event) return &t;
    }
    return nullptr;
}

}  // namespace ow::notices
