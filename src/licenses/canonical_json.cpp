#include "licenses/canonical_json.hpp"

#include <limits>

namespace ow::licenses::canonical {
namespace {

constexpr int kMaxDepth = 8;

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    std::optional<Value> Document() {
        auto value = ParseValue(0);
        if (!value || pos_ != text_.size()) return std::nullopt;
        return value;
    }

private:
    bool Eat(char c) {
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    std::optional<Value> ParseValue(int depth) {
        if (depth > kMaxDepth || pos_ >= text_.size()) return std::nullopt;
        char c = text_[pos_];
        Value v;
        if (c == 'n') {
            if (text_.substr(pos_, 4) != "null") return std::nullopt;
            pos_ += 4;
            return v;
        }
        if (c == '"') {
            v.kind = Value::Kind::kString;
            if (!ParseString(v.string)) return std::nullopt;
            return v;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            v.kind = Value::Kind::kInteger;
            if (!ParseInteger(v.integer)) return std::nullopt;
            return v;
        }
        if (Eat('[')) {
            v.kind = Value::Kind::kArray;
            if (Eat(']')) return v;
            do {
                auto item = ParseValue(depth + 1);
                if (!item) return std::nullopt;
                v.items.push_back(std::move(*item));
            } while (Eat(','));
            if (!Eat(']')) return std::nullopt;
            return v;
        }
        if (Eat('{')) {
            v.kind = Value::Kind::kObject;
            if (Eat('}')) return v;
            do {
                std::string key;
                if (pos_ >= text_.size() || text_[pos_] != '"' || !ParseString(key)) {
                    return std::nullopt;
                }
                if (!Eat(':')) return std::nullopt;
                auto member = ParseValue(depth + 1);
                if (!member) return std::nullopt;
                v.member_names.push_back(std::move(key));
                v.member_values.push_back(std::move(*member));
            } while (Eat(','));
            if (!Eat('}')) return std::nullopt;
            return v;
        }
        return std::nullopt;
    }

    bool ParseString(std::string& out) {
        ++pos_;  // the opening quote
        while (pos_ < text_.size()) {
            char c = text_[pos_++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return false;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) return false;
            char e = text_[pos_++];
            if (e == '"' || e == '\\') {
                out += e;
            } else if (e == 'u' && text_.substr(pos_, 2) == "00" && pos_ + 4 <= text_.size()) {
                int value = 0;
                for (size_t i = pos_ + 2; i < pos_ + 4; ++i) {
                    char h = text_[i];
                    int digit = h >= '0' && h <= '9'   ? h - '0'
                                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                                       : -1;
                    if (digit < 0) return false;
                    value = value * 16 + digit;
                }
                if (value >= 0x20) return false;
                out += static_cast<char>(value);
                pos_ += 4;
            } else {
                return false;
            }
        }
        return false;
    }

    bool ParseInteger(int64_t& out) {
        bool negative = Eat('-');
        size_t start = pos_;
        uint64_t magnitude = 0;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
            if (magnitude > (std::numeric_limits<uint64_t>::max() - 9) / 10) return false;
            magnitude = magnitude * 10 + static_cast<uint64_t>(text_[pos_] - '0');
            ++pos_;
        }
        if (pos_ == start) return false;
        if (magnitude > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return false;
        out = negative ? -static_cast<int64_t>(magnitude) : static_cast<int64_t>(magnitude);
        return true;
    }

    std::string_view text_;
    size_t pos_ = 0;
};

}  // namespace

void AppendString(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

const Value* Value::Find(std::string_view key) const {
    if (kind != Kind::kObject) return nullptr;
    for (size_t i = 0; i < member_names.size(); ++i) {
        if (member_names[i] == key) return &member_values[i];
    }
    return nullptr;
}

std::optional<Value> Parse(std::string_view text) {
    return Parser(text).Document();
}

}  // namespace ow::licenses::canonical
