#include "notices/notice_event.hpp"

#include <algorithm>

namespace ow::notices {

std::span<const NoticeEvent> AllNoticeEvents() {
    static const std::vector<NoticeEvent> kEvents = {
        {"case.accepted",
         "办件已受理",
         "Case accepted",
         {"case_id", "item", "applicant", "deadline"}},
        {"case.notice",
         "一次性告知（容缺受理或补正）",
         "One-time notice (acceptance with deficiency, or return for correction)",
         {"case_id", "item", "applicant", "kind", "reason", "deadline"}},
        {"case.supplement_requested",
         "部门要求补充材料",
         "A department asks for supplements",
         {"case_id", "item", "applicant", "department", "reason"}},
        {"case.stage_passed",
         "审批环节通过",
         "A review stage passed",
         {"case_id", "item", "applicant", "stage", "stage_name"}},
        {"case.decided",
         "审批决定（准予或不予许可）",
         "Decision (approved or refused)",
         {"case_id", "item", "applicant", "decision", "reason"}},
        {"case.result_ready",
         "办理结果已出具",
         "The result is ready",
         {"case_id", "item", "applicant", "delivery"}},
        {"license.issued",
         "电子证照已签发",
         "E-license issued",
         {"license_number", "item", "applicant", "case_id"}},
        {"license.revoked",
         "电子证照已注销",
         "E-license revoked",
         {"license_number", "item", "applicant", "reason"}},
        {"deadline.warning",
         "办理时限预警",
         "Deadline warning",
         {"case_id", "item", "applicant", "department", "level", "deadline"}},
        {"task.assigned",
         "新的审批任务",
         "New review task",
         {"case_id", "item", "applicant", "department", "stage", "stage_name", "deadline"}},
    };
    return kEvents;
}

const NoticeEvent* FindNoticeEvent(std::string_view code) {
    auto all = AllNoticeEvents();
    auto it =
        std::find_if(all.begin(), all.end(), [&](const NoticeEvent& e) { return e.code == code; });
    return it == all.end() ? nullptr : &*it;
}

}  // namespace ow::notices
