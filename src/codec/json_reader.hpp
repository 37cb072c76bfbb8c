// JsonReader: reads a JSON object field by field and turns every problem into the error a client
// or an importer should see, naming the field by its path ("items[AMR-001].materials[id_card]
// .legal_basis"): kMissingField, kWrongType, kUnknownField (for the first field nothing asked
// for, checked by Finish()), kMalformedJson for text that is not JSON.
#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/dates.hpp"
#include "common/result.hpp"

namespace ow::codec {

class JsonReader {
public:
    // Parses text whose top level must be an object (nesting limited to 32 levels).
    static Result<JsonReader> Parse(std::string_view text);
    // Reads `object`, which must outlive the reader and the readers of its parts.
    JsonReader(const boost::json::object& object, std::string path)
        : object_(&object), path_(std::move(path)) {}
    // Reads an object the reader keeps.
    static JsonReader Owning(boost::json::object object);

    Result<std::string> String(const char* name);
    Result<std::optional<std::string>> OptString(const char* name);
    // An optional string that reads as "" when absent or null.
    Result<std::string> StringOr(const char* name, std::string fallback = "");
    Result<int64_t> Int(const char* name);
    Result<std::optional<int64_t>> OptInt(const char* name);
    // Absent (nothing changes), null (cleared) or a number.
    Result<std::optional<std::optional<int64_t>>> NullableInt(const char* name);
    Result<bool> Bool(const char* name);
    Result<std::optional<bool>> OptBool(const char* name);
    Result<bool> BoolOr(const char* name, bool fallback);
    Result<std::vector<std::string>> StringArray(const char* name);
    Result<std::optional<std::vector<std::string>>> OptStringArray(const char* name);
    Result<Date> DateField(const char* name);
    Result<JsonReader> Object(const char* name);
    // The objects of an array field, each with the path name[<key_field value>] (or name[i]).
    Result<std::vector<JsonReader>> Objects(const char* name, const char* key_field,
                                            bool required = true);

    bool Has(const char* name) const { return object_->contains(name); }
    // The raw value of a field (null if absent), for shapes the accessors don't cover.
    const boost::json::value* Raw(const char* name) { return Find(name); }
    // Accepts a field without using it (e.g. "$schema" in a published document).
    void Ignore(const char* name) { read_.emplace_back(name); }
    const boost::json::object& object() const { return *object_; }
    // The path of a field of this object.
    std::string PathOf(std::string_view name) const;

    // kUnknownField for the first field no accessor asked for.
    Result<void> Finish() const;

private:
    const boost::json::value* Find(const char* name);
    JsonReader Part(const boost::json::object& part, std::string path) const;

    std::shared_ptr<const boost::json::object> owned_;  // the parsed document, shared by parts
    const boost::json::object* object_ = nullptr;
    std::string path_;
    std::vector<std::string> read_;  // field names asked for (few per object)
};

}  // namespace ow::codec
