// DMN TCK test-case files (testCases.xsd): the inputs and expected results of each test case,
// with values typed by xsi:type (xsd:string, decimal, double, integer, boolean, date, dateTime,
// time, duration), xsi:nil, components (contexts) and lists.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/value.hpp"

namespace ow::rules {

struct TckInput {
    std::string name;
    std::string ns;  // the namespace attribute: an imported model's input data
    Value value;
};

struct TckResult {
    std::string name;
    bool error_result = false;  // errorResult="true": the engine is expected to report an error
    bool has_expected = false;
    Value expected;
};

struct TckCase {
    std::string id;
    std::string type = "decision";  // "decision", "bkm", "decisionService"
    std::string invocable;          // invocableName for bkm / decisionService cases
    std::vector<TckInput> inputs;
    std::vector<TckResult> results;
};

struct TckFile {
    std::string model_name;  // <modelName>: the .dmn file
    std::vector<TckCase> cases;
    std::string error;  // non-empty when the file could not be read
};

TckFile ParseTckFile(std::string_view xml);

// TCK equality: numbers as decimals (an expectation of 6 or more significant digits also accepts
// a result that rounds to it or agrees to 12 digits: the TCK writes computed results rounded or
// as binary floating point gave them), lists and contexts deep (same entries), an expected nil
// equals null.
bool TckEqual(const Value& expected, const Value& actual);

}  // namespace ow::rules
