#include "catalog/catalog_validation.hpp"

#include <optional>
#include <regex>
#include <string_view>

#include "common/text.hpp"

namespace ow::catalog {
namespace {

Error Invalid(std::string path, std::string reason) {
    return Error(ErrorCode::kInvalidCatalog)
        .Field(std::move(path))
        .Param("reason", std::move(reason));
}

bool Matches(const std::string& s, const char* pattern) {
    return std::regex_match(s, std::regex(pattern));
}

Result<void> CheckText(const Text& t, const std::string& path, bool required = true) {
    if (required || !t.zh.empty()) {
        if (!IsValidName(t.zh, required ? 100 : 4000)) return Invalid(path + "_zh", "text_rule");
    }
    if (required || !t.en.empty()) {
        if (!IsValidName(t.en, required ? 100 : 4000)) return Invalid(path + "_en", "text_rule");
    }
    return Ok();
}

// Optional long text: may be empty; if not, valid UTF-8 of reasonable length.
Result<void> CheckLongText(const Text& t, const std::string& path) {
    for (auto [text, suffix] : {std::pair{&t.zh, "_zh"}, std::pair{&t.en, "_en"}}) {
        auto len = Utf8Length(*text);
        if (!len || *len > 4000) return Invalid(path + suffix, "text_rule");
    }
    return Ok();
}

template <class Pred>
Result<void> CheckList(const std::vector<std::string>& values, const std::string& path,
                       bool non_empty, Pred allowed) {
    if (non_empty && values.empty()) return Invalid(path, "empty_list");
    std::set<std::string> seen;
    for (const auto& v : values) {
        if (!allowed(v)) return Invalid(path, "unknown_value:" + v);
        if (!seen.insert(v).second) return Invalid(path, "duplicate:" + v);
    }
    return Ok();
}

Result<void> CheckForm(const Item& item, const std::string& path) {
    std::set<std::string> keys;
    for (const FormField& f : item.form) {
        std::string p = path + ".form[" + f.key + "]";
        if (!Matches(f.key, "[a-z][a-z0-9_]{0,39}")) return Invalid(p + ".key", "code_rule");
        if (!keys.insert(f.key).second) return Invalid(p + ".key", "duplicate:" + f.key);
        OW_TRY(CheckText(f.label, p + ".label"));
        if (!vocab::IsFieldType(f.type)) return Invalid(p + ".type", "unknown_value:" + f.type);
        if (f.type == "select") {
            if (f.options.empty()) return Invalid(p + ".options", "empty_list");
            std::set<std::string> values;
            for (const FormOption& o : f.options) {
                if (o.value.empty() || !values.insert(o.value).second) {
                    return Invalid(p + ".options", "duplicate:" + o.value);
                }
                OW_TRY(CheckText(o.label, p + ".options[" + o.value + "].label"));
            }
        } else if (!f.options.empty()) {
            return Invalid(p + ".options", "options_rule");
        }
        if ((f.min || f.max) && f.type != "integer") return Invalid(p + ".min", "min_max_rule");
        if (f.min && f.max && *f.min > *f.max) return Invalid(p + ".min", "min_max_rule");
        if (f.max_length && (*f.max_length < 1 || *f.max_length > 10000)) {
            return Invalid(p + ".max_length", "max_length_rule");
        }
        OW_TRY(CheckLongText(f.help, p + ".help"));
    }
    return Ok();
}

Result<void> CheckMaterials(const Item& item, const std::string& path,
                            const std::vector<DocumentType>& types) {
    std::set<std::string> codes;
    for (const Material& m : item.materials) {
        std::string p = path + ".materials[" + m.code + "]";
        if (!Matches(m.code, "[a-z0-9_]{2,40}")) return Invalid(p + ".code", "code_rule");
        if (!codes.insert(m.code).second) return Invalid(p + ".code", "duplicate:" + m.code);
        OW_TRY(CheckText(m.name, p + ".name"));
        if (!IsValidName(m.legal_basis, 1000)) return Invalid(p + ".legal_basis", "no_basis");
        if (!vocab::IsRequirement(m.requirement)) {
            return Invalid(p + ".requirement", "unknown_value:" + m.requirement);
        }
        if (m.requirement == "conditional" && (m.condition.zh.empty() || m.condition.en.empty())) {
            return Invalid(p + ".condition", "condition_rule");
        }
        OW_TRY(CheckLongText(m.condition, p + ".condition"));
        if (m.deferrable && !item.deficiency_tolerant)
            return Invalid(p + ".deferrable", "deferrable_rule");
        if (!m.document_type.empty()) {
            bool found = false;
            for (const auto& t : types) found |= t.code == m.document_type;
            if (!found) return Invalid(p + ".document_type", "unknown_value:" + m.document_type);
        }
        if (m.copies < 1 || m.copies > 5) return Invalid(p + ".copies", "copies_rule");
    }
    if (item.deficiency_tolerant) {
        bool any_deferrable = false, any_fixed = false;
        for (const Material& m : item.materials) {
            any_deferrable |= m.deferrable;
            any_fixed |= m.requirement == "required" && !m.deferrable;
        }
        if (!any_deferrable || !any_fixed) return Invalid(path + ".materials", "deficiency_rule");
    }
    return Ok();
}

bool HasFormField(const Item& item, std::string_view key) {
    for (const FormField& f : item.form) {
        if (f.key == key) return true;
    }
    return false;
}

// The form key a "form.<key>" source names, or nullopt for another kind of source.
std::optional<std::string_view> FormKeyOf(const LicenseField& f) {
    std::string_view s = f.source;
    if (s.substr(0, kFormSource.size()) != kFormSource) return std::nullopt;
    return s.substr(kFormSource.size());
}

Result<void> CheckSource(const LicenseField& f, const std::string& path) {
    std::string_view s = f.source;
    if (auto key = FormKeyOf(f)) {
        if (Matches(std::string(*key), "[a-z][a-z0-9_]{0,39}")) return Ok();
    } else if (s.substr(0, kFixedSource.size()) == kFixedSource) {
        if (IsValidName(std::string(s.substr(kFixedSource.size())), 200)) return Ok();
    } else if (s == "applicant.name" || s == "applicant.id" || s == "case.id") {
        return Ok();
    }
    return Invalid(path, "license_source_rule");
}

// A license type's own rules; the items that issue it are checked by ValidateCatalog.
Result<void> CheckLicenseSpec(const DocumentType& t, const std::string& path,
                              const std::set<std::string>& departments) {
    if (t.license != t.license_spec.has_value()) return Invalid(path + ".license", "license_rule");
    if (!t.license_spec) return Ok();
    const LicenseSpec& spec = *t.license_spec;
    const std::string p = path + ".license";
    if (!Matches(spec.type_code, "[0-9A-Z]{1,32}")) {
        return Invalid(p + ".type_code", "type_code_rule");
    }
    if (!departments.count(spec.issuer)) {
        return Invalid(p + ".issuer", "unknown_value:" + spec.issuer);
    }
    const LicenseValidity& v = spec.validity;
    int max_count = v.unit == LicenseValidity::Unit::kYears ? 100 : 36500;
    if (v.IsPermanent() ? v.count != 0 : (v.count < 1 || v.count > max_count)) {
        return Invalid(p + ".validity", "validity_rule");
    }
    // A kept copy is not reused after the license it copies has expired.
    if (!v.IsPermanent() && (t.validity_days < 1 || t.validity_days > v.MinDays())) {
        return Invalid(path + ".validity_days", "reuse_over_validity");
    }
    if (spec.fields.empty()) return Invalid(p + ".fields", "empty_list");
    std::set<std::string> keys;
    for (const LicenseField& f : spec.fields) {
        std::string fp = p + ".fields[" + f.key + "]";
        if (!Matches(f.key, "[a-z0-9_]{1,40}")) return Invalid(fp + ".key", "code_rule");
        if (!keys.insert(f.key).second) return Invalid(fp + ".key", "duplicate:" + f.key);
        OW_TRY(CheckText(f.label, fp + ".label"));
        OW_TRY(CheckSource(f, fp + ".source"));
    }
    return Ok();
}

// The rules of one item; the license it issues is checked against its form by the callers.
Result<void> CheckItem(const Item& item, const std::vector<DocumentType>& types,
                       const std::set<std::string>& departments) {
    const std::string path = "items[" + item.code + "]";
    if (!Matches(item.code, "[A-Z0-9-]{3,40}")) return Invalid(path + ".code", "code_rule");
    OW_TRY(CheckText(item.name, path + ".name"));
    if (!departments.count(item.department)) {
        return Invalid(path + ".department", "unknown_value:" + item.department);
    }
    if (!vocab::IsKind(item.kind)) return Invalid(path + ".kind", "unknown_value:" + item.kind);
    if (!vocab::IsSubject(item.subject)) {
        return Invalid(path + ".subject", "unknown_value:" + item.subject);
    }
    OW_TRY(CheckList(item.levels, path + ".levels", true, vocab::IsLevel));
    OW_TRY(CheckList(item.channels, path + ".channels", true, vocab::IsChannel));
    OW_TRY(CheckList(item.life_events, path + ".life_events", false, vocab::IsLifeEvent));
    OW_TRY(CheckList(item.delivery, path + ".delivery", true, vocab::IsDelivery));
    if (item.statutory_limit_days < 0 || item.statutory_limit_days > 1000) {
        return Invalid(path + ".statutory_limit_days", "limit_rule");
    }
    if (item.promised_limit_days < 0 || item.promised_limit_days > item.statutory_limit_days) {
        return Invalid(path + ".promised_limit_days", "promised_over_statutory");
    }
    if (item.max_visits < 0 || item.max_visits > 5)
        return Invalid(path + ".max_visits", "visits_rule");
    OW_TRY(CheckLongText(item.acceptance_conditions, path + ".acceptance_conditions"));
    OW_TRY(CheckLongText(item.review_requirements, path + ".review_requirements"));
    if (!IsValidName(item.legal_basis, 2000)) return Invalid(path + ".legal_basis", "no_basis");
    for (size_t i = 0; i < item.fees.size(); ++i) {
        std::string p = path + ".fees[" + std::to_string(i) + "]";
        OW_TRY(CheckText(item.fees[i].name, p + ".name"));
        if (item.fees[i].amount.fen() < 0) return Invalid(p + ".amount", "fee_rule");
    }
    if (item.result.license) {
        const DocumentType* t = nullptr;
        for (const auto& d : types) {
            if (d.code == item.result.document_type) t = &d;
        }
        if (!t)
            return Invalid(path + ".result.document_type",
                           "unknown_value:" + item.result.document_type);
        if (!t->license) return Invalid(path + ".result.document_type", "not_a_license");
    } else {
        OW_TRY(CheckText(item.result.name, path + ".result.name"));
    }
    if (item.fully_online && (!item.HasChannel("online") || item.max_visits != 0)) {
        return Invalid(path + ".fully_online", "fully_online_rule");
    }
    if (item.instant_approval && (item.promised_limit_days != 0 || !item.workflow.empty())) {
        return Invalid(path + ".instant_approval", "instant_rule");
    }
    if (item.workflow.empty() && item.promised_limit_days != 0) {
        return Invalid(path + ".workflow", "workflow_rule");
    }
    int total = 0;
    for (size_t i = 0; i < item.workflow.size(); ++i) {
        const Stage& s = item.workflow[i];
        std::string p = path + ".workflow[" + std::to_string(i) + "]";
        OW_TRY(CheckText(s.name, p + ".name"));
        if (s.limit_days < 1) return Invalid(p + ".limit_days", "limit_rule");
        OW_TRY(CheckList(s.departments, p + ".departments", true,
                         [&](const std::string& d) { return departments.count(d) > 0; }));
        total += s.limit_days;
    }
    if (total > item.promised_limit_days)
        return Invalid(path + ".workflow", "stages_over_promised");
    OW_TRY(CheckForm(item, path));
    return CheckMaterials(item, path, types);
}

// If `item` issues `t`, the first field of the license whose "form.<key>" source the item's form
// does not ask for; else null.
const LicenseField* MissingFormSource(const Item& item, const DocumentType& t) {
    if (!item.result.license || item.result.document_type != t.code || !t.license_spec) {
        return nullptr;
    }
    for (const LicenseField& f : t.license_spec->fields) {
        auto key = FormKeyOf(f);
        if (key && !HasFormField(item, *key)) return &f;
    }
    return nullptr;
}

}  // namespace

Result<void> ValidateItem(const Item& item, const std::vector<DocumentType>& types,
                          const std::set<std::string>& departments) {
    OW_TRY(CheckItem(item, types, departments));
    // The license prints these answers, so the form must ask for them.
    for (const DocumentType& t : types) {
        if (const LicenseField* missing = MissingFormSource(item, t)) {
            return Invalid("items[" + item.code + "].form",
                           "license_needs_field:" + std::string(*FormKeyOf(*missing)));
        }
    }
    return Ok();
}

Result<void> ValidateCatalog(const Catalog& catalog, const std::set<std::string>& departments) {
    std::set<std::string> type_codes, license_codes;
    for (const DocumentType& t : catalog.document_types) {
        std::string p = "document_types[" + t.code + "]";
        if (!Matches(t.code, "[a-z0-9_]{2,40}")) return Invalid(p + ".code", "code_rule");
        if (!type_codes.insert(t.code).second) return Invalid(p + ".code", "duplicate:" + t.code);
        OW_TRY(CheckText(t.name, p + ".name"));
        if (t.validity_days < 0) return Invalid(p + ".validity_days", "limit_rule");
        OW_TRY(CheckLicenseSpec(t, p, departments));
        if (!t.license_spec) continue;
        if (!license_codes.insert(t.license_spec->type_code).second) {
            return Invalid(p + ".license.type_code", "duplicate:" + t.license_spec->type_code);
        }
    }
    std::set<std::string> item_codes;
    for (const Item& item : catalog.items) {
        if (!item_codes.insert(item.code).second) {
            return Invalid("items[" + item.code + "].code", "duplicate:" + item.code);
        }
        OW_TRY(CheckItem(item, catalog.document_types, departments));
    }
    // Every item issuing a license asks for each answer the license prints.
    for (const DocumentType& t : catalog.document_types) {
        for (const Item& item : catalog.items) {
            if (const LicenseField* missing = MissingFormSource(item, t)) {
                return Invalid(
                    "document_types[" + t.code + "].license.fields[" + missing->key + "].source",
                    "not_in_form:" + item.code);
            }
        }
    }
    std::set<std::string> bundle_codes;
    for (const Bundle& b : catalog.bundles) {
        std::string p = "bundles[" + b.code + "]";
        if (!Matches(b.code, "[A-Z0-9-]{3,40}")) return Invalid(p + ".code", "code_rule");
        if (!bundle_codes.insert(b.code).second || item_codes.count(b.code)) {
            return Invalid(p + ".code", "duplicate:" + b.code);
        }
        OW_TRY(CheckText(b.name, p + ".name"));
        if (b.items.size() < 2) return Invalid(p + ".items", "bundle_rule");
        OW_TRY(CheckList(b.items, p + ".items", true,
                         [&](const std::string& c) { return item_codes.count(c) > 0; }));
        OW_TRY(CheckList(b.life_events, p + ".life_events", false, vocab::IsLifeEvent));
    }
    return Ok();
}

}  // namespace ow::catalog
