// Context built-ins: get value, get entries, context, context put, context merge.
#include "rules/builtins_internal.hpp"

namespace ow::rules {
namespace {

Value GetValue(Args& a, Evaluation& ev) {
    if (a[0].kind() != Kind::kContext || !IsStr(a[1])) {
        return Invalid(ev, "get value", "arguments must be a context and a string");
    }
    const Value* v = a[0].AsContext().Find(a[1].AsString());
    return v ? *v : Value();
}

Value GetEntries(Args& a, Evaluation& ev) {
    if (a[0].kind() != Kind::kContext) return Invalid(ev, "get entries", "m is not a context");
    List out;
    for (const auto& [k, v] : a[0].AsContext().entries) {
        Context e;
        e.Put("key", Value::String(k));
        e.Put("value", v);
        out.push_back(Value::FromContext(std::move(e)));
    }
    return Value::FromList(std::move(out));
}

Value FromEntries(Args& a, Evaluation& ev) {
    if (!IsList(a[0])) return Invalid(ev, "context", "entries is not a list");
    Context out;
    for (const auto& e : a[0].AsList()) {
        if (e.kind() != Kind::kContext) return Invalid(ev, "context", "an entry is not a context");
        const Value* k = e.AsContext().Find("key");
        const Value* v = e.AsContext().Find("value");
        if (!k || !IsStr(*k) || !v) return Invalid(ev, "context", "an entry lacks key or value");
        if (out.Find(k->AsString()))
            return Invalid(ev, "context", "duplicate key " + k->AsString());
        out.Put(k->AsString(), *v);
    }
    return Value::FromContext(std::move(out));
}

// Puts `value` at the path keys[i..] inside `base` (nested contexts are created or replaced).
std::optional<Value> PutPath(const Value& base, const List& keys, size_t i, const Value& value) {
    if (base.kind() != Kind::kContext || !IsStr(keys[i])) return std::nullopt;
    Context c = base.AsContext();
    const std::string& key = keys[i].AsString();
    if (i + 1 == keys.size()) {
        c.Put(key, value);
    } else {
        const Value* inner = c.Find(key);
        auto v = PutPath(inner ? *inner : Value::FromContext({}), keys, i + 1, value);
        if (!v) return std::nullopt;
        c.Put(key, *v);
    }
    return Value::FromContext(std::move(c));
}

Value ContextPut(Args& a, Evaluation& ev) {
    List keys;
    if (IsStr(a[1])) {
        keys.push_back(a[1]);
    } else if (IsList(a[1]) && !a[1].AsList().empty()) {
        keys = a[1].AsList();
    } else {
        return Invalid(ev, "context put", "key is not a string or list of strings");
    }
    auto out = PutPath(a[0], keys, 0, a[2]);
    if (!out) return Invalid(ev, "context put", "context is not a context");
    return *out;
}

Value ContextMerge(Args& a, Evaluation& ev) {
    if (!IsList(a[0])) return Invalid(ev, "context merge", "contexts is not a list");
    Context out;
    for (const auto& c : a[0].AsList()) {
        if (c.kind() != Kind::kContext) return Invalid(ev, "context merge", "not a context");
        for (const auto& [k, v] : c.AsContext().entries) out.Put(k, v);
    }
    return Value::FromContext(std::move(out));
}

}  // namespace

void AddContextBuiltins(BuiltinTable& t) {
    t.push_back({"get value", {{"m", "key"}}, false, GetValue});
    t.push_back({"get entries", {{"m"}}, false, GetEntries});
    t.push_back({"context", {{"entries"}}, false, FromEntries});
    t.push_back({"context put",
                 {{"context", "key", "value"}, {"context", "keys", "value"}},
                 false,
                 ContextPut});
    t.push_back({"context merge", {{"contexts"}}, false, ContextMerge});
}

}  // namespace ow::rules
