// The CLI's subcommands. Each returns the process exit status: 0 success, 1 the input had errors,
// 2 the command line was wrong.
#pragma once

namespace gp::cli {

int cmd_version(int argc, char** argv);
// [SECTION] progress commands
int cmd_results(int argc, char** argv);

}  // namespace gp::cli
