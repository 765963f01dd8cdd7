// A linear pre-scan of a JSON payload that runs before nlohmann's parser.
//
// It does three things the parser cannot do for us without failing the whole payload:
// - refuses nesting past a fixed depth before anything recursive runs;
// - repairs invalid UTF-8 (and lone \u surrogates) inside strings to U+FFFD, reporting each at the path of
//   the string, so one bad title does not take the other goals down with it;
// - quotes number tokens that overflow a double (1e400), so the field reader reports them at their path
//   instead of the parser discarding the document.
// Structure errors (a missing bracket) are left for the parser to report as malformed JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace gp {

struct PrescanResult {
    bool too_deep = false;
    bool changed = false;        // when true, `repaired` is the text to parse
    std::string repaired;
    std::vector<Error> errors;   // too_deep, bad_utf8, bad_number, each at its path
};

PrescanResult prescan_json(std::string_view text, int max_depth, size_t max_errors = 100);

}  // namespace gp
