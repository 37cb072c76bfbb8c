// DMN: load decision models (one file, or a directory whose models import each other), list what
// they decide and need, and evaluate a decision with its requirements graph, a decision service
// or a business knowledge model, optionally recording why (trace.hpp).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/dmn_model.hpp"
#include "rules/evaluation.hpp"
#include "rules/trace.hpp"
#include "rules/value.hpp"

namespace ow::rules {

// Hostile input is rejected before it can exhaust memory or the stack.
struct ReaderLimits {
    size_t max_bytes = 16u << 20;  // 16 MiB of XML
    int max_depth = 256;           // nested elements
};

// A loaded model, or null with the reason in `errors`. A model may load with errors in some of
// its parts (FEEL that does not parse): those parts evaluate to null with a warning.
struct LoadResult {
    std::shared_ptr<const Model> model;
    std::vector<LoadError> errors;
    bool ok() const { return model != nullptr; }
};

// One model without imports (an <import> of another model is left unresolved: using its names
// gives null).
LoadResult LoadModel(std::string_view xml, const ReaderLimits& limits = {});

// Several models that may import each other by namespace (e.g. every *.dmn of a directory).
struct ModelSet {
    std::vector<std::string> files;                    // as given
    std::vector<std::shared_ptr<const Model>> models;  // parallel to files; null if unreadable
    std::vector<LoadError> errors;                     // element_id is prefixed "file: "
    // By file name (without directory) or by model name; nullptr when absent.
    std::shared_ptr<const Model> Find(std::string_view file_or_name) const;
};
ModelSet LoadModels(const std::vector<std::pair<std::string, std::string>>& files_and_xml,
                    const ReaderLimits& limits = {});
// Every *.dmn file directly in `dir` (I/O errors are reported in `errors`).
ModelSet LoadModelDirectory(const std::string& dir, const ReaderLimits& limits = {});

// What a model decides and needs, for the UI and the batch loader.
struct VariableInfo {
    std::string name;
    std::string type_ref;  // "" when untyped
};
std::vector<VariableInfo> ListDecisions(const Model& model);
std::vector<VariableInfo> ListInputData(const Model& model);
std::vector<VariableInfo> ListDecisionServices(const Model& model);

// The values of input data: of the model itself by name in `values`; of an imported model's input
// data in `by_namespace` (keyed by that model's namespace), else under its import prefix in
// `values` ({"myimport": {"Person": ...}}). A decision named in `values` is taken as given
// instead of evaluated.
struct Inputs {
    Context values;
    std::vector<std::pair<std::string, Context>> by_namespace;
};

// The outcome: the value (null when the decision could not be made) and, when evaluation stopped
// (unknown decision, step budget exceeded), the reason. FEEL's softer errors (wrong types ->
// null) are the Evaluation's warnings.
struct DmnResult {
    Value value;
    std::string error;
    bool ok() const { return error.empty(); }
};

// Evaluates `decision` after the decisions it requires (each once). `trace` may be null: nothing
// is then recorded and nothing allocated for it.
DmnResult EvaluateDecision(const Model& model, std::string_view decision, const Inputs& inputs,
                           Evaluation& ev, Trace* trace = nullptr);
// Several decisions of one model with the same inputs, each required decision evaluated once
// for all of them (e.g. eligibility and award). One result per name, in order.
std::vector<DmnResult> EvaluateDecisions(const Model& model,
                                         const std::vector<std::string>& decisions,
                                         const Inputs& inputs, Evaluation& ev,
                                         Trace* trace = nullptr);
// Invokes a decision service with its parameters (input decisions and input data by name); a
// single output decision gives its value, several a context of them.
DmnResult EvaluateDecisionService(const Model& model, std::string_view service,
                                  const Context& parameters, Evaluation& ev,
                                  Trace* trace = nullptr);
// Invokes a business knowledge model with named arguments.
DmnResult InvokeBkm(const Model& model, std::string_view bkm, const Context& arguments,
                    Evaluation& ev);

}  // namespace ow::rules
