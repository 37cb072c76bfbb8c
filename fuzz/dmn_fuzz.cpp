// libFuzzer target: any bytes as a DMN file. Reading must never crash, hang or grow without
// bound; a model that loads has each of its decisions evaluated with no inputs under a budget.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/dmn.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace ow::rules;
    std::string_view xml(reinterpret_cast<const char*>(data), size);
    auto loaded = LoadModel(xml);
    if (!loaded.ok()) return 0;
    Limits limits;
    limits.max_steps = 20'000;
    limits.max_depth = 64;
    for (const auto& d : ListDecisions(*loaded.model)) {
        Evaluation ev({}, limits);
        (void)EvaluateDecision(*loaded.model, d.name, Inputs{}, ev);
    }
    return 0;
}
