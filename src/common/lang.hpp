// The languages the platform speaks. zh-CN is the default; English is complete.
#pragma once

#include <string_view>

namespace ow {

enum class Lang { kZhCN, kEn };

// Picks the best supported language from an Accept-Language header (RFC 9110 q-values);
// an empty, unparseable or unsupported header gives zh-CN.
Lang ParseAcceptLanguage(std::string_view header);

std::string_view LangTag(Lang lang);

}  // namespace ow
