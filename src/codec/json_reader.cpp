#include "http/json_input.hpp"

#include <boost/json/parse.hpp>

namespace ow::http {
namespace {

Error WrongType(const char* name, const char* expected) {
    return Error(ErrorCode::kWrongType).Field(name).Param("expected", expected);
}

}  // namespace

Result<JsonInput> JsonInput::Parse(const Request& request) {
    std::string_view type = request.Header("content-type");
    if (type.substr(0, type.find(';')) != "application/json") {
        return Error(ErrorCode::kUnsupportedMediaType).Param("expected", "application/json");
    }
    boost::json::parse_options options;
    options.max_depth = 32;
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(request.body, ec, {}, options);
    if (ec) return Error(ErrorCode::kMalformedJson).Param("detail", ec.message());
    if (!value.is_object()) {
        return Error(ErrorCode::kMalformedJson).Param("detail", "expected an object");
    }
    return JsonInput(std::move(value.as_object()));
}

const boost::json::value* JsonInput::Find(const char* name) {
    read_.insert(name);
    return object_.if_contains(name);
}

Result<std::string> JsonInput::String(const char* name) {
    OW_ASSIGN_OR_RETURN(auto v, OptString(name));
    if (!v) return Error(ErrorCode::kMissingField).Field(name);
    return std::move(*v);
}

Result<std::optional<std::string>> JsonInput::OptString(const char* name) {
    const auto* v = Find(name);
    if (!v || v->is_null()) return std::optional<std::string>();
    if (!v->is_string()) return WrongType(name, "a string");
    return std::optional<std::string>(std::string(v->as_string()));
}

Result<int64_t> JsonInput::Int(const char* name) {
    OW_ASSIGN_OR_RETURN(auto v, OptInt(name));
    if (!v) return Error(ErrorCode::kMissingField).Field(name);
    return *v;
}

Result<std::optional<int64_t>> JsonInput::OptInt(const char* name) {
    const auto* v = Find(name);
    if (!v || v->is_null()) return std::optional<int64_t>();
    if (v->is_int64()) return std::optional<int64_t>(v->as_int64());
    if (v->is_uint64() && v->as_uint64() <= INT64_MAX) {
        return std::optional<int64_t>(static_cast<int64_t>(v->as_uint64()));
    }
    return WrongType(name, "an integer");
}

Result<std::optional<std::optional<int64_t>>> JsonInput::NullableInt(const char* name) {
    if (!object_.contains(name)) {
        read_.insert(name);
        return std::optional<std::optional<int64_t>>();
    }
    OW_ASSIGN_OR_RETURN(auto v, OptInt(name));
    return std::optional<std::optional<int64_t>>(v);
}

Result<bool> JsonInput::Bool(const char* name) {
    OW_ASSIGN_OR_RETURN(auto v, OptBool(name));
    if (!v) return Error(ErrorCode::kMissingField).Field(name);
    return *v;
}

Result<std::optional<bool>> JsonInput::OptBool(const char* name) {
    const auto* v = Find(name);
    if (!v || v->is_null()) return std::optional<bool>();
    if (!v->is_bool()) return WrongType(name, "a boolean");
    return std::optional<bool>(v->as_bool());
}

Result<std::optional<std::vector<std::string>>> JsonInput::OptStringArray(const char* name) {
    const auto* v = Find(name);
    if (!v || v->is_null()) return std::optional<std::vector<std::string>>();
    if (!v->is_array()) return WrongType(name, "an array");
    std::vector<std::string> out;
    for (const auto& item : v->as_array()) {
        if (!item.is_string()) return WrongType(name, "an array");
        out.emplace_back(item.as_string());
    }
    return std::optional<std::vector<std::string>>(std::move(out));
}

Result<Date> JsonInput::DateField(const char* name) {
    OW_ASSIGN_OR_RETURN(std::string text, String(name));
    auto d = ParseDate(text);
    if (!d) return Error(ErrorCode::kInvalidDate).Field(name);
    return *d;
}

Result<void> JsonInput::Finish() const {
    for (const auto& [key, value] : object_) {
        if (!read_.count(std::string(key))) {
            return Error(ErrorCode::kUnknownField).Field(std::string(key));
        }
    }
    return Ok();
}

}  // namespace ow::http
