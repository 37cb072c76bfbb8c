// The FEEL syntax tree's debug printer (tests compare parses against it).
#include "rules/feel_ast.hpp"

namespace ow::rules {

namespace {

std::string_view KindLabel(NodeKind k) {
    switch (k) {
        case NodeKind::kLiteral: return "lit";
        case NodeKind::kName: return "name";
        case NodeKind::kInputValue: return "?";
        case NodeKind::kList: return "list";
        case NodeKind::kContext: return "context";
        case NodeKind::kRange: return "range";
        case NodeKind::kNegate: return "neg";
        case NodeKind::kArithmetic: return "";
        case NodeKind::kComparison: return "";
        case NodeKind::kAnd: return "and";
        case NodeKind::kOr: return "or";
        case NodeKind::kBetween: return "between";
        case NodeKind::kIn: return "in";
        case NodeKind::kInstanceOf: return "instance-of";
        case NodeKind::kIf: return "if";
        case NodeKind::kFor: return "for";
        case NodeKind::kSome: return "some";
        case NodeKind::kEvery: return "every";
        case NodeKind::kIterationRange: return "..";
        case NodeKind::kFilter: return "filter";
        case NodeKind::kPath: return "path";
        case NodeKind::kCall: return "call";
        case NodeKind::kFunctionDefinition: return "function";
        case NodeKind::kUnaryTests: return "tests";
        case NodeKind::kAnyTest: return "any";
        case NodeKind::kNotTests: return "not";
        case NodeKind::kUnaryCompare: return "test";
    }
    return "?";
}

void Print(const Node& n, std::string& out) {
    if (n.kind == NodeKind::kLiteral) {
        out += ToLiteral(n.literal);
        return;
    }
    if (n.kind == NodeKind::kInputValue) {
        out += "?";
        return;
    }
    out += "(";
    std::string_view label = KindLabel(n.kind);
    out += label;
    if (!n.text.empty()) {
        if (!label.empty()) out += " ";
        out += n.text;
    }
    if (n.kind == NodeKind::kRange) {
        out += n.start_closed ? " [" : " (";
        out += n.end_closed ? "]" : ")";
    }
    for (size_t i = 0; i < n.names.size(); ++i) {
        out += " " + n.names[i];
        if (i < n.types.size() && !n.types[i].empty()) out += ":" + n.types[i];
        if (n.kind == NodeKind::kCall || n.kind == NodeKind::kContext) out += ":";
    }
    for (const auto& c : n.children) {
        out += " ";
        Print(*c, out);
    }
    out += ")";
}

}  // namespace

std::string DebugString(const Node& node) {
    std::string out;
    Print(node, out);
    return out;
}

}  // namespace ow::rules
