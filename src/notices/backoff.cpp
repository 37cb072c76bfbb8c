#include "notices/backoff.hpp"

#include <algorithm>

namespace ow::notices {

std::optional<Timestamp> NextAttempt(Timestamp now, int attempts) {
    using namespace std::chrono;
    if (attempts >= kMaxAttempts) return std::nullopt;
    seconds wait{30};
    for (int i = 1; i < attempts && wait < hours(1); ++i) wait *= 2;
    return now + std::chrono::duration_cast<milliseconds>(std::min<seconds>(wait, hours(1)));
}

}  // namespace ow::notices
