// Type names in FEEL text (`instance of`, typed parameters) resolved against the model's item
// definitions: `tPerson`, `list<tPerson>`, `range<tAmount>`.
#include "rules/feel_interpreter.hpp"
#include "rules/types.hpp"

namespace ow::rules {

namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    return s;
}

// The index of the '>' closing the '<' at `open`, or npos.
size_t Closing(std::string_view s, size_t open) {
    int depth = 0;
    for (size_t i = open; i < s.size(); ++i) {
        if (s[i] == '<') ++depth;
        if (s[i] == '>' && !(i > 0 && s[i - 1] == '-') && --depth == 0) return i;
    }
    return std::string_view::npos;
}

}  // namespace

std::optional<Type> ResolveTypeName(std::string_view text, const Scope& scope, int depth) {
    text = Trim(text);
    if (depth > 64) return std::nullopt;
    if (auto t = scope.ResolveType(text)) return t;
    size_t open = text.find('<');
    if (open == std::string_view::npos) return ParseBuiltinTypeName(text);
    std::string_view head = Trim(text.substr(0, open));
    size_t close = Closing(text, open);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view inner = text.substr(open + 1, close - open - 1);
    std::string_view rest = Trim(text.substr(close + 1));
    if ((head == "list" || head == "range") && rest.empty()) {
        auto element = ResolveTypeName(inner, scope, depth + 1);
        if (!element) return std::nullopt;
        Type t = Type::ListOf(*element);
        if (head == "range") t.tag = Type::Tag::kRange;
        return t;
    }
    // Contexts and functions of model types are rare; the built-in names cover the rest.
    return ParseBuiltinTypeName(text);
}

}  // namespace ow::rules
