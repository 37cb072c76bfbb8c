// FEEL's lexer: source text to tokens with 1-based line/column (columns in code points), string
// escapes decoded. Names are single words here; the parser joins multi-word names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ow::rules {

enum class TokenKind : uint8_t {
    kEnd,
    kError,   // text = message
    kName,    // a word (keywords too: the parser decides)
    kNumber,  // text = lexeme
    kString,  // text = decoded value
    kAt,      // @"...": text = decoded string
    kPunct,   // ( ) [ ] { } , : . .. ? + - * ** / = != < <= > >=
};

struct Token {
    TokenKind kind = TokenKind::kEnd;
    std::string text;
    size_t begin = 0;  // byte offsets into the source
    size_t end = 0;
    int line = 1;
    int column = 1;
    bool Is(std::string_view punct) const { return kind == TokenKind::kPunct && text == punct; }
    bool IsWord(std::string_view word) const { return kind == TokenKind::kName && text == word; }
};

// Tokenizes all of `text`; stops at the first error (the last token is then kError, else kEnd).
std::vector<Token> Tokenize(std::string_view text);

// Appends code point `cp` as UTF-8.
void AppendUtf8(std::string& out, uint32_t cp);

}  // namespace ow::rules
