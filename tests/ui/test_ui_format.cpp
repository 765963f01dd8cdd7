// Locale-aware formatting from the page's locale description.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/calendar.hpp"
#include "ui/format.hpp"

using namespace gp::ui;

namespace {

LocaleFormat german() {
    return locale_from_json(gp::Json::parse(
        R"({"decimal": ",", "group": ".", "currencyBefore": false, "currencySpace": true, "dateOrder": "dmy", "dateSeparator": "."})",
        nullptr, false));
}

}  // namespace

TEST_CASE("numbers take the locale's separators", "[ui][format]") {
    const LocaleFormat en;
    CHECK(format_number(1234567.891, 2, en) == "1,234,567.89");
    CHECK(format_number(-1234.5, 1, en) == "-1,234.5");
    CHECK(format_number(999, 0, en) == "999");
    CHECK(format_number(-0.001, 2, en) == "0.00");
    CHECK(format_number(1234567.891, 2, german()) == "1.234.567,89");
    LocaleFormat swiss;
    swiss.group = "'";
    CHECK(format_number(1000000, 0, swiss) == "1'000'000");
    CHECK(format_number(std::nan(""), 2, en) == "\xE2\x80\x94");
    CHECK(format_number(INFINITY, 2, en) == "\xE2\x80\x94");
    CHECK(format_count(3, en) == "3");
    CHECK(format_count(2.5, en) == "2.5");
}

TEST_CASE("currencies take the locale's symbol position", "[ui][format]") {
    // a half rounds away from zero (stb_sprintf), as a reader rounds it; glibc's printf would say 1,234
    CHECK(format_currency(1234.5, "EUR", LocaleFormat{}) == "\xE2\x82\xAC" "1,235");
    CHECK(format_currency(12.5, "EUR", german()) == "12,50 \xE2\x82\xAC");
    CHECK(format_currency(12.5, "GBP", LocaleFormat{}) == "\xC2\xA3" "12.50");
    CHECK(format_currency(12.5, "CHF", LocaleFormat{}) == "CHF 12.50");
    CHECK(format_currency(12.5, "", LocaleFormat{}) == "12.50");
    CHECK(currency_symbol("JPY") == "\xC2\xA5");
}

TEST_CASE("dates take the locale's order and separator", "[ui][format]") {
    const gp::Date d = *gp::parse_civil_date("2024-03-09");
    CHECK(format_date(d, LocaleFormat{}) == "2024-03-09");
    CHECK(format_date(d, german()) == "09.03.2024");
    LocaleFormat us;
    us.date_order = DateOrder::mdy;
    us.date_separator = "/";
    CHECK(format_date(d, us) == "03/09/2024");
}

TEST_CASE("a malformed locale description keeps the defaults", "[ui][format]") {
    const LocaleFormat bad = locale_from_json(gp::Json::parse(R"({"decimal": 3, "group": null, "dateOrder": "xyz"})", nullptr, false));
    CHECK(bad.decimal == ".");
    CHECK(bad.group == ",");
    CHECK(bad.date_order == DateOrder::ymd);
    CHECK(locale_from_json(gp::Json::parse("[1,2]", nullptr, false)).decimal == ".");
    const LocaleFormat empty_decimal = locale_from_json(gp::Json::parse(R"({"decimal": ""})", nullptr, false));
    CHECK(empty_decimal.decimal == ".");
}

TEST_CASE("goal amounts carry their counting unit", "[ui][format]") {
    gp::Goal deals;
    deals.metric.type = gp::MetricType::deals_won;
    CHECK(format_goal_amount(deals, 12, {}) == "12 deals");
    gp::Goal revenue;
    revenue.target.tracking = gp::TrackingMetric::sum;
    revenue.target.currency_code = "USD";
    CHECK(format_goal_amount(revenue, 1500, {}) == "$1,500");
    gp::Goal calls;
    calls.metric.type = gp::MetricType::activities_completed;
    CHECK(format_goal_amount(calls, 4, german()) == "4 activities");
}

TEST_CASE("days, ranges and percents read as people say them", "[ui][format]") {
    const gp::Date d = *gp::parse_civil_date("2023-12-31");
    LocaleFormat us;
    us.date_order = DateOrder::mdy;
    CHECK(format_day(d, LocaleFormat{}) == "31 Dec 2023");
    CHECK(format_day(d, us) == "Dec 31, 2023");
    CHECK(format_day_short(d, german()) == "31 Dec");
    const auto range = [](const char* a, const char* b) { return gp::DateRange{*gp::parse_civil_date(a), *gp::parse_civil_date(b)}; };
    CHECK(format_range(range("2026-11-01", "2026-11-30"), {}) == "1\xE2\x80\x93" "30 Nov 2026");
    CHECK(format_range(range("2026-10-01", "2026-12-31"), {}) == "1 Oct \xE2\x80\x93 31 Dec 2026");
    CHECK(format_range(range("2026-12-01", "2027-01-31"), {}) == "1 Dec 2026 \xE2\x80\x93 31 Jan 2027");
    CHECK(format_range(range("2026-11-10", "2026-11-10"), {}) == "10 Nov 2026");
    CHECK(format_percent(0, {}) == "0 %");
    CHECK(format_percent(1.74, {}) == "1.7 %");
    CHECK(format_percent(23.4, {}) == "23 %");
    CHECK(format_currency(0, "EUR", {}) == "\xE2\x82\xAC" "0");
    CHECK(format_currency(340, "USD", {}) == "$340");
}

TEST_CASE("counts are whole, averages keep their fraction", "[ui][format]") {
    gp::Goal deals;
    deals.metric.type = gp::MetricType::deals_won;
    CHECK(format_goal_amount(deals, 39.13, {}) == "39 deals");
    CHECK(format_goal_target(deals, 39.13, {}) == "39 deals");
    CHECK(format_goal_target(deals, 0.4, {}) == "1 deal");
    CHECK(format_goal_figure(deals, 1285.7, {}) == "1,286");
    gp::Goal conversions;
    conversions.metric.type = gp::MetricType::conversions;
    CHECK(format_goal_amount(conversions, 1, {}) == "1 conversion");
    gp::Goal average = deals;
    average.target.tracking = gp::TrackingMetric::average;
    CHECK_FALSE(counts_whole_things(average));
    CHECK(format_goal_amount(average, 3.4, {}) == "3.4 deals");
    gp::Goal hours;
    hours.target.unit = gp::Unit::duration;
    CHECK(format_goal_amount(hours, 3.2, {}) == "3.2 h");
}
