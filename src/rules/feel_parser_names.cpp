// FEEL parser: names (with spaces and operator characters), type names and unary tests.
#include <algorithm>

#include "rules/builtins.hpp"
#include "rules/feel_parser.hpp"

namespace ow::rules {

namespace {

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool IsNameByte(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
           u >= 0x80;
}

constexpr std::string_view kMultiWordTypes[] = {"date and time", "days and time duration",
                                                "years and months duration"};

}  // namespace

std::string FeelParser::Normalized(size_t begin, size_t end) const {
    std::string out;
    bool space = false;
    for (size_t i = begin; i < end && i < src_.size(); ++i) {
        if (IsSpace(src_[i])) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(src_[i]);
    }
    return out;
}

// Where `name` matches the source at byte `at` (one space in the name matching any run of
// whitespace), the byte offset past it; 0 otherwise or when the match ends inside a word.
size_t FeelParser::MatchAt(std::string_view name, size_t at) const {
    size_t i = at;
    for (char c : name) {
        if (c == ' ') {
            if (i >= src_.size() || !IsSpace(src_[i])) return 0;
            while (i < src_.size() && IsSpace(src_[i])) ++i;
            continue;
        }
        if (i >= src_.size() || src_[i] != c) return 0;
        ++i;
    }
    if (!name.empty() && i < src_.size() && IsNameByte(src_[i]) && IsNameByte(name.back())) {
        return 0;
    }
    return i;
}

size_t FeelParser::MatchKnownName(std::string& name) const {
    const Token& first = Peek();
    size_t best_end = first.end;
    size_t best_index = pos_;
    auto consider = [&](std::string_view candidate) {
        if (candidate.empty() || candidate[0] != src_[first.begin]) return;
        size_t end = MatchAt(candidate, first.begin);
        if (end <= best_end) return;
        // The match must end exactly at a token boundary.
        for (size_t j = pos_; j < tokens_.size(); ++j) {
            if (tokens_[j].end == end && tokens_[j].kind != TokenKind::kEnd) {
                best_end = end;
                best_index = j + 1;
                name = std::string(candidate);
                return;
            }
            if (tokens_[j].end > end || tokens_[j].kind == TokenKind::kEnd) return;
        }
    };
    for (const std::string& n : local_names_) consider(n);
    for (const std::string& n : context_.names) consider(n);
    for (std::string_view n : BuiltinNames()) consider(n);
    return best_index;
}

bool FeelParser::KnownNameAhead() const {
    if (Peek().kind != TokenKind::kName) return false;
    std::string unused;
    return MatchKnownName(unused) > pos_ + 1;
}

std::string FeelParser::Name(std::string_view what) {
    const Token& t = Peek();
    std::string known;
    size_t end = t.kind == TokenKind::kName ? MatchKnownName(known) : pos_;
    if (end > pos_ + 1) {
        pos_ = end;
        return known;
    }
    if (t.kind != TokenKind::kName || IsKeyword(t)) {
        Fail(t, std::string(what));
        return "";
    }
    // Not a known multi-word name: consecutive words still form one name, since two names side
    // by side are never valid FEEL otherwise ("Monthly Salary" when the caller did not say).
    std::string name = Take().text;
    while (Peek().kind == TokenKind::kName && !IsKeyword(Peek())) name += " " + Take().text;
    return name;
}

std::string FeelParser::DeclaredName() {
    size_t begin = Peek().begin;
    size_t end = begin;
    while (true) {
        const Token& t = Peek();
        bool symbol = t.Is(".") || t.Is("/") || t.Is("-") || t.Is("'") || t.Is("+") || t.Is("*");
        bool word = (t.kind == TokenKind::kName && !IsKeyword(t)) ||
                    (t.kind == TokenKind::kNumber && end > begin);
        if (!symbol && !word) break;
        end = Take().end;
    }
    return Normalized(begin, end);
}

bool FeelParser::RangeCloserAhead() const {
    const Token& next = Peek(1);
    switch (next.kind) {
        case TokenKind::kEnd: return true;
        case TokenKind::kName:
            return IsKeyword(next) && !next.IsWord("true") && !next.IsWord("false") &&
                   !next.IsWord("null") && !next.IsWord("if") && !next.IsWord("for") &&
                   !next.IsWord("some") && !next.IsWord("every") && !next.IsWord("function");
        case TokenKind::kPunct:
            return next.Is(",") || next.Is(")") || next.Is("}") || next.Is(":") || next.Is(".");
        default: return false;
    }
}

std::string FeelParser::TypeText() {
    size_t begin = Peek().begin;
    if (!TypeInner(0)) return "";
    return Normalized(begin, tokens_[pos_ - 1].end);
}

bool FeelParser::TypeInner(int depth) {
    if (depth > context_.limits.max_nesting) {
        FailMessage(Peek(), "type nested too deeply");
        return false;
    }
    if (Peek().kind != TokenKind::kName) {
        Fail(Peek(), "a type name");
        return false;
    }
    size_t matched = 0;
    for (std::string_view multi : kMultiWordTypes) {
        size_t end = MatchAt(multi, Peek().begin);
        if (end > 0) {
            // Take() stays on the last token (an error token ends a text the lexer gave up on):
            // stop when it no longer moves.
            while (Peek().kind != TokenKind::kEnd && Peek().end <= end) {
                size_t before = pos_;
                Take();
                if (pos_ == before) break;
            }
            matched = end;
            break;
        }
    }
    if (matched == 0) {
        Take();
        while (true) {
            if (Peek().Is(".") && Peek(1).kind == TokenKind::kName) {
                Take();
                Take();
            } else if (Peek().kind == TokenKind::kName && !IsKeyword(Peek())) {
                Take();
            } else {
                break;
            }
        }
    }
    if (TakePunct("<")) {
        if (TakePunct(">")) return TypeArrow(depth);  // function<>->T
        do {
            if (Peek().kind == TokenKind::kName && Peek(1).Is(":")) {
                Take();
                Take();
            }
            if (!TypeInner(depth + 1)) return false;
        } while (TakePunct(","));
        if (!Expect(">")) return false;
    }
    return TypeArrow(depth);
}

bool FeelParser::TypeArrow(int depth) {
    if (Peek().Is("-") && Peek(1).Is(">")) {
        Take();
        Take();
        return TypeInner(depth + 1);
    }
    return true;
}

// ---- unary tests ----

NodePtr FeelParser::ParseUnaryTests() {
    if (failed_) return nullptr;
    const Token& t = Peek();
    // An empty cell is "any input", as the modelers write it.
    if (t.kind == TokenKind::kEnd || (t.Is("-") && Peek(1).kind == TokenKind::kEnd)) {
        Mut any = Make(NodeKind::kAnyTest, t);
        return Finish(any);
    }
    if (t.IsWord("not") && Peek(1).Is("(")) {
        // not(...) negates the tests when it spans the whole text.
        int depth = 0;
        size_t close = pos_ + 1;
        for (; close < tokens_.size(); ++close) {
            const Token& k = tokens_[close];
            if (k.Is("(") || k.Is("[") || k.Is("{")) ++depth;
            if (k.Is(")") || k.Is("]") || k.Is("}")) --depth;
            if (depth == 0 || k.kind == TokenKind::kEnd) break;
        }
        if (close + 1 < tokens_.size() && tokens_[close + 1].kind == TokenKind::kEnd) {
            Mut n = Make(NodeKind::kNotTests, Take());
            Take();
            if (!PositiveUnaryTests(n, ")")) return nullptr;
            if (Peek().kind != TokenKind::kEnd) return Fail(Peek(), "end of unary tests");
            return Finish(n);
        }
    }
    Mut root = Make(NodeKind::kUnaryTests, t);
    if (!PositiveUnaryTests(root, "")) return nullptr;
    return Finish(root);
}

bool FeelParser::PositiveUnaryTests(const Mut& into, std::string_view closing) {
    do {
        NodePtr test = PositiveUnaryTest(true);
        if (!test) return false;
        into->children.push_back(test);
    } while (TakePunct(","));
    if (!closing.empty()) return Expect(closing);
    if (Peek().kind != TokenKind::kEnd) {
        Fail(Peek(), "',' or end of unary tests");
        return false;
    }
    return true;
}

NodePtr FeelParser::PositiveUnaryTest(bool full_expression) {
    const Token& t = Peek();
    static constexpr std::string_view kOps[] = {"<", "<=", ">", ">=", "=", "!="};
    bool is_op = t.kind == TokenKind::kPunct &&
                 std::find(std::begin(kOps), std::end(kOps), t.text) != std::end(kOps);
    if (is_op) {
        Mut n = Make(NodeKind::kUnaryCompare, t);
        n->text = Take().text;
        NodePtr endpoint = Additive();
        if (!endpoint) return nullptr;
        n->children = {endpoint};
        return Finish(n);
    }
    return full_expression ? Expression() : Additive();
}

// After `in`, does "(" open a range like (1..5] rather than a list of tests?
bool FeelParser::ParenthesizedRangeAhead() const {
    int depth = 0;
    for (size_t i = pos_; i < tokens_.size(); ++i) {
        const Token& k = tokens_[i];
        if (k.kind == TokenKind::kEnd) return false;
        if (k.Is("(") || k.Is("[") || k.Is("{")) ++depth;
        if (k.Is(")") || k.Is("]") || k.Is("}")) {
            if (--depth == 0) return false;
        }
        if (depth == 1 && k.Is("..")) return true;
    }
    return false;
}

}  // namespace ow::rules
