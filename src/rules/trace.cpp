// Sentences from traces: what a citizen or an enterprise reads about a decision table's outcome.
#include "rules/trace.hpp"

namespace ow::rules {

namespace {

std::string Shown(const Value& v) {
    return v.kind() == Kind::kString ? ToText(v) : ToLiteral(v);
}

std::string DescribeHeld(const FailedEntry& e) {
    return e.label + " " + Shown(e.value) + " satisfies " + e.test;
}

}  // namespace

std::string DescribeFailure(const FailedEntry& e) {
    if (e.undecided) return e.label + " " + Shown(e.value) + " cannot be checked against " + e.test;
    return e.label + " " + Shown(e.value) + " does not satisfy " + e.test;
}

std::string Explain(const TableTrace& table, const std::string& yes, const std::string& no) {
    const RuleTrace* matched = nullptr;
    const RuleTrace* closest = nullptr;
    for (const RuleTrace& r : table.rules) {
        if (r.matched) {
            matched = &r;
            break;
        }
        if (!closest || r.failed.size() < closest->failed.size()) closest = &r;
    }
    std::string out;
    if (matched) {
        out = yes;
        for (size_t i = 0; i < matched->satisfied.size(); ++i) {
            out += i == 0 ? " because " : " and ";
            out += DescribeHeld(matched->satisfied[i]);
        }
        return out;
    }
    out = no;
    if (!closest) return out;
    for (size_t i = 0; i < closest->failed.size(); ++i) {
        out += i == 0 ? ": " : "; ";
        out += DescribeFailure(closest->failed[i]);
    }
    return out;
}

}  // namespace ow::rules
