#include "licenses/license.hpp"

#include <set>

#include "common/credit_code.hpp"
#include "common/resident_id.hpp"
#include "common/text.hpp"
#include "licenses/canonical_json.hpp"

namespace ow::licenses {
namespace {

constexpr int kSchema = 1;
constexpr size_t kMaxNameChars = 100;
constexpr size_t kMaxValueChars = 4000;

Error NotCanonical() {
    return Error(ErrorCode::kInvalidValue).Field("payload").Param("reason", "not_canonical");
}

void AppendKey(std::string& out, std::string_view key) {
    canonical::AppendString(out, key);
    out += ':';
}

void AppendDate(std::string& out, const std::optional<Date>& date) {
    if (date) {
        canonical::AppendString(out, FormatDate(*date));
    } else {
        out += "null";
    }
}

void AppendNames(std::string& out, std::string_view code_key, std::string_view code,
                 std::string_view name_en, std::string_view name_zh) {
    out += '{';
    AppendKey(out, code_key);
    canonical::AppendString(out, code);
    out += ',';
    AppendKey(out, "name_en");
    canonical::AppendString(out, name_en);
    out += ',';
    AppendKey(out, "name_zh");
    canonical::AppendString(out, name_zh);
    out += '}';
}

// Reading back: each helper takes the member if it has the right kind; the final byte
// comparison in ParseCanonical rejects everything else that is not canonical.
const std::string* StringAt(const canonical::Value& object, std::string_view key) {
    const canonical::Value* v = object.Find(key);
    return v && v->kind == canonical::Value::Kind::kString ? &v->string : nullptr;
}

std::optional<std::optional<Date>> OptionalDateAt(const canonical::Value& object,
                                                  std::string_view key) {
    const canonical::Value* v = object.Find(key);
    if (!v) return std::nullopt;
    if (v->kind == canonical::Value::Kind::kNull) return std::optional<Date>();
    if (v->kind != canonical::Value::Kind::kString) return std::nullopt;
    auto date = ParseDate(v->string);
    if (!date) return std::nullopt;
    return std::optional<Date>(*date);
}

bool IsHolderId(std::string_view id) {
    return ResidentId::Parse(id).ok() || CreditCode::Parse(id).ok();
}

}  // namespace

std::string_view LicenseStateName(LicenseState state) {
    switch (state) {
        case LicenseState::kValid: return "valid";
        case LicenseState::kSuspended: return "suspended";
        case LicenseState::kRevoked: return "revoked";
        case LicenseState::kExpired: return "expired";
    }
    return "valid";
}

std::optional<LicenseState> ParseLicenseState(std::string_view name) {
    for (LicenseState s : {LicenseState::kValid, LicenseState::kSuspended, LicenseState::kRevoked,
                           LicenseState::kExpired}) {
        if (LicenseStateName(s) == name) return s;
    }
    return std::nullopt;
}

Result<void> Validate(const License& l) {
    if (!IsValidCode(l.type.code)) return InvalidValue("type.code", "code_rule");
    if (!IsValidName(l.type.name_zh, kMaxNameChars))
        return InvalidValue("type.name_zh", "name_rule");
    if (!IsValidName(l.type.name_en, kMaxNameChars))
        return InvalidValue("type.name_en", "name_rule");
    if (!IsHolderId(l.holder.id)) return InvalidValue("holder.id", "holder_id_rule");
    if (!IsValidName(l.holder.name, kMaxNameChars)) return InvalidValue("holder.name", "name_rule");
    if (!IsValidCode(l.issuer.department_code)) {
        return InvalidValue("issuer.department_code", "code_rule");
    }
    if (!IsValidName(l.issuer.name_zh, kMaxNameChars)) {
        return InvalidValue("issuer.name_zh", "name_rule");
    }
    if (!IsValidName(l.issuer.name_en, kMaxNameChars)) {
        return InvalidValue("issuer.name_en", "name_rule");
    }
    if (!l.issued_on.ok()) return Error(ErrorCode::kInvalidDate).Field("issued_on");
    if (!l.valid_from.ok()) return Error(ErrorCode::kInvalidDate).Field("valid_from");
    if (l.valid_until) {
        if (!l.valid_until->ok()) return Error(ErrorCode::kInvalidDate).Field("valid_until");
        if (*l.valid_until < l.valid_from) return InvalidValue("valid_until", "before_from");
    }
    std::set<std::string_view> keys;
    for (size_t i = 0; i < l.fields.size(); ++i) {
        std::string where = "fields[" + std::to_string(i) + "]";
        if (!IsValidCode(l.fields[i].key)) return InvalidValue(where + ".key", "code_rule");
        if (!keys.insert(l.fields[i].key).second) return InvalidValue(where + ".key", "duplicate");
        auto chars = Utf8Length(l.fields[i].value);
        if (!chars || *chars > kMaxValueChars) return InvalidValue(where + ".value", "text_rule");
    }
    bool needs_previous = l.version() > 1;
    if (needs_previous != l.previous.has_value() ||
        (l.previous &&
         (!l.previous->SameSeries(l.number) || l.previous->version() >= l.version()))) {
        return InvalidValue("previous", "previous_rule");
    }
    return Ok();
}

std::string CanonicalBytes(const License& l) {
    std::string out;
    out.reserve(512);
    out += '{';
    AppendKey(out, "fields");
    out += '[';
    for (size_t i = 0; i < l.fields.size(); ++i) {
        if (i > 0) out += ',';
        out += '{';
        AppendKey(out, "key");
        canonical::AppendString(out, l.fields[i].key);
        out += ',';
        AppendKey(out, "value");
        canonical::AppendString(out, l.fields[i].value);
        out += '}';
    }
    out += "],";
    AppendKey(out, "holder");
    out += '{';
    AppendKey(out, "id");
    canonical::AppendString(out, l.holder.id);
    out += ',';
    AppendKey(out, "name");
    canonical::AppendString(out, l.holder.name);
    out += "},";
    AppendKey(out, "issued_on");
    AppendDate(out, l.issued_on);
    out += ',';
    AppendKey(out, "issuer");
    AppendNames(out, "code", l.issuer.department_code, l.issuer.name_en, l.issuer.name_zh);
    out += ',';
    AppendKey(out, "number");
    canonical::AppendString(out, l.number.str());
    out += ',';
    AppendKey(out, "previous");
    if (l.previous) {
        canonical::AppendString(out, l.previous->str());
    } else {
        out += "null";
    }
    out += ',';
    AppendKey(out, "schema");
    out += std::to_string(kSchema);
    out += ',';
    AppendKey(out, "state");
    canonical::AppendString(out, LicenseStateName(l.state));
    out += ',';
    AppendKey(out, "type");
    AppendNames(out, "code", l.type.code, l.type.name_en, l.type.name_zh);
    out += ',';
    AppendKey(out, "valid_from");
    AppendDate(out, l.valid_from);
    out += ',';
    AppendKey(out, "valid_until");
    AppendDate(out, l.valid_until);
    out += ',';
    AppendKey(out, "version");
    out += std::to_string(l.version());
    out += '}';
    return out;
}

Result<License> ParseCanonical(std::string_view bytes) {
    auto root = canonical::Parse(bytes);
    if (!root || root->kind != canonical::Value::Kind::kObject) return NotCanonical();

    const std::string* number_text = StringAt(*root, "number");
    if (!number_text) return NotCanonical();
    OW_ASSIGN_OR_RETURN(LicenseNumber number, LicenseNumber::Parse(*number_text));

    std::optional<LicenseNumber> previous;
    const canonical::Value* prev = root->Find("previous");
    if (!prev) return NotCanonical();
    if (prev->kind == canonical::Value::Kind::kString) {
        OW_ASSIGN_OR_RETURN(previous, LicenseNumber::Parse(prev->string));
    } else if (prev->kind != canonical::Value::Kind::kNull) {
        return NotCanonical();
    }

    const canonical::Value* type = root->Find("type");
    const canonical::Value* holder = root->Find("holder");
    const canonical::Value* issuer = root->Find("issuer");
    const canonical::Value* fields = root->Find("fields");
    const std::string* state_name = StringAt(*root, "state");
    if (!type || !holder || !issuer || !fields || !state_name ||
        fields->kind != canonical::Value::Kind::kArray) {
        return NotCanonical();
    }
    const std::string* type_code = StringAt(*type, "code");
    const std::string* type_zh = StringAt(*type, "name_zh");
    const std::string* type_en = StringAt(*type, "name_en");
    const std::string* holder_id = StringAt(*holder, "id");
    const std::string* holder_name = StringAt(*holder, "name");
    const std::string* issuer_code = StringAt(*issuer, "code");
    const std::string* issuer_zh = StringAt(*issuer, "name_zh");
    const std::string* issuer_en = StringAt(*issuer, "name_en");
    auto state = state_name ? ParseLicenseState(*state_name) : std::nullopt;
    auto issued_on = OptionalDateAt(*root, "issued_on");
    auto valid_from = OptionalDateAt(*root, "valid_from");
    auto valid_until = OptionalDateAt(*root, "valid_until");
    if (!type_code || !type_zh || !type_en || !holder_id || !holder_name || !issuer_code ||
        !issuer_zh || !issuer_en || !state || !issued_on || !*issued_on || !valid_from ||
        !*valid_from || !valid_until) {
        return NotCanonical();
    }

    std::vector<LicenseField> field_list;
    for (const canonical::Value& item : fields->items) {
        const std::string* key = StringAt(item, "key");
        const std::string* value = StringAt(item, "value");
        if (!key || !value) return NotCanonical();
        field_list.push_back({*key, *value});
    }

    License license{
        .number = std::move(number),
        .type = {*type_code, *type_zh, *type_en},
        .holder = {*holder_id, *holder_name},
        .issuer = {*issuer_code, *issuer_zh, *issuer_en},
        .issued_on = **issued_on,
        .valid_from = **valid_from,
        .valid_until = *valid_until,
        .fields = std::move(field_list),
        .previous = std::move(previous),
        .state = *state,
    };
    // Whatever the reader let through, only the exact canonical bytes are accepted (this also
    // covers "schema" and "version", which the bytes must repeat as written here).
    if (CanonicalBytes(license) != bytes) return NotCanonical();
    OW_TRY(Validate(license));
    return license;
}

}  // namespace ow::licenses
