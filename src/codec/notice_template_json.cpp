#include "codec/notice_template_json.hpp"

#include <set>

namespace ow::codec {
namespace {

boost::json::object WriteText(const notices::RenderedText& t) {
    return {{"subject", t.subject}, {"body", t.body}};
}

}  // namespace

Result<notices::RenderedText> ReadNoticeText(JsonReader& in, const char* language) {
    OW_ASSIGN_OR_RETURN(JsonReader text, in.Object(language));
    notices::RenderedText t;
    OW_ASSIGN_OR_RETURN(t.subject, text.String("subject"));
    OW_ASSIGN_OR_RETURN(t.body, text.String("body"));
    OW_TRY(text.Finish());
    return t;
}

boost::json::object WriteNoticeTemplate(const notices::NoticeTemplate& t) {
    return {{"event", t.event}, {"zh", WriteText(t.zh)}, {"en", WriteText(t.en)}};
}

boost::json::array WriteNoticeTemplates(const std::vector<notices::NoticeTemplate>& templates) {
    boost::json::array out;
    for (const auto& t : templates) out.push_back(WriteNoticeTemplate(t));
    return out;
}

Result<std::vector<notices::NoticeTemplate>> ReadNoticeTemplates(JsonReader& catalog) {
    std::vector<notices::NoticeTemplate> out;
    if (!catalog.Has("notice_templates")) return out;
    OW_ASSIGN_OR_RETURN(auto entries, catalog.Objects("notice_templates", "event"));
    std::set<std::string> seen;
    for (JsonReader& in : entries) {
        notices::NoticeTemplate t;
        OW_ASSIGN_OR_RETURN(t.event, in.String("event"));
        OW_ASSIGN_OR_RETURN(t.zh, ReadNoticeText(in, "zh"));
        OW_ASSIGN_OR_RETURN(t.en, ReadNoticeText(in, "en"));
        OW_TRY(in.Finish());
        const std::string prefix = in.PathOf("");
        if (!seen.insert(t.event).second) {
            return InvalidValue(in.PathOf("event"), "duplicate");
        }
        OW_TRY(notices::ValidateTemplate(t, prefix));
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace ow::codec
