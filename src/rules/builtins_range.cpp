// Range built-ins (DMN 1.4 10.3.4.9): before, after, meets, met by, overlaps, overlaps before,
// overlaps after, finishes, finished by, includes, during, starts, started by, coincides. Each
// takes points and/or ranges; an unbounded end (`< 5` as a range) is minus/plus infinity.
#include <algorithm>

#include "rules/builtins_internal.hpp"
#include "rules/feel.hpp"
#include "rules/feel_ast.hpp"

namespace ow::rules {
namespace {

// A range or a point seen as the degenerate closed range [p..p].
struct Span {
    Value start, end;  // null = unbounded
    bool start_in = true, end_in = true;
    bool point = false;
};

std::optional<Span> SpanOf(const Value& v) {
    if (v.IsNull()) return std::nullopt;
    if (v.kind() == Kind::kRange) {
        const Range& r = v.AsRange();
        return Span{r.start, r.end, r.start_closed, r.end_closed, false};
    }
    return Span{v, v, true, true, true};
}

// Thrown-free comparison with infinities: `lo`/`hi` say which side an unbounded endpoint is.
struct Cmp {
    bool ok = true;
    int operator()(const Value& a, bool a_is_start, const Value& b, bool b_is_start) {
        int ia = a.IsNull() ? (a_is_start ? -1 : 1) : 0;
        int ib = b.IsNull() ? (b_is_start ? -1 : 1) : 0;
        if (ia != 0 || ib != 0) return ia < ib ? -1 : (ia > ib ? 1 : 0);
        auto c = Compare(a, b);
        if (!c) {
            ok = false;
            return 0;
        }
        return *c;
    }
};

using Relation = bool (*)(const Span& a, const Span& b, Cmp& cmp);

bool Before(const Span& a, const Span& b, Cmp& c) {
    int x = c(a.end, false, b.start, true);
    return x < 0 || (x == 0 && (!a.end_in || !b.start_in));
}

bool Meets(const Span& a, const Span& b, Cmp& c) {
    return a.end_in && b.start_in && c(a.end, false, b.start, true) == 0;
}

bool Overlaps(const Span& a, const Span& b, Cmp& c) {
    int e = c(a.end, false, b.start, true);
    int s = c(a.start, true, b.end, false);
    return (e > 0 || (e == 0 && a.end_in && b.start_in)) &&
           (s < 0 || (s == 0 && a.start_in && b.end_in));
}

bool OverlapsBefore(const Span& a, const Span& b, Cmp& c) {
    int ss = c(a.start, true, b.start, true);
    int es = c(a.end, false, b.start, true);
    int ee = c(a.end, false, b.end, false);
    return (ss < 0 || (ss == 0 && a.start_in && !b.start_in)) &&
           (es > 0 || (es == 0 && a.end_in && b.start_in)) &&
           (ee < 0 || (ee == 0 && (!a.end_in || b.end_in)));
}

bool Finishes(const Span& a, const Span& b, Cmp& c) {
    if (a.point) return b.end_in && c(a.start, true, b.end, false) == 0;
    int ss = c(a.start, true, b.start, true);
    return a.end_in == b.end_in && c(a.end, false, b.end, false) == 0 &&
           (ss > 0 || (ss == 0 && (!a.start_in || b.start_in)));
}

bool Includes(const Span& a, const Span& b, Cmp& c) {
    if (b.point) {
        int s = c(a.start, true, b.start, true);
        int e = c(a.end, false, b.start, true);
        return (s < 0 && e > 0) || (s == 0 && a.start_in) || (e == 0 && a.end_in);
    }
    int ss = c(a.start, true, b.start, true);
    int ee = c(a.end, false, b.end, false);
    return (ss < 0 || (ss == 0 && (a.start_in || !b.start_in))) &&
           (ee > 0 || (ee == 0 && (a.end_in || !b.end_in)));
}

bool Starts(const Span& a, const Span& b, Cmp& c) {
    if (a.point) return b.start_in && c(a.start, true, b.start, true) == 0;
    int ee = c(a.end, false, b.end, false);
    return c(a.start, true, b.start, true) == 0 && a.start_in == b.start_in &&
           (ee < 0 || (ee == 0 && (!a.end_in || b.end_in)));
}

bool Coincides(const Span& a, const Span& b, Cmp& c) {
    return c(a.start, true, b.start, true) == 0 && a.start_in == b.start_in &&
           c(a.end, false, b.end, false) == 0 && a.end_in == b.end_in;
}

// Evaluates `rel` on the arguments, swapped for the converse relations (after, met by...).
template <Relation kRel, bool kSwap>
Value Apply(Args& args, Evaluation& ev) {
    auto a = SpanOf(args[0]), b = SpanOf(args[1]);
    if (!a || !b) return Value();
    if (kSwap) std::swap(a, b);
    Cmp cmp;
    bool r = kRel(*a, *b, cmp);
    if (!cmp.ok) return Invalid(ev, "range function", "endpoints cannot be compared");
    return Value::Bool(r);
}

// An endpoint range() accepts: a literal, a negated number, or date/time/date and time/duration
// applied to a string literal (DMN 1.5 10.3.4.9: no names, no other calls).
bool LiteralEndpoint(const Node& n) {
    if (n.kind == NodeKind::kLiteral) return !n.literal.IsNull();
    if (n.kind == NodeKind::kNegate) return n.child(0).kind == NodeKind::kLiteral;
    if (n.kind != NodeKind::kCall || n.children.size() != 2 || !n.names.empty()) return false;
    const Node& callee = n.child(0);
    static const std::string_view kConstructors[] = {"date", "time", "date and time", "duration"};
    bool constructor = callee.kind == NodeKind::kName &&
                       std::find(std::begin(kConstructors), std::end(kConstructors), callee.text) !=
                           std::end(kConstructors);
    return constructor && n.child(1).kind == NodeKind::kLiteral && IsStr(n.child(1).literal);
}

Value RangeFrom(Args& a, Evaluation& ev) {
    if (!IsStr(a[0])) return Invalid(ev, "range", "from is not a string");
    auto parsed = ParseExpression(a[0].AsString(), ParseContext{});
    if (!parsed.ok()) return Invalid(ev, "range", "not a range: " + a[0].AsString());
    const Node& root = parsed.value->root();
    if (root.kind != NodeKind::kRange || !LiteralEndpoint(root.child(0)) ||
        !LiteralEndpoint(root.child(1))) {
        return Invalid(ev, "range", "not a range of literals: " + a[0].AsString());
    }
    Scope scope;
    Value r = Evaluate(*parsed.value, scope, ev);
    if (r.kind() != Kind::kRange) return Invalid(ev, "range", "not a range");
    auto c = Compare(r.AsRange().start, r.AsRange().end);
    if (!c || *c > 0) return Invalid(ev, "range", "start is after end or of another type");
    return r;
}

// Parameter names per the spec's overloads: points and ranges mixed.
const std::vector<std::vector<std::string_view>> kPointRange = {
    {"point1", "point2"}, {"point", "range"}, {"range", "point"}, {"range1", "range2"}};
const std::vector<std::vector<std::string_view>> kRanges = {{"range1", "range2"}};
const std::vector<std::vector<std::string_view>> kPointFirst = {{"point", "range"},
                                                                {"range1", "range2"}};
const std::vector<std::vector<std::string_view>> kRangeFirst = {{"range", "point"},
                                                                {"range1", "range2"}};

}  // namespace

void AddRangeBuiltins(BuiltinTable& t) {
    t.push_back({"before", kPointRange, false, Apply<Before, false>});
    t.push_back({"after", kPointRange, false, Apply<Before, true>});
    t.push_back({"meets", kRanges, false, Apply<Meets, false>});
    t.push_back({"met by", kRanges, false, Apply<Meets, true>});
    t.push_back({"overlaps", kRanges, false, Apply<Overlaps, false>});
    t.push_back({"overlaps before", kRanges, false, Apply<OverlapsBefore, false>});
    t.push_back({"overlaps after", kRanges, false, Apply<OverlapsBefore, true>});
    t.push_back({"finishes", kPointFirst, false, Apply<Finishes, false>});
    t.push_back({"finished by", kRangeFirst, false, Apply<Finishes, true>});
    t.push_back({"includes", kRangeFirst, false, Apply<Includes, false>});
    t.push_back({"during", kPointFirst, false, Apply<Includes, true>});
    t.push_back({"starts", kPointFirst, false, Apply<Starts, false>});
    t.push_back({"started by", kRangeFirst, false, Apply<Starts, true>});
    t.push_back({"range", {{"from"}}, false, RangeFrom});
    t.push_back({"coincides",
                 {{"point1", "point2"}, {"range1", "range2"}},
                 false,
                 Apply<Coincides, false>});
}

}  // namespace ow::rules
