#include "http/router.hpp"

#include <stdexcept>

namespace ow::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
    std::vector<std::string_view> parts;
    size_t start = 1;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        parts.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

bool IsParam(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Number of literal segments matched, or -1 if the pattern does not match.
int MatchPattern(const std::vector<std::string>& p, const std::vector<std::string_view>& s,
                 std::map<std::string, std::string>* params) {
    if (p.size() != s.size()) return -1;
    int literals = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        if (IsParam(p[i])) {
            if (s[i].empty()) return -1;
            if (params) (*params)[std::string(p[i].substr(1, p[i].size() - 2))] = std::string(s[i]);
        } else if (p[i] == s[i]) {
            ++literals;
        } else {
            return -1;
        }
    }
    return literals;
}

}  // namespace

void Router::Add(Route route) {
    for (const Route& r : routes_) {
        if (r.method == route.method && r.pattern == route.pattern) {
            throw std::logic_error("route registered twice: " + route.method + " " + route.pattern);
        }
    }
    std::vector<std::string> segments;
    for (std::string_view s : Split(route.pattern)) segments.emplace_back(s);
    segments_.push_back(std::move(segments));
    routes_.push_back(std::move(route));
}

RouteMatch Router::Find(std::string_view method, std::string_view path) const {
    RouteMatch best;
    int best_score = -1;
    size_t best_index = 0;
    const auto parts = Split(path);
    for (size_t i = 0; i < routes_.size(); ++i) {
        const Route& r = routes_[i];
        int score = MatchPattern(segments_[i], parts, nullptr);
        if (score < 0) continue;
        if (r.method != method) {
            best.other_method = true;
            continue;
        }
        if (score > best_score) {
            best_score = score;
            best.route = &r;
            best_index = i;
        }
    }
    if (best.route) MatchPattern(segments_[best_index], parts, &best.params);
    return best;
}

}  // namespace ow::http
