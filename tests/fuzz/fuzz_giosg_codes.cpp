// Fuzz target for the giosg condition-code table a page or the CLI configures ({"codes": [...]}), read
// through the one parse entry. Beyond "no crash": every code the table accepted can be found again.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/giosg_codes.hpp"
#include "core/json_access.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const gp::ParsedJson parsed = gp::parse_json(text, {1u << 20, 16});
    if (!parsed.ok()) return 0;
    std::vector<gp::Error> errors;
    const gp::GiosgCodeTable table = gp::GiosgCodeTable::from_json(parsed.doc, errors);
    for (const gp::GiosgCode& code : table.entries())
        if (!table.find(code.code)) std::abort();
    return 0;
}
