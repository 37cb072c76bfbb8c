#include "codec/json_reader.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>

namespace ow::codec {
namespace {

Error WrongType(std::string field, const char* expected) {
    return Error(ErrorCode::kWrongType).Field(std::move(field)).Param("expected", expected);
}

}  // namespace

Result<JsonReader> JsonReader::Parse(std::string_view text) {
    boost::json::parse_options options;
    options.max_depth = 32;
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(text, ec, {}, options);
    if (ec) return Error(ErrorCode::kMalformedJson).Param("detail", ec.message());
    if (!value.is_object()) {
        return Error(ErrorCode::kMalformedJson).Param("detail", "expected an object");
    }
    return Owning(std::move(value.as_object()));
}

JsonReader JsonReader::Owning(boost::json::object object) {
    auto owned = std::make_shared<const boost::json::object>(std::move(object));
    JsonReader r(*owned, "");
    r.owned_ = std::move(owned);
    return r;
}

JsonReader JsonReader::Part(const boost::json::object& part, std::string path) const {
    JsonReader r(part, std::move(path));
    r.owned_ = owned_;
    return r;
}

std::string JsonReader::PathOf(std::string_view name) const {
    return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

const boost::json::value* JsonReader::Find(const char* name) {
    read_.emplace_back(name);
    return object_->if_contains(name);
}

Result<std::string> JsonReader::String(const char* name) {
    OW_ASSIGN_OR_RETURN(auto v, OptString(name));
    if (!v) return Error(ErrorCode::kMissingField).Field(PathOf(name));
    return std::move(*v);
}

Result<std::optional<std::string>> JsonReader::OptString(const char* name) {
    const auto* v = Find(name);
    if (!v || v->is_null()) return std::optional<std::string>();
    if (!v->is_string()) return WrongType(PathOf(name), "a string");
    return std::optional<std::string>(std::string(v->as_string()));
}

Result<std::string> JsonReader::StringOr(const char* name, std::string fallback) {
    OW_ASSIGN_OR_RETURN(auto v, OptString(name));
    return v ? std::move(*v) : std::move(fallback);
}

Result<int64_t> JsonReader::Int(const char* name) {
    OW_ASSIGN_OR_RETURN(auto v, OptInt(name));
    if (!v) return Error(ErrorCode::kMissingField).Field(PathOf(name));
    return *v;
}

Result<std::optional<int64_t>> JsonReader::OptInt(const char* name) {
    const auto* v = Find(name);
    if (!v || v->is_null()) return std::optional<int64_t>();
    if (v->is_int64()) return std::optional<int64_t>(v->as_int64());
    if (v->is_uint64() && v->as_uint64() <= INT64_MAX) {
        return std::optional<int64_t>(static_cast<int64_t>(v->as_uint64()));
    }
    return WrongType(PathOf(name), "an integer");
}

Result<std::optional<std::optional<int64_t>>> JsonReader::NullableInt(const char* name) {
    if (!object_->contains(name)) {
        read_.emplace_back(name);
        return std::optional<std::optional<int64_t>>();
    }
    OW_ASSIGN_OR_RETURN(auto v, OptInt(name));
    return std::optional<std::optional<int64_t>>(v);
}

Result<bool> JsonReader::Bool(const char* name) {
    OW_ASSIGN_OR_RETURN(auto v, OptBool(name));
    if (!v) return Error(ErrorCode::kMissingField).Field(PathOf(name));
    return *v;
}

Result<std::optional<bool>> JsonReader::OptBool(const char* name) {
    const auto* v = Find(name);
    if (!v || v->is_null()) return std::optional<bool>();
    if (!v->is_bool()) return WrongType(PathOf(name), "a boolean");
    return std::optional<bool>(v->as_bool());
}

Result<bool> JsonReader::BoolOr(const char* name, bool fallback) {
    OW_ASSIGN_OR_RETURN(auto v, OptBool(name));
    return v.value_or(fallback);
}

Result<std::vector<std::string>> JsonReader::StringArray(const char* name) {
    OW_ASSIGN_OR_RETURN(auto v, OptStringArray(name));
    if (!v) return Error(ErrorCode::kMissingField).Field(PathOf(name));
    return std::move(*v);
}

Result<std::optional<std::vector<std::string>>> JsonReader::OptStringArray(const char* name) {
    const auto* v = Find(name);
    if (!v || v->is_null()) return std::optional<std::vector<std::string>>();
    if (!v->is_array()) return WrongType(PathOf(name), "an array");
    std::vector<std::string> out;
    for (const auto& item : v->as_array()) {
        if (!item.is_string()) return WrongType(PathOf(name), "an array");
        out.emplace_back(item.as_string());
    }
    return std::optional<std::vector<std::string>>(std::move(out));
}

Result<Date> JsonReader::DateField(const char* name) {
    OW_ASSIGN_OR_RETURN(std::string text, String(name));
    auto d = ParseDate(text);
    if (!d) return Error(ErrorCode::kInvalidDate).Field(PathOf(name));
    return *d;
}

Result<JsonReader> JsonReader::Object(const char* name) {
    const auto* v = Find(name);
    if (!v || v->is_null()) return Error(ErrorCode::kMissingField).Field(PathOf(name));
    if (!v->is_object()) return WrongType(PathOf(name), "an object");
    return Part(v->as_object(), PathOf(name));
}

Result<std::vector<JsonReader>> JsonReader::Objects(const char* name, const char* key_field,
                                                    bool required) {
    const auto* v = Find(name);
    std::vector<JsonReader> out;
    if (!v || v->is_null()) {
        if (required) return Error(ErrorCode::kMissingField).Field(PathOf(name));
        return out;
    }
    if (!v->is_array()) return WrongType(PathOf(name), "an array");
    size_t i = 0;
    for (const auto& item : v->as_array()) {
        std::string key = std::to_string(i++);
        if (!item.is_object()) return WrongType(PathOf(name) + "[" + key + "]", "an object");
        const auto* k = key_field ? item.as_object().if_contains(key_field) : nullptr;
        if (k && k->is_string() && !k->as_string().empty()) key = std::string(k->as_string());
        out.push_back(Part(item.as_object(), PathOf(name) + "[" + key + "]"));
    }
    return out;
}

Result<void> JsonReader::Finish() const {
    for (const auto& [key, value] : *object_) {
        if (std::find(read_.begin(), read_.end(), std::string_view(key)) == read_.end()) {
            return Error(ErrorCode::kUnknownField).Field(PathOf(key));
        }
    }
    return Ok();
}

}  // namespace ow::codec
