// Reading boxed expressions and decision tables: every FEEL text is parsed here, once.
#include <cstring>

#include "rules/dmn_reader.hpp"
#include "rules/feel_ast.hpp"

namespace ow::rules::dmn_xml {

namespace {

std::string IdOf(const pugi::xml_node& n) {
    return n.attribute("id").value();
}

HitPolicy ParseHitPolicy(std::string_view s) {
    if (s == "ANY") return HitPolicy::kAny;
    if (s == "PRIORITY") return HitPolicy::kPriority;
    if (s == "FIRST") return HitPolicy::kFirst;
    if (s == "RULE ORDER") return HitPolicy::kRuleOrder;
    if (s == "OUTPUT ORDER") return HitPolicy::kOutputOrder;
    if (s == "COLLECT") return HitPolicy::kCollect;
    return HitPolicy::kUnique;
}

Aggregation ParseAggregation(std::string_view s) {
    if (s == "SUM") return Aggregation::kSum;
    if (s == "MIN") return Aggregation::kMin;
    if (s == "MAX") return Aggregation::kMax;
    if (s == "COUNT") return Aggregation::kCount;
    return Aggregation::kNone;
}

}  // namespace

std::string_view LocalName(const pugi::xml_node& n) {
    std::string_view name = n.name();
    size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view local) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && LocalName(c) == local) return c;
    }
    return {};
}

std::string TextOf(const pugi::xml_node& n) {
    std::string_view local = LocalName(n);
    pugi::xml_node t = (local == "text" || local == "typeRef") ? n : Child(n, "text");
    if (!t) return {};
    std::string out;
    for (pugi::xml_node c = t.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    }
    return out;
}

std::string TypeRefOf(const pugi::xml_node& n) {
    std::string t = n.attribute("typeRef").value();
    if (t.empty()) {
        if (pugi::xml_node c = Child(n, "typeRef")) t = TextOf(c);
    }
    // Trim and drop a QName prefix ("feel:string", "tns:tPerson"); import prefixes use a dot.
    size_t b = t.find_first_not_of(" \t\r\n");
    size_t e = t.find_last_not_of(" \t\r\n");
    t = b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
    size_t colon = t.find(':');
    if (colon != std::string::npos && t.find_first_of(" <", 0) > colon) t = t.substr(colon + 1);
    return t;
}

bool IsBoxed(std::string_view local) {
    static constexpr const char* kKinds[] = {
        "literalExpression",  "decisionTable", "context", "invocation", "relation", "list",
        "functionDefinition", "conditional",   "for",     "some",       "every",    "filter"};
    for (const char* k : kKinds) {
        if (local == k) return true;
    }
    return false;
}

void Reader::Error(std::string id, std::string message) {
    if (model_.errors.size() < 1000) model_.errors.push_back({std::move(id), std::move(message)});
}

std::optional<Expression> Reader::Expr(std::string_view text, const std::string& id) {
    Parsed<Expression> p = ParseExpression(text, context_);
    if (!p.ok()) {
        Error(id, p.error.ToString() + " in `" + std::string(text.substr(0, 200)) + "`");
        return std::nullopt;
    }
    return std::move(p.value);
}

std::optional<UnaryTests> Reader::Tests(std::string_view text, const std::string& id) {
    Parsed<UnaryTests> p = ParseUnaryTests(text, context_);
    if (!p.ok()) {
        Error(id, p.error.ToString() + " in `" + std::string(text.substr(0, 200)) + "`");
        return std::nullopt;
    }
    return std::move(p.value);
}

BoxedPtr Reader::FirstBoxedChild(const pugi::xml_node& n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && IsBoxed(LocalName(c))) return Boxed(c);
    }
    return nullptr;
}

void Reader::ReadIterator(const pugi::xml_node& n, struct Boxed& b, const char* body) {
    b.names.push_back(n.attribute("iteratorVariable").value());
    b.children.push_back(FirstBoxedChild(Child(n, "in")));
    b.children.push_back(FirstBoxedChild(Child(n, body)));
}

BoxedPtr Reader::Boxed(const pugi::xml_node& n) {
    if (!n) return nullptr;
    std::string_view local = LocalName(n);
    if (!IsBoxed(local)) return FirstBoxedChild(n);
    auto b = std::make_shared<struct Boxed>();
    b->id = IdOf(n);
    b->type_ref = TypeRefOf(n);
    if (local == "literalExpression") {
        b->kind = BoxedKind::kLiteral;
        std::string text = TextOf(n);
        if (text.find_first_not_of(" \t\r\n") != std::string::npos) {
            b->literal = Expr(text, b->id);
            if (!b->literal) {
                b->kind = BoxedKind::kInvalid;
                b->error = model_.errors.empty() ? "the expression could not be read"
                                                 : model_.errors.back().message;
            }
        }
    } else if (local == "decisionTable") {
        b->kind = BoxedKind::kDecisionTable;
        b->table = Table(n);
    } else if (local == "context") {
        b->kind = BoxedKind::kContext;
        for (pugi::xml_node e = n.first_child(); e; e = e.next_sibling()) {
            if (e.type() != pugi::node_element || LocalName(e) != "contextEntry") continue;
            pugi::xml_node var = Child(e, "variable");
            if (!var) {  // the result entry: only the last one counts
                b->has_result = true;
                b->names.emplace_back();
                b->type_refs.emplace_back();
            } else {
                b->names.emplace_back(var.attribute("name").value());
                b->type_refs.push_back(TypeRefOf(var));
            }
            b->children.push_back(FirstBoxedChild(e));
        }
        if (b->has_result && !b->names.back().empty()) b->has_result = false;
    } else if (local == "invocation") {
        b->kind = BoxedKind::kInvocation;
        b->children.push_back(FirstBoxedChild(n));
        for (pugi::xml_node e = n.first_child(); e; e = e.next_sibling()) {
            if (e.type() != pugi::node_element || LocalName(e) != "binding") continue;
            b->names.emplace_back(Child(e, "parameter").attribute("name").value());
            b->children.push_back(FirstBoxedChild(e));
        }
    } else if (local == "relation") {
        b->kind = BoxedKind::kRelation;
        for (pugi::xml_node e = n.first_child(); e; e = e.next_sibling()) {
            if (e.type() != pugi::node_element) continue;
            if (LocalName(e) == "column") {
                b->names.emplace_back(e.attribute("name").value());
                b->type_refs.push_back(TypeRefOf(e));
            } else if (LocalName(e) == "row") {
                size_t before = b->children.size();
                for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
                    if (c.type() == pugi::node_element && IsBoxed(LocalName(c))) {
                        b->children.push_back(Boxed(c));
                    }
                }
                // A short row is padded with nulls so that cells stay aligned with columns.
                while (b->children.size() - before < b->names.size())
                    b->children.push_back(nullptr);
                b->children.resize(before + b->names.size());
            }
        }
    } else if (local == "list") {
        b->kind = BoxedKind::kList;
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_element && IsBoxed(LocalName(c)))
                b->children.push_back(Boxed(c));
        }
    } else if (local == "functionDefinition") {
        b->kind = BoxedKind::kFunctionDefinition;
        if (auto k = n.attribute("kind")) b->function_kind = k.value();
        for (pugi::xml_node e = n.first_child(); e; e = e.next_sibling()) {
            if (e.type() != pugi::node_element || LocalName(e) != "formalParameter") continue;
            b->names.emplace_back(e.attribute("name").value());
            b->type_refs.push_back(TypeRefOf(e));
        }
        b->children.push_back(FirstBoxedChild(n));
    } else if (local == "conditional") {
        b->kind = BoxedKind::kConditional;
        for (const char* part : {"if", "then", "else"}) {
            b->children.push_back(FirstBoxedChild(Child(n, part)));
        }
    } else if (local == "for") {
        b->kind = BoxedKind::kFor;
        ReadIterator(n, *b, "return");
    } else if (local == "some" || local == "every") {
        b->kind = local == "some" ? BoxedKind::kSome : BoxedKind::kEvery;
        ReadIterator(n, *b, "satisfies");
    } else if (local == "filter") {
        b->kind = BoxedKind::kFilter;
        b->children.push_back(FirstBoxedChild(Child(n, "in")));
        b->children.push_back(FirstBoxedChild(Child(n, "match")));
    }
    return b;
}

std::shared_ptr<const DecisionTable> Reader::Table(const pugi::xml_node& n) {
    auto t = std::make_shared<DecisionTable>();
    t->id = IdOf(n);
    t->hit_policy = ParseHitPolicy(n.attribute("hitPolicy").value());
    t->aggregation = ParseAggregation(n.attribute("aggregation").value());
    t->output_label = n.attribute("outputLabel").value();
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view local = LocalName(c);
        if (local == "input") {
            TableInput in;
            in.id = IdOf(c);
            pugi::xml_node ie = Child(c, "inputExpression");
            std::string text = TextOf(ie);
            in.label = c.attribute("label").value();
            if (in.label.empty()) in.label = text;
            in.type_ref = TypeRefOf(ie);
            in.expression = Expr(text.empty() ? "null" : text, in.id);
            if (pugi::xml_node iv = Child(c, "inputValues")) in.allowed = Tests(TextOf(iv), in.id);
            t->inputs.push_back(std::move(in));
        } else if (local == "output") {
            TableOutput out;
            out.id = IdOf(c);
            out.name = c.attribute("name").value();
            out.label = c.attribute("label").value();
            out.type_ref = TypeRefOf(c);
            if (pugi::xml_node ov = Child(c, "outputValues")) {
                std::string text = TextOf(ov);
                out.allowed = Tests(text, out.id);
                // The same text read as a list gives the priority order of the values.
                if (auto list = Expr("[" + text + "]", out.id)) {
                    for (const NodePtr& item : list->root().children)
                        out.priority.emplace_back(item, "");
                }
            }
            if (pugi::xml_node d = Child(c, "defaultOutputEntry")) {
                std::string text = TextOf(d);
                if (!text.empty()) out.default_value = Expr(text, out.id);
            }
            t->outputs.push_back(std::move(out));
        } else if (local == "annotation") {
            t->annotation_names.emplace_back(c.attribute("name").value());
        } else if (local == "rule") {
            TableRule rule;
            rule.id = IdOf(c);
            for (pugi::xml_node e = c.first_child(); e; e = e.next_sibling()) {
                if (e.type() != pugi::node_element) continue;
                std::string_view el = LocalName(e);
                std::string text = TextOf(e);
                std::string id = IdOf(e).empty() ? rule.id : IdOf(e);
                if (el == "inputEntry") {
                    rule.inputs.push_back(Tests(text.empty() ? "-" : text, id));
                } else if (el == "outputEntry") {
                    bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
                    rule.outputs.push_back(blank ? std::nullopt : Expr(text, id));
                } else if (el == "annotationEntry") {
                    rule.annotations.push_back(text);
                }
            }
            t->rules.push_back(std::move(rule));
        }
    }
    for (TableRule& r : t->rules) {
        if (r.inputs.size() != t->inputs.size() || r.outputs.size() != t->outputs.size()) {
            Error(r.id, "the rule has " + std::to_string(r.inputs.size()) + " input and " +
                            std::to_string(r.outputs.size()) + " output entries; the table has " +
                            std::to_string(t->inputs.size()) + " and " +
                            std::to_string(t->outputs.size()));
            // Aligned again so that evaluation can index by column: a missing entry never holds.
            r.inputs.resize(t->inputs.size());
            r.outputs.resize(t->outputs.size());
        }
    }
    return t;
}

}  // namespace ow::rules::dmn_xml
