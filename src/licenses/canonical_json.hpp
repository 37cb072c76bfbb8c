// The small part of JSON that canonical license bytes use: writing strings the one canonical
// way, and reading back objects, arrays, strings, integers and null. Internal to licenses:
// domain modules do not use Boost.JSON, and a reader of exactly this subset is short.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ow::licenses::canonical {

// Appends `text` as a JSON string: '"' and '\' escaped, U+0000-U+001F as \u00xx, the rest as is.
void AppendString(std::string& out, std::string_view text);

struct Value {
    enum class Kind { kNull, kInteger, kString, kArray, kObject };
    Kind kind = Kind::kNull;
    int64_t integer = 0;
    std::string string;
    std::vector<Value> items;
    // An object's members in their order: member_names[i] names member_values[i]. (Two
    // vectors, not one of pairs: a pair cannot hold the still incomplete Value.)
    std::vector<std::string> member_names;
    std::vector<Value> member_values;

    // The member named `key` of an object; nullptr when absent or not an object.
    const Value* Find(std::string_view key) const;
};

// Parses one value that fills all of `text`. Accepts only what AppendString and decimal
// integers produce (no whitespace, no other escapes, no fractions); nullopt otherwise.
std::optional<Value> Parse(std::string_view text);

}  // namespace ow::licenses::canonical
