// Fuzz target for the widget options a page gives (the element's attributes, mount()'s object), read by
// gp::ui::apply_option_changes after the one parse entry, as gp_start and set_options do. Beyond "no
// crash": every number lands in its documented range, the goal sources are the given URLs without
// repeats, and applying the same changes again changes no goal source (nothing would reload).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_access.hpp"
#include "ui/widget_options.hpp"

namespace {

void check_ranges(const gp::ui::WidgetOptions& o) {
    if (o.timeout_ms < 100 || o.timeout_ms > 300000) std::abort();
    if (o.retries < 0 || o.retries > 10) std::abort();
    if (o.refresh_ms != 0 && (o.refresh_ms < gp::ui::kMinRefreshSeconds * 1000 || o.refresh_ms > 7 * 86400 * 1000.0)) std::abort();
    if (o.zone_offset_minutes < -14 * 60 || o.zone_offset_minutes > 14 * 60) std::abort();
    if (!o.theme.empty() && o.theme != "light" && o.theme != "dark") std::abort();
    if (o.rates)
        for (const auto& [code, rate] : *o.rates)
            if (!(rate > 0)) std::abort();
    if (!o.locale.is_object()) std::abort();
    if (!o.giosg_codes.is_null() && !o.giosg_codes.is_object()) std::abort();
}

void check_sources(const gp::ui::WidgetOptions& o) {
    if (o.goals.size() > o.goal_urls_given.size()) std::abort();
    for (size_t i = 0; i < o.goals.size(); ++i) {
        const std::string& url = o.goals[i].url;
        if (std::find(o.goal_urls_given.begin(), o.goal_urls_given.end(), url) == o.goal_urls_given.end()) std::abort();
        for (size_t j = 0; j < i; ++j)
            if (o.goals[j].url == url) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const gp::ParsedJson parsed = gp::parse_json(text, {1u << 20, 16});
    if (!parsed.ok()) return 0;
    gp::ui::WidgetOptions options;
    std::vector<std::string> problems;
    gp::ui::apply_option_changes(options, parsed.doc, problems);
    if (!parsed.doc.is_object() && problems.empty()) std::abort();  // a non-object is reported, not ignored
    check_ranges(options);
    check_sources(options);

    const gp::ui::WidgetOptions first = options;
    std::vector<std::string> again;
    const uint32_t changed = gp::ui::apply_option_changes(options, parsed.doc, again);
    if (changed & gp::ui::kChangedGoals) std::abort();
    if (!(options.goals == first.goals) || options.timeout_ms != first.timeout_ms || options.retries != first.retries ||
        options.refresh_ms != first.refresh_ms || options.theme != first.theme)
        std::abort();
    return 0;
}
