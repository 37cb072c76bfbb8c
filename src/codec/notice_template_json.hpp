// JSON of notice templates: each event's subject and body in zh-CN and English. The catalog file
// carries them as "notice_templates" (docs/catalog-format.md), so a catalog moved from one
// installation to another tells people the same things; the API edits them one at a time.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "codec/json_reader.hpp"
#include "notices/notice_template.hpp"

namespace ow::codec {

// {"event", "zh": {"subject", "body"}, "en": {...}}
boost::json::object WriteNoticeTemplate(const notices::NoticeTemplate& t);
boost::json::array WriteNoticeTemplates(const std::vector<notices::NoticeTemplate>& templates);

// {"subject", "body"} of one language, the object `language` ("zh" or "en") of `in`.
Result<notices::RenderedText> ReadNoticeText(JsonReader& in, const char* language);

// The "notice_templates" array of a catalog document (none when absent), each checked with
// notices::ValidateTemplate at its path ("notice_templates[case.accepted].zh.body"); an event
// given twice is kInvalidValue (reason "duplicate").
Result<std::vector<notices::NoticeTemplate>> ReadNoticeTemplates(JsonReader& catalog);

}  // namespace ow::codec
