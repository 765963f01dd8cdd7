// Fuzz target for URL normalization (conditions compare normalized URLs). Beyond "no crash": a normalized
// URL normalizes to itself, and its host, path and query views lie inside its text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    gp::NormalizedUrl once, twice;
    if (gp::normalize_url(raw, once) != gp::UrlStatus::ok) return 0;
    if (once.host_end > once.text().size() || once.path_end > once.text().size() || once.query_end > once.text().size() ||
        once.host_begin > once.host_end || once.path_begin > once.path_end || once.query_begin > once.query_end)
        std::abort();
    if (gp::normalize_url(once.text(), twice) != gp::UrlStatus::ok || twice.text() != once.text()) std::abort();
    return 0;
}
