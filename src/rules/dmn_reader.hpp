// The DMN XML reader's internals, shared by dmn_reader.cpp (definitions, the DRG, item
// definitions, model sets) and dmn_reader_boxed.cpp (boxed expressions and decision tables).
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "rules/dmn_model.hpp"
#include "rules/feel.hpp"

namespace ow::rules::dmn_xml {

// Elements and attributes are matched by local name: DMN files use any prefix (or none) for the
// 1.1 to 1.5 namespaces.
std::string_view LocalName(const pugi::xml_node& n);
pugi::xml_node Child(const pugi::xml_node& n, std::string_view local);
// The text of <text> under `n` (or of `n` itself when it is a <text> / <typeRef>).
std::string TextOf(const pugi::xml_node& n);
// A typeRef without a QName prefix ("feel:number" -> "number"), from the attribute or the DMN
// 1.1 <typeRef> child element.
std::string TypeRefOf(const pugi::xml_node& n);
bool IsBoxed(std::string_view local);

class Reader {
public:
    Reader(Model& model, ParseContext context) : model_(model), context_(std::move(context)) {}

    std::optional<Expression> Expr(std::string_view text, const std::string& id);
    std::optional<UnaryTests> Tests(std::string_view text, const std::string& id);
    // The boxed expression element `n`, or the first boxed child of `n` when `n` is a container
    // (contextEntry, binding, if, in...). Null when there is none.
    BoxedPtr Boxed(const pugi::xml_node& n);
    BoxedPtr FirstBoxedChild(const pugi::xml_node& n);
    void Error(std::string id, std::string message);

private:
    std::shared_ptr<const DecisionTable> Table(const pugi::xml_node& n);
    void ReadIterator(const pugi::xml_node& n, struct Boxed& b, const char* body);

    Model& model_;
    ParseContext context_;
};

}  // namespace ow::rules::dmn_xml
