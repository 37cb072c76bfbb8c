// OutboxWorker: drains the outbox at least once. Each due message is leased (so another server
// instance does not take it too), handed to its channel's transport with its idempotency key
// (so a gateway can drop a repeat), then marked sent — or scheduled again with back-off when
// the transport is down. Time comes from the injected clock; the thread polls about once a
// second and at once when poked.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "common/clock.hpp"
#include "notices/notice_store.hpp"

namespace ow::notices {

// A way out: the webhook (sms, wechat) or SMTP (email). A failure is retried later.
class Transport {
public:
    virtual ~Transport() = default;
    virtual Result<void> Send(const OutboxMessage& message) = 0;
};

class OutboxWorker {
public:
    // `inbox` delivers an inbox message (the live channel); `transports` by channel name.
    OutboxWorker(NoticeStore& store, const Clock& clock,
                 std::map<std::string, Transport*> transports,
                 std::function<void(const OutboxMessage&)> inbox);
    ~OutboxWorker();

    // One pass over the due messages; returns how many it handled.
    Result<int> RunOnce(int limit = 100);

    // The background thread: polls every `interval` and when poked. Stop() is idempotent.
    void Start(std::chrono::milliseconds interval = std::chrono::seconds(1));
    void Poke();
    void Stop();

private:
    NoticeStore& store_;
    const Clock& clock_;
    std::map<std::string, Transport*> transports_;
    std::function<void(const OutboxMessage&)> inbox_;

    std::mutex mu_;
    std::condition_variable cv_;
    bool stop_ = false;
    bool poked_ = false;
    std::thread thread_;
};

}  // namespace ow::notices
