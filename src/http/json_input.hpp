// JsonInput: reads a request's JSON object field by field, turning every problem into the
// error the client should see: malformed JSON, a missing field, a wrong type, a field the
// endpoint does not know. Handlers read what they need, then call Finish() so unknown fields
// are refused rather than silently ignored.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/dates.hpp"
#include "common/result.hpp"
#include "http/request.hpp"

namespace ow::http {

class JsonInput {
public:
    // kUnsupportedMediaType unless Content-Type is application/json; kMalformedJson for bad
    // JSON or anything but an object at the top (nesting is limited to 32 levels).
    static Result<JsonInput> Parse(const Request& request);

    Result<std::string> String(const char* name);
    Result<std::optional<std::string>> OptString(const char* name);
    Result<int64_t> Int(const char* name);
    Result<std::optional<int64_t>> OptInt(const char* name);
    // A field that may be absent (nothing changes), null (cleared) or a number.
    Result<std::optional<std::optional<int64_t>>> NullableInt(const char* name);
    Result<bool> Bool(const char* name);
    Result<std::optional<bool>> OptBool(const char* name);
    Result<std::optional<std::vector<std::string>>> OptStringArray(const char* name);
    Result<Date> DateField(const char* name);
    bool Has(const char* name) const { return object_.contains(name); }
    // The raw value of a field (null if absent), for shapes the accessors above don't cover.
    const boost::json::value* Raw(const char* name) { return Find(name); }
    // Accepts a field without using it (e.g. "$schema" in a published document).
    void Ignore(const char* name) { read_.insert(name); }
    const boost::json::object& object() const { return object_; }

    // kUnknownField for the first field no accessor asked for.
    Result<void> Finish() const;

private:
    explicit JsonInput(boost::json::object object) : object_(std::move(object)) {}
    const boost::json::value* Find(const char* name);

    boost::json::object object_;
    std::set<std::string> read_;
};

}  // namespace ow::http
