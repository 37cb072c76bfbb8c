// Type: a FEEL type, as named in `instance of`, typed function parameters and DMN typeRefs:
// Any, Null, the simple types, list<T>, range<T>, context<a: T, ...>, function<T, ...> -> R.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rules/value.hpp"

namespace ow::rules {

struct Type {
    enum class Tag : uint8_t { kAny, kNull, kSimple, kList, kRange, kContext, kFunction };
    Tag tag = Tag::kAny;
    Kind simple = Kind::kNull;                         // kSimple: which kind
    std::shared_ptr<const Type> element;               // kList, kRange; kFunction: the result type
    std::vector<std::pair<std::string, Type>> fields;  // kContext
    std::vector<Type> parameters;                      // kFunction

    // Declared here, defined in types.cpp: an inline one makes clang's std::pair<std::string,
    // Type> ask whether Type is default constructible while Type is still incomplete.
    Type();
    static Type Any();
    static Type Of(Kind k);
    static Type ListOf(Type element);
};

// `value instance of type`: structural conformance as the DMN 1.4 spec defines it (null conforms
// only to Null and Any; a context conforms to context<...> when it has those entries, each
// conforming; a list to list<T> when every element does; functions by parameter count).
bool Conforms(const Value& value, const Type& type);

// "number", "date and time", "list<string>", "context<a: number>", "function<number>->string";
// nullopt for an unknown name (the caller resolves DMN item definitions itself first).
std::optional<Type> ParseBuiltinTypeName(std::string_view text);
std::string ToString(const Type& type);

}  // namespace ow::rules
