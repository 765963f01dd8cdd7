// Calendar math for goals: civil dates, UTC timestamps, and the intervals a goal is measured in.
//
// Everything here is a thin layer over Howard Hinnant's date library (Debian's
// libhowardhinnant-date-dev, header-only): no hand-written leap-year or weekday arithmetic.
// Civil dates carry no zone. Timestamps are UTC; turning one into a civil date needs the viewer's
// zone offset, which the caller passes in (from the page) and which is never read from the environment.
//
// Index
// - [SECTION] Parsing and formatting
// - [SECTION] Timestamps and civil dates
// - [SECTION] Intervals
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Parsing and formatting
//-----------------------------------------------------------------------------

// Exactly "YYYY-MM-DD", and the day must exist in the calendar (2023-02-29 is refused).
std::optional<Date> parse_civil_date(std::string_view text);
std::string format_civil_date(Date date);
// Appends `value` in decimal, zero-padded to at least `digits` digits (a minus sign before them): the
// dates, times and generated ids the core writes, without printf (not linked into the wasm).
void append_zero_padded(std::string& out, long long value, int digits);

// ISO-8601 / RFC 3339 timestamps as the vendors send them:
//   "2024-03-05T14:22:10Z", "2024-03-05T14:22:10.123+02:00", "2024-03-05 14:22:10" (Pipedrive, UTC),
//   "2024-03-05T14:22" and a bare "2024-03-05" (midnight UTC).
// No zone designator means UTC. Fractions beyond milliseconds are truncated. Impossible dates or
// times (25:00, 2023-02-29) are refused.
std::optional<TimestampMs> parse_timestamp(std::string_view text);

// Builds a Date from calendar parts; nullopt when the day does not exist.
std::optional<Date> make_date(int year, unsigned month, unsigned day);

struct CivilParts {
    int year = 1970;
    unsigned month = 1;  // 1..12
    unsigned day = 1;    // 1..31
};
CivilParts civil_parts(Date date);

//-----------------------------------------------------------------------------
// [SECTION] Timestamps and civil dates
//-----------------------------------------------------------------------------

constexpr int64_t kMsPerDay = 86400000;

// The civil date a viewer at UTC+zone_offset_minutes sees at the UTC instant `ts`.
Date civil_date_of(TimestampMs ts, int zone_offset_minutes = 0);

// The UTC instant at which `date` begins for a viewer at UTC+zone_offset_minutes.
TimestampMs start_of_day(Date date, int zone_offset_minutes = 0);

// The last millisecond of `date` for that viewer. Figures "as of" a day are taken at this instant, so
// that the whole day's events count and pace reads as at the day's end (the widget's `as-of` option and
// the CLI's --as-of).
TimestampMs end_of_day(Date date, int zone_offset_minutes = 0);

//-----------------------------------------------------------------------------
// [SECTION] Intervals
//-----------------------------------------------------------------------------

// 0 = Sunday .. 6 = Saturday (date::weekday's C encoding).
enum class Weekday : uint8_t { sunday, monday, tuesday, wednesday, thursday, friday, saturday };

struct CalendarOptions {
    Weekday week_start = Weekday::monday;
    unsigned fiscal_year_start_month = 1;  // 1..12; quarters and years start on this month's first day
};

// Inclusive at both ends, like the vendors' period bounds.
struct DateRange {
    Date start;
    Date end;
    int32_t days() const { return end.days - start.days + 1; }
    bool contains(Date d) const { return start <= d && d <= end; }
    friend bool operator==(const DateRange& a, const DateRange& b) { return a.start == b.start && a.end == b.end; }
};

// The interval of kind `interval` that contains `date`. Interval::none has no calendar extent: it
// returns the single day.
DateRange interval_containing(Date date, Interval interval, const CalendarOptions& options = {});

// `period` cut into the intervals of kind `interval`; the first and last are clipped to the period.
// Interval::none gives the whole period as one bucket. An inverted period gives nothing.
std::vector<DateRange> split_into_intervals(DateRange period, Interval interval,
                                            const CalendarOptions& options = {});

// ISO 8601 week-numbering year and week (1..53) of a date.
struct IsoWeek {
    int year = 0;
    unsigned week = 0;
};
IsoWeek iso_week_of(Date date);

}  // namespace gp
