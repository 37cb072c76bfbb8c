// Evaluation: the state one evaluation carries through the interpreter, built-ins and the DMN
// evaluator: the step budget that stops a runaway rule, the warnings FEEL's "error -> null"
// leaves behind, and the injected now() for today()/now().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rules/temporal.hpp"

namespace ow::rules {

struct Limits {
    int64_t max_steps = 10'000'000;  // interpreter steps (nodes evaluated, loop iterations)
    int max_depth = 512;             // nested calls / recursion
};

// Thrown only inside the rules module when the budget is exhausted and caught at its public
// entry points (Evaluate, DMN Evaluate), which turn it into an error value: the one place
// unwinding through the interpreter's recursion is worth an exception.
struct BudgetExceeded {
    std::string what;
};

class Evaluation {
public:
    explicit Evaluation(DateTime now = {}, Limits limits = {}) : now_(now), limits_(limits) {}

    // One step of work; throws BudgetExceeded past the budget.
    void Step() {
        if (++steps_ > limits_.max_steps) throw BudgetExceeded{"step budget exceeded"};
    }
    // Enter/leave a nested call; throws BudgetExceeded past max_depth.
    void Enter() {
        if (++depth_ > limits_.max_depth) throw BudgetExceeded{"nesting too deep"};
    }
    void Leave() { --depth_; }

    // A FEEL error that evaluates to null (wrong types, bad arguments): kept for the trace and
    // the TCK runner's comments.
    void Warn(std::string message) {
        if (warnings_.size() < 100) warnings_.push_back(std::move(message));
    }
    const std::vector<std::string>& warnings() const { return warnings_; }

    const DateTime& now() const { return now_; }
    int64_t steps() const { return steps_; }

private:
    DateTime now_;
    Limits limits_;
    int64_t steps_ = 0;
    int depth_ = 0;
    std::vector<std::string> warnings_;
};

}  // namespace ow::rules
