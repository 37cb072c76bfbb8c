// String built-ins (DMN 1.4 10.3.4.3). Positions and lengths count Unicode code points.
#include "rules/builtins_internal.hpp"
#include "rules/builtins_regex.hpp"

namespace ow::rules {
namespace {

// A 1-based position argument; fractional positions are truncated.
std::optional<int64_t> PositionArg(const Value& v) {
    if (!IsNum(v)) return std::nullopt;
    return v.AsNumber().Round(0, RoundingMode::kDown).ToInt64();
}

Value Substring(Args& a, Evaluation& ev) {
    if (!IsStr(a[0])) return Invalid(ev, "substring", "string is not a string");
    auto start = PositionArg(a[1]);
    if (!start) return Invalid(ev, "substring", "start position is not a number");
    const std::string& s = a[0].AsString();
    int64_t len = CodePointCount(s);
    int64_t from = *start > 0 ? *start - 1 : len + *start;
    if (*start == 0 || from < 0 || from > len) {
        return Invalid(ev, "substring", "start position out of range");
    }
    int64_t count = len - from;
    if (a.size() == 3) {
        auto l = PositionArg(a[2]);
        if (!l || *l < 0) return Invalid(ev, "substring", "length is not a positive number");
        count = std::min(count, *l);
    }
    return Value::String(CodePointSlice(s, from, count));
}

bool TwoStrings(const Args& a) {
    return IsStr(a[0]) && IsStr(a[1]);
}

std::string MapAscii(std::string s, bool upper) {
    for (char& c : s) {
        if (upper && c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
        if (!upper && c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    }
    return s;
}

// Flags are optional: absent or null means none.
std::string_view FlagsOf(const Args& a, size_t i) {
    return a.size() > i && IsStr(a[i]) ? std::string_view(a[i].AsString()) : std::string_view();
}

// std::regex matches recursively; bounding the text keeps a hostile input from exhausting the
// stack.
constexpr size_t kMaxRegexInput = 10000;

bool FlagsOk(const Args& a, size_t i) {
    return a.size() <= i || IsStr(a[i]) || a[i].IsNull();
}

bool RegexInputOk(const Args& a) {
    return a[0].AsString().size() <= kMaxRegexInput;
}

Value Matches(Args& a, Evaluation& ev) {
    if (!TwoStrings(a) || !FlagsOk(a, 2))
        return Invalid(ev, "matches", "arguments must be strings");
    if (!RegexInputOk(a)) return Invalid(ev, "matches", "input too long for a pattern");
    const std::regex* re = CompileXPathRegex(a[1].AsString(), FlagsOf(a, 2));
    if (re == nullptr) return Invalid(ev, "matches", "invalid pattern or flags");
    return Value::Bool(std::regex_search(a[0].AsString(), *re));
}

Value Replace(Args& a, Evaluation& ev) {
    if (!TwoStrings(a) || !IsStr(a[2]) || !FlagsOk(a, 3)) {
        return Invalid(ev, "replace", "arguments must be strings");
    }
    if (!RegexInputOk(a)) return Invalid(ev, "replace", "input too long for a pattern");
    const std::regex* re = CompileXPathRegex(a[1].AsString(), FlagsOf(a, 3));
    if (re == nullptr) return Invalid(ev, "replace", "invalid pattern or flags");
    const std::string& in = a[0].AsString();
    std::string out;
    auto last = in.cbegin();
    for (std::sregex_iterator it(in.begin(), in.end(), *re), end; it != end; ++it) {
        const std::smatch& m = *it;
        if (m.length(0) == 0) return Invalid(ev, "replace", "pattern matches the empty string");
        out.append(last, m[0].first);
        auto r = ExpandReplacement(m, a[2].AsString());
        if (!r) return Invalid(ev, "replace", "invalid replacement");
        out += *r;
        last = m[0].second;
    }
    out.append(last, in.cend());
    return Value::String(std::move(out));
}

Value Split(Args& a, Evaluation& ev) {
    if (!TwoStrings(a)) return Invalid(ev, "split", "arguments must be strings");
    if (!RegexInputOk(a)) return Invalid(ev, "split", "input too long for a pattern");
    const std::regex* re = CompileXPathRegex(a[1].AsString(), "");
    if (re == nullptr) return Invalid(ev, "split", "invalid delimiter pattern");
    const std::string& in = a[0].AsString();
    List parts;
    auto last = in.cbegin();
    for (std::sregex_iterator it(in.begin(), in.end(), *re), end; it != end; ++it) {
        if (it->length(0) == 0) continue;
        parts.push_back(Value::String(std::string(last, (*it)[0].first)));
        last = (*it)[0].second;
    }
    parts.push_back(Value::String(std::string(last, in.cend())));
    return Value::FromList(std::move(parts));
}

Value StringJoin(Args& a, Evaluation& ev) {
    if (!IsList(a[0])) return Invalid(ev, "string join", "list is not a list");
    std::string delimiter;
    if (a.size() == 2 && !a[1].IsNull()) {
        if (!IsStr(a[1])) return Invalid(ev, "string join", "delimiter is not a string");
        delimiter = a[1].AsString();
    }
    std::string out;
    bool first = true;
    for (const auto& item : a[0].AsList()) {
        if (item.IsNull()) continue;
        if (!IsStr(item)) return Invalid(ev, "string join", "list has a non-string item");
        if (!first) out += delimiter;
        first = false;
        out += item.AsString();
    }
    return Value::String(std::move(out));
}

}  // namespace

void AddStringBuiltins(BuiltinTable& t) {
    t.push_back({"substring",
                 {{"string", "start position"}, {"string", "start position", "length"}},
                 false,
                 Substring});
    t.push_back({"string length", {{"string"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsStr(a[0])) return Invalid(ev, "string length", "not a string");
                     return Value::Number(CodePointCount(a[0].AsString()));
                 }});
    t.push_back({"upper case", {{"string"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsStr(a[0])) return Invalid(ev, "upper case", "not a string");
                     return Value::String(MapAscii(a[0].AsString(), true));
                 }});
    t.push_back({"lower case", {{"string"}}, false, [](Args& a, Evaluation& ev) {
                     if (!IsStr(a[0])) return Invalid(ev, "lower case", "not a string");
                     return Value::String(MapAscii(a[0].AsString(), false));
                 }});
    t.push_back({"substring before", {{"string", "match"}}, false, [](Args& a, Evaluation& ev) {
                     if (!TwoStrings(a)) return Invalid(ev, "substring before", "not strings");
                     size_t p = a[0].AsString().find(a[1].AsString());
                     if (p == std::string::npos) return Value::String("");
                     return Value::String(a[0].AsString().substr(0, p));
                 }});
    t.push_back({"substring after", {{"string", "match"}}, false, [](Args& a, Evaluation& ev) {
                     if (!TwoStrings(a)) return Invalid(ev, "substring after", "not strings");
                     size_t p = a[0].AsString().find(a[1].AsString());
                     if (p == std::string::npos) return Value::String("");
                     return Value::String(a[0].AsString().substr(p + a[1].AsString().size()));
                 }});
    t.push_back({"contains", {{"string", "match"}}, false, [](Args& a, Evaluation& ev) {
                     if (!TwoStrings(a)) return Invalid(ev, "contains", "not strings");
                     return Value::Bool(a[0].AsString().find(a[1].AsString()) != std::string::npos);
                 }});
    t.push_back({"starts with", {{"string", "match"}}, false, [](Args& a, Evaluation& ev) {
                     if (!TwoStrings(a)) return Invalid(ev, "starts with", "not strings");
                     return Value::Bool(a[0].AsString().starts_with(a[1].AsString()));
                 }});
    t.push_back({"ends with", {{"string", "match"}}, false, [](Args& a, Evaluation& ev) {
                     if (!TwoStrings(a)) return Invalid(ev, "ends with", "not strings");
                     return Value::Bool(a[0].AsString().ends_with(a[1].AsString()));
                 }});
    t.push_back({"matches", {{"input", "pattern"}, {"input", "pattern", "flags"}}, false, Matches});
    t.push_back(
        {"replace",
         {{"input", "pattern", "replacement"}, {"input", "pattern", "replacement", "flags"}},
         false,
         Replace});
    t.push_back({"split", {{"string", "delimiter"}}, false, Split});
    t.push_back({"string join", {{"list"}, {"list", "delimiter"}}, false, StringJoin});
}

}  // namespace ow::rules
