// Shared body of the fuzz_read_* targets: read the bytes as one vendor's payload (and with detection),
// then write the goals back and read them again. Crashes, sanitizer reports and aborts are findings; so is
// a model that does not survive read -> write -> read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/read.hpp"
#include "core/write.hpp"

inline int fuzz_read_vendor(const uint8_t* data, size_t size, gp::Vendor vendor) {
    const std::string_view payload(reinterpret_cast<const char*>(data), size);
    gp::ReadOptions options;
    options.max_depth = 32;
    (void)gp::read_goals(payload, options);  // detection path
    options.format = vendor;
    const gp::ReadResult first = gp::read_goals(payload, options);
    if (first.goals.empty()) return 0;
    gp::WriteOptions w;
    w.format = vendor;
    const gp::WriteResult written = gp::write_goals(first.goals, w);
    if (!written.ok()) return 0;
    const gp::ReadResult second = gp::read_goals(written.text, options);
    if (second.goals != first.goals) __builtin_trap();  // the round trip lost or changed something
    return 0;
}
