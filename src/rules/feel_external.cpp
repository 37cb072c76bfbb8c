// `function(...) external {java: {class: ..., method signature: ...}}` (DMN 1.5 section
// 10.3.2.13.3). There is no JVM here: a fixed set of side-effect-free java.lang methods (Math,
// the number types' valueOf/parse, String.valueOf/format) is mapped onto FEEL values; any other
// class or method makes the definition null with a warning.
#include <cmath>

#include "rules/feel_interpreter.hpp"

namespace ow::rules {

namespace {

std::string Trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

bool IsIntegral(const std::string& t) {
    return t == "int" || t == "long" || t == "short" || t == "byte" || t == "java.lang.Integer" ||
           t == "java.lang.Long" || t == "java.lang.Short" || t == "java.lang.Byte";
}
bool IsFloating(const std::string& t) {
    return t == "double" || t == "float" || t == "java.lang.Double" || t == "java.lang.Float";
}

// The argument as the Java parameter type would accept it; null when it would not.
Value Coerce(const Value& v, const std::string& type) {
    if (IsIntegral(type)) {
        if (v.kind() != Kind::kNumber || !v.AsNumber().IsInteger()) return Value();
        return v;
    }
    if (IsFloating(type)) return v.kind() == Kind::kNumber ? v : Value();
    if (type == "char") {
        // One code point: one byte, or a UTF-8 lead byte and its continuations.
        if (v.kind() != Kind::kString || v.AsString().empty()) return Value();
        const std::string& s = v.AsString();
        size_t n = 1;
        while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
        return n == s.size() ? v : Value();
    }
    if (type == "java.lang.String") return v.kind() == Kind::kString ? v : Value();
    return v;  // java.lang.Object and arrays of it
}

Value FromDouble(double d) {
    auto x = Decimal::FromDouble(d);
    return x ? Value::Number(*x) : Value();
}

std::optional<double (*)(double)> UnaryMath(const std::string& m) {
    if (m == "cos") return static_cast<double (*)(double)>(std::cos);
    if (m == "sin") return static_cast<double (*)(double)>(std::sin);
    if (m == "tan") return static_cast<double (*)(double)>(std::tan);
    if (m == "acos") return static_cast<double (*)(double)>(std::acos);
    if (m == "asin") return static_cast<double (*)(double)>(std::asin);
    if (m == "atan") return static_cast<double (*)(double)>(std::atan);
    if (m == "exp") return static_cast<double (*)(double)>(std::exp);
    if (m == "log") return static_cast<double (*)(double)>(std::log);
    if (m == "log10") return static_cast<double (*)(double)>(std::log10);
    if (m == "sqrt") return static_cast<double (*)(double)>(std::sqrt);
    if (m == "cbrt") return static_cast<double (*)(double)>(std::cbrt);
    return std::nullopt;
}

// Whether class.method(types) is one of the mapped methods.
bool Supported(const std::string& cls, const std::string& method,
               const std::vector<std::string>& types) {
    size_t n = types.size();
    bool numeric = n > 0;
    for (const auto& t : types) numeric = numeric && (IsIntegral(t) || IsFloating(t));
    if (cls == "java.lang.Math") {
        if ((method == "max" || method == "min") && n == 2 && numeric) return true;
        if ((method == "abs" || method == "floor" || method == "ceil" || method == "signum") &&
            n == 1 && numeric) {
            return true;
        }
        if (method == "pow" && n == 2 && numeric) return true;
        return n == 1 && numeric && UnaryMath(method).has_value();
    }
    static constexpr std::string_view kNumberClasses[] = {"java.lang.Short",   "java.lang.Byte",
                                                          "java.lang.Integer", "java.lang.Long",
                                                          "java.lang.Float",   "java.lang.Double"};
    for (std::string_view c : kNumberClasses) {
        if (cls != c || n != 1) continue;
        bool parse = method.rfind("parse", 0) == 0 || method == "valueOf";
        return parse && (types[0] == "java.lang.String" || numeric);
    }
    if (cls == "java.lang.String") {
        if (method == "valueOf" && n == 1) return true;
        if (method == "format" && n == 2 && types[0] == "java.lang.String" &&
            types[1] == "[Ljava.lang.Object;") {
            return true;
        }
    }
    return false;
}

// "foo %s" with the arguments' text; %d and %f print numbers as FEEL does.
Value Format(const std::string& pattern, const std::vector<Value>& args) {
    std::string out;
    size_t next = 0;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%' || i + 1 == pattern.size()) {
            out.push_back(pattern[i]);
            continue;
        }
        char c = pattern[++i];
        if (c == '%') {
            out.push_back('%');
        } else if (c == 'n') {
            out.push_back('\n');
        } else if (c == 's' || c == 'd' || c == 'f') {
            if (next >= args.size()) return Value();
            out += ToText(args[next++]);
        } else {
            return Value();
        }
    }
    return Value::String(std::move(out));
}

class JavaMethod : public Function {
public:
    JavaMethod(std::vector<Parameter> params, std::string cls, std::string method,
               std::vector<std::string> types)
        : params_(std::move(params)),
          class_(std::move(cls)),
          method_(std::move(method)),
          types_(std::move(types)) {}

    std::string_view name() const override { return method_; }
    std::vector<std::vector<Parameter>> overloads() const override { return {params_}; }

    Value Call(std::vector<Value> args, Evaluation& ev) const override {
        if (args.size() != types_.size()) {
            ev.Warn(class_ + "." + method_ + " takes " + std::to_string(types_.size()) +
                    " arguments");
            return Value();
        }
        for (size_t i = 0; i < args.size(); ++i) {
            args[i] = Coerce(args[i], types_[i]);
            if (args[i].IsNull()) {
                ev.Warn(class_ + "." + method_ + ": argument " + std::to_string(i + 1) +
                        " is not a " + types_[i]);
                return Value();
            }
        }
        return Invoke(args);
    }

private:
    Value Invoke(const std::vector<Value>& a) const {
        if (class_ == "java.lang.String") {
            if (method_ == "format") return Format(a[0].AsString(), {a.begin() + 1, a.end()});
            return Value::String(ToText(a[0]));
        }
        if (class_ != "java.lang.Math") {
            if (a[0].kind() == Kind::kNumber) return a[0];
            auto d = Decimal::Parse(Trimmed(a[0].AsString()));
            if (!d) return Value();
            bool integral = class_ != "java.lang.Float" && class_ != "java.lang.Double";
            return integral && !d->IsInteger() ? Value() : Value::Number(*d);
        }
        const Decimal& x = a[0].AsNumber();
        if (method_ == "max") return x < a[1].AsNumber() ? a[1] : a[0];
        if (method_ == "min") return a[1].AsNumber() < x ? a[1] : a[0];
        if (method_ == "abs") return Value::Number(x.Abs());
        if (method_ == "floor") return Value::Number(x.Round(0, RoundingMode::kFloor));
        if (method_ == "ceil") return Value::Number(x.Round(0, RoundingMode::kCeiling));
        if (method_ == "signum") return Value::Number(x.IsZero() ? 0 : x.IsNegative() ? -1 : 1);
        if (method_ == "pow") return FromDouble(std::pow(x.ToDouble(), a[1].AsNumber().ToDouble()));
        return FromDouble((*UnaryMath(method_))(x.ToDouble()));
    }

    std::vector<Parameter> params_;
    std::string class_;
    std::string method_;
    std::vector<std::string> types_;
};

}  // namespace

Value MakeExternalFunction(std::vector<Parameter> params, const Value& mapping,
                           std::string& problem) {
    const Value* java =
        mapping.kind() == Kind::kContext ? mapping.AsContext().Find("java") : nullptr;
    if (java == nullptr || java->kind() != Kind::kContext) {
        problem = "only java external functions are supported";
        return Value();
    }
    const Value* cls = java->AsContext().Find("class");
    const Value* sig = java->AsContext().Find("method signature");
    if (cls == nullptr || sig == nullptr || cls->kind() != Kind::kString ||
        sig->kind() != Kind::kString) {
        problem = "java external function without class and method signature";
        return Value();
    }
    const std::string& s = sig->AsString();
    size_t open = s.find('(');
    size_t close = s.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) {
        problem = "bad method signature \"" + s + "\"";
        return Value();
    }
    std::string method = Trimmed(std::string_view(s).substr(0, open));
    std::vector<std::string> types;
    std::string_view inside = std::string_view(s).substr(open + 1, close - open - 1);
    while (!Trimmed(inside).empty()) {
        size_t comma = inside.find(',');
        types.push_back(Trimmed(inside.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        inside.remove_prefix(comma + 1);
    }
    if (!Supported(cls->AsString(), method, types) || types.size() != params.size()) {
        problem = "unsupported java method " + cls->AsString() + "." + s;
        return Value();
    }
    return Value::FromFunction(std::make_shared<JavaMethod>(std::move(params), cls->AsString(),
                                                            std::move(method), std::move(types)));
}

}  // namespace ow::rules
