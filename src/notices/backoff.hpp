// Retry schedule of the outbox: 30 s after the first failed attempt, doubling, at most an hour
// apart; after kMaxAttempts attempts the message fails for good (an admin can queue it again).
#pragma once

#include <optional>

#include "common/clock.hpp"

namespace ow::notices {

inline constexpr int kMaxAttempts = 8;

// When to try again after `attempts` failed attempts, or nullopt when it is time to give up.
std::optional<Timestamp> NextAttempt(Timestamp now, int attempts);

}  // namespace ow::notices
