// The widget's options as the page gives them (the element's attributes, mount()'s object): read from
// JSON into one type, natively tested, so that the browser layer only acts on what changed.
//
// gp_start passes every option; set_options passes the changed ones. apply_option_changes() reads the keys
// present, keeps the rest as they were, and says which groups changed. A value that cannot be used is a
// problem (a sentence for the page's "error" event) and that option keeps its default; the others apply.
// docs/embedding.md lists the options.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/events.hpp"
#include "core/json_access.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
#include "ui/widget_view.hpp"

namespace gp::ui {

// Where edits go: `none` keeps them in the page's memory; `vendor` sends each to the vendor its goal came
// from (wasm/saving.cpp).
enum class SaveMode : uint8_t { none, vendor };

// One goals URL and the format its payload is read as (unknown: detected from the payload).
struct GoalSourceOption {
    std::string url;
    Vendor format = Vendor::unknown;
    bool operator==(const GoalSourceOption& o) const { return url == o.url && format == o.format; }
};

// The data sources' option names, in the order the browser layer keeps them.
inline constexpr const char* kDataSourceOptions[] = {"deals", "activities", "stageChanges", "events", "conversions"};
inline constexpr size_t kDataSourceCount = sizeof kDataSourceOptions / sizeof kDataSourceOptions[0];

struct WidgetOptions {
    // Goals: "goals" holds one or more URLs separated by whitespace (or a JSON array of them); "format" one
    // value for every URL, or a whitespace-separated list parallel to them.
    std::vector<GoalSourceOption> goals;
    std::vector<std::string> goal_urls_given;  // as given, before pairing with formats
    std::vector<Vendor> formats_given;         // as given: none (auto), one for all, or one per URL
    std::string data_urls[kDataSourceCount];   // deals, activities, ... ("" for none)
    SaveMode save = SaveMode::none;

    unsigned timeout_ms = 15000;  // per request
    int retries = 3;
    double refresh_ms = 0;        // 0: load once

    std::vector<CurrencyInfo> currencies;
    std::optional<RateTable> rates;
    Membership teams;
    Json giosg_codes;             // the page's table, read by GiosgCodeTable::from_json (null: built in)

    PeriodState period;
    std::optional<Date> as_of;
    std::string theme;            // "light" or "dark" (the loader resolves "auto")
    Json locale = Json::object();

    // Start only.
    std::string canvas;
    std::string page_url;
    std::string font_family;
    int zone_offset_minutes = 0;
    bool reduced_motion = false;
    bool page_headers = false;    // the page has a headers callback
};

// What one call changed, as bits.
enum OptionChange : uint32_t {
    kChangedTiming = 1u << 0,
    kChangedCurrencies = 1u << 1,
    kChangedRates = 1u << 2,
    kChangedTeams = 1u << 3,
    kChangedGiosgCodes = 1u << 4,
    kChangedGoals = 1u << 5,  // the goal sources or their formats
    kChangedPeriod = 1u << 6,
    kChangedAsOf = 1u << 7,
    kChangedLocale = 1u << 8,
    kChangedTheme = 1u << 9,
    kChangedDataUrls = 1u << 10,
    kChangedSave = 1u << 11,
};

// Shortest refresh interval a page may ask for: less would hammer its own server.
inline constexpr double kMinRefreshSeconds = 0.25;

// Reads the keys present in `changes` into `options`; returns OptionChange bits. Null takes the default.
uint32_t apply_option_changes(WidgetOptions& options, const Json& changes, std::vector<std::string>& problems);

// "week", "month", "quarter", "year" or "START..END" into `period`; false when it is none of them.
bool parse_period_option(PeriodState& period, const std::string& text);

}  // namespace gp::ui
