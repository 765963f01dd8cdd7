// goalpost UI: numbers, currencies and dates in the page's locale.
//
// The page describes its locale once (computed with Intl in the browser: separators from
// Intl.NumberFormat#formatToParts, date order from Intl.DateTimeFormat#formatToParts) and the UI formats
// with that description. No locale database is compiled into the wasm.
#pragma once

#include <string>
#include <string_view>

#include "core/model.hpp"

namespace gp::ui {

enum class DateOrder : uint8_t { ymd, dmy, mdy };

struct LocaleFormat {
    std::string decimal = ".";
    std::string group = ",";             // may be empty, a space, a narrow no-break space, an apostrophe...
    bool currency_before = true;         // "$5" vs "5 €"
    bool currency_space = false;         // a space between symbol and number
    DateOrder date_order = DateOrder::ymd;
    std::string date_separator = "-";
};

// The page's description as JSON, e.g.
//   {"decimal": ",", "group": ".", "currencyBefore": false, "currencySpace": true,
//    "dateOrder": "dmy", "dateSeparator": "."}
// Missing or malformed members keep their defaults.
LocaleFormat locale_from_json(const Json& description);

// "1,234,567.89"; NaN and infinities show as "—" rather than as garbage.
std::string format_number(double value, int decimals, const LocaleFormat& locale);

// Counts show whole when whole and with one decimal otherwise.
std::string format_count(double value, const LocaleFormat& locale);

// "€1,234.50" / "1.234,50 €"; unknown codes show the code itself ("CHF 12").
std::string format_currency(double value, std::string_view currency_code, const LocaleFormat& locale);

// "€", "$", "£", "¥"... or empty when the code has no symbol of its own.
std::string_view currency_symbol(std::string_view currency_code);

std::string format_date(Date date, const LocaleFormat& locale);

std::string format_percent(double percent, const LocaleFormat& locale);

// A goal's amount with its counting unit: "12 deals", "€1,200", "3.5 h", "40 %".
std::string format_goal_amount(const Goal& goal, double value, const LocaleFormat& locale);

// The unit word for count goals ("deals", "activities", "conversions"); empty for other units.
const char* count_unit_label(const Goal& goal);

}  // namespace gp::ui
