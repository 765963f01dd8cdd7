// The widget's options as the page gives them: several goal sources with their formats, saving, timing,
// and what one change says changed (widget/ui/widget_options.hpp).
#include <catch2/catch.hpp>

#include "ui/widget_options.hpp"

using namespace gp;
using namespace gp::ui;

namespace {

uint32_t apply(WidgetOptions& options, const char* json, std::vector<std::string>* problems_out = nullptr) {
    std::vector<std::string> problems;
    const uint32_t changed = apply_option_changes(options, Json::parse(json), problems);
    if (problems_out) *problems_out = problems;
    else CHECK(problems.empty());
    return changed;
}

}  // namespace

TEST_CASE("goals holds one or more URLs, and format one value for all or one per URL", "[ui][options]") {
    WidgetOptions options;
    CHECK(apply(options, R"({"goals": " https://a.test/goals\n  https://b.test/goals ", "format": "pipedrive"})") & kChangedGoals);
    REQUIRE(options.goals.size() == 2);
    CHECK(options.goals[0] == GoalSourceOption{"https://a.test/goals", Vendor::pipedrive});
    CHECK(options.goals[1] == GoalSourceOption{"https://b.test/goals", Vendor::pipedrive});

    CHECK(apply(options, R"({"format": "Pipedrive zendesk"})") & kChangedGoals);  // names compare without case
    CHECK(options.goals[1].format == Vendor::zendesk);
    // mount() may give an array.
    apply(options, R"({"goals": ["https://c.test/g"], "format": "auto"})");
    REQUIRE(options.goals.size() == 1);
    CHECK(options.goals[0].format == Vendor::unknown);
}

TEST_CASE("the same sources again change nothing, and odd lists are reported, not dropped", "[ui][options]") {
    WidgetOptions options;
    apply(options, R"({"goals": "https://a.test/g https://b.test/g", "format": "giosg zendesk"})");
    CHECK_FALSE(apply(options, R"({"goals": "https://a.test/g   https://b.test/g"})") & kChangedGoals);

    std::vector<std::string> problems;
    // The pairs that exist are kept, so the sources are the same as before: nothing to reload.
    CHECK_FALSE(apply(options, R"({"format": "giosg zendesk pipedrive"})", &problems) & kChangedGoals);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("3 formats for 2 goals URLs") != std::string::npos);
    CHECK(options.goals[1].format == Vendor::zendesk);

    apply(options, R"({"goals": "https://a.test/g https://a.test/g", "format": "giosg"})", &problems);
    CHECK(options.goals.size() == 1);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("twice") != std::string::npos);

    // An unknown single format keeps the one before; in a list, the unknown one is detected.
    const Vendor before = options.goals[0].format;
    CHECK_FALSE(apply(options, R"({"format": "salesforce"})", &problems) & kChangedGoals);
    CHECK(options.goals[0].format == before);
    CHECK(problems[0].find("unknown format: salesforce") != std::string::npos);
}

TEST_CASE("save is none unless the page asks for vendor", "[ui][options]") {
    WidgetOptions options;
    CHECK(options.save == SaveMode::none);
    CHECK(apply(options, R"({"save": "vendor"})") & kChangedSave);
    CHECK(options.save == SaveMode::vendor);
    std::vector<std::string> problems;
    apply(options, R"({"save": "server"})", &problems);
    CHECK(options.save == SaveMode::none);
    CHECK(problems.size() == 1);
    apply(options, R"({"save": null})");
    CHECK(options.save == SaveMode::none);
}

TEST_CASE("timing is clamped, a refresh never shorter than a quarter second, null the default", "[ui][options]") {
    WidgetOptions options;
    const uint32_t changed = apply(options, R"({"timeout": 1000, "retries": -2, "refresh": 0.01})");
    CHECK(changed == kChangedTiming);
    CHECK(options.timeout_ms == 300000);
    CHECK(options.retries == 0);
    CHECK(options.refresh_ms == 250);
    apply(options, R"({"timeout": null, "retries": "3", "refresh": 0})");
    CHECK(options.timeout_ms == WidgetOptions().timeout_ms);
    CHECK(options.retries == WidgetOptions().retries);
    CHECK(options.refresh_ms == 0);
}

TEST_CASE("maps, period, as-of and the start-only options", "[ui][options]") {
    WidgetOptions options;
    std::vector<std::string> problems;
    const uint32_t changed = apply(options, R"({"currencies": {"1": "EUR", "x": "USD"}, "rates": {"EUR": 1, "USD": -1},
        "teams": {"31": [1202, "1203"]}, "period": "2026-01-01..2026-03-31", "asOf": "2026-02-30",
        "theme": "dark", "deals": "https://crm.test/deals", "canvas": "#c", "zoneOffset": 9999, "headers": true})", &problems);
    CHECK((changed & (kChangedCurrencies | kChangedRates | kChangedTeams | kChangedPeriod | kChangedAsOf |
                      kChangedTheme | kChangedDataUrls)) ==
          (kChangedCurrencies | kChangedRates | kChangedTeams | kChangedPeriod | kChangedAsOf | kChangedTheme | kChangedDataUrls));
    REQUIRE(options.currencies.size() == 1);
    CHECK(options.currencies[0].code == "EUR");
    REQUIRE(options.rates);
    CHECK(options.rates->size() == 1);
    CHECK(options.teams.teams["31"] == std::vector<std::string>{"1202", "1203"});
    CHECK(options.period.kind == PeriodKind::custom);
    CHECK_FALSE(options.as_of);  // February has no 30th
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("as-of") != std::string::npos);
    CHECK(options.theme == "dark");
    CHECK(options.data_urls[0] == "https://crm.test/deals");
    CHECK(options.canvas == "#c");
    CHECK(options.zone_offset_minutes == 14 * 60);
    CHECK(options.page_headers);

    CHECK_FALSE(parse_period_option(options.period, "fortnight"));
    CHECK(parse_period_option(options.period, "quarter"));
    CHECK(options.period.kind == PeriodKind::quarter);
}
