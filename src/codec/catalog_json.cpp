#include "codec/catalog_json.hpp"

#include <boost/json.hpp>

namespace ow::codec {

using namespace catalog;
namespace json = boost::json;

namespace {

Result<Text> ReadText(JsonReader& in, const std::string& stem, bool required = true) {
    Text t;
    std::string zh = stem + "_zh", en = stem + "_en";
    if (required) {
        OW_ASSIGN_OR_RETURN(t.zh, in.String(zh.c_str()));
        OW_ASSIGN_OR_RETURN(t.en, in.String(en.c_str()));
    } else {
        OW_ASSIGN_OR_RETURN(t.zh, in.StringOr(zh.c_str()));
        OW_ASSIGN_OR_RETURN(t.en, in.StringOr(en.c_str()));
    }
    return t;
}

void WriteText(json::object& o, const std::string& stem, const Text& t) {
    o[stem + "_zh"] = t.zh;
    o[stem + "_en"] = t.en;
}

json::array Strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

Result<int> ReadSmallInt(JsonReader& in, const char* name, std::optional<int> fallback = {}) {
    OW_ASSIGN_OR_RETURN(auto v, in.OptInt(name));
    if (!v) {
        if (fallback) return *fallback;
        return Error(ErrorCode::kMissingField).Field(in.PathOf(name));
    }
    if (*v < -1000000 || *v > 1000000) {
        return Error(ErrorCode::kInvalidCatalog)
            .Field(in.PathOf(name))
            .Param("reason", "limit_rule");
    }
    return static_cast<int>(*v);
}

Result<FormField> ReadField(JsonReader& in) {
    FormField f;
    OW_ASSIGN_OR_RETURN(f.key, in.String("key"));
    OW_ASSIGN_OR_RETURN(f.label, ReadText(in, "label"));
    OW_ASSIGN_OR_RETURN(f.type, in.String("type"));
    OW_ASSIGN_OR_RETURN(f.required, in.Bool("required"));
    OW_ASSIGN_OR_RETURN(f.max_length, in.OptInt("max_length"));
    OW_ASSIGN_OR_RETURN(f.min, in.OptInt("min"));
    OW_ASSIGN_OR_RETURN(f.max, in.OptInt("max"));
    OW_ASSIGN_OR_RETURN(auto options, in.Objects("options", "value", false));
    for (JsonReader& o : options) {
        FormOption opt;
        OW_ASSIGN_OR_RETURN(opt.value, o.String("value"));
        OW_ASSIGN_OR_RETURN(opt.label, ReadText(o, "label"));
        OW_TRY(o.Finish());
        f.options.push_back(std::move(opt));
    }
    OW_ASSIGN_OR_RETURN(f.help, ReadText(in, "help", false));
    OW_TRY(in.Finish());
    return f;
}

Result<Material> ReadMaterial(JsonReader& in) {
    Material m;
    OW_ASSIGN_OR_RETURN(m.code, in.String("code"));
    OW_ASSIGN_OR_RETURN(m.name, ReadText(in, "name"));
    OW_ASSIGN_OR_RETURN(m.legal_basis, in.String("legal_basis"));
    OW_ASSIGN_OR_RETURN(m.requirement, in.String("requirement"));
    OW_ASSIGN_OR_RETURN(m.condition, ReadText(in, "condition", false));
    OW_ASSIGN_OR_RETURN(m.deferrable, in.BoolOr("deferrable", false));
    OW_ASSIGN_OR_RETURN(m.document_type, in.StringOr("document_type"));
    OW_ASSIGN_OR_RETURN(m.copies, ReadSmallInt(in, "copies", 1));
    OW_TRY(in.Finish());
    return m;
}

Result<Stage> ReadStage(JsonReader& in) {
    Stage s;
    OW_ASSIGN_OR_RETURN(s.name, ReadText(in, "name"));
    OW_ASSIGN_OR_RETURN(s.limit_days, ReadSmallInt(in, "limit_days"));
    OW_ASSIGN_OR_RETURN(s.departments, in.StringArray("departments"));
    OW_TRY(in.Finish());
    return s;
}

Result<ResultSpec> ReadResult(JsonReader& in) {
    ResultSpec r;
    OW_ASSIGN_OR_RETURN(std::string type, in.String("type"));
    if (type == "license") {
        r.license = true;
        OW_ASSIGN_OR_RETURN(r.document_type, in.String("document_type"));
    } else if (type == "document") {
        OW_ASSIGN_OR_RETURN(r.name, ReadText(in, "name"));
    } else {
        return Error(ErrorCode::kInvalidCatalog)
            .Field(in.PathOf("type"))
            .Param("reason", "unknown_value:" + type);
    }
    OW_TRY(in.Finish());
    return r;
}

Error InvalidAt(const JsonReader& in, const char* name, std::string reason) {
    return Error(ErrorCode::kInvalidCatalog).Field(in.PathOf(name)).Param("reason", reason);
}

// "permanent", {"years": N} or {"days": N}.
Result<LicenseValidity> ReadValidity(JsonReader& in) {
    const json::value* raw = in.Raw("validity");
    if (!raw) return Error(ErrorCode::kMissingField).Field(in.PathOf("validity"));
    if (raw->is_string()) {
        if (raw->as_string() != "permanent") return InvalidAt(in, "validity", "validity_rule");
        return LicenseValidity::Permanent();
    }
    if (!raw->is_object()) return InvalidAt(in, "validity", "validity_rule");
    OW_ASSIGN_OR_RETURN(JsonReader v, in.Object("validity"));
    OW_ASSIGN_OR_RETURN(auto years, v.OptInt("years"));
    OW_ASSIGN_OR_RETURN(auto days, v.OptInt("days"));
    OW_TRY(v.Finish());
    if (years.has_value() == days.has_value()) return InvalidAt(in, "validity", "validity_rule");
    int64_t n = years ? *years : *days;
    if (n < 1 || n > (years ? 100 : 36500)) return InvalidAt(in, "validity", "validity_rule");
    return years ? LicenseValidity::Years(static_cast<int>(n))
                 : LicenseValidity::Days(static_cast<int>(n));
}

json::value WriteValidity(const LicenseValidity& v) {
    switch (v.unit) {
        case LicenseValidity::Unit::kYears: return json::object{{"years", v.count}};
        case LicenseValidity::Unit::kDays: return json::object{{"days", v.count}};
        case LicenseValidity::Unit::kPermanent: break;
    }
    return json::string("permanent");
}

Result<LicenseSpec> ReadLicenseSpec(JsonReader& in) {
    LicenseSpec spec;
    OW_ASSIGN_OR_RETURN(spec.type_code, in.String("type_code"));
    OW_ASSIGN_OR_RETURN(spec.issuer, in.String("issuer"));
    OW_ASSIGN_OR_RETURN(spec.validity, ReadValidity(in));
    OW_ASSIGN_OR_RETURN(auto fields, in.Objects("fields", "key", true));
    for (JsonReader& f : fields) {
        LicenseField field;
        OW_ASSIGN_OR_RETURN(field.key, f.String("key"));
        OW_ASSIGN_OR_RETURN(field.label, ReadText(f, "label"));
        OW_ASSIGN_OR_RETURN(field.source, f.String("source"));
        OW_TRY(f.Finish());
        spec.fields.push_back(std::move(field));
    }
    OW_TRY(in.Finish());
    return spec;
}

Result<DocumentType> ReadDocumentType(JsonReader& in) {
    DocumentType t;
    OW_ASSIGN_OR_RETURN(t.code, in.String("code"));
    OW_ASSIGN_OR_RETURN(t.name, ReadText(in, "name"));
    OW_ASSIGN_OR_RETURN(std::string kind, in.String("kind"));
    if (kind != "document" && kind != "license") {
        return Error(ErrorCode::kInvalidCatalog)
            .Field(in.PathOf("kind"))
            .Param("reason", "unknown_value:" + kind);
    }
    t.license = kind == "license";
    if (in.Has("license")) {
        OW_ASSIGN_OR_RETURN(JsonReader spec, in.Object("license"));
        OW_ASSIGN_OR_RETURN(t.license_spec, ReadLicenseSpec(spec));
    }
    // A license type may leave the reuse period out: its copy is reused while it is valid.
    int fallback = t.license_spec ? t.license_spec->validity.MinDays() : 0;
    OW_ASSIGN_OR_RETURN(t.validity_days, ReadSmallInt(in, "validity_days", fallback));
    OW_TRY(in.Finish());
    return t;
}

Result<Bundle> ReadBundle(JsonReader& in) {
    Bundle b;
    OW_ASSIGN_OR_RETURN(b.code, in.String("code"));
    OW_ASSIGN_OR_RETURN(b.name, ReadText(in, "name"));
    OW_ASSIGN_OR_RETURN(b.items, in.StringArray("items"));
    OW_ASSIGN_OR_RETURN(auto events, in.OptStringArray("life_events"));
    b.life_events = events.value_or(std::vector<std::string>{});
    OW_TRY(in.Finish());
    return b;
}

template <class T, class F>
Result<std::vector<T>> ReadAll(JsonReader& in, const char* name, const char* key, bool required,
                               F read) {
    OW_ASSIGN_OR_RETURN(auto readers, in.Objects(name, key, required));
    std::vector<T> out;
    for (JsonReader& r : readers) {
        OW_ASSIGN_OR_RETURN(T v, read(r));
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace

Result<Item> ReadItem(JsonReader& in) {
    Item item;
    OW_ASSIGN_OR_RETURN(item.code, in.String("code"));
    in.Ignore("version");  // answers of the API carry it; it is assigned, never taken
    OW_ASSIGN_OR_RETURN(item.name, ReadText(in, "name"));
    OW_ASSIGN_OR_RETURN(item.department, in.String("department"));
    OW_ASSIGN_OR_RETURN(item.kind, in.String("kind"));
    OW_ASSIGN_OR_RETURN(item.subject, in.String("subject"));
    OW_ASSIGN_OR_RETURN(item.levels, in.StringArray("levels"));
    OW_ASSIGN_OR_RETURN(item.channels, in.StringArray("channels"));
    OW_ASSIGN_OR_RETURN(auto events, in.OptStringArray("life_events"));
    item.life_events = events.value_or(std::vector<std::string>{});
    OW_ASSIGN_OR_RETURN(item.statutory_limit_days, ReadSmallInt(in, "statutory_limit_days"));
    OW_ASSIGN_OR_RETURN(item.promised_limit_days, ReadSmallInt(in, "promised_limit_days"));
    OW_ASSIGN_OR_RETURN(item.max_visits, ReadSmallInt(in, "max_visits"));
    OW_ASSIGN_OR_RETURN(item.acceptance_conditions, ReadText(in, "acceptance_conditions", false));
    OW_ASSIGN_OR_RETURN(item.review_requirements, ReadText(in, "review_requirements", false));
    OW_ASSIGN_OR_RETURN(auto fees, in.Objects("fees", nullptr, false));
    for (JsonReader& f : fees) {
        Fee fee;
        OW_ASSIGN_OR_RETURN(fee.name, ReadText(f, "name"));
        OW_ASSIGN_OR_RETURN(std::string amount, f.String("amount"));
        auto money = Money::Parse(amount);
        if (!money) {
            return Error(ErrorCode::kInvalidCatalog)
                .Field(f.PathOf("amount"))
                .Param("reason", "money_rule");
        }
        fee.amount = *money;
        OW_ASSIGN_OR_RETURN(fee.basis, f.StringOr("basis"));
        OW_TRY(f.Finish());
        item.fees.push_back(std::move(fee));
    }
    OW_ASSIGN_OR_RETURN(item.legal_basis, in.String("legal_basis"));
    OW_ASSIGN_OR_RETURN(JsonReader result, in.Object("result"));
    OW_ASSIGN_OR_RETURN(item.result, ReadResult(result));
    OW_ASSIGN_OR_RETURN(item.delivery, in.StringArray("delivery"));
    OW_ASSIGN_OR_RETURN(item.form, ReadAll<FormField>(in, "form", "key", false, ReadField));
    OW_ASSIGN_OR_RETURN(item.deficiency_tolerant, in.BoolOr("deficiency_tolerant", false));
    OW_ASSIGN_OR_RETURN(item.fully_online, in.BoolOr("fully_online", false));
    OW_ASSIGN_OR_RETURN(item.instant_approval, in.BoolOr("instant_approval", false));
    OW_ASSIGN_OR_RETURN(item.materials,
                        ReadAll<Material>(in, "materials", "code", false, ReadMaterial));
    OW_ASSIGN_OR_RETURN(item.workflow, ReadAll<Stage>(in, "workflow", nullptr, false, ReadStage));
    OW_TRY(in.Finish());
    return item;
}

Result<Catalog> ReadCatalog(JsonReader& in) {
    OW_ASSIGN_OR_RETURN(std::string format, in.String("format"));
    if (format != kCatalogFormat) {
        return Error(ErrorCode::kInvalidCatalog)
            .Field("format")
            .Param("reason", "unknown_value:" + format);
    }
    in.Ignore("comment");
    in.Ignore("notice_templates");  // kept by the notices module: ReadNoticeTemplates
    Catalog c;
    OW_ASSIGN_OR_RETURN(c.document_types, ReadAll<DocumentType>(in, "document_types", "code", false,
                                                                ReadDocumentType));
    OW_ASSIGN_OR_RETURN(c.items, ReadAll<Item>(in, "items", "code", true, ReadItem));
    OW_ASSIGN_OR_RETURN(c.bundles, ReadAll<Bundle>(in, "bundles", "code", false, ReadBundle));
    OW_TRY(in.Finish());
    return c;
}

json::object WriteDocumentType(const DocumentType& t) {
    json::object o{{"code", t.code}};
    WriteText(o, "name", t.name);
    o["kind"] = t.license ? "license" : "document";
    o["validity_days"] = t.validity_days;
    if (t.license_spec) {
        const LicenseSpec& spec = *t.license_spec;
        json::array fields;
        for (const LicenseField& f : spec.fields) {
            json::object fo{{"key", f.key}};
            WriteText(fo, "label", f.label);
            fo["source"] = f.source;
            fields.push_back(std::move(fo));
        }
        o["license"] = json::object{{"type_code", spec.type_code},
                                    {"issuer", spec.issuer},
                                    {"validity", WriteValidity(spec.validity)},
                                    {"fields", std::move(fields)}};
    }
    return o;
}

json::object WriteMaterial(const Material& m) {
    json::object o{{"code", m.code}};
    WriteText(o, "name", m.name);
    o["legal_basis"] = m.legal_basis;
    o["requirement"] = m.requirement;
    if (!m.condition.zh.empty() || !m.condition.en.empty()) WriteText(o, "condition", m.condition);
    o["deferrable"] = m.deferrable;
    if (!m.document_type.empty()) o["document_type"] = m.document_type;
    o["copies"] = m.copies;
    return o;
}

json::object WriteItem(const Item& item, bool include_version) {
    json::object o{{"code", item.code}};
    if (include_version) o["version"] = item.version;
    WriteText(o, "name", item.name);
    o["department"] = item.department;
    o["kind"] = item.kind;
    o["subject"] = item.subject;
    o["levels"] = Strings(item.levels);
    o["channels"] = Strings(item.channels);
    o["life_events"] = Strings(item.life_events);
    o["statutory_limit_days"] = item.statutory_limit_days;
    o["promised_limit_days"] = item.promised_limit_days;
    o["max_visits"] = item.max_visits;
    WriteText(o, "acceptance_conditions", item.acceptance_conditions);
    WriteText(o, "review_requirements", item.review_requirements);
    json::array fees;
    for (const Fee& f : item.fees) {
        json::object fo;
        WriteText(fo, "name", f.name);
        fo["amount"] = f.amount.ToString();
        fo["basis"] = f.basis;
        fees.push_back(std::move(fo));
    }
    o["fees"] = std::move(fees);
    o["legal_basis"] = item.legal_basis;
    json::object result{{"type", item.result.license ? "license" : "document"}};
    if (item.result.license) {
        result["document_type"] = item.result.document_type;
    } else {
        WriteText(result, "name", item.result.name);
    }
    o["result"] = std::move(result);
    o["delivery"] = Strings(item.delivery);
    json::array form;
    for (const FormField& f : item.form) {
        json::object fo{{"key", f.key}};
        WriteText(fo, "label", f.label);
        fo["type"] = f.type;
        fo["required"] = f.required;
        if (f.max_length) fo["max_length"] = *f.max_length;
        if (f.min) fo["min"] = *f.min;
        if (f.max) fo["max"] = *f.max;
        if (!f.options.empty()) {
            json::array opts;
            for (const FormOption& opt : f.options) {
                json::object oo{{"value", opt.value}};
                WriteText(oo, "label", opt.label);
                opts.push_back(std::move(oo));
            }
            fo["options"] = std::move(opts);
        }
        if (!f.help.zh.empty() || !f.help.en.empty()) WriteText(fo, "help", f.help);
        form.push_back(std::move(fo));
    }
    o["form"] = std::move(form);
    o["deficiency_tolerant"] = item.deficiency_tolerant;
    o["fully_online"] = item.fully_online;
    o["instant_approval"] = item.instant_approval;
    json::array materials;
    for (const Material& m : item.materials) materials.push_back(WriteMaterial(m));
    o["materials"] = std::move(materials);
    json::array workflow;
    for (const Stage& s : item.workflow) {
        json::object so;
        WriteText(so, "name", s.name);
        so["limit_days"] = s.limit_days;
        so["departments"] = Strings(s.departments);
        workflow.push_back(std::move(so));
    }
    o["workflow"] = std::move(workflow);
    return o;
}

json::object WriteBundle(const Bundle& b) {
    json::object o{{"code", b.code}};
    WriteText(o, "name", b.name);
    o["items"] = Strings(b.items);
    o["life_events"] = Strings(b.life_events);
    return o;
}

json::object WriteCatalog(const Catalog& c) {
    json::array types, items, bundles;
    for (const auto& t : c.document_types) types.push_back(WriteDocumentType(t));
    for (const auto& i : c.items) items.push_back(WriteItem(i));
    for (const auto& b : c.bundles) bundles.push_back(WriteBundle(b));
    return {{"format", kCatalogFormat},
            {"document_types", std::move(types)},
            {"items", std::move(items)},
            {"bundles", std::move(bundles)}};
}

}  // namespace ow::codec
