// `onewindow dmn batch MODEL.dmn --decision NAME --data FILE.csv --out FILE.csv [--explain]`: one
// decision for every row of a data file, column by column where the model allows; and
// `onewindow dmn eval MODEL.dmn --decision NAME --input JSON [--explain]`: one evaluation, its
// value and (on request) the explanation as JSON.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "common/clock.hpp"

namespace ow::app {

class DmnRunCommands {
public:
    // Adds "batch" and "eval" under the `dmn` subcommand.
    explicit DmnRunCommands(CLI::App& dmn);

    bool parsed() const { return batch_->parsed() || eval_->parsed(); }
    // Exit code: 0 done; 1 some rows or the evaluation had errors (reported on stderr with
    // their lines); 2 a model, data or input that cannot be read.
    int Run(const Clock& clock) const;

private:
    int Batch(const Clock& clock) const;
    int Eval(const Clock& clock) const;

    CLI::App* batch_ = nullptr;
    CLI::App* eval_ = nullptr;
    std::string model_;
    std::string decision_;
    std::string data_;
    std::string out_;
    std::string input_;
    bool explain_ = false;
};

}  // namespace ow::app
