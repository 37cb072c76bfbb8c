#include "common/lang.hpp"

#include <cctype>
#include <string>

namespace ow {
namespace {

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// q-value in thousandths; malformed q counts as 0 (RFC 9110 §12.4.2 allows at most 3 decimals).
int ParseQ(std::string_view params) {
    auto pos = params.find("q=");
    if (pos == std::string_view::npos) return 1000;
    std::string_view v = Trim(params.substr(pos + 2));
    if (v.empty()) return 0;
    if (v[0] == '1') return 1000;
    if (v[0] != '0') return 0;
    int q = 0, scale = 100;
    if (v.size() > 1 && v[1] == '.') {
        for (size_t i = 2; i < v.size() && i < 5 && std::isdigit(static_cast<unsigned char>(v[i]));
             ++i, scale /= 10) {
            q += (v[i] - '0') * scale;
        }
    }
    return q;
}

}  // namespace

Lang ParseAcceptLanguage(std::string_view header) {
    Lang best = Lang::kZhCN;
    int best_q = 0;
    while (!header.empty()) {
        auto comma = header.find(',');
        std::string_view item = Trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        auto semi = item.find(';');
        std::string tag = Lower(Trim(item.substr(0, semi)));
        int q = semi == std::string_view::npos ? 1000 : ParseQ(item.substr(semi + 1));
        if (q <= best_q) continue;
        if (tag == "zh" || tag.starts_with("zh-")) {
            best = Lang::kZhCN;
            best_q = q;
        } else if (tag == "en" || tag.starts_with("en-")) {
            best = Lang::kEn;
            best_q = q;
        }
    }
    return best;
}

std::string_view LangTag(Lang lang) {
    return lang == Lang::kEn ? "en" : "zh-CN";
}

}  // namespace ow
