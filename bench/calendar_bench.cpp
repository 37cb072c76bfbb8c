// How fast the working-day calendar answers: every deadline of every open case is computed
// with it, and the sweeper of later issues recomputes them in bulk.
#include <benchmark/benchmark.h>

#include <random>

#include "calendar/working_day_calendar.hpp"

namespace {

using namespace std::chrono;
using ow::calendar::Suspension;
using ow::calendar::WorkingDayCalendar;

const WorkingDayCalendar& Calendar() {
    static const WorkingDayCalendar cal(ow::calendar::ShippedNotices(), {});
    return cal;
}

std::vector<ow::Date> RandomDates(size_t n) {
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> day(0, 365 * 19);
    std::vector<ow::Date> out;
    for (size_t i = 0; i < n; ++i) out.emplace_back(sys_days(year{2007} / 1 / 1) + days(day(rng)));
    return out;
}

void BM_AddWorkingDays(benchmark::State& state) {
    auto dates = RandomDates(4096);
    size_t i = 0;
    for (auto _ : state) {
        auto r = Calendar().AddWorkingDays(dates[i++ & 4095], 20);
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays);

void BM_AddWorkingDaysWithSuspensions(benchmark::State& state) {
    auto dates = RandomDates(4096);
    size_t i = 0;
    for (auto _ : state) {
        ow::Date from = dates[i++ & 4095];
        std::vector<Suspension> s = {
            {ow::Date{sys_days(from) + days(3)}, ow::Date{sys_days(from) + days(9)}},
            {ow::Date{sys_days(from) + days(20)}, ow::Date{sys_days(from) + days(24)}}};
        auto r = Calendar().AddWorkingDays(from, 20, s);
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDaysWithSuspensions);

void BM_CountWorkingDays(benchmark::State& state) {
    auto dates = RandomDates(4096);
    size_t i = 0;
    for (auto _ : state) {
        ow::Date from = dates[i++ & 4095];
        auto r = Calendar().CountWorkingDays(from, ow::Date{sys_days(from) + days(55)});
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CountWorkingDays);

void BM_BuildCalendar(benchmark::State& state) {
    for (auto _ : state) {
        WorkingDayCalendar cal(ow::calendar::ShippedNotices(), {});
        benchmark::DoNotOptimize(cal);
    }
}
BENCHMARK(BM_BuildCalendar)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
