#include "codec/rules_json.hpp"

#include "rules/decimal.hpp"
#include "rules/temporal.hpp"

namespace ow::codec {
namespace json = boost::json;
using rules::Kind;
using rules::Value;

json::value RulesValueToJson(const Value& v) {
    switch (v.kind()) {
        case Kind::kNull: return nullptr;
        case Kind::kBoolean: return v.AsBool();
        case Kind::kNumber: {
            auto i = v.AsNumber().ToInt64();
            if (i) return *i;
            return json::string(v.AsNumber().ToString());
        }
        case Kind::kString: return json::string(v.AsString());
        case Kind::kList: {
            json::array a;
            for (const auto& x : v.AsList()) a.push_back(RulesValueToJson(x));
            return a;
        }
        case Kind::kContext: {
            json::object o;
            for (const auto& [k, x] : v.AsContext().entries) o[k] = RulesValueToJson(x);
            return o;
        }
        case Kind::kRange:
        case Kind::kFunction: return json::string(rules::ToLiteral(v));
        default:  // temporal values in their ISO text
            return json::string(rules::ToText(v));
    }
}

namespace {

std::optional<Value> FromText(const std::string& s, const rules::Type& t) {
    if (t.tag != rules::Type::Tag::kSimple) return Value::String(s);
    return rules::FromText(s, t.simple);
}

}  // namespace

std::optional<Value> RulesValueFromJson(const json::value& j, const rules::Type* type) {
    using rules::Type;
    switch (j.kind()) {
        case json::kind::null: return Value();
        case json::kind::bool_: return Value::Bool(j.get_bool());
        case json::kind::int64: return Value::Number(j.get_int64());
        case json::kind::uint64: {
            auto d = rules::Decimal::Parse(std::to_string(j.get_uint64()));
            return Value::Number(*d);
        }
        case json::kind::double_: {
            // The shortest text that reads back as the same double is the text the writer meant.
            auto d = rules::Decimal::Parse(json::serialize(j));
            if (!d) return std::nullopt;
            return Value::Number(*d);
        }
        case json::kind::string: {
            std::string s(j.get_string());
            if (type != nullptr) return FromText(s, *type);
            return Value::String(std::move(s));
        }
        case json::kind::array: {
            const Type* element = nullptr;
            if (type != nullptr && type->tag == Type::Tag::kList && type->element) {
                element = type->element.get();
            }
            rules::List items;
            for (const auto& x : j.get_array()) {
                auto v = RulesValueFromJson(x, element);
                if (!v) return std::nullopt;
                items.push_back(std::move(*v));
            }
            return Value::FromList(std::move(items));
        }
        case json::kind::object: {
            rules::Context c;
            for (const auto& [k, x] : j.get_object()) {
                const Type* field = nullptr;
                if (type != nullptr && type->tag == Type::Tag::kContext) {
                    for (const auto& [name, t] : type->fields) {
                        if (name == k) field = &t;
                    }
                }
                auto v = RulesValueFromJson(x, field);
                if (!v) return std::nullopt;
                c.Put(std::string(k), std::move(*v));
            }
            return Value::FromContext(std::move(c));
        }
    }
    return std::nullopt;
}

namespace {

json::object EntryToJson(const rules::FailedEntry& e) {
    json::object o;
    o["input"] = e.label;
    o["value"] = RulesValueToJson(e.value);
    o["test"] = e.test;
    if (e.undecided) o["undecided"] = true;
    o["text"] = rules::DescribeFailure(e);
    return o;
}

}  // namespace

json::object TraceToJson(const rules::Trace& trace) {
    json::object out;
    json::array decisions;
    for (const auto& d : trace.decisions) {
        decisions.push_back(json::object{{"name", d.name}, {"value", RulesValueToJson(d.value)}});
    }
    out["decisions"] = std::move(decisions);
    json::array tables;
    for (const auto& t : trace.tables) {
        json::object o;
        o["decision"] = t.decision;
        o["table"] = t.table_id;
        o["hit_policy"] = t.hit_policy;
        json::array inputs;
        for (size_t i = 0; i < t.input_labels.size(); ++i) {
            inputs.push_back(json::object{
                {"label", t.input_labels[i]},
                {"value", i < t.input_values.size() ? RulesValueToJson(t.input_values[i])
                                                    : json::value(nullptr)}});
        }
        o["inputs"] = std::move(inputs);
        json::array rules_json;
        for (const auto& r : t.rules) {
            json::object ro;
            ro["index"] = r.index + 1;
            ro["id"] = r.id;
            ro["matched"] = r.matched;
            json::array failed, satisfied, notes;
            for (const auto& e : r.failed) failed.push_back(EntryToJson(e));
            for (const auto& e : r.satisfied) satisfied.push_back(EntryToJson(e));
            for (const auto& a : r.annotations) notes.push_back(json::string(a));
            if (r.matched) {
                ro["satisfied"] = std::move(satisfied);
                ro["output"] = RulesValueToJson(r.output);
            } else {
                ro["failed"] = std::move(failed);
            }
            if (!notes.empty()) ro["annotations"] = std::move(notes);
            rules_json.push_back(std::move(ro));
        }
        o["rules"] = std::move(rules_json);
        o["result"] = RulesValueToJson(t.result);
        o["explanation"] = rules::Explain(t, "eligible", "not eligible");
        tables.push_back(std::move(o));
    }
    out["tables"] = std::move(tables);
    json::array warnings;
    for (const auto& w : trace.warnings) warnings.push_back(json::string(w));
    out["warnings"] = std::move(warnings);
    return out;
}

}  // namespace ow::codec
