// Clock: where "now" comes from. Everything that depends on time takes a Clock&, so deadlines,
// lock-outs and session expiry are tested by setting a ManualClock instead of sleeping.
#pragma once

#include <atomic>
#include <chrono>

namespace ow {

// An instant, UTC, millisecond precision.
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
public:
    virtual ~Clock() = default;
    virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
public:
    Timestamp Now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now());
    }
};

// A clock that moves only when told to. Safe to read and set from several threads.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Timestamp start) : ms_(start.time_since_epoch().count()) {}
    Timestamp Now() const override { return Timestamp(std::chrono::milliseconds(ms_.load())); }
    void Set(Timestamp t) { ms_.store(t.time_since_epoch().count()); }
    void Advance(std::chrono::milliseconds d) { ms_.fetch_add(d.count()); }

private:
    std::atomic<long long> ms_;
};

}  // namespace ow
