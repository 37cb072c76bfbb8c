// Value: one FEEL value. Immutable; lists, contexts, ranges and functions are shared, so copying
// a value is cheap whatever it holds.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "rules/decimal.hpp"
#include "rules/temporal.hpp"

namespace ow::rules {

class Value;
class Function;
struct Range;

using List = std::vector<Value>;

// A context: named entries in insertion order (names are unique; Put replaces).
struct Context {
    std::vector<std::pair<std::string, Value>> entries;

    const Value* Find(std::string_view name) const;
    void Put(std::string name, Value value);
};

enum class Kind : uint8_t {
    kNull,
    kBoolean,
    kNumber,
    kString,
    kDate,
    kTime,
    kDateTime,
    kDaysTimeDuration,
    kYearsMonthsDuration,
    kList,
    kContext,
    kRange,
    kFunction,
};

class Value {
public:
    Value() = default;  // null
    static Value Null() { return Value(); }
    static Value Bool(bool b);
    static Value Number(Decimal d);
    static Value Number(int64_t i);
    static Value String(std::string s);
    static Value FromDate(Date d);
    static Value FromTime(Time t);
    static Value FromDateTime(DateTime dt);
    static Value FromDuration(DaysTimeDuration d);
    static Value FromDuration(YearsMonthsDuration d);
    static Value FromList(List items);
    static Value FromContext(Context c);
    static Value FromRange(Range r);
    static Value FromFunction(std::shared_ptr<const Function> f);

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool IsNull() const { return v_.index() == 0; }

    // Accessors: only for the matching kind (checked with assert in debug builds).
    bool AsBool() const { return std::get<1>(v_); }
    const Decimal& AsNumber() const { return std::get<2>(v_); }
    const std::string& AsString() const { return std::get<3>(v_); }
    const Date& AsDate() const { return std::get<4>(v_); }
    const Time& AsTime() const { return std::get<5>(v_); }
    const DateTime& AsDateTime() const { return std::get<6>(v_); }
    const DaysTimeDuration& AsDaysTimeDuration() const { return std::get<7>(v_); }
    const YearsMonthsDuration& AsYearsMonthsDuration() const { return std::get<8>(v_); }
    const List& AsList() const { return *std::get<9>(v_); }
    const Context& AsContext() const { return *std::get<10>(v_); }
    const Range& AsRange() const { return *std::get<11>(v_); }
    const std::shared_ptr<const Function>& AsFunction() const { return std::get<12>(v_); }

private:
    std::variant<std::monostate, bool, Decimal, std::string, Date, Time, DateTime, DaysTimeDuration,
                 YearsMonthsDuration, std::shared_ptr<const List>, std::shared_ptr<const Context>,
                 std::shared_ptr<const Range>, std::shared_ptr<const Function>>
        v_;
};

// A range (interval). An absent end (null Value) is unbounded, as in `> 5` seen as a range.
struct Range {
    Value start;
    Value end;
    bool start_closed = true;
    bool end_closed = true;
};

// The FEEL type name of a value's kind: "number", "date and time", "days and time duration"...
std::string_view KindName(Kind kind);

// Printing. ToText is FEEL's string(): strings as they are, others as FEEL would print them.
// ToLiteral is FEEL source text: strings quoted and escaped, lists "[1, 2]", contexts
// "{a: 1}", temporal values as date("...") etc.; used in traces and error messages.
std::string ToText(const Value& v);
// A value of `kind` from its lexical form (numbers, booleans true/false, strings as they are,
// ISO dates, times, date-times and durations), as data files and JSON inputs carry them;
// nullopt when the text is not one.
std::optional<Value> FromText(std::string_view text, Kind kind);
std::string ToLiteral(const Value& v);

}  // namespace ow::rules
