// The DMN evaluator's internals, shared by dmn_evaluator.cpp (the requirements graph, BKMs and
// decision services as functions), dmn_boxed.cpp (boxed expressions) and decision_table.cpp.
#pragma once

#include <memory>
#include <string_view>

#include "rules/dmn_model.hpp"
#include "rules/evaluation.hpp"
#include "rules/feel.hpp"
#include "rules/function.hpp"
#include "rules/trace.hpp"

namespace ow::rules::dmn_eval {

// A scope frame that owns what it sees: its parent frame, or the snapshot of a scope that a
// function value captured when it was defined (function values never hold the frame they are
// bound in, so frames and closures form no reference cycle).
struct Frame {
    explicit Frame(std::shared_ptr<const Frame> p)
        : parent(std::move(p)), scope(parent ? &parent->scope : nullptr) {}
    explicit Frame(std::shared_ptr<const Scope> b) : base(std::move(b)), scope(base.get()) {}
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;

    std::shared_ptr<const Frame> parent;
    std::shared_ptr<const Scope> base;
    Scope scope;
};
using FramePtr = std::shared_ptr<const Frame>;

inline std::shared_ptr<Frame> NewFrame(FramePtr parent) {
    return std::make_shared<Frame>(std::move(parent));
}
// A root frame whose `instance of` / typed parameters know the model's item definitions.
std::shared_ptr<Frame> RootFrame(const Model& model);

struct Ctx {
    const Model& model;  // typeRefs resolve here
    Evaluation& ev;
    Trace* trace;            // null: record nothing
    std::string_view owner;  // the decision or BKM, for the trace
};

Value EvalBoxed(const Boxed* b, const FramePtr& frame, Ctx& c);
Value EvalTable(const DecisionTable& t, const FramePtr& frame, Ctx& c);

// BKMs and decision services as FEEL functions. They keep their model alive.
std::shared_ptr<const Function> BkmFunction(const Model& model, const BusinessKnowledgeModel& b);
std::shared_ptr<const Function> ServiceFunction(const Model& model, const DecisionService& s);

// The shared_ptr owning `model` when it has one (models from the loader do), else null.
std::shared_ptr<const Model> Owner(const Model& model);

}  // namespace ow::rules::dmn_eval
