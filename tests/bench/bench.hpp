// Benchmark protocol shared by every tests/bench/bench_*.cpp executable.
//
// Each benchmark prints one JSON line per measurement on stdout:
//   {"bench":"read.pipedrive","median_ms":12.3,"runs":7,"bytes":123456,"items":100000}
// scripts/bench runs the same executables natively and as wasm under node in one run, pairs the lines
// by "bench", and writes the medians and native/wasm ratios into docs/BENCHMARKS.md. Benchmarks never
// assert speed; they measure it.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace gp::bench {

// Keeps the optimiser from deleting work whose result is otherwise unused.
template <class T>
inline void keep(const T& value) {
    asm volatile("" : : "r"(&value) : "memory");
}

struct Measurement {
    std::string name;
    double median_ms = 0;
    int runs = 0;
    double bytes = 0;  // input size, for MB/s (0 if not meaningful)
    double items = 0;  // goals, events, page views... for items/s (0 if not meaningful)
};

// Runs `work` `runs` times after `warmups` untimed runs and returns the median wall time in milliseconds.
// Under node, code starts in V8's baseline tier and is recompiled optimised in the background once it is
// hot: short work needs several warm-up runs before the timed ones measure the optimised code.
template <class F>
double median_ms(int runs, F&& work, int warmups = 1) {
    for (int i = 0; i < warmups; ++i) work();
    std::vector<double> times;
    times.reserve(static_cast<size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        work();
        const auto t1 = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

inline void report(const Measurement& m) {
    std::printf("{\"bench\":\"%s\",\"median_ms\":%.4f,\"runs\":%d,\"bytes\":%.0f,\"items\":%.0f}\n", m.name.c_str(),
                m.median_ms, m.runs, m.bytes, m.items);
    std::fflush(stdout);
}

}  // namespace gp::bench
