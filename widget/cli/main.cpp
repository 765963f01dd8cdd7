// goalpost: the command-line shell over the core. Each subcommand lives in its own file and prints JSON
// on stdout; problems go to stderr, and the exit status says whether the input was good.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "cli/commands.hpp"

namespace {

struct Command {
    const char* name;
    int (*run)(int argc, char** argv);  // argv[0] is the subcommand name
    const char* usage;
};

constexpr Command kCommands[] = {
    {"version", gp::cli::cmd_version, "goalpost version"},
    // [SECTION] goal model commands
    {"validate", gp::cli::cmd_validate, "goalpost validate FILE [--format F] [--giosg-codes F] [--pretty]"},
    {"convert", gp::cli::cmd_convert,
     "goalpost convert FILE --to F [--from F] [--single] [--giosg-codes F] [--pretty]"},
    {"find", gp::cli::cmd_find, "goalpost find FILE [key=value ...] [--format F] [--pretty]"},
    // [SECTION] progress commands
    {"results", gp::cli::cmd_results,
     "goalpost results --goals F [--deals F] [--activities F] [--stage-changes F] --goal ID --period START..END "
     "[--currencies F] [--teams F] [--rates F] [--now TIME | --as-of DAY] [--tz-offset MIN] [--week-start DAY] "
     "[--fiscal-year-start M]"},
    // [SECTION] condition commands
    {"match", gp::cli::cmd_match,
     "goalpost match --goals F --events F [--session-timeout-minutes N] [--engine index|naive]"},
    {"explain", gp::cli::cmd_explain,
     "goalpost explain --goals F URL [--title T] [--referrer R] [--event NAME] [--event-value V] [--room R]"},
};

int usage(FILE* out) {
    std::fputs("usage:\n", out);
    for (const Command& c : kCommands) std::fprintf(out, "  %s\n", c.usage);
    return out == stderr ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage(stderr);
    const std::string_view name = argv[1];
    if (name == "-h" || name == "--help" || name == "help") return usage(stdout);
    for (const Command& c : kCommands)
        if (name == c.name) return c.run(argc - 1, argv + 1);
    std::fprintf(stderr, "goalpost: unknown command '%s'\n", argv[1]);
    return usage(stderr);
}
