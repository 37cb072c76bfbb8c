// FEEL's operators on values: equality and ordering across every kind (three-valued: nullopt when
// the kinds cannot be compared), and arithmetic with its temporal rules (date - date = duration,
// date and time + duration, duration * number...). A type error gives null and a warning.
#pragma once

#include <optional>

#include "rules/evaluation.hpp"
#include "rules/value.hpp"

namespace ow::rules {

// `a = b`: deep for lists and contexts, 1 = 1.0, null = null is true, null = 1 is false,
// different kinds -> nullopt (FEEL gives null).
std::optional<bool> Equal(const Value& a, const Value& b);
// `<`: -1/0/1 for numbers, strings, dates, times, date-times, same-kind durations; else nullopt.
std::optional<int> Compare(const Value& a, const Value& b);

Value Add(const Value& a, const Value& b, Evaluation& ev);
Value Subtract(const Value& a, const Value& b, Evaluation& ev);
Value Multiply(const Value& a, const Value& b, Evaluation& ev);
Value Divide(const Value& a, const Value& b, Evaluation& ev);
Value Power(const Value& a, const Value& b, Evaluation& ev);
Value Negate(const Value& a, Evaluation& ev);

// `x in range` / `x between a and b` semantics: nullopt when not comparable.
std::optional<bool> InRange(const Value& x, const Range& r);

// Properties of temporal values and ranges, as in `date.year`, `duration.days`, `range.start`:
// null when `v` has no such property.
Value Property(const Value& v, std::string_view name);

}  // namespace ow::rules
