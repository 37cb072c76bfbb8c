// What happened to a case, as the append-only history records it (电子化留痕). The store numbers
// the events of a case and chains them by hash; the machine only says what happened.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "common/dates.hpp"
#include "notices/notice.hpp"

namespace ow::cases {

struct CaseEvent {
    std::string type;  // e.g. "submitted", "accepted", "task.decided", "warning.changed"
    Timestamp at{};
    std::optional<int64_t> actor;  // none: the system (timers)
    std::string channel;           // where the actor acted: window, online, ..., system
    std::vector<std::pair<std::string, std::string>> data;

    CaseEvent& With(std::string key, std::string value) {
        data.emplace_back(std::move(key), std::move(value));
        return *this;
    }
};

// A document the holder's vault keeps because of this case: a material accepted with it, or
// the result issued.
struct VaultDeposit {
    std::string holder;  // ID number or credit code
    std::string document_type;
    std::string file_id;  // empty for a result without a file yet
    std::string source;   // "material" or "result"
    Date valid_from;
    std::optional<Date> valid_until;
};

// Everything a change to a case produces besides the case itself.
struct Outcome {
    std::vector<CaseEvent> events;
    std::vector<VaultDeposit> deposits;
    // Who is told about it (planned by CaseService's notice planner), written in the same
    // transaction so a notice exists exactly when what it tells happened.
    std::vector<notices::NewNotice> notices;
};

}  // namespace ow::cases
