// Function: a FEEL function value: a built-in, a lambda or `function(...)` definition, a DMN
// business knowledge model or decision service. Invoked with positional or named arguments.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/evaluation.hpp"
#include "rules/types.hpp"
#include "rules/value.hpp"

namespace ow::rules {

struct Parameter {
    std::string name;
    std::optional<Type> type;  // declared type, if any (arguments are checked / coerced)
};

class Function {
public:
    virtual ~Function() = default;

    // "" for anonymous functions.
    virtual std::string_view name() const = 0;
    // One parameter list per overload (built-ins like date() have several); a variadic
    // built-in (min, max, sum, concatenate...) reports variadic() and takes any count.
    virtual std::vector<std::vector<Parameter>> overloads() const = 0;
    virtual bool variadic() const { return false; }

    // Positional call. Wrong argument count or types -> null with a warning (FEEL semantics).
    virtual Value Call(std::vector<Value> args, Evaluation& ev) const = 0;

    // Named call: picks the overload whose parameter names cover the given names, orders the
    // arguments, fills missing ones with null and calls Call(); no overload fits -> null with a
    // warning.
    virtual Value CallNamed(std::vector<std::pair<std::string, Value>> args, Evaluation& ev) const;
};

}  // namespace ow::rules
