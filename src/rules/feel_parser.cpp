// FEEL parser: expressions (DMN 1.5 section 10.3.1.2, grammar rules 1-66).
#include "rules/feel_parser.hpp"

#include <algorithm>

#include "rules/builtins.hpp"
#include "rules/decimal.hpp"
#include "rules/temporal.hpp"

namespace ow::rules {

namespace {

constexpr std::string_view kKeywords[] = {
    "true", "false", "null", "and", "or",     "between",   "in",   "instance", "of",
    "if",   "then",  "else", "for", "return", "satisfies", "some", "every",    "function"};

std::string Describe(const Token& t) {
    switch (t.kind) {
        case TokenKind::kEnd: return "end of input";
        case TokenKind::kError: return t.text;
        case TokenKind::kString: return "string \"" + t.text + "\"";
        case TokenKind::kAt: return "@\"" + t.text + "\"";
        default: return "'" + t.text + "'";
    }
}

// @"..." literals: whichever temporal form the text has.
std::optional<Value> TemporalLiteral(std::string_view s) {
    if (auto d = ParseDate(s)) return Value::FromDate(*d);
    if (auto t = ParseTime(s)) return Value::FromTime(*t);
    if (auto dt = ParseDateTime(s)) return Value::FromDateTime(*dt);
    if (auto ym = ParseYearsMonthsDuration(s)) return Value::FromDuration(*ym);
    if (auto dt = ParseDaysTimeDuration(s)) return Value::FromDuration(*dt);
    return std::nullopt;
}

}  // namespace

FeelParser::FeelParser(std::string_view text, const ParseContext& context)
    : src_(text), context_(context) {
    max_height_ = 4 * std::max(context.limits.max_nesting, 16) + 64;
    if (text.size() > context.limits.max_length) {
        failed_ = true;
        error_.message = "text too long (" + std::to_string(text.size()) + " bytes, at most " +
                         std::to_string(context.limits.max_length) + ")";
        tokens_.push_back(Token{});
        return;
    }
    tokens_ = Tokenize(text);
}

bool FeelParser::Nest::ok() const {
    if (p.depth_ <= p.context_.limits.max_nesting) return true;
    p.FailMessage(p.Peek(), "expression nested too deeply (more than " +
                                std::to_string(p.context_.limits.max_nesting) + " levels)");
    return false;
}

// ---- tokens and errors ----

const Token& FeelParser::Peek(size_t k) const {
    size_t i = std::min(pos_ + k, tokens_.size() - 1);
    return tokens_[i];
}

bool FeelParser::TakePunct(std::string_view p) {
    if (!Peek().Is(p)) return false;
    Take();
    return true;
}

bool FeelParser::TakeWord(std::string_view w) {
    if (!Peek().IsWord(w)) return false;
    Take();
    return true;
}

bool FeelParser::Expect(std::string_view punct) {
    if (TakePunct(punct)) return true;
    Fail(Peek(), "'" + std::string(punct) + "'");
    return false;
}

bool FeelParser::ExpectWord(std::string_view word) {
    if (TakeWord(word)) return true;
    Fail(Peek(), "'" + std::string(word) + "'");
    return false;
}

bool FeelParser::StartsTextual(const Token& t) const {
    return (t.IsWord("if") || t.IsWord("for") || t.IsWord("some") || t.IsWord("every") ||
            t.IsWord("function")) &&
           !KnownNameAhead();
}

bool FeelParser::IsKeyword(const Token& t) const {
    if (t.kind != TokenKind::kName) return false;
    return std::find(std::begin(kKeywords), std::end(kKeywords), t.text) != std::end(kKeywords);
}

FeelParser::Mut FeelParser::Make(NodeKind kind, const Token& at) const {
    auto n = std::make_shared<Node>();
    n->kind = kind;
    n->line = at.line;
    n->column = at.column;
    return n;
}

NodePtr FeelParser::Finish(Mut node) {
    if (failed_) return nullptr;
    int h = 0;
    for (const auto& c : node->children) {
        h = std::max(h, c->height);
        node->uses_input = node->uses_input || c->uses_input;
    }
    node->height = h + 1;
    if (node->height > max_height_) {
        return FailMessage(Peek(), "expression nested too deeply (more than " +
                                       std::to_string(max_height_) + " operators deep)");
    }
    return node;
}

NodePtr FeelParser::Fail(const Token& at, std::string expected) {
    if (at.kind == TokenKind::kError) return FailMessage(at, at.text);
    return FailMessage(at, "expected " + expected + " but found " + Describe(at));
}

NodePtr FeelParser::FailMessage(const Token& at, std::string message) {
    if (!failed_) {
        failed_ = true;
        error_.line = at.line;
        error_.column = at.column;
        error_.message = std::move(message);
    }
    return nullptr;
}

// ---- entry points ----

NodePtr FeelParser::ParseExpression() {
    if (failed_) return nullptr;
    if (Peek().kind == TokenKind::kEnd) return Fail(Peek(), "an expression");
    NodePtr e = Expression();
    if (!e) return nullptr;
    if (Peek().kind != TokenKind::kEnd) return Fail(Peek(), "end of expression");
    return e;
}

// ---- expressions ----

NodePtr FeelParser::Expression() {
    Nest nest(*this);
    if (!nest.ok() || failed_) return nullptr;
    const Token& t = Peek();
    if (StartsTextual(t)) return Textual();
    return Disjunction();
}

NodePtr FeelParser::Textual() {
    const Token& t = Peek();
    if (t.IsWord("if")) return If();
    if (t.IsWord("function")) return FunctionDefinition();
    return Iteration();
}

NodePtr FeelParser::If() {
    Mut n = Make(NodeKind::kIf, Take());
    NodePtr c = Expression();
    if (!c || !ExpectWord("then")) return nullptr;
    NodePtr a = Expression();
    if (!a || !ExpectWord("else")) return nullptr;
    NodePtr b = Expression();
    if (!b) return nullptr;
    n->children = {c, a, b};
    return Finish(n);
}

NodePtr FeelParser::Iteration() {
    const Token& start = Take();
    NodeKind kind = start.IsWord("for")    ? NodeKind::kFor
                    : start.IsWord("some") ? NodeKind::kSome
                                           : NodeKind::kEvery;
    Mut n = Make(kind, start);
    size_t names_before = local_names_.size();
    do {
        std::string name = DeclaredName();
        if (name.empty()) return Fail(Peek(), "a variable name");
        if (!ExpectWord("in")) return nullptr;
        const Token& dt = Peek();
        NodePtr domain = Expression();
        if (!domain) return nullptr;
        if (kind == NodeKind::kFor && TakePunct("..")) {
            Mut r = Make(NodeKind::kIterationRange, dt);
            NodePtr to = Expression();
            if (!to) return nullptr;
            r->children = {domain, to};
            domain = Finish(r);
            if (!domain) return nullptr;
        }
        n->names.push_back(name);
        n->children.push_back(domain);
        local_names_.push_back(name);
    } while (TakePunct(","));
    if (kind == NodeKind::kFor) local_names_.push_back("partial");
    if (!ExpectWord(kind == NodeKind::kFor ? "return" : "satisfies")) return nullptr;
    NodePtr body = Expression();
    local_names_.resize(names_before);
    if (!body) return nullptr;
    n->children.push_back(body);
    return Finish(n);
}

NodePtr FeelParser::FunctionDefinition() {
    Mut n = Make(NodeKind::kFunctionDefinition, Take());
    if (!Expect("(")) return nullptr;
    size_t names_before = local_names_.size();
    if (!Peek().Is(")")) {
        do {
            std::string name = DeclaredName();
            if (name.empty()) return Fail(Peek(), "a parameter name");
            std::string type;
            if (TakePunct(":")) {
                type = TypeText();
                if (type.empty()) return nullptr;
            }
            n->names.push_back(name);
            n->types.push_back(type);
            local_names_.push_back(name);
        } while (TakePunct(","));
    }
    if (!Expect(")")) return nullptr;
    if (TakeWord("external")) n->text = "external";
    NodePtr body = Expression();
    local_names_.resize(names_before);
    if (!body) return nullptr;
    n->children = {body};
    return Finish(n);
}

// One left-associative level: operands from `next`, joined by any of `ops` (punctuation or
// keywords) into nodes of `kind` whose text is the operator.
NodePtr FeelParser::LeftAssociative(NodePtr (FeelParser::*next)(), NodeKind kind,
                                    std::initializer_list<std::string_view> ops) {
    NodePtr left = (this->*next)();
    while (left) {
        const Token& t = Peek();
        bool match = false;
        for (std::string_view op : ops) match = match || t.Is(op) || t.IsWord(op);
        if (!match) break;
        Mut n = Make(kind, t);
        if (kind == NodeKind::kArithmetic) n->text = t.text;
        Take();
        NodePtr right = (this->*next)();
        if (!right) return nullptr;
        n->children = {left, right};
        left = Finish(n);
    }
    return left;
}

NodePtr FeelParser::Disjunction() {
    return LeftAssociative(&FeelParser::Conjunction, NodeKind::kOr, {"or"});
}

NodePtr FeelParser::Conjunction() {
    return LeftAssociative(&FeelParser::Comparison, NodeKind::kAnd, {"and"});
}

NodePtr FeelParser::Comparison() {
    NodePtr left = Additive();
    while (left) {
        const Token& t = Peek();
        static constexpr std::string_view kOps[] = {"=", "!=", "<", "<=", ">", ">="};
        bool is_op = t.kind == TokenKind::kPunct &&
                     std::find(std::begin(kOps), std::end(kOps), t.text) != std::end(kOps);
        Mut n;
        if (is_op) {
            n = Make(NodeKind::kComparison, Take());
            n->text = t.text;
            NodePtr right = Additive();
            if (!right) return nullptr;
            n->children = {left, right};
        } else if (t.IsWord("between")) {
            n = Make(NodeKind::kBetween, Take());
            NodePtr low = Additive();
            if (!low || !ExpectWord("and")) return nullptr;
            NodePtr high = Additive();
            if (!high) return nullptr;
            n->children = {left, low, high};
        } else if (t.IsWord("in")) {
            n = Make(NodeKind::kIn, Take());
            n->children = {left};
            if (Peek().Is("(") && !ParenthesizedRangeAhead()) {
                Take();
                if (!PositiveUnaryTests(n, ")")) return nullptr;
            } else {
                NodePtr test = PositiveUnaryTest(false);
                if (!test) return nullptr;
                n->children.push_back(test);
            }
        } else if (t.IsWord("instance")) {
            n = Make(NodeKind::kInstanceOf, Take());
            if (!ExpectWord("of")) return nullptr;
            n->text = TypeText();
            if (n->text.empty()) return nullptr;
            n->children = {left};
        } else {
            break;
        }
        left = Finish(n);
    }
    return left;
}

NodePtr FeelParser::Additive() {
    return LeftAssociative(&FeelParser::Multiplicative, NodeKind::kArithmetic, {"+", "-"});
}

NodePtr FeelParser::Multiplicative() {
    return LeftAssociative(&FeelParser::Power, NodeKind::kArithmetic, {"*", "/"});
}

// `**` is left-associative and binds looser than unary minus (TCK 0075: -3 ** 2 = 9).
NodePtr FeelParser::Power() {
    return LeftAssociative(&FeelParser::Unary, NodeKind::kArithmetic, {"**"});
}

NodePtr FeelParser::Unary() {
    if (!Peek().Is("-")) return Postfix();
    Nest nest(*this);
    if (!nest.ok()) return nullptr;
    const Token& minus = Take();
    NodePtr operand = Unary();
    if (!operand) return nullptr;
    // Fold `-5` into a literal: consumers pattern-match on literals.
    if (operand->kind == NodeKind::kLiteral && operand->literal.kind() == Kind::kNumber &&
        !operand->literal.AsNumber().IsNegative() && !operand->literal.AsNumber().IsZero()) {
        Mut lit = Make(NodeKind::kLiteral, minus);
        lit->literal = Value::Number(-operand->literal.AsNumber());
        return Finish(lit);
    }
    Mut n = Make(NodeKind::kNegate, minus);
    n->children = {operand};
    return Finish(n);
}

NodePtr FeelParser::Postfix() {
    NodePtr base = Primary();
    while (base) {
        if (Peek().Is(".")) {
            Mut n = Make(NodeKind::kPath, Take());
            if (Peek().kind != TokenKind::kName) return Fail(Peek(), "a name after '.'");
            n->text = Take().text;
            while (Peek().kind == TokenKind::kName && !IsKeyword(Peek())) {
                n->text += " " + Take().text;
            }
            n->children = {base};
            base = Finish(n);
        } else if (Peek().Is("[") && !(range_ends_ > 0 && RangeCloserAhead())) {
            Mut n = Make(NodeKind::kFilter, Take());
            NodePtr filter = Expression();
            if (!filter || !Expect("]")) return nullptr;
            n->children = {base, filter};
            base = Finish(n);
        } else if (Peek().Is("(")) {
            base = Call(base);
        } else {
            break;
        }
    }
    return base;
}

NodePtr FeelParser::Call(NodePtr callee) {
    Mut n = Make(NodeKind::kCall, Take());
    n->line = callee->line;
    n->column = callee->column;
    n->children = {callee};
    if (!Arguments(n)) return nullptr;
    return Finish(n);
}

bool FeelParser::Arguments(const Mut& call) {
    if (TakePunct(")")) return true;
    // Named when the first argument is `name:` (words then a colon).
    size_t k = 0;
    while (Peek(k).kind == TokenKind::kName) ++k;
    bool named = k > 0 && Peek(k).Is(":");
    do {
        if (named) {
            std::string name = Name("a parameter name");
            if (name.empty() || !Expect(":")) return false;
            call->names.push_back(name);
        }
        NodePtr arg = Expression();
        if (!arg) return false;
        call->children.push_back(arg);
    } while (TakePunct(","));
    return Expect(")");
}

NodePtr FeelParser::Primary() {
    const Token& t = Peek();
    switch (t.kind) {
        case TokenKind::kNumber:
        case TokenKind::kString:
        case TokenKind::kAt: return Literal();
        case TokenKind::kName:
            if (KnownNameAhead()) return NameNode();  // "for each item", "null value"
            if (t.IsWord("true") || t.IsWord("false") || t.IsWord("null")) return Literal();
            if (StartsTextual(t)) return Expression();
            if (IsKeyword(t)) return Fail(t, "an expression");
            return NameNode();
        case TokenKind::kPunct:
            if (t.Is("(")) return ParenOrRange();
            if (t.Is("[")) return BracketListOrRange();
            if (t.Is("]")) return OpenStartRange();
            if (t.Is("{")) return ContextLiteral();
            if (t.Is("?")) {
                Mut n = Make(NodeKind::kInputValue, Take());
                n->uses_input = true;
                return Finish(n);
            }
            if (t.Is("<") || t.Is("<=") || t.Is(">") || t.Is(">=") || t.Is("=") || t.Is("!=")) {
                return PositiveUnaryTest(false);
            }
            return Fail(t, "an expression");
        default: return Fail(t, "an expression");
    }
}

NodePtr FeelParser::Literal() {
    const Token& t = Take();
    Mut n = Make(NodeKind::kLiteral, t);
    switch (t.kind) {
        case TokenKind::kNumber: {
            auto d = Decimal::Parse(t.text);
            if (!d) return FailMessage(t, "number out of range: " + t.text);
            n->literal = Value::Number(*d);
            break;
        }
        case TokenKind::kString: n->literal = Value::String(t.text); break;
        case TokenKind::kAt: {
            auto v = TemporalLiteral(t.text);
            if (!v) return FailMessage(t, "not a date, time or duration: @\"" + t.text + "\"");
            n->literal = *v;
            break;
        }
        default:
            if (t.text != "null") n->literal = Value::Bool(t.text == "true");
            break;
    }
    return Finish(n);
}

NodePtr FeelParser::ParenOrRange() {
    const Token& open = Take();
    NodePtr inner = Expression();
    if (!inner) return nullptr;
    if (Peek().Is("..")) {
        Take();
        Mut r = Make(NodeKind::kRange, open);
        r->start_closed = false;
        r->children = {inner};
        return RangeEnd(r);
    }
    if (!Expect(")")) return nullptr;
    return inner;
}

NodePtr FeelParser::BracketListOrRange() {
    const Token& open = Take();
    Mut list = Make(NodeKind::kList, open);
    if (TakePunct("]")) return Finish(list);
    NodePtr first = Expression();
    if (!first) return nullptr;
    if (TakePunct("..")) {
        Mut r = Make(NodeKind::kRange, open);
        r->children = {first};
        return RangeEnd(r);
    }
    list->children.push_back(first);
    while (TakePunct(",")) {
        NodePtr e = Expression();
        if (!e) return nullptr;
        list->children.push_back(e);
    }
    if (!Expect("]")) return nullptr;
    return Finish(list);
}

NodePtr FeelParser::OpenStartRange() {
    Mut r = Make(NodeKind::kRange, Take());
    r->start_closed = false;
    NodePtr start = Expression();
    if (!start || !Expect("..")) return nullptr;
    r->children = {start};
    return RangeEnd(r);
}

NodePtr FeelParser::RangeEnd(Mut range) {
    ++range_ends_;
    NodePtr end = Expression();
    --range_ends_;
    if (!end) return nullptr;
    range->children.push_back(end);
    if (TakePunct("]")) {
        range->end_closed = true;
    } else if (TakePunct(")") || TakePunct("[")) {
        range->end_closed = false;
    } else {
        return Fail(Peek(), "']', ')' or '[' to end the range");
    }
    return Finish(range);
}

NodePtr FeelParser::ContextLiteral() {
    Mut n = Make(NodeKind::kContext, Take());
    size_t names_before = local_names_.size();
    if (!Peek().Is("}")) {
        do {
            std::string key;
            const Token& k = Peek();
            if (k.kind == TokenKind::kString) {
                key = Take().text;  // may be "" (TCK 1145)
            } else {
                key = DeclaredName();
                if (key.empty()) return Fail(Peek(), "a context entry name");
            }
            if (!Expect(":")) return nullptr;
            local_names_.push_back(key);
            NodePtr value = Expression();
            if (!value) return nullptr;
            n->names.push_back(key);
            n->children.push_back(value);
        } while (TakePunct(","));
    }
    local_names_.resize(names_before);
    if (!Expect("}")) return nullptr;
    return Finish(n);
}

NodePtr FeelParser::NameNode() {
    const Token& t = Peek();
    Mut n = Make(NodeKind::kName, t);
    n->text = Name("a name");
    if (n->text.empty()) return nullptr;
    return Finish(n);
}

}  // namespace ow::rules
