// The default named invocation: match the names against each overload's parameter names.
#include "rules/function.hpp"

namespace ow::rules {

Value Function::CallNamed(std::vector<std::pair<std::string, Value>> args, Evaluation& ev) const {
    for (size_t i = 0; i < args.size(); ++i) {
        for (size_t j = i + 1; j < args.size(); ++j) {
            if (args[i].first == args[j].first) {
                ev.Warn("parameter '" + args[i].first + "' named twice");
                return Value();
            }
        }
    }
    // The shortest overload whose parameter names cover the given names: substring(string:,
    // start position:) must not pick the three-parameter form.
    auto all = overloads();
    const std::vector<Parameter>* best = nullptr;
    for (const auto& params : all) {
        bool fits = true;
        for (const auto& arg : args) {
            bool found = false;
            for (const auto& p : params) found = found || p.name == arg.first;
            fits = fits && found;
        }
        if (fits && (best == nullptr || params.size() < best->size())) best = &params;
    }
    if (best == nullptr) {
        ev.Warn("no overload of " + std::string(name().empty() ? "function" : name()) +
                " takes the named arguments given");
        return Value();
    }
    std::vector<Value> ordered(best->size());
    for (size_t i = 0; i < best->size(); ++i) {
        for (auto& arg : args) {
            if (arg.first == (*best)[i].name) ordered[i] = std::move(arg.second);
        }
    }
    return Call(std::move(ordered), ev);
}

}  // namespace ow::rules
