// The built-in library's registry and the argument helpers every family of built-ins shares
// (builtins_string.cpp, builtins_list.cpp, ...). Internal to the rules module.
#pragma once

#include <string_view>
#include <vector>

#include "rules/builtins.hpp"
#include "rules/value_ops.hpp"

namespace ow::rules {

using Args = std::vector<Value>;
using BuiltinImpl = Value (*)(Args& args, Evaluation& ev);

// One built-in: its spec name, the parameter names of each overload (as named invocation uses
// them), whether it also takes any number of positional arguments, and its body. The body gets
// arguments already checked against one overload's count (unless variadic).
struct BuiltinDef {
    std::string_view name;
    std::vector<std::vector<std::string_view>> overloads;
    bool variadic = false;
    BuiltinImpl impl = nullptr;
};

using BuiltinTable = std::vector<BuiltinDef>;

void AddConversionBuiltins(BuiltinTable& t);
void AddStringBuiltins(BuiltinTable& t);
void AddListBuiltins(BuiltinTable& t);
void AddListStatsBuiltins(BuiltinTable& t);
void AddNumericBuiltins(BuiltinTable& t);
void AddTemporalBuiltins(BuiltinTable& t);
void AddRangeBuiltins(BuiltinTable& t);
void AddContextBuiltins(BuiltinTable& t);

// A FEEL error in a built-in: a warning naming the function, and null.
Value Invalid(Evaluation& ev, std::string_view function, std::string_view why);

inline bool IsNum(const Value& v) {
    return v.kind() == Kind::kNumber;
}
inline bool IsStr(const Value& v) {
    return v.kind() == Kind::kString;
}
inline bool IsList(const Value& v) {
    return v.kind() == Kind::kList;
}

// The items of a list-or-varargs built-in: min([1, 2]) and min(1, 2) alike.
const List& Items(const Args& args, List& storage);

// An integer argument (e.g. a position or scale), nullopt when not an integral number.
std::optional<int64_t> IntArg(const Value& v);

// Square root to 34 significant digits (x >= 0).
Decimal DecimalSqrt(const Decimal& x);

// The number of code points of UTF-8 text and a code point slice of it (FEEL string positions
// count characters, not bytes).
int64_t CodePointCount(std::string_view s);
std::string CodePointSlice(std::string_view s, int64_t start, int64_t count);

}  // namespace ow::rules
