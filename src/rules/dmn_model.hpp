// The DMN model as read from XML: item definitions, the decision requirements graph (input data,
// decisions, business knowledge models, decision services) and boxed expressions, with every FEEL
// text parsed once at load time. Plain data: dmn_evaluator.cpp gives it meaning.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/feel.hpp"

namespace ow::rules {

// Why (part of) a model could not be read: the id of the element at fault and a message.
struct LoadError {
    std::string element_id;
    std::string message;
    std::string ToString() const;  // "decision _d1: line 1, column 4: expected ..."
};

struct ItemDefinition {
    std::string id;
    std::string name;
    std::string type_ref;  // "" when the type is given by components or a function item
    bool is_collection = false;
    std::vector<ItemDefinition> components;
    std::optional<UnaryTests> allowed;  // allowedValues / typeConstraint
    bool is_function = false;           // functionItem
    std::vector<std::pair<std::string, std::string>> function_parameters;  // name, typeRef
    std::string function_output;                                           // outputTypeRef
};

enum class BoxedKind : uint8_t {
    kLiteral,             // literal: the expression (absent for empty text: null)
    kDecisionTable,       // table
    kContext,             // names/type_refs/children per entry; has_result: last child is result
    kInvocation,          // children[0] callee (literal), names = parameters, children[1..] args
    kRelation,            // names = columns, children = cells row by row
    kList,                // children = items
    kFunctionDefinition,  // names/type_refs = parameters, children = {body}; function_kind
    kConditional,         // children = {if, then, else}
    kFor,                 // names = {variable}, children = {in, return}
    kSome,                // names = {variable}, children = {in, satisfies}
    kEvery,               // names = {variable}, children = {in, satisfies}
    kFilter,              // children = {in, match}
    kInvalid,             // could not be read: evaluates to null with `error` as warning
};

struct DecisionTable;
struct Boxed;
using BoxedPtr = std::shared_ptr<const Boxed>;

struct Boxed {
    BoxedKind kind = BoxedKind::kLiteral;
    std::string id;
    std::string type_ref;
    std::optional<Expression> literal;
    std::vector<std::string> names;
    std::vector<std::string> type_refs;
    std::vector<BoxedPtr> children;  // a child may be null (an empty binding or cell): null value
    bool has_result = false;
    std::string function_kind = "FEEL";
    std::shared_ptr<const DecisionTable> table;
    std::string error;
};

enum class HitPolicy : uint8_t {
    kUnique,
    kAny,
    kPriority,
    kFirst,
    kRuleOrder,
    kOutputOrder,
    kCollect
};
enum class Aggregation : uint8_t { kNone, kSum, kMin, kMax, kCount };

struct TableInput {
    std::string id;
    std::string label;  // the label, else the expression text
    std::string type_ref;
    std::optional<Expression> expression;
    std::optional<UnaryTests> allowed;  // inputValues
};

struct TableOutput {
    std::string id;
    std::string name;  // the output's name (multiple outputs: the context key)
    std::string label;
    std::string type_ref;
    std::optional<UnaryTests> allowed;  // outputValues as tests
    std::vector<Expression> priority;   // outputValues as values, highest priority first
    std::optional<Expression> default_value;
};

struct TableRule {
    std::string id;
    std::vector<std::optional<UnaryTests>> inputs;   // absent: could not parse (never matches)
    std::vector<std::optional<Expression>> outputs;  // absent: empty text (null)
    std::vector<std::string> annotations;
};

struct DecisionTable {
    std::string id;
    HitPolicy hit_policy = HitPolicy::kUnique;
    Aggregation aggregation = Aggregation::kNone;
    std::string output_label;
    std::vector<TableInput> inputs;
    std::vector<TableOutput> outputs;
    std::vector<std::string> annotation_names;
    std::vector<TableRule> rules;
};

// A reference to a DRG element: "#id" in this model or "namespace#id" in an imported one.
struct Href {
    std::string ns;  // "" for this model
    std::string id;
};

// What every element of the requirements graph has: an id, a name and its variable's typeRef.
struct DrgElement {
    std::string id;
    std::string name;
    std::string type_ref;
};

struct InputData : DrgElement {};

struct Decision : DrgElement {
    std::vector<Href> required_decisions;
    std::vector<Href> required_inputs;
    std::vector<Href> required_knowledge;
    BoxedPtr logic;  // null: no decision logic (evaluates to null)
};

struct BusinessKnowledgeModel : DrgElement {  // type_ref: a function type or item
    std::vector<std::string> parameters;      // formalParameter names
    std::vector<std::string> parameter_types;
    std::string result_type;  // the encapsulated logic's typeRef
    std::vector<Href> required_knowledge;
    BoxedPtr body;  // null: returns null
    std::string function_kind = "FEEL";
};

struct DecisionService : DrgElement {
    std::vector<Href> output_decisions;
    std::vector<Href> encapsulated_decisions;
    std::vector<Href> input_decisions;
    std::vector<Href> input_data;
};

struct Model;

struct Import {
    std::string name;  // the prefix ("myimport"); may be "" (names are then unprefixed)
    std::string ns;
    std::shared_ptr<const Model> model;  // null when no model of that namespace was found
};

// The element of `items` (decisions, inputs...) with that id or name, or nullptr.
template <class T>
const T* FindById(const std::vector<T>& items, std::string_view id) {
    for (const T& t : items) {
        if (t.id == id) return &t;
    }
    return nullptr;
}
template <class T>
const T* FindByName(const std::vector<T>& items, std::string_view name) {
    for (const T& t : items) {
        if (t.name == name) return &t;
    }
    return nullptr;
}

struct Model : std::enable_shared_from_this<Model> {
    std::string name;
    std::string ns;
    std::string id;
    std::vector<ItemDefinition> item_definitions;
    std::vector<InputData> inputs;
    std::vector<Decision> decisions;
    std::vector<BusinessKnowledgeModel> bkms;
    std::vector<DecisionService> services;
    std::vector<Import> imports;
    std::vector<LoadError> errors;  // parts that could not be read (they evaluate to null)
    // Every name the model defines (elements, components, context entries, parameters): what
    // the FEEL parser of an importing model must know to read `prefix.Some Name`.
    std::vector<std::string> scope_names;

    const ItemDefinition* FindItem(std::string_view name) const;
    const InputData* FindInput(std::string_view name) const;
    const Decision* FindDecision(std::string_view name) const;
    const BusinessKnowledgeModel* FindBkm(std::string_view name) const;
    const DecisionService* FindService(std::string_view name) const;
    // The model `href` points into: this one or an import (nullptr when unknown).
    const Model* ModelOf(const Href& href) const;
    // The import prefix under which `other` is visible here (nullptr when not imported).
    const Import* ImportOf(const Model* other) const;
    // The name of the element with `id` (any kind), or nullptr.
    const std::string* NameOfId(std::string_view id) const;
};

}  // namespace ow::rules
