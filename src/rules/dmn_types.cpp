// DMN typing: values checked against typeRefs and item definitions, with the spec's conversions.
#include "rules/dmn_types.hpp"

#include "rules/feel.hpp"

namespace ow::rules {

namespace {

constexpr int kMaxTypeDepth = 64;  // item definitions may refer to each other in a cycle

struct ItemRef {
    const Model* model = nullptr;
    const ItemDefinition* item = nullptr;
};

ItemRef FindItemRef(std::string_view ref, const Model& m, int depth = 0) {
    if (const ItemDefinition* it = m.FindItem(ref)) return {&m, it};
    size_t dot = ref.find('.');
    if (dot == std::string_view::npos || depth > 8) return {};
    std::string_view prefix = ref.substr(0, dot);
    for (const Import& imp : m.imports) {
        if (imp.model && imp.name == prefix) {
            return FindItemRef(ref.substr(dot + 1), *imp.model, depth + 1);
        }
    }
    return {};
}

std::optional<Value> CheckBuiltin(const Value& v, const Type& t) {
    if (v.IsNull() || Conforms(v, t)) return v;
    if (t.tag != Type::Tag::kList && v.kind() == Kind::kList && v.AsList().size() == 1 &&
        Conforms(v.AsList()[0], t)) {
        return v.AsList()[0];
    }
    if (t.tag == Type::Tag::kList && v.kind() != Kind::kList && t.element &&
        Conforms(v, *t.element)) {
        return Value::FromList({v});
    }
    return std::nullopt;
}

std::optional<Value> CheckRef(const Value& v, std::string_view ref, const Model& m, Evaluation& ev,
                              int depth);

std::optional<Value> CheckItem(const Value& v, const ItemDefinition& item, const Model& m,
                               Evaluation& ev, int depth, bool element_only) {
    if (v.IsNull() || depth > kMaxTypeDepth) return v;
    if (item.is_collection && !element_only) {
        if (v.kind() != Kind::kList) {
            std::optional<Value> e = CheckItem(v, item, m, ev, depth + 1, true);
            if (!e) return std::nullopt;
            return Value::FromList({*e});
        }
        List out;
        out.reserve(v.AsList().size());
        for (const Value& e : v.AsList()) {
            std::optional<Value> c = CheckItem(e, item, m, ev, depth + 1, true);
            if (!c) return std::nullopt;
            out.push_back(std::move(*c));
        }
        return Value::FromList(std::move(out));
    }
    Value x = v;
    if (item.is_function) {
        if (x.kind() != Kind::kFunction) return std::nullopt;
    } else if (!item.components.empty()) {
        if (x.kind() == Kind::kList && x.AsList().size() == 1) x = x.AsList()[0];
        if (x.kind() != Kind::kContext) return std::nullopt;
        // Every component must be there (TCK 0082: {name: "foo"} is not a tNameAndAge); more
        // entries than the components are allowed.
        Context c = x.AsContext();
        for (const ItemDefinition& comp : item.components) {
            bool found = false;
            for (auto& [name, value] : c.entries) {
                if (name != comp.name) continue;
                found = true;
                std::optional<Value> cv = CheckItem(value, comp, m, ev, depth + 1, false);
                if (!cv) return std::nullopt;
                value = std::move(*cv);
            }
            if (!found) return std::nullopt;
        }
        x = Value::FromContext(std::move(c));
    } else if (!item.type_ref.empty()) {
        std::optional<Value> r = CheckRef(x, item.type_ref, m, ev, depth + 1);
        if (!r) return std::nullopt;
        x = std::move(*r);
    }
    if (item.allowed && !x.IsNull()) {
        Scope empty;
        Value ok = Test(*item.allowed, x, empty, ev);
        if (ok.kind() != Kind::kBoolean || !ok.AsBool()) return std::nullopt;
    }
    return x;
}

std::optional<Value> CheckRef(const Value& v, std::string_view ref, const Model& m, Evaluation& ev,
                              int depth) {
    if (ref.empty() || ref == "Any" || v.IsNull()) return v;
    ItemRef r = FindItemRef(ref, m);
    if (r.item) return CheckItem(v, *r.item, *r.model, ev, depth + 1, false);
    std::optional<Type> t = ParseBuiltinTypeName(ref);
    if (!t) return v;
    return CheckBuiltin(v, *t);
}

std::optional<Type> ItemType(const ItemDefinition& item, const Model& m, int depth,
                             bool element_only);

std::optional<Type> RefType(std::string_view ref, const Model& m, int depth) {
    if (ref.empty() || depth > kMaxTypeDepth) return Type::Any();
    ItemRef r = FindItemRef(ref, m);
    if (r.item) return ItemType(*r.item, *r.model, depth + 1, false);
    if (std::optional<Type> t = ParseBuiltinTypeName(ref)) return t;
    // list<tItem>: a list of a model's item definition.
    if (ref.size() > 6 && ref.substr(0, 5) == "list<" && ref.back() == '>') {
        std::optional<Type> e = RefType(ref.substr(5, ref.size() - 6), m, depth + 1);
        if (e) return Type::ListOf(std::move(*e));
    }
    return std::nullopt;
}

std::optional<Type> ItemType(const ItemDefinition& item, const Model& m, int depth,
                             bool element_only) {
    if (depth > kMaxTypeDepth) return Type::Any();
    if (item.is_collection && !element_only) {
        std::optional<Type> e = ItemType(item, m, depth + 1, true);
        if (!e) return std::nullopt;
        return Type::ListOf(std::move(*e));
    }
    if (item.is_function) return Type::Of(Kind::kFunction);
    if (!item.components.empty()) {
        Type t = Type::Of(Kind::kContext);
        for (const ItemDefinition& c : item.components) {
            std::optional<Type> ct = ItemType(c, m, depth + 1, false);
            t.fields.emplace_back(c.name, ct ? std::move(*ct) : Type::Any());
        }
        return t;
    }
    return RefType(item.type_ref, m, depth + 1);
}

}  // namespace

std::optional<Value> ConformTo(const Value& v, std::string_view type_ref, const Model& model,
                               Evaluation& ev) {
    return CheckRef(v, type_ref, model, ev, 0);
}

Value Coerce(const Value& v, std::string_view type_ref, const Model& model, Evaluation& ev,
             std::string_view what) {
    std::optional<Value> r = CheckRef(v, type_ref, model, ev, 0);
    if (r) return std::move(*r);
    ev.Warn(std::string(what) + ": " + ToLiteral(v).substr(0, 200) + " is not a " +
            std::string(type_ref) + "; null instead");
    return Value();
}

std::string FunctionOutputType(std::string_view type_ref, const Model& model) {
    ItemRef r = FindItemRef(type_ref, model);
    if (!r.item || !r.item->is_function || r.model != &model) return {};
    return r.item->function_output;
}

std::optional<Type> TypeOfRef(std::string_view type_ref, const Model& model) {
    return RefType(type_ref, model, 0);
}

}  // namespace ow::rules
