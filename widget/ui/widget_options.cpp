#include "ui/widget_options.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/calendar.hpp"
#include "core/model_names.hpp"
#include "core/url.hpp"

namespace gp::ui {

namespace {

std::string text_of(const Json& value) { return text_value(&value); }

// A number clamped to [lo, hi]; null and non-numbers take the fallback. (JSON numbers only: an attribute's
// text was made a number by the loader.)
double number_of(const Json& value, double fallback, double lo, double hi) {
    if (!value.is_number()) return fallback;
    const std::optional<double> number = number_value(&value);
    return number ? std::min(hi, std::max(lo, *number)) : fallback;
}

// "a b  c" or ["a", "b"]: the words, in order.
std::vector<std::string> words_of(const Json& value) {
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const Json& item : value)
            if (item.is_string() && !item.get_ref<const std::string&>().empty()) out.push_back(item.get_ref<const std::string&>());
        return out;
    }
    const std::string text = text_of(value);
    size_t at = 0;
    while (at < text.size()) {
        const size_t start = text.find_first_not_of(" \t\r\n\f", at);
        if (start == std::string::npos) break;
        const size_t end = std::min(text.find_first_of(" \t\r\n\f", start), text.size());
        out.push_back(text.substr(start, end - start));
        at = end;
    }
    return out;
}

// Pipedrive goals name their currency by id; the page maps ids to codes: {"1": "EUR", "2": "USD"}.
std::vector<CurrencyInfo> currencies_of(const Json& value) {
    std::vector<CurrencyInfo> out;
    if (!value.is_object()) return out;
    for (const auto& [id, code] : value.items()) {
        const std::optional<int64_t> number = parse_int(id);
        if (number && code.is_string()) out.push_back({*number, code.get_ref<const std::string&>()});
    }
    return out;
}

// Team goals count their members' events: {"31": [1202, 1203]} (team id -> user ids).
Membership teams_of(const Json& value) {
    Membership membership;
    if (!value.is_object()) return membership;
    for (const auto& [team, members] : value.items()) {
        if (!members.is_array()) continue;
        std::vector<std::string>& ids = membership.teams[team];
        for (const Json& m : members)
            if (m.is_string()) ids.push_back(m.get_ref<const std::string&>());
            else if (m.is_number_integer()) ids.push_back(m.dump());
    }
    return membership;
}

// Explicit exchange rates {"EUR": 1, "USD": 0.92}: only when the page gives them, and results say so.
std::optional<RateTable> rates_of(const Json& value) {
    if (!value.is_object() || value.empty()) return std::nullopt;
    RateTable rates;
    for (const auto& [code, rate] : value.items())
        if (rate.is_number() && rate.get<double>() > 0) rates[code] = rate.get<double>();
    return rates.empty() ? std::nullopt : std::optional<RateTable>(std::move(rates));
}

// Pairs the goals URLs with their formats: one format for all, one per URL, or none (detected).
std::vector<GoalSourceOption> pair_sources(const WidgetOptions& options, std::vector<std::string>& problems) {
    const std::vector<std::string>& urls = options.goal_urls_given;
    const std::vector<Vendor>& formats = options.formats_given;
    if (formats.size() > 1 && formats.size() != urls.size())
        problems.push_back("format lists " + std::to_string(formats.size()) + " formats for " +
                           std::to_string(urls.size()) + " goals URLs: the unpaired ones are detected from their payloads");
    std::vector<GoalSourceOption> out;
    for (size_t i = 0; i < urls.size(); ++i) {
        if (std::any_of(out.begin(), out.end(), [&](const GoalSourceOption& s) { return s.url == urls[i]; })) {
            problems.push_back("goals names " + urls[i] + " twice: it is read once");
            continue;
        }
        const Vendor format = formats.size() == 1 ? formats[0] : i < formats.size() ? formats[i] : Vendor::unknown;
        out.push_back({urls[i], format});
    }
    return out;
}

}  // namespace

bool parse_period_option(PeriodState& period, const std::string& text) {
    constexpr std::pair<const char*, PeriodKind> kKinds[] = {
        {"week", PeriodKind::week}, {"month", PeriodKind::month}, {"quarter", PeriodKind::quarter}, {"year", PeriodKind::year}};
    if (text.empty()) return true;
    for (const auto& [name, kind] : kKinds)
        if (text == name) {
            period.kind = kind;
            return true;
        }
    const size_t dots = text.find("..");
    if (dots == std::string::npos) return false;
    const std::optional<Date> start = parse_civil_date(std::string_view(text).substr(0, dots));
    const std::optional<Date> end = parse_civil_date(std::string_view(text).substr(dots + 2));
    if (!start || !end || *end < *start) return false;
    period.kind = PeriodKind::custom;
    period.custom = {*start, *end};
    return true;
}

uint32_t apply_option_changes(WidgetOptions& options, const Json& changes, std::vector<std::string>& problems) {
    if (!changes.is_object()) {
        problems.push_back("options are not a JSON object");
        return 0;
    }
    const WidgetOptions defaults;
    uint32_t changed = 0;
    const auto given = [&](const char* key) -> const Json* {
        const auto it = changes.find(key);
        return it == changes.end() ? nullptr : &*it;
    };

    if (const Json* v = given("timeout")) {
        options.timeout_ms = unsigned(number_of(*v, defaults.timeout_ms / 1000.0, 0.1, 300) * 1000);
        changed |= kChangedTiming;
    }
    if (const Json* v = given("retries")) {
        options.retries = int(number_of(*v, defaults.retries, 0, 10));
        changed |= kChangedTiming;
    }
    if (const Json* v = given("refresh")) {
        const double seconds = number_of(*v, 0, 0, 7 * 86400);
        options.refresh_ms = seconds > 0 ? std::max(seconds, kMinRefreshSeconds) * 1000 : 0;
        changed |= kChangedTiming;
    }
    if (const Json* v = given("currencies")) {
        options.currencies = currencies_of(*v);
        changed |= kChangedCurrencies;
    }
    if (const Json* v = given("rates")) {
        options.rates = rates_of(*v);
        changed |= kChangedRates;
    }
    if (const Json* v = given("teams")) {
        options.teams = teams_of(*v);
        changed |= kChangedTeams;
    }
    if (const Json* v = given("giosgCodes")) {
        options.giosg_codes = v->is_object() && !v->empty() ? *v : Json();
        changed |= kChangedGiosgCodes;
    }
    if (const Json* v = given("goals")) {
        options.goal_urls_given = words_of(*v);
        changed |= kChangedGoals;
    }
    if (const Json* v = given("format")) {
        std::vector<Vendor> formats;
        bool known = true;
        for (const std::string& word : words_of(*v)) {
            std::string name;
            fold_ascii(word, name);  // "Pipedrive" as a page may write it
            const std::optional<Vendor> vendor = name == "auto" ? Vendor::unknown : parse_name<Vendor>(name);
            if (!vendor) {
                problems.push_back("unknown format: " + word + " (auto, pipedrive, hubspot, giosg or zendesk)");
                known = false;
            }
            formats.push_back(vendor.value_or(Vendor::unknown));
        }
        if (known || formats.size() > 1) {
            options.formats_given = std::move(formats);
            changed |= kChangedGoals;
        }
    }
    if (changed & kChangedGoals) {
        std::vector<GoalSourceOption> sources = pair_sources(options, problems);
        if (sources == options.goals) changed &= ~kChangedGoals;  // the same sources: nothing to reload
        options.goals = std::move(sources);
    }
    for (size_t i = 0; i < kDataSourceCount; ++i)
        if (const Json* v = given(kDataSourceOptions[i])) {
            options.data_urls[i] = text_of(*v);
            changed |= kChangedDataUrls;
        }
    if (const Json* v = given("save")) {
        const std::string mode = text_of(*v);
        options.save = mode == "vendor" ? SaveMode::vendor : SaveMode::none;
        if (!mode.empty() && mode != "vendor" && mode != "none")
            problems.push_back("save is none or vendor; edits stay in the page");
        changed |= kChangedSave;
    }
    if (const Json* v = given("period")) {
        options.period = {};
        if (!parse_period_option(options.period, text_of(*v)))
            problems.push_back("period is week, month, quarter, year or START..END; the month is shown");
        changed |= kChangedPeriod;
    }
    if (const Json* v = given("asOf")) {
        const std::string day = text_of(*v);
        options.as_of = day.empty() ? std::nullopt : parse_civil_date(day);
        if (!day.empty() && !options.as_of) problems.push_back("as-of is a date, YYYY-MM-DD; the page's clock is used");
        changed |= kChangedAsOf;
    }
    if (const Json* v = given("locale")) {
        options.locale = v->is_object() ? *v : Json::object();
        changed |= kChangedLocale;
    }
    if (const Json* v = given("theme")) {
        options.theme = text_of(*v) == "dark" ? "dark" : "light";
        changed |= kChangedTheme;
    }
    if (const Json* v = given("canvas")) options.canvas = text_of(*v);
    if (const Json* v = given("page")) options.page_url = text_of(*v);
    if (const Json* v = given("fontFamily")) options.font_family = text_of(*v);
    if (const Json* v = given("zoneOffset")) options.zone_offset_minutes = int(number_of(*v, 0, -14 * 60, 14 * 60));
    if (const Json* v = given("reducedMotion")) options.reduced_motion = v->is_boolean() && v->get<bool>();
    if (const Json* v = given("headers")) options.page_headers = v->is_boolean() && v->get<bool>();
    return changed;
}

}  // namespace gp::ui
