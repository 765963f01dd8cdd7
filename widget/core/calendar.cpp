// Calendar math over Howard Hinnant's date library. See calendar.hpp.
//
// Index
// - [SECTION] Small text scanner
// - [SECTION] Parsing and formatting
// - [SECTION] Timestamps and civil dates
// - [SECTION] Intervals
#include "core/calendar.hpp"

#include <charconv>

#include <date/date.h>
#include <date/iso_week.h>

namespace gp {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Small text scanner
//-----------------------------------------------------------------------------

// Reads fixed-width digit fields left to right; any miss leaves `ok` false for good.
struct Scanner {
    std::string_view text;
    size_t pos = 0;
    bool ok = true;

    bool at_end() const { return pos >= text.size(); }
    char peek() const { return at_end() ? '\0' : text[pos]; }

    int digits(size_t width) {
        if (!ok || text.size() - pos < width) return fail();
        int value = 0;
        for (size_t i = 0; i < width; ++i) {
            const char c = text[pos + i];
            if (c < '0' || c > '9') return fail();
            value = value * 10 + (c - '0');
        }
        pos += width;
        return value;
    }
    void expect(char c) {
        if (ok && peek() == c) ++pos;
        else ok = false;
    }
    bool accept(char c) {
        if (!ok || peek() != c) return false;
        ++pos;
        return true;
    }
    int fail() {
        ok = false;
        return 0;
    }
};

std::optional<Date> scan_date(Scanner& s) {
    const int y = s.digits(4);
    s.expect('-');
    const int m = s.digits(2);
    s.expect('-');
    const int d = s.digits(2);
    if (!s.ok) return std::nullopt;
    return make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// "Z", "+hh:mm", "-hhmm", "+hh" or nothing (UTC). Returns the offset in minutes, or nullopt if malformed.
std::optional<int> scan_zone(Scanner& s) {
    if (s.at_end()) return 0;
    if (s.accept('Z') || s.accept('z')) return s.at_end() ? std::optional<int>(0) : std::nullopt;
    const char sign = s.peek();
    if (sign != '+' && sign != '-') return std::nullopt;
    ++s.pos;
    const int hours = s.digits(2);
    int minutes = 0;
    if (!s.at_end()) {
        s.accept(':');
        minutes = s.digits(2);
    }
    if (!s.ok || !s.at_end() || hours > 23 || minutes > 59) return std::nullopt;
    const int total = hours * 60 + minutes;
    return sign == '-' ? -total : total;
}

// Fractional seconds after the '.': any number of digits, kept to milliseconds.
int scan_fraction_ms(Scanner& s) {
    int ms = 0;
    size_t count = 0;
    while (!s.at_end() && s.peek() >= '0' && s.peek() <= '9') {
        if (count < 3) ms = ms * 10 + (s.peek() - '0');
        ++count;
        ++s.pos;
    }
    if (count == 0) return s.fail();
    for (; count < 3; ++count) ms *= 10;
    return ms;
}

date::sys_days to_sys(Date d) { return date::sys_days{date::days{d.days}}; }
Date from_sys(date::sys_days d) { return Date{static_cast<int32_t>(d.time_since_epoch().count())}; }

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Parsing and formatting
//-----------------------------------------------------------------------------

std::optional<Date> make_date(int year, unsigned month, unsigned day) {
    const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return from_sys(date::sys_days{ymd});
}

CivilParts civil_parts(Date d) {
    const date::year_month_day ymd{to_sys(d)};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

std::optional<Date> parse_civil_date(std::string_view text) {
    Scanner s{text};
    const std::optional<Date> d = scan_date(s);
    if (!d || !s.at_end()) return std::nullopt;
    return d;
}

void append_zero_padded(std::string& out, long long value, int digits) {
    if (value < 0) out += '-';
    char buf[24];
    // The magnitude as unsigned, so that LLONG_MIN has one too.
    const unsigned long long magnitude = value < 0 ? 0ULL - static_cast<unsigned long long>(value) : value;
    const char* end = std::to_chars(buf, buf + sizeof buf, magnitude).ptr;
    const int length = static_cast<int>(end - buf);
    if (length < digits) out.append(static_cast<size_t>(digits - length), '0');
    out.append(buf, static_cast<size_t>(length));
}

std::string format_civil_date(Date d) {
    const CivilParts p = civil_parts(d);
    std::string text;
    // Years outside 0..9999 cannot come from parse_civil_date, but a computed date may still land there:
    // they are written with a sign, as ISO 8601's expanded years are.
    if (p.year > 9999) text += '+';
    append_zero_padded(text, p.year, 4);
    text += '-';
    append_zero_padded(text, p.month, 2);
    text += '-';
    append_zero_padded(text, p.day, 2);
    return text;
}

std::optional<TimestampMs> parse_timestamp(std::string_view text) {
    Scanner s{text};
    const std::optional<Date> day = scan_date(s);
    if (!day) return std::nullopt;
    int64_t ms_of_day = 0;
    if (s.accept('T') || s.accept('t') || s.accept(' ')) {
        const int h = s.digits(2);
        s.expect(':');
        const int mi = s.digits(2);
        int sec = 0, ms = 0;
        if (s.accept(':')) {
            sec = s.digits(2);
            if (s.accept('.') || s.accept(',')) ms = scan_fraction_ms(s);
        }
        if (!s.ok || h > 23 || mi > 59 || sec > 59) return std::nullopt;
        ms_of_day = ((h * 60 + mi) * 60 + sec) * 1000LL + ms;
    }
    const std::optional<int> zone = scan_zone(s);
    if (!zone) return std::nullopt;
    return day->days * kMsPerDay + ms_of_day - *zone * 60000LL;
}

//-----------------------------------------------------------------------------
// [SECTION] Timestamps and civil dates
//-----------------------------------------------------------------------------

Date civil_date_of(TimestampMs ts, int zone_offset_minutes) {
    return Date{static_cast<int32_t>(floor_div(ts + zone_offset_minutes * 60000LL, kMsPerDay))};
}

TimestampMs start_of_day(Date d, int zone_offset_minutes) {
    return d.days * kMsPerDay - zone_offset_minutes * 60000LL;
}

TimestampMs end_of_day(Date d, int zone_offset_minutes) {
    return start_of_day(Date{d.days + 1}, zone_offset_minutes) - 1;
}

//-----------------------------------------------------------------------------
// [SECTION] Intervals
//-----------------------------------------------------------------------------

namespace {

// Months since year 0, so that quarters and fiscal years are plain integer alignment.
int64_t month_index(const date::year_month_day& ymd) {
    return static_cast<int64_t>(static_cast<int>(ymd.year())) * 12 + (static_cast<unsigned>(ymd.month()) - 1);
}

date::year_month month_at(int64_t index) {
    const int64_t year = floor_div(index, 12);
    return date::year{static_cast<int>(year)} / date::month{static_cast<unsigned>(index - year * 12 + 1)};
}

// The span of `months` months, aligned to the fiscal year's first month, that holds `d`.
DateRange month_block(Date d, int64_t months, unsigned fiscal_start_month) {
    const int64_t shift = (fiscal_start_month >= 1 && fiscal_start_month <= 12) ? fiscal_start_month - 1 : 0;
    const int64_t index = month_index(date::year_month_day{to_sys(d)});
    const int64_t first = floor_div(index - shift, months) * months + shift;
    const date::year_month start = month_at(first);
    const date::year_month last = month_at(first + months - 1);
    return {from_sys(date::sys_days{start / date::day{1}}), from_sys(date::sys_days{last / date::last})};
}

}  // namespace

DateRange interval_containing(Date d, Interval interval, const CalendarOptions& options) {
    switch (interval) {
        case Interval::weekly: {
            const date::weekday wd{to_sys(d)};
            const int back = (static_cast<int>(wd.c_encoding()) - static_cast<int>(options.week_start) + 7) % 7;
            return {Date{d.days - back}, Date{d.days - back + 6}};
        }
        case Interval::monthly: return month_block(d, 1, 1);
        case Interval::quarterly: return month_block(d, 3, options.fiscal_year_start_month);
        case Interval::yearly: return month_block(d, 12, options.fiscal_year_start_month);
        case Interval::none: break;
    }
    return {d, d};
}

std::vector<DateRange> split_into_intervals(DateRange period, Interval interval, const CalendarOptions& options) {
    std::vector<DateRange> out;
    if (period.end < period.start) return out;
    if (interval == Interval::none) {
        out.push_back(period);
        return out;
    }
    Date cursor = period.start;
    while (cursor <= period.end) {
        DateRange r = interval_containing(cursor, interval, options);
        r.start = cursor;
        if (period.end < r.end) r.end = period.end;
        out.push_back(r);
        cursor = Date{r.end.days + 1};
    }
    return out;
}

IsoWeek iso_week_of(Date d) {
    const iso_week::year_weeknum_weekday iw{to_sys(d)};
    return {static_cast<int>(iw.year()), static_cast<unsigned>(iw.weeknum())};
}

}  // namespace gp
