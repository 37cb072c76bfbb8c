// The built-in registry: one table built on first use, looked up by name.
#include <algorithm>
#include <unordered_map>

#include "rules/builtins_internal.hpp"

namespace ow::rules {
namespace {

class Builtin final : public Function {
public:
    explicit Builtin(BuiltinDef def) : def_(std::move(def)) {
        for (const auto& names : def_.overloads) {
            std::vector<Parameter> params;
            for (auto n : names) params.push_back(Parameter{std::string(n), std::nullopt});
            overloads_.push_back(std::move(params));
        }
    }

    std::string_view name() const override { return def_.name; }
    std::vector<std::vector<Parameter>> overloads() const override { return overloads_; }
    bool variadic() const override { return def_.variadic; }

    Value Call(std::vector<Value> args, Evaluation& ev) const override {
        if (!def_.variadic) {
            bool fits = std::any_of(overloads_.begin(), overloads_.end(),
                                    [&](const auto& p) { return p.size() == args.size(); });
            if (!fits) {
                return Invalid(ev, def_.name,
                               "does not take " + std::to_string(args.size()) + " arguments");
            }
        }
        Coerce(args);
        Value r = def_.impl(args, ev);
        // decimal128 overflows to infinity (sum, product of huge numbers); FEEL has none.
        if (r.kind() == Kind::kNumber && !r.AsNumber().IsFinite()) {
            return Invalid(ev, def_.name, "number out of the decimal128 range");
        }
        return r;
    }

    // Named calls go through the default matching, except that an argument named `key` must be
    // a single key: context put(key: ["a", "b"]) is an error, only `keys` takes a path.
    Value CallNamed(std::vector<std::pair<std::string, Value>> args,
                    Evaluation& ev) const override {
        for (const auto& [n, v] : args) {
            if (n == "key" && IsList(v)) return Invalid(ev, def_.name, "key must not be a list");
        }
        return Function::CallNamed(std::move(args), ev);
    }

private:
    // FEEL's singleton rules: a one-item list passed where a single value is expected is that
    // item (upper case(["bob"])), and a single value passed where a list is expected is a
    // one-item list (string join("a")).
    void Coerce(std::vector<Value>& args) const {
        if (def_.variadic) return;
        static const std::string_view kScalar[] = {"string",
                                                   "input",
                                                   "pattern",
                                                   "replacement",
                                                   "flags",
                                                   "delimiter",
                                                   "n",
                                                   "scale",
                                                   "number",
                                                   "dividend",
                                                   "divisor",
                                                   "date",
                                                   "time",
                                                   "year",
                                                   "month",
                                                   "day",
                                                   "hour",
                                                   "minute",
                                                   "second",
                                                   "offset",
                                                   "length",
                                                   "position",
                                                   "start position",
                                                   "grouping separator",
                                                   "decimal separator",
                                                   "negand"};
        static const std::string_view kList[] = {"list", "entries", "contexts"};
        for (const auto& names : def_.overloads) {
            if (names.size() != args.size()) continue;
            for (size_t i = 0; i < names.size(); ++i) {
                auto is = [&](const auto& set) {
                    return std::find(std::begin(set), std::end(set), names[i]) != std::end(set);
                };
                Value& a = args[i];
                if (IsList(a) && a.AsList().size() == 1 && is(kScalar)) {
                    Value item = a.AsList()[0];
                    a = std::move(item);
                } else if (!IsList(a) && !a.IsNull() && is(kList)) {
                    a = Value::FromList({a});
                }
            }
            return;
        }
    }

    BuiltinDef def_;
    std::vector<std::vector<Parameter>> overloads_;
};

struct Registry {
    std::unordered_map<std::string_view, std::shared_ptr<const Function>> by_name;
    std::vector<std::string_view> names;

    Registry() {
        BuiltinTable table;
        AddConversionBuiltins(table);
        AddStringBuiltins(table);
        AddListBuiltins(table);
        AddListStatsBuiltins(table);
        AddNumericBuiltins(table);
        AddTemporalBuiltins(table);
        AddRangeBuiltins(table);
        AddContextBuiltins(table);
        for (auto& def : table) {
            names.push_back(def.name);
            std::string_view n = def.name;
            by_name[n] = std::make_shared<const Builtin>(std::move(def));
        }
    }
};

const Registry& TheRegistry() {
    static const Registry registry;
    return registry;
}

}  // namespace

std::shared_ptr<const Function> FindBuiltin(std::string_view name) {
    const auto& r = TheRegistry();
    auto it = r.by_name.find(name);
    return it == r.by_name.end() ? nullptr : it->second;
}

const std::vector<std::string_view>& BuiltinNames() {
    return TheRegistry().names;
}

Value Invalid(Evaluation& ev, std::string_view function, std::string_view why) {
    ev.Warn(std::string(function) + ": " + std::string(why));
    return Value();
}

const List& Items(const Args& args, List& storage) {
    if (args.size() == 1 && IsList(args[0])) return args[0].AsList();
    storage = args;
    return storage;
}

std::optional<int64_t> IntArg(const Value& v) {
    if (!IsNum(v)) return std::nullopt;
    return v.AsNumber().ToInt64();
}

int64_t CodePointCount(std::string_view s) {
    int64_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string CodePointSlice(std::string_view s, int64_t start, int64_t count) {
    size_t i = 0;
    int64_t cp = -1;
    size_t begin = s.size(), end = s.size();
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            ++cp;
            if (cp == start) begin = i;
            if (cp == start + count) {
                end = i;
                break;
            }
        }
    }
    if (begin >= s.size()) return "";
    return std::string(s.substr(begin, end - begin));
}

}  // namespace ow::rules
