#include "codec/case_json.hpp"

#include <boost/json.hpp>

namespace ow::codec {

using namespace cases;
namespace json = boost::json;

namespace {

json::value DateOr(const std::optional<Date>& d) {
    return d ? json::value(FormatDate(*d)) : json::value(nullptr);
}

json::value TimeOr(const std::optional<Timestamp>& t) {
    return t ? json::value(FormatTimestamp(*t)) : json::value(nullptr);
}

template <class T>
json::value IntOr(const std::optional<T>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

json::array Strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

// Instants are stored as RFC 3339 text, read back exactly (milliseconds).
std::optional<Timestamp> ParseTimestamp(const std::string& s) {
    if (s.size() != 24 || s[10] != 'T' || s[23] != 'Z') return std::nullopt;
    auto d = ParseDate(s.substr(0, 10));
    if (!d) return std::nullopt;
    int h = std::stoi(s.substr(11, 2)), m = std::stoi(s.substr(14, 2)),
        sec = std::stoi(s.substr(17, 2)), ms = std::stoi(s.substr(20, 3));
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::sys_days(*d) + std::chrono::hours(h) + std::chrono::minutes(m) +
        std::chrono::seconds(sec) + std::chrono::milliseconds(ms));
}

Error Bad(const std::string& path) {
    return Error(ErrorCode::kInvalidValue).Field(path).Param("reason", "stored_document");
}

Result<std::optional<Date>> OptDate(JsonReader& in, const char* name) {
    OW_ASSIGN_OR_RETURN(auto s, in.OptString(name));
    if (!s) return std::optional<Date>();
    auto d = ParseDate(*s);
    if (!d) return Bad(in.PathOf(name));
    return std::optional<Date>(*d);
}

Result<Date> ReqDate(JsonReader& in, const char* name) {
    OW_ASSIGN_OR_RETURN(auto d, OptDate(in, name));
    if (!d) return Error(ErrorCode::kMissingField).Field(in.PathOf(name));
    return *d;
}

Result<std::optional<Timestamp>> OptTime(JsonReader& in, const char* name) {
    OW_ASSIGN_OR_RETURN(auto s, in.OptString(name));
    if (!s) return std::optional<Timestamp>();
    auto t = ParseTimestamp(*s);
    if (!t) return Bad(in.PathOf(name));
    return t;
}

Result<Timestamp> ReqTime(JsonReader& in, const char* name) {
    OW_ASSIGN_OR_RETURN(auto t, OptTime(in, name));
    if (!t) return Error(ErrorCode::kMissingField).Field(in.PathOf(name));
    return *t;
}

template <class E>
Result<E> Enum(JsonReader& in, const char* name, std::initializer_list<E> values,
               std::string_view (*namer)(E)) {
    OW_ASSIGN_OR_RETURN(std::string s, in.String(name));
    for (E v : values) {
        if (namer(v) == s) return v;
    }
    return Bad(in.PathOf(name));
}

}  // namespace

json::object WriteFormData(const catalog::FormData& form) {
    json::object o;
    for (const auto& [k, v] : form) {
        if (const auto* b = std::get_if<bool>(&v)) {
            o[k] = *b;
        } else if (const auto* i = std::get_if<int64_t>(&v)) {
            o[k] = *i;
        } else if (const auto* s = std::get_if<std::string>(&v)) {
            o[k] = *s;
        } else {
            o[k] = nullptr;
        }
    }
    return o;
}

Result<catalog::FormData> ReadFormData(const json::value& v, const std::string& path) {
    if (!v.is_object()) {
        return Error(ErrorCode::kWrongType).Field(path).Param("expected", "an object");
    }
    catalog::FormData out;
    for (const auto& [k, x] : v.as_object()) {
        std::string key(k);
        if (x.is_null()) {
            out[key] = std::monostate{};
        } else if (x.is_bool()) {
            out[key] = x.as_bool();
        } else if (x.is_int64()) {
            out[key] = x.as_int64();
        } else if (x.is_uint64() && x.as_uint64() <= INT64_MAX) {
            out[key] = static_cast<int64_t>(x.as_uint64());
        } else if (x.is_string()) {
            out[key] = std::string(x.as_string());
        } else {
            return Error(ErrorCode::kWrongType)
                .Field(path + "." + key)
                .Param("expected", "a string");
        }
    }
    return out;
}

json::object WriteTask(const Task& t) {
    return {{"id", t.id},
            {"stage", t.stage + 1},
            {"department_id", t.department_id},
            {"department_code", t.department_code},
            {"status", TaskStatusName(t.status)},
            {"claimed_by", IntOr(t.claimed_by)},
            {"decided_by", IntOr(t.decided_by)},
            {"opinion", t.opinion},
            {"requested", Strings(t.requested)},
            {"started_on", FormatDate(t.started_on)},
            {"deadline", FormatDate(t.deadline)},
            {"deadline_provisional", t.deadline_provisional},
            {"decided_at", TimeOr(t.decided_at)},
            {"warning", WarningName(t.warning)}};
}

json::object WriteCase(const Case& c, bool with_tasks) {
    json::array materials;
    for (const CaseMaterial& m : c.materials) {
        materials.push_back({{"requirement", m.requirement},
                             {"state", MaterialStateName(m.state)},
                             {"file_id", m.file_id},
                             {"vault_document", IntOr(m.vault_document)},
                             {"due", DateOr(m.due)},
                             {"supplied_at", TimeOr(m.supplied_at)}});
    }
    json::array notices;
    for (const Notice& n : c.notices) {
        json::array lines;
        for (const NoticeLine& l : n.lines) {
            lines.push_back(
                {{"subject", l.subject}, {"message", l.message}, {"due", DateOr(l.due)}});
        }
        notices.push_back({{"kind", n.kind},
                           {"given_at", FormatTimestamp(n.given_at)},
                           {"given_by", n.given_by},
                           {"lines", std::move(lines)},
                           {"consequence", n.consequence}});
    }
    json::array pauses;
    for (const Pause& p : c.pauses) {
        pauses.push_back(
            {{"first", FormatDate(p.first)}, {"last", DateOr(p.last)}, {"task_id", p.task_id}});
    }
    json::value result = nullptr;
    if (c.result) {
        const CaseResult& r = *c.result;
        result = json::object{{"kind", r.kind},
                              {"document_type", r.document_type},
                              {"name_zh", r.name_zh},
                              {"name_en", r.name_en},
                              {"issued_at", FormatTimestamp(r.issued_at)},
                              {"vault_document", IntOr(r.vault_document)},
                              {"delivery", r.delivery},
                              {"tracking", r.tracking},
                              {"delivered_at", TimeOr(r.delivered_at)}};
    }
    json::object o{
        {"id", c.id},
        {"item_code", c.item_code},
        {"item_version", c.item_version},
        {"bundle_application", c.bundle_application},
        {"applicant",
         {{"type", c.applicant.type},
          {"id", c.applicant.id},
          {"name", c.applicant.name},
          {"user_id", IntOr(c.applicant.user_id)}}},
        {"channel", c.channel},
        {"service_point_id", c.service_point_id},
        {"handling_unit_id", c.handling_unit_id},
        {"submitted_by", c.submitted_by},
        {"consent",
         {{"given", c.consent.given},
          {"method", c.consent.method},
          {"note", c.consent.note},
          {"recorded_at", c.consent.given ? json::value(FormatTimestamp(c.consent.recorded_at))
                                          : json::value(nullptr)}}},
        {"vault_consent", c.vault_consent},
        {"form", WriteFormData(c.form)},
        {"materials", std::move(materials)},
        {"delivery", c.delivery},
        {"delivery_address", c.delivery_address},
        {"status", StatusName(c.status)},
        {"stage", c.stage + 1},
        {"submitted_at", FormatTimestamp(c.submitted_at)},
        {"submitted_on", FormatDate(c.submitted_on)},
        {"accepted_on", DateOr(c.accepted_on)},
        {"accepted_by", IntOr(c.accepted_by)},
        {"auto_accepted", c.auto_accepted},
        {"commitment", c.commitment},
        {"notices", std::move(notices)},
        {"refusal_reason", c.refusal_reason},
        {"pauses", std::move(pauses)},
        {"promised_deadline", DateOr(c.promised_deadline)},
        {"statutory_deadline", DateOr(c.statutory_deadline)},
        {"deadline_provisional", c.deadline_provisional},
        {"warning", WarningName(c.warning)},
        {"result", std::move(result)},
        {"closed_at", TimeOr(c.closed_at)},
        {"counters",
         {{"required", c.counters.required},
          {"submitted", c.counters.submitted},
          {"reused", c.counters.reused},
          {"waived", c.counters.waived},
          {"deferred", c.counters.deferred},
          {"visits", c.counters.visits}}},
        {"next_check_at", TimeOr(c.next_check_at)},
        {"revision", c.revision},
    };
    if (with_tasks) {
        json::array tasks;
        for (const Task& t : c.tasks) tasks.push_back(WriteTask(t));
        o["tasks"] = std::move(tasks);
    }
    return o;
}

Result<Case> ReadCase(JsonReader& in) {
    Case c;
    OW_ASSIGN_OR_RETURN(c.id, in.String("id"));
    OW_ASSIGN_OR_RETURN(c.item_code, in.String("item_code"));
    OW_ASSIGN_OR_RETURN(int64_t version, in.Int("item_version"));
    c.item_version = static_cast<int>(version);
    OW_ASSIGN_OR_RETURN(c.bundle_application, in.StringOr("bundle_application"));
    OW_ASSIGN_OR_RETURN(JsonReader a, in.Object("applicant"));
    OW_ASSIGN_OR_RETURN(c.applicant.type, a.String("type"));
    OW_ASSIGN_OR_RETURN(c.applicant.id, a.String("id"));
    OW_ASSIGN_OR_RETURN(c.applicant.name, a.String("name"));
    OW_ASSIGN_OR_RETURN(c.applicant.user_id, a.OptInt("user_id"));
    OW_ASSIGN_OR_RETURN(c.channel, in.String("channel"));
    OW_ASSIGN_OR_RETURN(c.service_point_id, in.Int("service_point_id"));
    OW_ASSIGN_OR_RETURN(c.handling_unit_id, in.Int("handling_unit_id"));
    OW_ASSIGN_OR_RETURN(c.submitted_by, in.Int("submitted_by"));
    OW_ASSIGN_OR_RETURN(JsonReader consent, in.Object("consent"));
    OW_ASSIGN_OR_RETURN(c.consent.given, consent.Bool("given"));
    OW_ASSIGN_OR_RETURN(c.consent.method, consent.StringOr("method"));
    OW_ASSIGN_OR_RETURN(c.consent.note, consent.StringOr("note"));
    OW_ASSIGN_OR_RETURN(auto recorded, OptTime(consent, "recorded_at"));
    if (recorded) c.consent.recorded_at = *recorded;
    OW_ASSIGN_OR_RETURN(c.vault_consent, in.Bool("vault_consent"));
    if (const auto* form = in.Raw("form")) {
        OW_ASSIGN_OR_RETURN(c.form, ReadFormData(*form, "form"));
    }
    OW_ASSIGN_OR_RETURN(auto materials, in.Objects("materials", "requirement"));
    for (JsonReader& m : materials) {
        CaseMaterial cm;
        OW_ASSIGN_OR_RETURN(cm.requirement, m.String("requirement"));
        OW_ASSIGN_OR_RETURN(cm.state, Enum(m, "state",
                                           {MaterialState::kProvided, MaterialState::kFromVault,
                                            MaterialState::kMissing, MaterialState::kDeferred,
                                            MaterialState::kWaived},
                                           MaterialStateName));
        OW_ASSIGN_OR_RETURN(cm.file_id, m.StringOr("file_id"));
        OW_ASSIGN_OR_RETURN(cm.vault_document, m.OptInt("vault_document"));
        OW_ASSIGN_OR_RETURN(cm.due, OptDate(m, "due"));
        OW_ASSIGN_OR_RETURN(cm.supplied_at, OptTime(m, "supplied_at"));
        c.materials.push_back(std::move(cm));
    }
    OW_ASSIGN_OR_RETURN(c.delivery, in.String("delivery"));
    OW_ASSIGN_OR_RETURN(c.delivery_address, in.StringOr("delivery_address"));
    OW_ASSIGN_OR_RETURN(std::string status, in.String("status"));
    auto s = ParseStatus(status);
    if (!s) return Bad(in.PathOf("status"));
    c.status = *s;
    OW_ASSIGN_OR_RETURN(int64_t stage, in.Int("stage"));
    c.stage = static_cast<int>(stage) - 1;
    OW_ASSIGN_OR_RETURN(c.submitted_at, ReqTime(in, "submitted_at"));
    OW_ASSIGN_OR_RETURN(c.submitted_on, ReqDate(in, "submitted_on"));
    OW_ASSIGN_OR_RETURN(c.accepted_on, OptDate(in, "accepted_on"));
    OW_ASSIGN_OR_RETURN(c.accepted_by, in.OptInt("accepted_by"));
    OW_ASSIGN_OR_RETURN(c.auto_accepted, in.Bool("auto_accepted"));
    OW_ASSIGN_OR_RETURN(c.commitment, in.StringOr("commitment"));
    OW_ASSIGN_OR_RETURN(auto notices, in.Objects("notices", nullptr));
    for (JsonReader& n : notices) {
        Notice notice;
        OW_ASSIGN_OR_RETURN(notice.kind, n.String("kind"));
        OW_ASSIGN_OR_RETURN(notice.given_at, ReqTime(n, "given_at"));
        OW_ASSIGN_OR_RETURN(notice.given_by, n.Int("given_by"));
        OW_ASSIGN_OR_RETURN(notice.consequence, n.StringOr("consequence"));
        OW_ASSIGN_OR_RETURN(auto lines, n.Objects("lines", nullptr));
        for (JsonReader& l : lines) {
            NoticeLine line;
            OW_ASSIGN_OR_RETURN(line.subject, l.String("subject"));
            OW_ASSIGN_OR_RETURN(line.message, l.String("message"));
            OW_ASSIGN_OR_RETURN(line.due, OptDate(l, "due"));
            notice.lines.push_back(std::move(line));
        }
        c.notices.push_back(std::move(notice));
    }
    OW_ASSIGN_OR_RETURN(c.refusal_reason, in.StringOr("refusal_reason"));
    OW_ASSIGN_OR_RETURN(auto pauses, in.Objects("pauses", nullptr));
    for (JsonReader& p : pauses) {
        Pause pause;
        OW_ASSIGN_OR_RETURN(pause.first, ReqDate(p, "first"));
        OW_ASSIGN_OR_RETURN(pause.last, OptDate(p, "last"));
        OW_ASSIGN_OR_RETURN(pause.task_id, p.Int("task_id"));
        c.pauses.push_back(pause);
    }
    OW_ASSIGN_OR_RETURN(c.promised_deadline, OptDate(in, "promised_deadline"));
    OW_ASSIGN_OR_RETURN(c.statutory_deadline, OptDate(in, "statutory_deadline"));
    OW_ASSIGN_OR_RETURN(c.deadline_provisional, in.Bool("deadline_provisional"));
    OW_ASSIGN_OR_RETURN(
        c.warning,
        Enum(in, "warning", {Warning::kNormal, Warning::kYellow, Warning::kRed, Warning::kOverdue},
             WarningName));
    if (const auto* r = in.Raw("result"); r && r->is_object()) {
        JsonReader rr(r->as_object(), "result");
        CaseResult res;
        OW_ASSIGN_OR_RETURN(res.kind, rr.String("kind"));
        OW_ASSIGN_OR_RETURN(res.document_type, rr.StringOr("document_type"));
        OW_ASSIGN_OR_RETURN(res.name_zh, rr.StringOr("name_zh"));
        OW_ASSIGN_OR_RETURN(res.name_en, rr.StringOr("name_en"));
        OW_ASSIGN_OR_RETURN(res.issued_at, ReqTime(rr, "issued_at"));
        OW_ASSIGN_OR_RETURN(res.vault_document, rr.OptInt("vault_document"));
        OW_ASSIGN_OR_RETURN(res.delivery, rr.StringOr("delivery"));
        OW_ASSIGN_OR_RETURN(res.tracking, rr.StringOr("tracking"));
        OW_ASSIGN_OR_RETURN(res.delivered_at, OptTime(rr, "delivered_at"));
        c.result = res;
    }
    OW_ASSIGN_OR_RETURN(c.closed_at, OptTime(in, "closed_at"));
    OW_ASSIGN_OR_RETURN(JsonReader k, in.Object("counters"));
    OW_ASSIGN_OR_RETURN(int64_t required, k.Int("required"));
    OW_ASSIGN_OR_RETURN(int64_t submitted, k.Int("submitted"));
    OW_ASSIGN_OR_RETURN(int64_t reused, k.Int("reused"));
    OW_ASSIGN_OR_RETURN(int64_t waived, k.Int("waived"));
    OW_ASSIGN_OR_RETURN(int64_t deferred, k.Int("deferred"));
    OW_ASSIGN_OR_RETURN(int64_t visits, k.Int("visits"));
    c.counters = {static_cast<int>(required), static_cast<int>(submitted),
                  static_cast<int>(reused),   static_cast<int>(waived),
                  static_cast<int>(deferred), static_cast<int>(visits)};
    OW_ASSIGN_OR_RETURN(c.next_check_at, OptTime(in, "next_check_at"));
    OW_ASSIGN_OR_RETURN(c.revision, in.Int("revision"));
    return c;
}

}  // namespace ow::codec
