// Writing goals back in a vendor's wire format (the inverse of read.hpp).
//
// For every vendor, read -> write -> read gives the same model. Goal::extra (the fields a reader did not
// model) is written back only to the vendor it came from. What the target format cannot express is
// reported as a "not_representable" Error naming the goal, and left out of the output.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace gp {

class GiosgCodeTable;

struct WriteOptions {
    Vendor format = Vendor::unknown;  // unknown: each goal's own vendor, which must all be the same
    bool single = false;              // the vendor's single-object shape; needs exactly one goal
    const GiosgCodeTable* giosg_codes = nullptr;  // nullptr: GiosgCodeTable::builtin()
    int indent = -1;                  // -1 compact, otherwise pretty-printed with this indent
};

struct WriteResult {
    Json document;
    std::string text;
    std::vector<Error> errors;  // paths are "/<goal index>/<field>" in the input vector
    // Goals written with a change of meaning the target format forced (seasonal targets collapsed, a
    // target the format has no field for dropped): same paths, one sentence each.
    std::vector<Error> warnings;
    bool ok() const { return errors.empty(); }
};

WriteResult write_goals(const std::vector<Goal>& goals, const WriteOptions& options);

}  // namespace gp
