#include <catch2/catch.hpp>

#include <cstdint>

#include "core/calendar.hpp"
#include "core/json_access.hpp"

using namespace gp;

namespace {

Date d(const char* text) {
    const std::optional<Date> parsed = parse_civil_date(text);
    REQUIRE(parsed.has_value());
    return *parsed;
}

std::string range_text(DateRange r) { return format_civil_date(r.start) + ".." + format_civil_date(r.end); }

}  // namespace

TEST_CASE("dates, times and ids are written zero-padded without printf", "[calendar]") {
    std::string text;
    append_zero_padded(text, 7, 2);
    append_zero_padded(text, 123, 2);  // wider than asked: all digits kept
    append_zero_padded(text, -5, 3);
    append_zero_padded(text, 0, 0);
    CHECK(text == "07123-0050");
    text.clear();
    append_zero_padded(text, INT64_MIN, 4);
    CHECK(text == "-9223372036854775808");
    // a computed date outside 0000..9999 carries a sign, as ISO 8601's expanded years do
    CHECK(format_civil_date(Date{d("9999-12-31").days + 1}) == "+10000-01-01");
    CHECK(format_civil_date(Date{d("0000-01-01").days - 1}) == "-0001-12-31");
    CHECK(format_civil_date(d("0042-03-04")) == "0042-03-04");
    CHECK(format_timestamp(*parse_timestamp("2024-05-02T09:03:07.045Z")) == "2024-05-02T09:03:07.045Z");
}

TEST_CASE("civil dates round-trip and must exist in the calendar", "[calendar]") {
    CHECK(d("1970-01-01").days == 0);
    CHECK(d("1970-01-02").days == 1);
    CHECK(d("1969-12-31").days == -1);
    CHECK(format_civil_date(d("2024-02-29")) == "2024-02-29");
    CHECK(format_civil_date(Date{d("2024-02-28").days + 1}) == "2024-02-29");
    CHECK(format_civil_date(Date{d("2023-02-28").days + 1}) == "2023-03-01");
    CHECK_FALSE(parse_civil_date("2023-02-29"));
    CHECK_FALSE(parse_civil_date("1900-02-29"));  // century, not a leap year
    CHECK(parse_civil_date("2000-02-29"));        // 400-year rule
    CHECK_FALSE(parse_civil_date("2024-13-01"));
    CHECK_FALSE(parse_civil_date("2024-04-31"));
    CHECK_FALSE(parse_civil_date("2024-4-01"));
    CHECK_FALSE(parse_civil_date("2024-04-01 "));
    CHECK_FALSE(parse_civil_date(""));
    CHECK_FALSE(parse_civil_date("２０２４-01-01"));
}

TEST_CASE("timestamps in the vendors' ISO forms are UTC instants", "[calendar]") {
    const TimestampMs midnight = d("2024-03-05").days * kMsPerDay;
    CHECK(parse_timestamp("2024-03-05") == midnight);
    CHECK(parse_timestamp("2024-03-05T00:00:00Z") == midnight);
    CHECK(parse_timestamp("2024-03-05 14:22:10") == midnight + ((14 * 60 + 22) * 60 + 10) * 1000);
    CHECK(parse_timestamp("2024-03-05T14:22:10.5Z") == midnight + ((14 * 60 + 22) * 60 + 10) * 1000 + 500);
    CHECK(parse_timestamp("2024-03-05T14:22:10.123456Z") == midnight + ((14 * 60 + 22) * 60 + 10) * 1000 + 123);
    CHECK(parse_timestamp("2024-03-05T02:00:00+02:00") == midnight);
    CHECK(parse_timestamp("2024-03-04T19:00:00-0500") == midnight);
    CHECK(parse_timestamp("2024-03-05T14:22") == midnight + (14 * 60 + 22) * 60000);
    CHECK_FALSE(parse_timestamp("2024-03-05T24:00:00Z"));
    CHECK_FALSE(parse_timestamp("2024-03-05T12:60:00Z"));
    CHECK_FALSE(parse_timestamp("2023-02-29T12:00:00Z"));
    CHECK_FALSE(parse_timestamp("2024-03-05T12:00:00Q"));
    CHECK_FALSE(parse_timestamp("2024-03-05T12:00:00Zjunk"));
    CHECK_FALSE(parse_timestamp("2024-03-05T12:00:00."));
    CHECK_FALSE(parse_timestamp("yesterday"));
}

TEST_CASE("the viewer's zone offset decides which civil day an instant falls on", "[calendar]") {
    const TimestampMs late_utc = *parse_timestamp("2024-12-31T23:30:00Z");
    CHECK(format_civil_date(civil_date_of(late_utc, 0)) == "2024-12-31");
    CHECK(format_civil_date(civil_date_of(late_utc, 60)) == "2025-01-01");
    CHECK(format_civil_date(civil_date_of(late_utc, -600)) == "2024-12-31");
    const TimestampMs before_epoch = *parse_timestamp("1969-12-31T23:59:59Z");
    CHECK(format_civil_date(civil_date_of(before_epoch, 0)) == "1969-12-31");
    CHECK(start_of_day(d("2025-01-01"), 60) == *parse_timestamp("2024-12-31T23:00:00Z"));
}

TEST_CASE("a day ends on its last millisecond for the viewer, whatever the month or year", "[calendar][as-of]") {
    CHECK(end_of_day(d("2026-11-20"), 0) == *parse_timestamp("2026-11-20T23:59:59.999Z"));
    CHECK(end_of_day(d("2028-02-29"), 0) == *parse_timestamp("2028-02-29T23:59:59.999Z"));
    CHECK(end_of_day(d("2026-12-31"), 60) == *parse_timestamp("2026-12-31T22:59:59.999Z"));
    CHECK(end_of_day(d("2027-01-01"), -300) == *parse_timestamp("2027-01-02T04:59:59.999Z"));
    for (const char* day : {"2026-03-29", "2026-10-25", "2027-01-01", "2028-02-29"})
        for (int zone : {-720, -300, 0, 60, 120, 330, 840}) {
            CAPTURE(day, zone);
            CHECK(civil_date_of(end_of_day(d(day), zone), zone) == d(day));
            CHECK(civil_date_of(end_of_day(d(day), zone) + 1, zone).days == d(day).days + 1);
        }
}

TEST_CASE("weeks start on Monday by default and on any configured day", "[calendar]") {
    // 2024-01-03 is a Wednesday.
    CHECK(range_text(interval_containing(d("2024-01-03"), Interval::weekly)) == "2024-01-01..2024-01-07");
    CalendarOptions sunday;
    sunday.week_start = Weekday::sunday;
    CHECK(range_text(interval_containing(d("2024-01-03"), Interval::weekly, sunday)) == "2023-12-31..2024-01-06");
    // A week that crosses the year end stays whole.
    CHECK(range_text(interval_containing(d("2025-01-01"), Interval::weekly)) == "2024-12-30..2025-01-05");
    // The first and last day of a week are in it.
    CHECK(range_text(interval_containing(d("2024-01-01"), Interval::weekly)) == "2024-01-01..2024-01-07");
    CHECK(range_text(interval_containing(d("2024-01-07"), Interval::weekly)) == "2024-01-01..2024-01-07");
}

TEST_CASE("ISO week 53 exists in long years only", "[calendar]") {
    CHECK(iso_week_of(d("2020-12-31")).week == 53);
    CHECK(iso_week_of(d("2021-01-03")).week == 53);
    CHECK(iso_week_of(d("2021-01-03")).year == 2020);
    CHECK(iso_week_of(d("2021-01-04")).week == 1);
    CHECK(iso_week_of(d("2026-12-31")).week == 53);
    CHECK(iso_week_of(d("2025-12-31")).week == 1);
    CHECK(iso_week_of(d("2025-12-31")).year == 2026);
    // The ISO week 53 of 2020 is one Monday-start weekly interval.
    CHECK(range_text(interval_containing(d("2021-01-01"), Interval::weekly)) == "2020-12-28..2021-01-03");
}

TEST_CASE("months, quarters and years follow the calendar or the fiscal year", "[calendar]") {
    CHECK(range_text(interval_containing(d("2024-02-10"), Interval::monthly)) == "2024-02-01..2024-02-29");
    CHECK(range_text(interval_containing(d("2023-02-10"), Interval::monthly)) == "2023-02-01..2023-02-28");
    CHECK(range_text(interval_containing(d("2024-05-31"), Interval::quarterly)) == "2024-04-01..2024-06-30");
    CHECK(range_text(interval_containing(d("2024-12-31"), Interval::yearly)) == "2024-01-01..2024-12-31");
    CalendarOptions april;
    april.fiscal_year_start_month = 4;
    CHECK(range_text(interval_containing(d("2024-02-10"), Interval::yearly, april)) == "2023-04-01..2024-03-31");
    CHECK(range_text(interval_containing(d("2024-04-01"), Interval::yearly, april)) == "2024-04-01..2025-03-31");
    CHECK(range_text(interval_containing(d("2024-02-10"), Interval::quarterly, april)) == "2024-01-01..2024-03-31");
    CalendarOptions february;
    february.fiscal_year_start_month = 2;
    CHECK(range_text(interval_containing(d("2024-01-15"), Interval::quarterly, february)) == "2023-11-01..2024-01-31");
}

TEST_CASE("a period splits into intervals clipped at both ends", "[calendar]") {
    const auto parts = split_into_intervals({d("2024-01-15"), d("2024-04-10")}, Interval::monthly);
    REQUIRE(parts.size() == 4);
    CHECK(range_text(parts[0]) == "2024-01-15..2024-01-31");
    CHECK(range_text(parts[1]) == "2024-02-01..2024-02-29");
    CHECK(range_text(parts[3]) == "2024-04-01..2024-04-10");
    CHECK(split_into_intervals({d("2024-01-01"), d("2024-12-31")}, Interval::weekly).size() == 53);
    CHECK(split_into_intervals({d("2024-01-01"), d("2024-12-31")}, Interval::quarterly).size() == 4);
    CHECK(split_into_intervals({d("2024-01-01"), d("2024-12-31")}, Interval::none).size() == 1);
    CHECK(split_into_intervals({d("2024-02-01"), d("2024-01-01")}, Interval::monthly).empty());
    const auto one_day = split_into_intervals({d("2024-02-29"), d("2024-02-29")}, Interval::yearly);
    REQUIRE(one_day.size() == 1);
    CHECK(one_day[0].days() == 1);
}
