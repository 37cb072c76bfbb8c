// FEEL types: construction, conformance (`instance of`) and the built-in type names.
#include "rules/types.hpp"

#include <cctype>

#include "rules/function.hpp"

namespace ow::rules {

Type::Type() = default;
Type Type::Any() {
    return Type();
}

Type Type::Of(Kind k) {
    Type t;
    if (k == Kind::kNull) {
        t.tag = Tag::kNull;
        return t;
    }
    switch (k) {
        case Kind::kList:
            t.tag = Tag::kList;
            t.element = std::make_shared<const Type>(Any());
            return t;
        case Kind::kRange:
            t.tag = Tag::kRange;
            t.element = std::make_shared<const Type>(Any());
            return t;
        case Kind::kContext: t.tag = Tag::kContext; return t;
        case Kind::kFunction: t.tag = Tag::kFunction; return t;
        default:
            t.tag = Tag::kSimple;
            t.simple = k;
            return t;
    }
}

Type Type::ListOf(Type element) {
    Type t;
    t.tag = Tag::kList;
    t.element = std::make_shared<const Type>(std::move(element));
    return t;
}

bool Conforms(const Value& value, const Type& type) {
    switch (type.tag) {
        case Type::Tag::kAny: return true;
        case Type::Tag::kNull: return value.IsNull();
        case Type::Tag::kSimple: return value.kind() == type.simple;
        case Type::Tag::kList:
            if (value.kind() != Kind::kList) return false;
            if (!type.element) return true;
            for (const auto& item : value.AsList()) {
                if (!item.IsNull() && !Conforms(item, *type.element)) return false;
            }
            return true;
        case Type::Tag::kRange: {
            if (value.kind() != Kind::kRange) return false;
            if (!type.element) return true;
            const Range& r = value.AsRange();
            return (r.start.IsNull() || Conforms(r.start, *type.element)) &&
                   (r.end.IsNull() || Conforms(r.end, *type.element));
        }
        case Type::Tag::kContext: {
            if (value.kind() != Kind::kContext) return false;
            for (const auto& [name, field_type] : type.fields) {
                const Value* v = value.AsContext().Find(name);
                // A null entry conforms: {a: null} instance of context<a: string>.
                if (v == nullptr || (!v->IsNull() && !Conforms(*v, field_type))) return false;
            }
            return true;
        }
        case Type::Tag::kFunction: {
            if (value.kind() != Kind::kFunction) return false;
            if (type.parameters.empty() && !type.element) return true;
            const auto& f = *value.AsFunction();
            if (f.variadic()) return true;
            for (const auto& params : f.overloads()) {
                if (params.size() != type.parameters.size()) continue;
                bool ok = true;
                // Contravariant parameters: a declared parameter type must accept the type asked.
                for (size_t i = 0; i < params.size(); ++i) {
                    if (!params[i].type) continue;
                    const Type& want = type.parameters[i];
                    const Type& have = *params[i].type;
                    if (have.tag == Type::Tag::kAny) continue;
                    if (want.tag != have.tag ||
                        (want.tag == Type::Tag::kSimple && want.simple != have.simple)) {
                        ok = false;
                    }
                }
                if (ok) return true;
            }
            return false;
        }
    }
    return false;
}

namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Splits "a, list<b, c>, d" at top-level commas.
std::vector<std::string_view> SplitTop(std::string_view s) {
    std::vector<std::string_view> parts;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<' || s[i] == '(') ++depth;
        if (s[i] == '>' && !(i > 0 && s[i - 1] == '-')) --depth;
        if (s[i] == ')') --depth;
        if (s[i] == ',' && depth == 0) {
            parts.push_back(Trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    auto last = Trim(s.substr(start));
    if (!last.empty()) parts.push_back(last);
    return parts;
}

// The matching '>' of the '<' at `open`, or npos.
size_t MatchAngle(std::string_view s, size_t open) {
    int depth = 0;
    for (size_t i = open; i < s.size(); ++i) {
        if (s[i] == '<') ++depth;
        if (s[i] == '>' && !(i > 0 && s[i - 1] == '-')) {
            if (--depth == 0) return i;
        }
    }
    return std::string_view::npos;
}

std::optional<Kind> SimpleKind(std::string_view name) {
    static const std::pair<std::string_view, Kind> kNames[] = {
        {"number", Kind::kNumber},
        {"string", Kind::kString},
        {"boolean", Kind::kBoolean},
        {"date", Kind::kDate},
        {"time", Kind::kTime},
        {"date and time", Kind::kDateTime},
        {"dateTime", Kind::kDateTime},
        {"days and time duration", Kind::kDaysTimeDuration},
        {"dayTimeDuration", Kind::kDaysTimeDuration},
        {"years and months duration", Kind::kYearsMonthsDuration},
        {"yearMonthDuration", Kind::kYearsMonthsDuration},
    };
    for (const auto& [n, k] : kNames) {
        if (n == name) return k;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Type> ParseBuiltinTypeName(std::string_view text) {
    text = Trim(text);
    if (text.substr(0, 5) == "feel:") text.remove_prefix(5);
    if (text == "Any") return Type::Any();
    if (text == "Null") return Type::Of(Kind::kNull);
    if (auto k = SimpleKind(text)) return Type::Of(*k);
    if (text == "list") return Type::Of(Kind::kList);
    if (text == "range") return Type::Of(Kind::kRange);
    if (text == "context") return Type::Of(Kind::kContext);
    if (text == "function") return Type::Of(Kind::kFunction);
    size_t open = text.find('<');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view head = Trim(text.substr(0, open));
    size_t close = MatchAngle(text, open);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view inner = text.substr(open + 1, close - open - 1);
    std::string_view rest = Trim(text.substr(close + 1));
    if (head == "list" || head == "range") {
        if (!rest.empty()) return std::nullopt;
        auto element = ParseBuiltinTypeName(inner);
        if (!element) return std::nullopt;
        Type t = Type::ListOf(*element);
        if (head == "range") t.tag = Type::Tag::kRange;
        return t;
    }
    if (head == "context") {
        if (!rest.empty()) return std::nullopt;
        Type t = Type::Of(Kind::kContext);
        for (auto field : SplitTop(inner)) {
            size_t colon = field.find(':');
            if (colon == std::string_view::npos) return std::nullopt;
            auto ft = ParseBuiltinTypeName(field.substr(colon + 1));
            if (!ft) return std::nullopt;
            std::string_view name = Trim(field.substr(0, colon));
            if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
                name = name.substr(1, name.size() - 2);
            }
            t.fields.emplace_back(std::string(name), std::move(*ft));
        }
        return t;
    }
    if (head == "function") {
        Type t = Type::Of(Kind::kFunction);
        for (auto p : SplitTop(inner)) {
            auto pt = ParseBuiltinTypeName(p);
            if (!pt) return std::nullopt;
            t.parameters.push_back(std::move(*pt));
        }
        if (rest.substr(0, 2) == "->") {
            auto result = ParseBuiltinTypeName(rest.substr(2));
            if (!result) return std::nullopt;
            t.element = std::make_shared<const Type>(std::move(*result));
        } else if (!rest.empty()) {
            return std::nullopt;
        }
        return t;
    }
    return std::nullopt;
}

std::string ToString(const Type& type) {
    switch (type.tag) {
        case Type::Tag::kAny: return "Any";
        case Type::Tag::kNull: return "Null";
        case Type::Tag::kSimple: return std::string(KindName(type.simple));
        case Type::Tag::kList:
            return "list<" + (type.element ? ToString(*type.element) : "Any") + ">";
        case Type::Tag::kRange:
            return "range<" + (type.element ? ToString(*type.element) : "Any") + ">";
        case Type::Tag::kContext: {
            std::string out = "context<";
            for (size_t i = 0; i < type.fields.size(); ++i) {
                if (i > 0) out += ", ";
                out += type.fields[i].first + ": " + ToString(type.fields[i].second);
            }
            return out + ">";
        }
        case Type::Tag::kFunction: {
            std::string out = "function<";
            for (size_t i = 0; i < type.parameters.size(); ++i) {
                if (i > 0) out += ", ";
                out += ToString(type.parameters[i]);
            }
            out += ">";
            if (type.element) out += "->" + ToString(*type.element);
            return out;
        }
    }
    return "Any";
}

}  // namespace ow::rules
