// AdminLogEntry: one line of the admin log — who changed what in accounts, the org tree or the
// calendar, and every sign-in attempt. Stores write it in the same transaction as the change it
// describes, so the log and the data never disagree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"

namespace ow {

struct AdminLogEntry {
    Timestamp at;
    std::optional<int64_t> actor_id;
    std::string action;  // e.g. "user.create", "org_unit.update", "login.failed"
    std::string target;  // e.g. "user:12"
    std::string detail;  // short, never a password or a personal identity number
};

}  // namespace ow
