// FEEL's recursive-descent parser (DMN 1.5 section 10.3.1 grammar): expressions and unary tests
// to feel_ast.hpp nodes. Names with spaces and operator characters are resolved against the
// names the caller knows, the names the text itself introduces and the built-in function names.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/feel.hpp"
#include "rules/feel_ast.hpp"
#include "rules/feel_lexer.hpp"

namespace ow::rules {

class FeelParser {
public:
    FeelParser(std::string_view text, const ParseContext& context);

    // Null with error() set when the text is not FEEL.
    NodePtr ParseExpression();
    NodePtr ParseUnaryTests();
    const ParseError& error() const { return error_; }

private:
    using Mut = std::shared_ptr<Node>;

    // Grammar levels, loosest first.
    NodePtr Expression();
    NodePtr Textual();  // if, for, some/every, function definitions
    NodePtr If();
    NodePtr Iteration();  // for, some, every
    NodePtr FunctionDefinition();
    NodePtr LeftAssociative(NodePtr (FeelParser::*next)(), NodeKind kind,
                            std::initializer_list<std::string_view> ops);
    NodePtr Disjunction();
    NodePtr Conjunction();
    NodePtr Comparison();
    NodePtr Additive();
    NodePtr Multiplicative();
    NodePtr Power();
    NodePtr Unary();
    NodePtr Postfix();
    NodePtr Primary();
    NodePtr ParenOrRange();
    NodePtr BracketListOrRange();
    NodePtr OpenStartRange();
    NodePtr RangeEnd(Mut range);
    NodePtr ContextLiteral();
    NodePtr Literal();
    NodePtr NameNode();
    NodePtr Call(NodePtr callee);
    bool Arguments(const Mut& call);

    // Unary tests.
    NodePtr PositiveUnaryTest(bool full_expression);
    bool PositiveUnaryTests(const Mut& into, std::string_view closing);
    bool ParenthesizedRangeAhead() const;

    // Names and types.
    std::string Name(std::string_view what);  // a name as written, "" after an error
    // Token index past the longest known name starting here (pos_ when none); sets `name`.
    size_t MatchKnownName(std::string& name) const;
    size_t MatchAt(std::string_view name, size_t at) const;  // end byte offset, or 0
    // A name being declared (context key, for variable, parameter): the words and name
    // symbols (. / - ' + *) up to the next ':', ',', ')' or keyword, whitespace normalized.
    std::string DeclaredName();
    // Inside a range's end, is this '[' the range's open end (`]1..10[`) rather than a filter?
    bool RangeCloserAhead() const;
    std::string TypeText();  // `instance of` / parameter types, whitespace normalized
    bool TypeInner(int depth);
    bool TypeArrow(int depth);  // an optional "-> T" after a function type
    std::string Normalized(size_t begin, size_t end) const;

    // Tokens.
    const Token& Peek(size_t k = 0) const;
    const Token& Take() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool TakePunct(std::string_view p);
    bool TakeWord(std::string_view w);
    bool Expect(std::string_view punct);
    bool ExpectWord(std::string_view word);
    bool IsKeyword(const Token& t) const;
    // if/for/some/every/function that does not begin a longer known name.
    bool StartsTextual(const Token& t) const;
    bool KnownNameAhead() const;  // a known name of two or more tokens starts here

    Mut Make(NodeKind kind, const Token& at) const;
    NodePtr Finish(Mut node);  // sets height/uses_input; fails past the height limit
    NodePtr Fail(const Token& at, std::string expected);
    NodePtr FailMessage(const Token& at, std::string message);
    bool failed() const { return failed_; }

    // RAII nesting counter.
    struct Nest {
        FeelParser& p;
        explicit Nest(FeelParser& parser) : p(parser) { ++p.depth_; }
        ~Nest() { --p.depth_; }
        bool ok() const;
    };

    std::string_view src_;
    const ParseContext& context_;
    std::vector<Token> tokens_;
    size_t pos_ = 0;
    int depth_ = 0;
    int range_ends_ = 0;  // range ends being parsed (a '[' there may close the range)
    int max_height_ = 0;
    bool failed_ = false;
    ParseError error_;
    std::vector<std::string> local_names_;  // introduced by the text, innermost last
};

}  // namespace ow::rules
