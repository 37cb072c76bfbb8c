#include "auth/rate_limiter.hpp"

namespace ow::auth {

RateLimiter::RateLimiter(const Clock& clock, int max_events, std::chrono::seconds window)
    : clock_(clock), max_events_(max_events), window_(window) {}

void RateLimiter::Prune(std::deque<Timestamp>& events, Timestamp now) const {
    while (!events.empty() && events.front() <= now - window_) events.pop_front();
}

int64_t RateLimiter::RetryAfterSeconds(const std::string& key) {
    std::lock_guard lock(mu_);
    auto it = events_.find(key);
    if (it == events_.end()) return 0;
    Timestamp now = clock_.Now();
    Prune(it->second, now);
    if (static_cast<int>(it->second.size()) < max_events_) return 0;
    auto wait = it->second.front() + window_ - now;
    return std::max<int64_t>(1, std::chrono::ceil<std::chrono::seconds>(wait).count());
}

void RateLimiter::Record(const std::string& key) {
    std::lock_guard lock(mu_);
    Timestamp now = clock_.Now();
    events_[key].push_back(now);
    // Forget idle keys now and then, so memory stays bounded by the active clients.
    if (++records_since_sweep_ >= 1024) {
        records_since_sweep_ = 0;
        for (auto it = events_.begin(); it != events_.end();) {
            Prune(it->second, now);
            it = it->second.empty() ? events_.erase(it) : std::next(it);
        }
    }
}

void RateLimiter::Clear(const std::string& key) {
    std::lock_guard lock(mu_);
    events_.erase(key);
}

}  // namespace ow::auth
