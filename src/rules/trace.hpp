// Trace: why an evaluation came out as it did, recorded only when asked for: each decision's
// value, and for each decision table its input values, every rule with whether it matched, the
// input entries that failed for the rules that did not, and the outputs of those that did. Plain
// structs of Values: the JSON form is written outside the rules module (src/codec).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/value.hpp"

namespace ow::rules {

// One input entry of a rule that did not hold: {input: "employees", value: 42, test: ">= 50"}.
struct FailedEntry {
    size_t input = 0;        // 0-based input column
    std::string label;       // the input's label or expression text
    Value value;             // the input value
    std::string test;        // the entry's text
    bool undecided = false;  // the test gave null (e.g. comparing with null), not false
};

struct RuleTrace {
    size_t index = 0;  // 0-based rule number
    std::string id;
    bool matched = false;
    std::vector<FailedEntry> failed;     // when not matched
    std::vector<FailedEntry> satisfied;  // when matched: the entries that held (not "-")
    Value output;                        // when matched: the rule's output (context if several)
    std::vector<std::string> annotations;
};

struct TableTrace {
    std::string decision;  // the decision (or BKM / context entry) the table belongs to
    std::string table_id;
    std::string hit_policy;  // "UNIQUE", "COLLECT SUM"...
    std::vector<std::string> input_labels;
    std::vector<Value> input_values;
    std::vector<RuleTrace> rules;
    Value result;
};

struct DecisionTrace {
    std::string name;
    Value value;
};

struct Trace {
    std::vector<DecisionTrace> decisions;  // in the order they were made
    std::vector<TableTrace> tables;
    std::vector<std::string> warnings;
};

// "employees 42 does not satisfy >= 50"
std::string DescribeFailure(const FailedEntry& entry);
// A short sentence on a table's outcome for a citizen or an enterprise:
// "not eligible: employees 42 does not satisfy >= 50" when no rule matched (the failures of the
// rule that came closest), "eligible because employees 60 satisfies >= 50" when one did.
// `yes` / `no` are the words to use ("eligible", "not eligible").
std::string Explain(const TableTrace& table, const std::string& yes, const std::string& no);

}  // namespace ow::rules
