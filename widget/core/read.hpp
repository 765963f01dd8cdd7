// Reading goal payloads: format detection and the vendor readers' single entry point.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/model.hpp"

namespace gp {

struct ReadOptions {
    Vendor format = Vendor::unknown;          // unknown: detect from the payload's shape
    size_t max_bytes = 64u * 1024u * 1024u;  // larger payloads are refused before parsing
    int max_depth = 64;                       // deeper nesting is refused before anything recursive runs
};

// Never throws and never aborts: every problem becomes an Error naming its place, and every valid goal
// in the payload is returned beside them.
ReadResult read_goals(std::string_view payload, const ReadOptions& options = {});

}  // namespace gp
