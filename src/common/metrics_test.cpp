#include "common/metrics.hpp"

#include <gtest/gtest.h>

namespace ow::metrics {
namespace {

TEST(Metrics, RendersPrometheusText) {
    Registry r;
    r.GetCounter("http_requests_total", "Requests", {"route", "status"}, {"/a", "200"}).Inc(3);
    r.GetHistogram("http_request_duration_seconds", "Latency", {"route"}, {"/a"})
        .Observe(std::chrono::milliseconds(3));
    r.AddGaugeCallback("db_pool_in_use", "In use", [] { return 2; });
    std::string text = r.Render();
    EXPECT_NE(text.find("# TYPE http_requests_total counter"), std::string::npos);
    EXPECT_NE(text.find("http_requests_total{route=\"/a\",status=\"200\"} 3"), std::string::npos);
    EXPECT_NE(text.find("http_request_duration_seconds_bucket{route=\"/a\",le=\"0.0025\"} 0"),
              std::string::npos);
    EXPECT_NE(text.find("http_request_duration_seconds_bucket{route=\"/a\",le=\"0.005\"} 1"),
              std::string::npos);
    EXPECT_NE(text.find("http_request_duration_seconds_count{route=\"/a\"} 1"), std::string::npos);
    EXPECT_NE(text.find("db_pool_in_use 2"), std::string::npos);
}

}  // namespace
}  // namespace ow::metrics
