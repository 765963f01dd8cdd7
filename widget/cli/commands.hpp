// The CLI's subcommands. Each returns the process exit status: 0 success, 1 the input had errors,
// 2 the command line was wrong.
#pragma once

namespace gp::cli {

int cmd_version(int argc, char** argv);
// [SECTION] goal model commands
int cmd_validate(int argc, char** argv);
int cmd_convert(int argc, char** argv);
int cmd_find(int argc, char** argv);
// [SECTION] progress commands
int cmd_results(int argc, char** argv);
// [SECTION] condition commands
int cmd_match(int argc, char** argv);
int cmd_explain(int argc, char** argv);

}  // namespace gp::cli
