#include "codec/license_json.hpp"

#include <boost/json.hpp>

#include "licenses/license_text.hpp"

namespace ow::codec {
namespace {

namespace json = boost::json;
using licenses::License;

json::value DateOrNull(const std::optional<Date>& d) {
    return d ? json::value(FormatDate(*d)) : json::value(nullptr);
}

json::value TextOrNull(const std::optional<std::string>& s) {
    return s ? json::value(*s) : json::value(nullptr);
}

}  // namespace

json::object WriteLicenseKey(const licenses::DepartmentKey& k) {
    return json::object{{"department_code", k.key.department_code},
                        {"department_name_zh", k.name_zh},
                        {"department_name_en", k.name_en},
                        {"key_id", k.key.key_id},
                        {"public_key", k.key.public_key},
                        {"created", FormatTimestamp(k.key.created)},
                        {"retired", k.key.retired ? json::value(FormatTimestamp(*k.key.retired))
                                                  : json::value(nullptr)}};
}

json::object WriteLicenseKeys(const std::vector<licenses::DepartmentKey>& keys) {
    json::array out;
    for (const auto& k : keys) out.push_back(WriteLicenseKey(k));
    return json::object{{"keys", std::move(out)}};
}

Result<licenses::PublishedKeySet> ReadLicenseKeys(
    JsonReader& in,
    const std::function<std::optional<Timestamp>(std::string_view)>& parse_instant) {
    OW_ASSIGN_OR_RETURN(auto list, in.Objects("keys", "key_id"));
    licenses::PublishedKeySet out;
    for (JsonReader& k : list) {
        licenses::PublishedKey key;
        OW_ASSIGN_OR_RETURN(key.department_code, k.String("department_code"));
        OW_ASSIGN_OR_RETURN(key.key_id, k.String("key_id"));
        OW_ASSIGN_OR_RETURN(key.public_key, k.String("public_key"));
        OW_ASSIGN_OR_RETURN(std::string created, k.String("created"));
        OW_ASSIGN_OR_RETURN(auto retired, k.OptString("retired"));
        k.Ignore("department_name_zh");
        k.Ignore("department_name_en");
        OW_TRY(k.Finish());
        auto at = parse_instant(created);
        if (!at) return InvalidValue(k.PathOf("created"), "instant_rule");
        key.created = *at;
        if (retired) {
            auto r = parse_instant(*retired);
            if (!r) return InvalidValue(k.PathOf("retired"), "instant_rule");
            key.retired = *r;
        }
        out.push_back(std::move(key));
    }
    return out;
}

json::object WriteLicensePublic(const License& l,
                                const std::vector<catalog::LicenseField>& labels) {
    json::array fields;
    for (size_t i = 0; i < l.fields.size(); ++i) {
        json::object f{{"key", l.fields[i].key}};
        if (i < labels.size()) {
            f["label_zh"] = labels[i].label.zh;
            f["label_en"] = labels[i].label.en;
        }
        f["value"] = l.fields[i].value;
        fields.push_back(std::move(f));
    }
    return json::object{
        {"number", l.number.str()},
        {"version", l.version()},
        {"previous", l.previous ? json::value(l.previous->str()) : json::value(nullptr)},
        {"type", {{"code", l.type.code}, {"name_zh", l.type.name_zh}, {"name_en", l.type.name_en}}},
        {"holder", {{"id", l.holder.id}, {"name", l.holder.name}}},
        {"issuer",
         {{"department_code", l.issuer.department_code},
          {"name_zh", l.issuer.name_zh},
          {"name_en", l.issuer.name_en}}},
        {"issued_on", FormatDate(l.issued_on)},
        {"valid_from", FormatDate(l.valid_from)},
        {"valid_until", DateOrNull(l.valid_until)},
        {"fields", std::move(fields)}};
}

json::object WriteLicenseView(const licenses::StoredLicense& s,
                              const std::vector<catalog::LicenseField>& labels, Date today) {
    json::object o = WriteLicensePublic(s.license, labels);
    std::string state(licenses::LicenseStateName(s.license.state));
    if (s.license.state == licenses::LicenseState::kValid && s.license.valid_until &&
        Days(today) > Days(*s.license.valid_until)) {
        state = "expired";
    }
    o["superseded_by"] = TextOrNull(s.superseded_by);
    o["state"] = state;
    o["source_case"] = s.source_case.empty() ? json::value(nullptr) : json::value(s.source_case);
    o["text"] = licenses::ToLicenseText(s.signed_);
    json::array events;
    for (const auto& e : s.events) {
        events.push_back(
            json::object{{"type", e.type},
                         {"at", FormatTimestamp(e.at)},
                         {"actor", e.actor ? json::value(*e.actor) : json::value(nullptr)},
                         {"reason", e.reason}});
    }
    o["events"] = std::move(events);
    return o;
}

json::object WriteUseCopy(const licenses::UseCopy& c) {
    return json::object{{"id", c.id},
                        {"purpose", c.purpose},
                        {"valid_until", FormatDate(c.valid_until)},
                        {"made_on", FormatDate(c.made_on)}};
}

json::object WriteStoredCopy(const licenses::StoredCopy& c) {
    json::object o = WriteUseCopy(c.copy);
    o["number"] = c.number;
    o["text"] = c.text;
    return o;
}

json::object WriteVerification(const licenses::OnlineVerification& v,
                               const std::vector<catalog::LicenseField>& labels) {
    return json::object{
        {"verdict", licenses::VerdictName(v.verdict)},
        {"license",
         v.license ? json::value(WriteLicensePublic(*v.license, labels)) : json::value(nullptr)},
        {"copy", v.copy ? json::value(WriteUseCopy(*v.copy)) : json::value(nullptr)},
        {"superseded_by", TextOrNull(v.superseded_by)}};
}

}  // namespace ow::codec
