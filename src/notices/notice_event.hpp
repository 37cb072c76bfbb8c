// The events people are told about, with the placeholders their templates may use. The set is
// closed: a template for an unknown event, or one naming an unknown placeholder, is refused.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ow::notices {

struct NoticeEvent {
    std::string_view code;  // e.g. "case.accepted"
    std::string_view description_zh;
    std::string_view description_en;
    std::vector<std::string_view> placeholders;
};

std::span<const NoticeEvent> AllNoticeEvents();
const NoticeEvent* FindNoticeEvent(std::string_view code);

}  // namespace ow::notices
