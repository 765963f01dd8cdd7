// What the subcommands share: reading an input file. Errors are printed with gp::errors_to_json
// (core/progress.hpp), the same objects the widget reports.
#pragma once

#include <string>

namespace gp::cli {

// The whole file in `out`; false after telling stderr "goalpost COMMAND: cannot read 'PATH'".
bool read_file(const char* command, const std::string& path, std::string& out);

}  // namespace gp::cli
