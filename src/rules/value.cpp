// Value factories, contexts and printing.
#include "rules/value.hpp"

#include <cctype>

#include "rules/function.hpp"

namespace ow::rules {

const Value* Context::Find(std::string_view name) const {
    for (const auto& [k, v] : entries) {
        if (k == name) return &v;
    }
    return nullptr;
}

void Context::Put(std::string name, Value value) {
    for (auto& [k, v] : entries) {
        if (k == name) {
            v = std::move(value);
            return;
        }
    }
    entries.emplace_back(std::move(name), std::move(value));
}

Value Value::Bool(bool b) {
    Value v;
    v.v_.emplace<1>(b);
    return v;
}

Value Value::Number(Decimal d) {
    Value v;
    v.v_.emplace<2>(d);
    return v;
}

Value Value::Number(int64_t i) {
    return Number(Decimal::FromInt(i));
}

Value Value::String(std::string s) {
    Value v;
    v.v_.emplace<3>(std::move(s));
    return v;
}

Value Value::FromDate(Date d) {
    Value v;
    v.v_.emplace<4>(d);
    return v;
}

Value Value::FromTime(Time t) {
    Value v;
    v.v_.emplace<5>(std::move(t));
    return v;
}

Value Value::FromDateTime(DateTime dt) {
    Value v;
    v.v_.emplace<6>(std::move(dt));
    return v;
}

Value Value::FromDuration(DaysTimeDuration d) {
    Value v;
    v.v_.emplace<7>(d);
    return v;
}

Value Value::FromDuration(YearsMonthsDuration d) {
    Value v;
    v.v_.emplace<8>(d);
    return v;
}

Value Value::FromList(List items) {
    Value v;
    v.v_.emplace<9>(std::make_shared<const List>(std::move(items)));
    return v;
}

Value Value::FromContext(Context c) {
    Value v;
    v.v_.emplace<10>(std::make_shared<const Context>(std::move(c)));
    return v;
}

Value Value::FromRange(Range r) {
    Value v;
    v.v_.emplace<11>(std::make_shared<const Range>(std::move(r)));
    return v;
}

Value Value::FromFunction(std::shared_ptr<const Function> f) {
    if (!f) return Value();
    Value v;
    v.v_.emplace<12>(std::move(f));
    return v;
}

std::string_view KindName(Kind kind) {
    switch (kind) {
        case Kind::kNull: return "Null";
        case Kind::kBoolean: return "boolean";
        case Kind::kNumber: return "number";
        case Kind::kString: return "string";
        case Kind::kDate: return "date";
        case Kind::kTime: return "time";
        case Kind::kDateTime: return "date and time";
        case Kind::kDaysTimeDuration: return "days and time duration";
        case Kind::kYearsMonthsDuration: return "years and months duration";
        case Kind::kList: return "list";
        case Kind::kContext: return "context";
        case Kind::kRange: return "range";
        case Kind::kFunction: return "function";
    }
    return "Any";
}

namespace {

std::string Quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: out.push_back(c);
        }
    }
    out.push_back('"');
    return out;
}

// A context key printed as FEEL source: bare when it is a plain name, quoted otherwise.
std::string Key(const std::string& k) {
    bool plain = !k.empty();
    for (char c : k) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ' ' ||
              static_cast<unsigned char>(c) >= 0x80)) {
            plain = false;
        }
    }
    return plain ? k : Quote(k);
}

std::string Print(const Value& v, bool literal);

std::string PrintRange(const Range& r, bool literal) {
    if (r.start.IsNull() && !r.end.IsNull()) {
        return std::string(r.end_closed ? "<= " : "< ") + Print(r.end, true);
    }
    if (r.end.IsNull() && !r.start.IsNull()) {
        return std::string(r.start_closed ? ">= " : "> ") + Print(r.start, true);
    }
    (void)literal;
    return std::string(r.start_closed ? "[" : "(") + Print(r.start, true) + ".." +
           Print(r.end, true) + (r.end_closed ? "]" : ")");
}

std::string Print(const Value& v, bool literal) {
    switch (v.kind()) {
        case Kind::kNull: return "null";
        case Kind::kBoolean: return v.AsBool() ? "true" : "false";
        case Kind::kNumber: return v.AsNumber().ToString();
        case Kind::kString: return literal ? Quote(v.AsString()) : v.AsString();
        case Kind::kDate:
            return literal ? "date(\"" + ToString(v.AsDate()) + "\")" : ToString(v.AsDate());
        case Kind::kTime:
            return literal ? "time(\"" + ToString(v.AsTime()) + "\")" : ToString(v.AsTime());
        case Kind::kDateTime:
            return literal ? "date and time(\"" + ToString(v.AsDateTime()) + "\")"
                           : ToString(v.AsDateTime());
        case Kind::kDaysTimeDuration:
            return literal ? "duration(\"" + ToString(v.AsDaysTimeDuration()) + "\")"
                           : ToString(v.AsDaysTimeDuration());
        case Kind::kYearsMonthsDuration:
            return literal ? "duration(\"" + ToString(v.AsYearsMonthsDuration()) + "\")"
                           : ToString(v.AsYearsMonthsDuration());
        case Kind::kList: {
            std::string out = "[";
            bool first = true;
            for (const auto& item : v.AsList()) {
                if (!first) out += ", ";
                first = false;
                out += Print(item, true);
            }
            return out + "]";
        }
        case Kind::kContext: {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, item] : v.AsContext().entries) {
                if (!first) out += ", ";
                first = false;
                out += Key(k) + ": " + Print(item, true);
            }
            return out + "}";
        }
        case Kind::kRange: return PrintRange(v.AsRange(), literal);
        case Kind::kFunction: {
            std::string out = "function ";
            out += v.AsFunction()->name();
            out += "(";
            auto overloads = v.AsFunction()->overloads();
            if (!overloads.empty()) {
                bool first = true;
                for (const auto& p : overloads.front()) {
                    if (!first) out += ", ";
                    first = false;
                    out += p.name;
                }
            }
            return out + ")";
        }
    }
    return "null";
}

}  // namespace

std::string ToText(const Value& v) {
    return Print(v, false);
}
std::string ToLiteral(const Value& v) {
    return Print(v, true);
}

std::optional<Value> FromText(std::string_view text, Kind kind) {
    auto wrap = [](auto parsed, auto make) -> std::optional<Value> {
        if (!parsed) return std::nullopt;
        return make(*parsed);
    };
    switch (kind) {
        case Kind::kNumber:
            return wrap(Decimal::Parse(text), [](const Decimal& d) { return Value::Number(d); });
        case Kind::kBoolean:
            if (text == "true") return Value::Bool(true);
            if (text == "false") return Value::Bool(false);
            return std::nullopt;
        case Kind::kString: return Value::String(std::string(text));
        case Kind::kDate:
            return wrap(ParseDate(text), [](const Date& d) { return Value::FromDate(d); });
        case Kind::kTime:
            return wrap(ParseTime(text), [](const Time& t) { return Value::FromTime(t); });
        case Kind::kDateTime:
            return wrap(ParseDateTime(text),
                        [](const DateTime& t) { return Value::FromDateTime(t); });
        case Kind::kDaysTimeDuration:
            return wrap(ParseDaysTimeDuration(text),
                        [](const DaysTimeDuration& d) { return Value::FromDuration(d); });
        case Kind::kYearsMonthsDuration:
            return wrap(ParseYearsMonthsDuration(text),
                        [](const YearsMonthsDuration& d) { return Value::FromDuration(d); });
        default: return std::nullopt;
    }
}

}  // namespace ow::rules
