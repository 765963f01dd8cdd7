// goalpost UI: numbers, currencies and dates in the page's locale.
//
// The page describes its locale once (computed with Intl in the browser: separators from
// Intl.NumberFormat#formatToParts, date order from Intl.DateTimeFormat#formatToParts) and the UI formats
// with that description. No locale database is compiled into the wasm.
#pragma once

#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/model.hpp"
#include "ui/messages.hpp"

namespace gp::ui {

enum class DateOrder : uint8_t { ymd, dmy, mdy };

struct LocaleFormat {
    std::string decimal = ".";
    std::string group = ",";             // may be empty, a space, a narrow no-break space, an apostrophe...
    bool currency_before = true;         // "$5" vs "5 €"
    bool currency_space = false;         // a space between symbol and number
    DateOrder date_order = DateOrder::ymd;
    std::string date_separator = "-";
    Lang lang = Lang::en;                // the words' language (messages.hpp)
};

// The page's description as JSON, e.g.
//   {"decimal": ",", "group": ".", "currencyBefore": false, "currencySpace": true,
//    "dateOrder": "dmy", "dateSeparator": ".", "language": "de"}
// Missing or malformed members keep their defaults; without "language" the words follow "tag" (the BCP 47
// tag the page formats with), and English without either.
LocaleFormat locale_from_json(const Json& description);

// "1,234,567.89"; NaN and infinities show as "—" rather than as garbage.
std::string format_number(double value, int decimals, const LocaleFormat& locale);

// `value` with `decimals` digits after the point, "-1234.50", rounded to the nearest (a tie away from
// zero), written to `out` (`size` bytes with the terminator, truncated beyond); returns the
// length of the whole text. It is weak: here it is stb_sprintf's "%.*f", and the shipped wasm replaces it
// with the browser's Number.prototype.toFixed (wasm/libc_format.cpp), which rounds the same way, so that
// stb_sprintf's float code leaves the download (cmake/GoalpostDeps.cmake, GP_BROWSER_FIXED_POINT).
int format_fixed(char* out, int size, double value, int decimals);

// Counts show whole when whole and with one decimal otherwise.
std::string format_count(double value, const LocaleFormat& locale);

// "€1,234.50" / "1.234,50 €"; whole amounts and amounts from 1,000 up have no cents ("€12", "€1,235");
// unknown codes show the code itself ("CHF 12").
std::string format_currency(double value, std::string_view currency_code, const LocaleFormat& locale);

// "€", "$", "£", "¥"... or empty when the code has no symbol of its own.
std::string_view currency_symbol(std::string_view currency_code);

std::string format_date(Date date, const LocaleFormat& locale);

std::string format_percent(double percent, const LocaleFormat& locale);

// "31 Dec 2023" (or "Dec 31, 2023" where the locale writes the month first; "31. Dez. 2023" in German): a day
// as people say it, with the month's name in the locale's language.
std::string format_day(Date date, const LocaleFormat& locale);
// "31 Dec" / "Dec 31": a day within a period the reader already sees.
std::string format_day_short(Date date, const LocaleFormat& locale);
// "10 Nov 2026", "1–30 Nov 2026", "1 Oct – 31 Dec 2026", "1 Dec 2026 – 31 Jan 2027": a range of days.
std::string format_range(DateRange range, const LocaleFormat& locale);
// "Nov 2026"; "November 2026" when `full`.
std::string format_month(Date date, const LocaleFormat& locale, bool full = false);

// Goals measured in whole things (deals, activities, conversions): their amounts never show a fraction.
bool counts_whole_things(const Goal& goal);

// A goal's amount with its counting unit: "12 deals", "1 deal", "€1,200", "3.5 h", "40 %". Counts are
// rounded to whole things.
std::string format_goal_amount(const Goal& goal, double value, const LocaleFormat& locale);
// A target, which the core may have pro-rated by days ("39.1 deals" for November of a quarterly 120): whole
// for counts, and never rounded down to nothing ("1 deal", not "0 deals", for a target of 0.4).
std::string format_goal_target(const Goal& goal, double target, const LocaleFormat& locale);
double whole_count_target(double target);
// The figure alone, as the readout draws it beside its unit: "22" for counts, "€18,900", "3.2 h", "40 %".
std::string format_goal_figure(const Goal& goal, double value, const LocaleFormat& locale);
// The unit word for count goals in the number's form: "deals" or "deal"; empty for other units.
const char* count_unit_word(const Goal& goal, double value, Lang lang);

// The unit word for count goals ("deals", "activities", "conversions"); empty for other units.
const char* count_unit_label(const Goal& goal, Lang lang);

// "Pipedrive", "HubSpot", "giosg", "Zendesk": the vendors' names as people write them.
const char* vendor_label(Vendor vendor);

}  // namespace gp::ui
