// What the subcommands share: reading an input file and errors as JSON.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace gp::cli {

// The whole file in `out`; false after telling stderr "goalpost COMMAND: cannot read 'PATH'".
bool read_file(const char* command, const std::string& path, std::string& out);

// [{"path", "code", "message", "status"}, ...]: the error objects every command prints.
Json errors_json(const std::vector<Error>& errors);

}  // namespace gp::cli
