#include "auth/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace ow::auth {
namespace {

using namespace std::chrono;

TEST(RateLimiter, AllowsNPerWindowThenTellsHowLongToWait) {
    ManualClock clock(Timestamp{seconds(1000)});
    RateLimiter limiter(clock, 3, seconds(60));
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(limiter.RetryAfterSeconds("ip:1"), 0);
        limiter.Record("ip:1");
        clock.Advance(seconds(10));
    }
    EXPECT_EQ(limiter.RetryAfterSeconds("ip:1"), 30);  // the first event leaves the window at 60 s
    EXPECT_EQ(limiter.RetryAfterSeconds("ip:2"), 0);   // other clients are not affected
    clock.Advance(seconds(30));
    EXPECT_EQ(limiter.RetryAfterSeconds("ip:1"), 0);
    limiter.Record("ip:1");
    EXPECT_GT(limiter.RetryAfterSeconds("ip:1"), 0);
    limiter.Clear("ip:1");
    EXPECT_EQ(limiter.RetryAfterSeconds("ip:1"), 0);
}

}  // namespace
}  // namespace ow::auth
