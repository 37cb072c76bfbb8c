// XPath regular expressions (as FEEL's matches, replace and split use them) on std::regex:
// translates the XPath pattern and flags ("i", "s", "m", "x", "q") to ECMAScript and caches
// compiled patterns per thread.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace ow::rules {

// The compiled pattern, or nullptr when the pattern or the flags are invalid.
const std::regex* CompileXPathRegex(std::string_view pattern, std::string_view flags);

// XPath fn:replace's replacement: $N is group N ($0 the match), \$ and \\ are literal.
// Nullopt when the replacement is malformed (a lone '\' or '$' not followed by a digit).
std::optional<std::string> ExpandReplacement(const std::smatch& m, std::string_view replacement);

}  // namespace ow::rules
