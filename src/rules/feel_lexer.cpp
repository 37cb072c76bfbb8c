// FEEL lexer (DMN 1.4 section 10.3.1.2 grammar rules for literals, names and comments).
#include "rules/feel_lexer.hpp"

namespace ow::rules {

namespace {

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}
bool IsNameStart(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool IsNamePart(unsigned char c) {
    return IsNameStart(c) || IsDigit(static_cast<char>(c));
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class Lexer {
public:
    explicit Lexer(std::string_view s) : s_(s) {}

    std::vector<Token> Run() {
        std::vector<Token> out;
        while (true) {
            if (!SkipSpaceAndComments()) {
                out.push_back(Error("unterminated comment"));
                return out;
            }
            Token t = Next();
            bool stop = t.kind == TokenKind::kEnd || t.kind == TokenKind::kError;
            out.push_back(std::move(t));
            if (stop) return out;
        }
    }

private:
    char Peek(size_t k = 0) const { return pos_ + k < s_.size() ? s_[pos_ + k] : '\0'; }
    // Columns count code points: UTF-8 continuation bytes do not advance the column.
    void Advance() {
        unsigned char c = static_cast<unsigned char>(s_[pos_++]);
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column_;
        }
    }

    bool SkipSpaceAndComments() {
        while (pos_ < s_.size()) {
            char c = Peek();
            unsigned char u = static_cast<unsigned char>(c);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                Advance();
            } else if (u == 0xC2 && static_cast<unsigned char>(Peek(1)) == 0xA0) {
                Advance();  // no-break space
                Advance();
            } else if (c == '/' && Peek(1) == '/') {
                while (pos_ < s_.size() && Peek() != '\n') Advance();
            } else if (c == '/' && Peek(1) == '*') {
                Advance();
                Advance();
                while (!(Peek() == '*' && Peek(1) == '/')) {
                    if (pos_ >= s_.size()) return false;
                    Advance();
                }
                Advance();
                Advance();
            } else {
                break;
            }
        }
        return true;
    }

    Token Start(TokenKind kind) {
        Token t;
        t.kind = kind;
        t.begin = pos_;
        t.line = line_;
        t.column = column_;
        return t;
    }
    Token Error(std::string message) {
        Token t = Start(TokenKind::kError);
        t.text = std::move(message);
        t.end = pos_;
        return t;
    }

    Token Next() {
        if (pos_ >= s_.size()) {
            Token t = Start(TokenKind::kEnd);
            t.end = pos_;
            return t;
        }
        char c = Peek();
        if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)))) return Number();
        if (c == '"') return String(Start(TokenKind::kString));
        if (c == '@' && Peek(1) == '"') {
            Token t = Start(TokenKind::kAt);
            Advance();
            return String(std::move(t));
        }
        if (IsNameStart(static_cast<unsigned char>(c))) {
            Token t = Start(TokenKind::kName);
            while (pos_ < s_.size() && IsNamePart(static_cast<unsigned char>(Peek()))) Advance();
            t.end = pos_;
            t.text = std::string(s_.substr(t.begin, t.end - t.begin));
            return t;
        }
        Token t = Start(TokenKind::kPunct);
        static constexpr std::string_view kTwo[] = {"..", "**", "!=", "<=", ">="};
        for (std::string_view two : kTwo) {
            if (c == two[0] && Peek(1) == two[1]) {
                Advance();
                Advance();
                t.text = std::string(two);
                t.end = pos_;
                return t;
            }
        }
        static constexpr std::string_view kOne = "()[]{},:.?+-*/=<>'";
        if (kOne.find(c) != std::string_view::npos) {
            Advance();
            t.text = std::string(1, c);
            t.end = pos_;
            return t;
        }
        std::string shown = (static_cast<unsigned char>(c) < 0x20) ? "control character"
                                                                   : "'" + std::string(1, c) + "'";
        return Error("unexpected " + shown);
    }

    Token Number() {
        Token t = Start(TokenKind::kNumber);
        while (IsDigit(Peek())) Advance();
        if (Peek() == '.' && IsDigit(Peek(1))) {
            Advance();
            while (IsDigit(Peek())) Advance();
        }
        if ((Peek() == 'e' || Peek() == 'E') &&
            (IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && IsDigit(Peek(2))))) {
            Advance();
            if (Peek() == '+' || Peek() == '-') Advance();
            while (IsDigit(Peek())) Advance();
        }
        t.end = pos_;
        t.text = std::string(s_.substr(t.begin, t.end - t.begin));
        return t;
    }

    bool ReadHex(int digits, uint32_t& out) {
        out = 0;
        for (int i = 0; i < digits; ++i) {
            int h = HexValue(Peek());
            if (h < 0) return false;
            out = out * 16 + static_cast<uint32_t>(h);
            Advance();
        }
        return true;
    }

    Token String(Token t) {
        Advance();  // opening quote
        std::string value;
        while (true) {
            if (pos_ >= s_.size()) {
                Token e = t;
                e.kind = TokenKind::kError;
                e.text = "unterminated string";
                return e;
            }
            char c = Peek();
            if (c == '"') {
                Advance();
                break;
            }
            if (c != '\\') {
                value.push_back(c);
                Advance();
                continue;
            }
            Advance();
            char e = Peek();
            uint32_t cp = 0;
            switch (e) {
                case 'n':
                    value.push_back('\n');
                    Advance();
                    break;
                case 't':
                    value.push_back('\t');
                    Advance();
                    break;
                case 'r':
                    value.push_back('\r');
                    Advance();
                    break;
                case 'b':
                    value.push_back('\b');
                    Advance();
                    break;
                case 'f':
                    value.push_back('\f');
                    Advance();
                    break;
                case '"':
                case '\\':
                case '\'':
                case '/':
                    value.push_back(e);
                    Advance();
                    break;
                case 'u': {
                    Advance();
                    if (!ReadHex(4, cp)) return Error("bad \\u escape");
                    if (cp >= 0xD800 && cp <= 0xDBFF && Peek() == '\\' && Peek(1) == 'u') {
                        Advance();
                        Advance();
                        uint32_t low = 0;
                        if (!ReadHex(4, low)) return Error("bad \\u escape");
                        if (low >= 0xDC00 && low <= 0xDFFF) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        } else {
                            AppendUtf8(value, cp);
                            cp = low;
                        }
                    }
                    AppendUtf8(value, cp);
                    break;
                }
                case 'U': {
                    Advance();
                    if (!ReadHex(8, cp) || cp > 0x10FFFF) return Error("bad \\U escape");
                    AppendUtf8(value, cp);
                    break;
                }
                default:
                    // Unknown escapes keep the backslash (regular expressions in matches()).
                    value.push_back('\\');
                    break;
            }
        }
        t.end = pos_;
        t.text = std::move(value);
        return t;
    }

    std::string_view s_;
    size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
};

}  // namespace

void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::vector<Token> Tokenize(std::string_view text) {
    return Lexer(text).Run();
}

}  // namespace ow::rules
