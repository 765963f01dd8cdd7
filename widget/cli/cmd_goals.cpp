// goalpost validate | convert | find: the goal formats and the goal store over files.
// Output shapes are documented in docs/cli.md ("Goal model commands").
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_io.hpp"
#include "cli/commands.hpp"
#include "core/giosg_codes.hpp"
#include "core/goal_store.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/progress.hpp"
#include "core/read.hpp"
#include "core/validate.hpp"
#include "core/write.hpp"

namespace gp::cli {
namespace {

struct GoalArgs {
    std::string file;
    Vendor from = Vendor::unknown;
    std::optional<Vendor> to;
    bool single = false;
    int indent = -1;
    std::vector<std::string> rest;  // key=value filters for find
    std::optional<GiosgCodeTable> codes;
};

int usage_error(const char* command, const std::string& message) {
    std::fprintf(stderr, "goalpost %s: %s\n", command, message.c_str());
    return 2;
}

std::optional<Vendor> vendor_arg(const char* text) {
    const auto v = parse_name<Vendor>(text);
    if (!v || *v == Vendor::unknown) return std::nullopt;
    return v;
}

// Parses the shared options; returns 0 to go on, or the exit status of a usage error.
int parse_args(const char* command, int argc, char** argv, GoalArgs& args) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if ((a == "--format" || a == "--from" || a == "--to") && has_value) {
            const auto v = vendor_arg(argv[++i]);
            if (!v) return usage_error(command, std::string("unknown format '") + argv[i] + "' (pipedrive, hubspot, giosg, zendesk)");
            if (a == "--to") args.to = *v;
            else args.from = *v;
            continue;
        }
        if (a == "--giosg-codes" && has_value) {
            std::string text;
            if (!read_file(command, argv[++i], text)) return 2;
            std::vector<Error> errors;
            args.codes = GiosgCodeTable::from_json(parse_json(text).doc, errors);
            if (!errors.empty()) return usage_error(command, "bad giosg code table: " + errors.front().path + " " + errors.front().message);
        } else if (a == "--single") {
            args.single = true;
        } else if (a == "--pretty") {
            args.indent = 2;
        } else if (a.rfind("--", 0) == 0) {
            return usage_error(command, "unknown option " + a);
        } else if (args.file.empty()) {
            args.file = a;
        } else {
            args.rest.push_back(a);
        }
    }
    return args.file.empty() ? usage_error(command, "no input file") : 0;
}

bool read_input(const char* command, const GoalArgs& args, ReadResult& out) {
    std::string text;
    if (!read_file(command, args.file, text)) return false;
    ReadOptions options;
    options.format = args.from;
    options.giosg_codes = args.codes ? &*args.codes : nullptr;
    out = read_goals(text, options);
    return true;
}

void print(const Json& value, int indent) { std::printf("%s\n", dump_json(value, indent).c_str()); }

}  // namespace

int cmd_validate(int argc, char** argv) {
    GoalArgs args;
    if (const int status = parse_args("validate", argc, argv, args)) return status;
    ReadResult r;
    if (!read_input("validate", args, r)) return 2;
    validate_collection(r.goals, r.vendor, r.errors);
    print({{"file", args.file},
           {"format", name_of(r.vendor)},
           {"valid", r.ok()},
           {"goals", r.goals.size()},
           {"errors", errors_to_json(r.errors)},
           {"warnings", errors_to_json(r.warnings)}},
          args.indent);
    return r.ok() ? 0 : 1;
}

int cmd_convert(int argc, char** argv) {
    GoalArgs args;
    if (const int status = parse_args("convert", argc, argv, args)) return status;
    if (!args.to) return usage_error("convert", "--to FORMAT is required");
    ReadResult r;
    if (!read_input("convert", args, r)) return 2;
    WriteOptions w;
    w.format = *args.to;
    w.single = args.single;
    w.giosg_codes = args.codes ? &*args.codes : nullptr;
    w.indent = args.indent;
    const WriteResult out = write_goals(r.goals, w);
    std::printf("%s\n", out.text.c_str());
    std::vector<Error> errors = r.errors;
    errors.insert(errors.end(), out.errors.begin(), out.errors.end());
    std::vector<Error> warnings = r.warnings;
    warnings.insert(warnings.end(), out.warnings.begin(), out.warnings.end());
    // What was assumed on reading and what changed on writing go to stderr: the output stays the document.
    if (!errors.empty() || !warnings.empty())
        std::fprintf(stderr, "%s\n", dump_json({{"errors", errors_to_json(errors)}, {"warnings", errors_to_json(warnings)}}).c_str());
    return errors.empty() ? 0 : 1;
}

int cmd_find(int argc, char** argv) {
    GoalArgs args;
    if (const int status = parse_args("find", argc, argv, args)) return status;
    ReadResult r;
    if (!read_input("find", args, r)) return 2;
    Query query;
    for (const std::string& filter : args.rest) {
        const size_t eq = filter.find('=');
        if (eq == std::string::npos) return usage_error("find", "filters are key=value, got '" + filter + "'");
        query.emplace_back(filter.substr(0, eq), filter.substr(eq + 1));
    }
    StoreOptions store_options;
    store_options.giosg_codes = args.codes ? &*args.codes : nullptr;
    GoalStore store(r.vendor, store_options);
    store.set_goals(r.goals);
    const StoreResult found = store.find(query);
    Json ids = Json::array();
    for (const Goal& g : found.goals) ids.push_back(g.id);
    std::vector<Error> errors = r.errors;
    errors.insert(errors.end(), found.errors.begin(), found.errors.end());
    print({{"format", name_of(r.vendor)},
           {"status", found.status},
           {"count", found.goals.size()},
           {"ids", std::move(ids)},
           {"body", found.body},
           {"errors", errors_to_json(errors)}},
          args.indent);
    return found.ok() && r.ok() ? 0 : 1;
}

}  // namespace gp::cli
