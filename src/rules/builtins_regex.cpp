// XPath regular expressions translated to ECMAScript std::regex.
#include "rules/builtins_regex.hpp"

#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace ow::rules {
namespace {

// \p{...} categories std::regex lacks, approximated for the ASCII range.
std::optional<std::string> CategoryClass(std::string_view name, bool negated) {
    static const std::pair<std::string_view, std::string_view> kClasses[] = {
        {"IsBasicLatin", "\\x00-\\x7F"},
        {"L", "A-Za-z"},
        {"Lu", "A-Z"},
        {"Ll", "a-z"},
        {"N", "0-9"},
        {"Nd", "0-9"},
        {"P", "!-/:-@\\[-`{-~"},
        {"Z", " "},
        {"Zs", " "},
    };
    for (const auto& [n, cls] : kClasses) {
        if (n == name) return std::string(negated ? "[^" : "[") + std::string(cls) + "]";
    }
    return std::nullopt;
}

// The "x" flag: whitespace outside character classes is removed before anything else, so
// "hello\ sworld" means hello\sworld.
std::string StripWhitespace(std::string_view p) {
    std::string out;
    bool in_class = false;
    for (size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c == '\\' && i + 1 < p.size() && in_class) {
            out.push_back(c);
            out.push_back(p[++i]);
            continue;
        }
        if (c == '[') in_class = true;
        if (c == ']') in_class = false;
        if (!in_class && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
        out.push_back(c);
    }
    return out;
}

// The escapes XPath allows besides \p{..}, back-references and the metacharacters.
bool KnownEscape(char n) {
    return std::string_view("nrtsSdDwWiIcC\\|.-^?*+{}()[]$").find(n) != std::string_view::npos;
}

// std::regex backtracks without limit: a repeated group that itself repeats (`(a+)*`) or a
// quantifier on a quantifier (`a.?*`, not XPath anyway) can take exponential time on a short
// input, and no step budget reaches inside std::regex. Such patterns are refused (null and a
// warning), so a rule can never hang the server in a regex.
bool RisksExponentialTime(std::string_view p) {
    std::vector<bool> group_repeats;  // per open group: does it contain a quantifier?
    bool after_quantifier = false;
    bool closed_repeating_group = false;
    for (size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        bool quantifier = c == '*' || c == '+' || c == '{';
        if (quantifier && (after_quantifier || closed_repeating_group)) return true;
        closed_repeating_group = false;
        if (c == '\\') {
            ++i;
            if (i < p.size() && (p[i] == 'p' || p[i] == 'P') && i + 1 < p.size() &&
                p[i + 1] == '{') {
                size_t close = p.find('}', i);  // \p{...}: one atom, not a quantifier
                if (close != std::string_view::npos) i = close;
            }
            after_quantifier = false;
            continue;
        }
        if (c == '[') {  // a class is one atom
            size_t close = p.find(']', i + 1);
            if (close == std::string_view::npos) return false;
            i = close;
            after_quantifier = false;
            continue;
        }
        if (c == '(') {
            group_repeats.push_back(false);
        } else if (c == ')') {
            if (!group_repeats.empty()) {
                closed_repeating_group = group_repeats.back();
                group_repeats.pop_back();
                if (closed_repeating_group && !group_repeats.empty()) group_repeats.back() = true;
            }
            after_quantifier = false;
            continue;
        }
        if (quantifier) {
            if (c == '{') {
                size_t close = p.find('}', i);
                if (close != std::string_view::npos) i = close;
            }
            if (!group_repeats.empty()) group_repeats.back() = true;
            after_quantifier = true;
            continue;
        }
        if (c == '?' && after_quantifier) continue;  // reluctant: still the same quantifier
        after_quantifier = c == '?';
        if (c == '?' && !group_repeats.empty()) group_repeats.back() = true;
    }
    return false;
}

std::optional<std::string> Translate(std::string_view p, bool dot_all) {
    std::string out;
    bool in_class = false;
    size_t class_start = 0;  // where the current class begins in `out`
    for (size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c == '\\') {
            if (i + 1 >= p.size()) return std::nullopt;
            char n = p[i + 1];
            if ((n == 'p' || n == 'P') && i + 2 < p.size() && p[i + 2] == '{') {
                size_t close = p.find('}', i + 3);
                if (close == std::string_view::npos) return std::nullopt;
                auto cls = CategoryClass(p.substr(i + 3, close - i - 3), n == 'P');
                if (!cls) return std::nullopt;
                out += in_class ? cls->substr(1, cls->size() - 2) : *cls;
                i = close;
                continue;
            }
            if (n >= '0' && n <= '9') {
                if (in_class || n == '0') return std::nullopt;
                // libstdc++ reads the number into a long without checking: keep it small.
                if (i + 3 < p.size() && p[i + 2] >= '0' && p[i + 2] <= '9' && p[i + 3] >= '0' &&
                    p[i + 3] <= '9') {
                    return std::nullopt;
                }
            } else if (!KnownEscape(n)) {
                return std::nullopt;
            }
            if (n == 'i' || n == 'I' || n == 'c' || n == 'C') {
                // XML name characters, approximated by their ASCII members.
                std::string_view set = (n == 'i' || n == 'I') ? "A-Za-z_:" : "-.0-9A-Za-z_:";
                bool neg = n == 'I' || n == 'C';
                out += in_class ? std::string(set) : (neg ? "[^" : "[") + std::string(set) + "]";
                ++i;
                continue;
            }
            out.push_back(c);
            out.push_back(n);
            ++i;
            continue;
        }
        if (in_class && c == '-' && i + 1 < p.size() && p[i + 1] == '[') {
            // Class subtraction [A-Z-[OI]]: a look-ahead that excludes the subtracted class.
            size_t close = p.find(']', i + 2);
            if (close == std::string_view::npos || close + 1 >= p.size() || p[close + 1] != ']') {
                return std::nullopt;
            }
            std::string base = out.substr(class_start);
            out.resize(class_start);
            out += "(?:(?![" + std::string(p.substr(i + 2, close - i - 2)) + "])" + base + "])";
            in_class = false;
            i = close + 1;
            continue;
        }
        if (c == '{' && !in_class) {
            // Repetition counts past six digits would overflow libstdc++'s parser (and mean
            // nothing here anyway).
            size_t digits = 0;
            for (size_t j = i + 1;
                 j < p.size() && (std::isdigit(static_cast<unsigned char>(p[j])) || p[j] == ',');
                 ++j) {
                digits = p[j] == ',' ? 0 : digits + 1;
                if (digits > 6) return std::nullopt;
            }
        }
        if (c == '[' && !in_class) {
            in_class = true;
            class_start = out.size();
        } else if (c == ']' && in_class) {
            in_class = false;
        } else if (c == '.' && !in_class && dot_all) {
            out += "[\\s\\S]";
            continue;
        }
        out.push_back(c);
    }
    return out;
}

std::string EscapeLiteral(std::string_view p) {
    std::string out;
    for (char c : p) {
        if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) {
            out.push_back('\\');
        }
        out.push_back(c);
    }
    return out;
}

std::unique_ptr<std::regex> Build(std::string_view pattern, std::string_view flags) {
    if (RisksExponentialTime(pattern)) return nullptr;
    auto opts = std::regex::ECMAScript;
    bool dot_all = false, extended = false, literal = false;
    for (char f : flags) {
        switch (f) {
            case 'i': opts |= std::regex::icase; break;
            case 's': dot_all = true; break;
            case 'm': opts |= std::regex::multiline; break;
            case 'x': extended = true; break;
            case 'q': literal = true; break;
            default: return nullptr;
        }
    }
    std::optional<std::string> translated =
        literal ? std::optional<std::string>(EscapeLiteral(pattern))
                : Translate(extended ? StripWhitespace(pattern) : std::string(pattern), dot_all);
    if (!translated) return nullptr;
    try {
        return std::make_unique<std::regex>(*translated, opts);
    } catch (const std::regex_error&) {
        // std::regex reports bad patterns only by throwing; FEEL wants null.
        return nullptr;
    }
}

}  // namespace

const std::regex* CompileXPathRegex(std::string_view pattern, std::string_view flags) {
    if (pattern.size() > 4096) return nullptr;
    thread_local std::map<std::pair<std::string, std::string>, std::unique_ptr<std::regex>> cache;
    auto key = std::make_pair(std::string(pattern), std::string(flags));
    auto it = cache.find(key);
    if (it != cache.end()) return it->second.get();
    if (cache.size() > 256) cache.clear();
    auto re = Build(pattern, flags);
    const std::regex* ptr = re.get();
    cache.emplace(std::move(key), std::move(re));
    return ptr;
}

std::optional<std::string> ExpandReplacement(const std::smatch& m, std::string_view r) {
    std::string out;
    for (size_t i = 0; i < r.size(); ++i) {
        char c = r[i];
        if (c == '\\') {
            if (i + 1 >= r.size() || (r[i + 1] != '\\' && r[i + 1] != '$')) return std::nullopt;
            out.push_back(r[++i]);
        } else if (c == '$') {
            if (i + 1 >= r.size() || r[i + 1] < '0' || r[i + 1] > '9') return std::nullopt;
            // The longest digit run naming an existing group (XPath's rule).
            size_t group = size_t(r[++i] - '0');
            while (i + 1 < r.size() && r[i + 1] >= '0' && r[i + 1] <= '9' &&
                   group * 10 + size_t(r[i + 1] - '0') < m.size()) {
                group = group * 10 + size_t(r[++i] - '0');
            }
            if (group < m.size() && m[group].matched) out += m[group].str();
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace ow::rules
