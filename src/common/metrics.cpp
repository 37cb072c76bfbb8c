#include "common/metrics.hpp"

#include <cstdio>
#include <stdexcept>

namespace ow::metrics {
namespace {

std::string Escape(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string LabelText(const std::vector<std::string>& names, const Labels& values) {
    std::string out;
    for (size_t i = 0; i < names.size() && i < values.size(); ++i) {
        if (!out.empty()) out += ',';
        out += names[i] + "=\"" + Escape(values[i]) + "\"";
    }
    return out;
}

std::string Number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

}  // namespace

Histogram::Histogram(const std::vector<double>& bounds)
    : bounds_(bounds), counts_(new std::atomic<uint64_t>[bounds.size() + 1]) {
    for (size_t i = 0; i <= bounds_.size(); ++i) counts_[i].store(0);
}

void Histogram::Observe(std::chrono::nanoseconds d) {
    double seconds = static_cast<double>(d.count()) / 1e9;
    size_t i = 0;
    while (i < bounds_.size() && seconds > bounds_[i]) ++i;
    counts_[i].fetch_add(1, std::memory_order_relaxed);
    sum_ns_.fetch_add(static_cast<uint64_t>(d.count()), std::memory_order_relaxed);
    count_.fetch_add(1, std::memory_order_relaxed);
}

void Histogram::Render(const std::string& name, const std::string& labels, std::string& out) const {
    std::string sep = labels.empty() ? "" : ",";
    uint64_t cumulative = 0;
    for (size_t i = 0; i <= bounds_.size(); ++i) {
        cumulative += counts_[i].load(std::memory_order_relaxed);
        std::string le = i < bounds_.size() ? Number(bounds_[i]) : "+Inf";
        out += name + "_bucket{" + labels + sep + "le=\"" + le + "\"} " +
               std::to_string(cumulative) + "\n";
    }
    std::string braces = labels.empty() ? "" : "{" + labels + "}";
    out += name + "_sum" + braces + " " +
           Number(static_cast<double>(sum_ns_.load(std::memory_order_relaxed)) / 1e9) + "\n";
    out += name + "_count" + braces + " " + std::to_string(count_.load()) + "\n";
}

Registry::Family& Registry::GetFamily(const std::string& name, Kind kind, const std::string& help,
                                      const std::vector<std::string>& label_names) {
    auto [it, inserted] = families_.try_emplace(name);
    if (inserted) {
        it->second.kind = kind;
        it->second.help = help;
        it->second.label_names = label_names;
    } else if (it->second.kind != kind) {
        throw std::logic_error("metric registered twice with different kinds: " + name);
    }
    return it->second;
}

Counter& Registry::GetCounter(const std::string& name, const std::string& help,
                              const std::vector<std::string>& label_names, const Labels& labels) {
    std::lock_guard lock(mu_);
    auto& slot = GetFamily(name, Kind::kCounter, help, label_names).counters[labels];
    if (!slot) slot = std::make_unique<Counter>();
    return *slot;
}

Gauge& Registry::GetGauge(const std::string& name, const std::string& help,
                          const std::vector<std::string>& label_names, const Labels& labels) {
    std::lock_guard lock(mu_);
    auto& slot = GetFamily(name, Kind::kGauge, help, label_names).gauges[labels];
    if (!slot) slot = std::make_unique<Gauge>();
    return *slot;
}

Histogram& Registry::GetHistogram(const std::string& name, const std::string& help,
                                  const std::vector<std::string>& label_names,
                                  const Labels& labels) {
    static const std::vector<double> kLatencyBounds = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    std::lock_guard lock(mu_);
    auto& slot = GetFamily(name, Kind::kHistogram, help, label_names).histograms[labels];
    if (!slot) slot = std::make_unique<Histogram>(kLatencyBounds);
    return *slot;
}

void Registry::AddGaugeCallback(const std::string& name, const std::string& help,
                                std::function<int64_t()> read) {
    std::lock_guard lock(mu_);
    GetFamily(name, Kind::kGauge, help, {}).callback = std::move(read);
}

std::string Registry::Render() const {
    std::lock_guard lock(mu_);
    std::string out;
    for (const auto& [name, f] : families_) {
        static constexpr const char* kTypes[] = {"counter", "gauge", "histogram"};
        out += "# HELP " + name + " " + f.help + "\n";
        out += "# TYPE " + name + " " + kTypes[static_cast<int>(f.kind)] + "\n";
        auto line = [&](const Labels& labels, const std::string& value) {
            std::string l = LabelText(f.label_names, labels);
            out += name + (l.empty() ? "" : "{" + l + "}") + " " + value + "\n";
        };
        if (f.callback) line({}, std::to_string(f.callback()));
        for (const auto& [labels, c] : f.counters) line(labels, std::to_string(c->Value()));
        for (const auto& [labels, g] : f.gauges) line(labels, std::to_string(g->Value()));
        for (const auto& [labels, h] : f.histograms) {
            h->Render(name, LabelText(f.label_names, labels), out);
        }
    }
    return out;
}

}  // namespace ow::metrics
