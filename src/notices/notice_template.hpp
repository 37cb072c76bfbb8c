// Notice templates: a subject and a body per language with {placeholders}, one template per
// event. Administrators edit them (NoticeService::PutTemplate); DefaultTemplates() are the
// built-in texts an event without an edited template uses.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "notices/notice.hpp"

namespace ow::notices {

struct NoticeTemplate {
    std::string event;
    RenderedText zh;
    RenderedText en;
    friend bool operator==(const NoticeTemplate&, const NoticeTemplate&) = default;
};

// Placeholder values in one language.
using Values = std::map<std::string, std::string>;

// `text` with every {name} replaced by its value; a name without a value becomes "".
// "{{" and "}}" are literal braces.
std::string Render(const std::string& text, const Values& values);
RenderedText Render(const RenderedText& text, const Values& values);

// kInvalidValue at the field ("zh.subject", "en.body"...) for a placeholder the event does not
// have (reason "unknown_placeholder:<name>") or an unclosed brace ("unclosed_brace");
// kMissingField for an empty subject or body; kInvalidValue at "event" for an unknown event.
// `field_prefix` goes before the field names (e.g. "notice_templates.case.accepted.").
Result<void> ValidateTemplate(const NoticeTemplate& t, const std::string& field_prefix = "");

// The built-in texts of every event, in zh-CN and English.
const std::vector<NoticeTemplate>& DefaultTemplates();

// The template of `event` in `templates` (the edited ones), else the built-in one; nullptr for
// an unknown event.
const NoticeTemplate* FindTemplate(const std::vector<NoticeTemplate>& templates,
                                   const std::string& event);

}  // namespace ow::notices
