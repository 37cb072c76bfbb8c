// RateLimiter: at most N events per key in a sliding window (e.g. failed sign-ins per client
// address). In memory: per instance, which is what throttling a guessing client needs; account
// lock-out, which must hold across instances, is kept in the database instead.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.hpp"

namespace ow::auth {

class RateLimiter {
public:
    RateLimiter(const Clock& clock, int max_events, std::chrono::seconds window);

    // 0 if another event is allowed now, else the seconds until one is.
    int64_t RetryAfterSeconds(const std::string& key);
    void Record(const std::string& key);
    void Clear(const std::string& key);

private:
    void Prune(std::deque<Timestamp>& events, Timestamp now) const;

    const Clock& clock_;
    int max_events_;
    std::chrono::milliseconds window_;
    std::mutex mu_;
    std::unordered_map<std::string, std::deque<Timestamp>> events_;
    int64_t records_since_sweep_ = 0;
};

}  // namespace ow::auth
