#include "notices/backoff.hpp"

#include <gtest/gtest.h>

namespace ow::notices {
namespace {

using namespace std::chrono;

TEST(NextAttempt, DoublesFromThirtySecondsUpToAnHourThenGivesUp) {
    Timestamp now{milliseconds(1'000'000)};
    EXPECT_EQ(*NextAttempt(now, 1) - now, seconds(30));
    EXPECT_EQ(*NextAttempt(now, 2) - now, seconds(60));
    EXPECT_EQ(*NextAttempt(now, 3) - now, seconds(120));
    EXPECT_EQ(*NextAttempt(now, 7) - now, seconds(1920));
    EXPECT_FALSE(NextAttempt(now, kMaxAttempts).has_value());
}

TEST(NextAttempt, IsCappedAtAnHour) {
    Timestamp now{};
    for (int a = 1; a < kMaxAttempts; ++a) EXPECT_LE(*NextAttempt(now, a) - now, hours(1));
}

}  // namespace
}  // namespace ow::notices
