// Reading goal payloads: format detection and the vendor readers' single entry point.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace gp {

class GiosgCodeTable;

struct ReadOptions {
    Vendor format = Vendor::unknown;          // unknown: detect from the payload's shape
    size_t max_bytes = 64u * 1024u * 1024u;  // larger payloads are refused before parsing
    int max_depth = 64;                       // deeper nesting is refused before anything recursive runs
    const GiosgCodeTable* giosg_codes = nullptr;  // nullptr: GiosgCodeTable::builtin()
    bool validate = true;                     // apply the vendor's rules (validate.hpp) to every goal read
    // Records from a vendor are read leniently: an unknown value of an optional field is a warning and a
    // safe fallback. Bodies to be written (the goal store's create and update) are not: it is an error.
    bool lenient = true;
};

// The URL to fetch goals from, with what the vendor must be asked for. A HubSpot goal_targets list or
// record carries only a few default properties (no name, target or dates) unless `properties` names the
// ones wanted: for a HubSpot URL (format hubspot, or a .../objects/goal_targets path) that names none, the
// properties the reader uses are added. Any other URL comes back as it is.
std::string goals_request_url(std::string_view url, Vendor format = Vendor::unknown);

// Never throws and never aborts: every problem becomes an Error naming its place, and every valid goal
// in the payload is returned beside them. A goal with any error is left out of `goals`.
ReadResult read_goals(std::string_view payload, const ReadOptions& options = {});

}  // namespace gp
