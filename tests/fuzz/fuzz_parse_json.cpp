// Fuzz target for the one parse entry (json_access.hpp, parse_json), which every reader of outside bytes
// and the page's options, method arguments and headers go through. Beyond "no crash": a document it
// accepts dumps as valid UTF-8 JSON that parses again to the same value, a refusal says why, and it agrees
// with nlohmann's strict parser (the one it replaced) wherever it did not repair the text.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/json_access.hpp"

namespace {

// A string that is a number token too large for a double: kept as text where nlohmann refuses the document.
bool holds_overflowed_number(const gp::Json& value) {
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        double read = 0;
        return !text.empty() && gp::read_decimal(text.data(), text.data() + text.size(), read) == text.data() + text.size() &&
               std::isinf(read);
    }
    if (!value.is_structured()) return false;
    for (const gp::Json& child : value)
        if (holds_overflowed_number(child)) return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const gp::ParsedJson parsed = gp::parse_json(text, {1u << 20, 24});
    const gp::Json theirs = gp::Json::parse(text.begin(), text.end(), nullptr, false);
    if (!parsed.ok()) {
        if (parsed.errors.empty()) std::abort();
        if (!theirs.is_discarded() && parsed.errors[0].code != "too_deep") std::abort();
        return 0;
    }
    if (parsed.errors.empty()) {
        if (theirs.is_discarded() ? !holds_overflowed_number(parsed.doc) : gp::dump_json(parsed.doc) != theirs.dump())
            std::abort();
    }
    const std::string dumped = gp::dump_json(parsed.doc);
    const gp::ParsedJson again = gp::parse_json(dumped, {1u << 22, 24});
    if (!again.ok() || !again.errors.empty() || !(again.doc == parsed.doc)) std::abort();
    return 0;
}
