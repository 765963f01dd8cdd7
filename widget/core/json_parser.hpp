// The JSON parser behind the one parse entry (parse_json, json_access.hpp): one linear pass from outside
// bytes to nlohmann's DOM, with an explicit stack, so nothing recursive runs on the payload.
//
// Why not nlohmann's own parser: it was a third of every read (its lexer copies each character twice, to
// the token and to the text it keeps for error messages), and it could not keep a document with one bad
// string, so a scan ran before it to repair the bytes. This pass does both jobs at once, and fills the same
// DOM every reader uses. What it accepts is RFC 8259 JSON exactly as nlohmann's strict parser does (a UTF-8
// byte order mark is skipped, no comments, nothing after the value but a NUL byte and what follows it), except for three repairs that keep
// the rest of a document readable:
// - nesting deeper than max_depth is refused (too_deep, at its path) before it is built;
// - invalid UTF-8 inside a string, and a lone \u surrogate escape, become U+FFFD and are reported as
//   bad_utf8 at the string's path;
// - a number that overflows a double (1e400) is kept as a string of its text, so the field reader reports it
//   at its path instead of the document being refused.
// The numbers are nlohmann's: an integer is number_unsigned, or number_integer when negative, and one out of
// 64-bit range or with a fraction or exponent is a double (read_decimal, json_access.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace gp {

struct JsonParse {
    Json doc;                   // discarded when the text is not JSON or is nested too deep
    bool too_deep = false;
    std::vector<Error> errors;  // too_deep and bad_utf8 at their paths (at most max_errors of them)
    std::vector<std::string> repaired;  // the path of every string that was repaired, however many
};

JsonParse parse_json_text(std::string_view text, int max_depth, size_t max_errors = 100);

}  // namespace gp
