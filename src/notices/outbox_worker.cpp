#include "notices/outbox_worker.hpp"

#include "notices/backoff.hpp"

namespace ow::notices {

namespace {
// Long enough for any transport's timeout: a worker that dies mid-send leaves its message to be
// taken again after this.
constexpr std::chrono::milliseconds kLease = std::chrono::minutes(2);
}  // namespace

OutboxWorker::OutboxWorker(NoticeStore& store, const Clock& clock,
                           std::map<std::string, Transport*> transports,
                           std::function<void(const OutboxMessage&)> inbox)
    : store_(store), clock_(clock), transports_(std::move(transports)), inbox_(std::move(inbox)) {}

OutboxWorker::~OutboxWorker() {
    Stop();
}

Result<int> OutboxWorker::RunOnce(int limit) {
    OW_ASSIGN_OR_RETURN(auto due, store_.ClaimDue(clock_.Now(), kLease, limit));
    for (const OutboxMessage& m : due) {
        if (m.channel == "inbox") {
            if (inbox_) inbox_(m);
            OW_TRY(store_.MarkSent(m.id, clock_.Now(), true));
            continue;
        }
        auto it = transports_.find(m.channel);
        Result<void> sent =
            it == transports_.end() || !it->second
                ? Result<void>(
                      Error(ErrorCode::kUnavailable).Detail("no transport for " + m.channel))
                : it->second->Send(m);
        if (sent.ok()) {
            OW_TRY(store_.MarkSent(m.id, clock_.Now(), false));
        } else {
            std::string why = sent.error().detail().empty()
                                  ? std::string(ErrorCodeName(sent.error().code()))
                                  : sent.error().detail();
            OW_TRY(store_.MarkFailedAttempt(m.id, NextAttempt(clock_.Now(), m.attempts), why));
        }
    }
    return static_cast<int>(due.size());
}

void OutboxWorker::Start(std::chrono::milliseconds interval) {
    thread_ = std::thread([this, interval] {
        std::unique_lock lock(mu_);
        while (!stop_) {
            poked_ = false;
            lock.unlock();
            (void)RunOnce();  // a failing database is tried again on the next pass
            lock.lock();
            cv_.wait_for(lock, interval, [this] { return stop_ || poked_; });
        }
    });
}

void OutboxWorker::Poke() {
    {
        std::lock_guard lock(mu_);
        poked_ = true;
    }
    cv_.notify_all();
}

void OutboxWorker::Stop() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace ow::notices
