// FEEL entry points: parsing to Expression / UnaryTests, and the variable scope.
#include "rules/feel.hpp"

#include <unordered_set>

#include "rules/feel_ast.hpp"
#include "rules/feel_parser.hpp"

namespace ow::rules {

std::string ParseError::ToString() const {
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

Expression::Expression(std::shared_ptr<const Node> root, std::string text)
    : root_(std::move(root)), text_(std::move(text)) {}

UnaryTests::UnaryTests(std::shared_ptr<const Node> root, std::string text)
    : root_(std::move(root)), text_(std::move(text)) {}

bool UnaryTests::is_any() const {
    return root_->kind == NodeKind::kAnyTest;
}

namespace {

// Both entry points: parse with `rule`, wrap the tree with its text, or return the error.
template <class T>
Parsed<T> ParseWith(std::string_view text, const ParseContext& context,
                    NodePtr (FeelParser::*rule)()) {
    FeelParser parser(text, context);
    Parsed<T> out;
    if (NodePtr root = (parser.*rule)()) {
        out.value.emplace(std::move(root), std::string(text));
    } else {
        out.error = parser.error();
    }
    return out;
}

}  // namespace

Parsed<Expression> ParseExpression(std::string_view text, const ParseContext& context) {
    return ParseWith<Expression>(text, context, &FeelParser::ParseExpression);
}

Parsed<UnaryTests> ParseUnaryTests(std::string_view text, const ParseContext& context) {
    return ParseWith<UnaryTests>(text, context, &FeelParser::ParseUnaryTests);
}

void Scope::Set(std::string name, Value value) {
    for (auto& [n, v] : vars_) {
        if (n == name) {
            v = std::move(value);
            return;
        }
    }
    vars_.emplace_back(std::move(name), std::move(value));
}

const Value* Scope::Find(std::string_view name) const {
    for (const Scope* s = this; s != nullptr; s = s->parent_) {
        // Innermost definitions last: search backwards so a later Set of a new name that
        // shadows nothing is still found quickly.
        for (auto it = s->vars_.rbegin(); it != s->vars_.rend(); ++it) {
            if (it->first == name) return &it->second;
        }
    }
    return nullptr;
}

void Scope::SetTypeResolver(std::function<std::optional<Type>(std::string_view)> resolver) {
    resolver_ = std::move(resolver);
}

std::optional<Type> Scope::ResolveType(std::string_view name) const {
    for (const Scope* s = this; s != nullptr; s = s->parent_) {
        if (s->resolver_) {
            if (auto t = s->resolver_(name)) return t;
        }
    }
    return std::nullopt;
}

std::shared_ptr<const Scope> Scope::Snapshot() const {
    auto copy = std::make_shared<Scope>();
    std::vector<std::function<std::optional<Type>(std::string_view)>> resolvers;
    std::unordered_set<std::string_view> seen;
    for (const Scope* s = this; s != nullptr; s = s->parent_) {
        for (auto it = s->vars_.rbegin(); it != s->vars_.rend(); ++it) {
            if (seen.insert(it->first).second) copy->vars_.push_back(*it);
        }
        if (s->resolver_) resolvers.push_back(s->resolver_);
    }
    if (resolvers.size() == 1) {
        copy->resolver_ = resolvers.front();
    } else if (!resolvers.empty()) {
        copy->resolver_ = [resolvers](std::string_view name) -> std::optional<Type> {
            for (const auto& r : resolvers) {
                if (auto t = r(name)) return t;
            }
            return std::nullopt;
        };
    }
    return copy;
}

}  // namespace ow::rules
