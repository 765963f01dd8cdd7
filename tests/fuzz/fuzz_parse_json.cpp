// Fuzz target for the one parse entry (json_access.hpp, parse_json), which every reader of outside bytes
// and the page's options, method arguments and headers go through. Beyond "no crash": a document it
// accepts dumps as valid UTF-8 JSON that parses again to the same value, and a refusal says why.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/json_access.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const gp::ParsedJson parsed = gp::parse_json(text, {1u << 20, 24});
    if (!parsed.ok()) {
        if (parsed.errors.empty()) std::abort();
        return 0;
    }
    const std::string dumped = gp::dump_json(parsed.doc);
    const gp::ParsedJson again = gp::parse_json(dumped, {1u << 22, 24});
    if (!again.ok() || !again.errors.empty() || !(again.doc == parsed.doc)) std::abort();
    return 0;
}
