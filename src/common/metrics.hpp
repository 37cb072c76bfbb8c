// Metrics: counters, gauges and histograms with labels, rendered in the Prometheus text
// exposition format (version 0.0.4). Updating a metric is lock-free once its label set exists.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ow::metrics {

using Labels = std::vector<std::string>;  // values, in the family's label-name order

class Counter {
public:
    void Inc(uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
    uint64_t Value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<uint64_t> value_{0};
};

class Gauge {
public:
    void Set(int64_t v) { value_.store(v, std::memory_order_relaxed); }
    void Add(int64_t d) { value_.fetch_add(d, std::memory_order_relaxed); }
    int64_t Value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<int64_t> value_{0};
};

// Latency histogram in seconds with fixed bucket upper bounds.
class Histogram {
public:
    explicit Histogram(const std::vector<double>& bounds);
    void Observe(std::chrono::nanoseconds d);
    void Render(const std::string& name, const std::string& labels, std::string& out) const;

private:
    std::vector<double> bounds_;
    std::unique_ptr<std::atomic<uint64_t>[]> counts_;  // one per bound, plus +Inf
    std::atomic<uint64_t> sum_ns_{0};
    std::atomic<uint64_t> count_{0};
};

class Registry {
public:
    Counter& GetCounter(const std::string& name, const std::string& help,
                        const std::vector<std::string>& label_names, const Labels& labels);
    Gauge& GetGauge(const std::string& name, const std::string& help,
                    const std::vector<std::string>& label_names, const Labels& labels);
    Histogram& GetHistogram(const std::string& name, const std::string& help,
                            const std::vector<std::string>& label_names, const Labels& labels);
    // A gauge read at scrape time, e.g. the database pool's connections in use.
    void AddGaugeCallback(const std::string& name, const std::string& help,
                          std::function<int64_t()> read);

    // Prometheus text exposition of every metric.
    std::string Render() const;

private:
    enum class Kind { kCounter, kGauge, kHistogram };
    struct Family {
        Kind kind;
        std::string help;
        std::vector<std::string> label_names;
        std::map<Labels, std::unique_ptr<Counter>> counters;
        std::map<Labels, std::unique_ptr<Gauge>> gauges;
        std::map<Labels, std::unique_ptr<Histogram>> histograms;
        std::function<int64_t()> callback;
    };
    Family& GetFamily(const std::string& name, Kind kind, const std::string& help,
                      const std::vector<std::string>& label_names);

    mutable std::mutex mu_;
    std::map<std::string, Family> families_;
};

}  // namespace ow::metrics
