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
    CHECK(format_currency(1234.5, "EUR", LocaleFormat{}) == "\xE2\x82\xAC" "1,234");
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
