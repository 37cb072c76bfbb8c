#include "catalog/form_data.hpp"

#include <cctype>

#include "common/credit_code.hpp"
#include "common/dates.hpp"
#include "common/money.hpp"
#include "common/resident_id.hpp"
#include "common/text.hpp"

namespace ow::catalog {
namespace {

Error WrongType(const std::string& field, const char* expected) {
    return Error(ErrorCode::kWrongType).Field(field).Param("expected", expected);
}

bool IsEmpty(const FormValue& v) {
    if (std::holds_alternative<std::monostate>(v)) return true;
    if (const auto* s = std::get_if<std::string>(&v)) return s->empty();
    return false;
}

bool ValidPhone(const std::string& s) {
    int digits = 0;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            ++digits;
        } else if (c != '+' && c != '-' && c != ' ') {
            return false;
        }
    }
    return digits >= 7 && digits <= 15;
}

bool ValidEmail(const std::string& s) {
    auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos)
        return false;
    auto dot = s.find('.', at);
    return dot != std::string::npos && dot > at + 1 && dot + 1 < s.size() &&
           s.find(' ') == std::string::npos && s.size() <= 254;
}

// Text: valid UTF-8 within the length; newlines only in a textarea.
Result<void> CheckText(const std::string& field, const std::string& s, size_t max_chars,
                       bool multiline) {
    auto len = Utf8Length(s);
    if (!len) return InvalidValue(field, "text_rule");
    if (*len > max_chars) return InvalidValue(field, "too_long");
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || u == 0x7f) {
            return InvalidValue(field, "text_rule");
        }
    }
    return Ok();
}

Result<FormValue> CheckValue(const FormField& f, const FormValue& v) {
    const std::string field = "form." + f.key;
    const auto* s = std::get_if<std::string>(&v);
    if (f.type == "boolean") {
        if (!std::holds_alternative<bool>(v)) return WrongType(field, "a boolean");
        return v;
    }
    if (f.type == "integer") {
        const auto* n = std::get_if<int64_t>(&v);
        if (!n) return WrongType(field, "an integer");
        if ((f.min && *n < *f.min) || (f.max && *n > *f.max))
            return InvalidValue(field, "out_of_range");
        return v;
    }
    if (!s) return WrongType(field, "a string");
    if (f.type == "text" || f.type == "textarea") {
        size_t max = static_cast<size_t>(f.max_length.value_or(f.type == "text" ? 200 : 2000));
        OW_TRY(CheckText(field, *s, max, f.type == "textarea"));
        return v;
    }
    if (f.type == "money") {
        auto m = Money::Parse(*s);
        if (!m || m->fen() < 0) return InvalidValue(field, "money_rule");
        return FormValue(m->ToString());
    }
    if (f.type == "date") {
        if (!ParseDate(*s)) return Error(ErrorCode::kInvalidDate).Field(field);
        return v;
    }
    if (f.type == "select") {
        for (const FormOption& o : f.options) {
            if (o.value == *s) return v;
        }
        return InvalidValue(field, "unknown_value:" + *s);
    }
    if (f.type == "id_number") {
        auto id = ResidentId::Parse(*s);
        if (!id.ok()) return Error(std::move(id).error()).Field(field);
        return FormValue(id->str());
    }
    if (f.type == "credit_code") {
        auto cc = CreditCode::Parse(*s);
        if (!cc.ok()) return Error(std::move(cc).error()).Field(field);
        return FormValue(cc->str());
    }
    if (f.type == "phone") {
        if (!ValidPhone(*s)) return InvalidValue(field, "phone_rule");
        return v;
    }
    if (f.type == "email") {
        if (!ValidEmail(*s)) return InvalidValue(field, "email_rule");
        return v;
    }
    return InvalidValue(field, "unknown_value:" + f.type);
}

}  // namespace

Result<FormData> CheckForm(const std::vector<FormField>& fields, const FormData& input) {
    for (const auto& [key, value] : input) {
        bool known = false;
        for (const FormField& f : fields) known |= f.key == key;
        if (!known) return Error(ErrorCode::kUnknownField).Field("form." + key);
    }
    FormData out;
    for (const FormField& f : fields) {
        auto it = input.find(f.key);
        if (it == input.end() || IsEmpty(it->second)) {
            if (f.required) return Error(ErrorCode::kMissingField).Field("form." + f.key);
            continue;
        }
        OW_ASSIGN_OR_RETURN(out[f.key], CheckValue(f, it->second));
    }
    return out;
}

}  // namespace ow::catalog
