#include "ui/format.hpp"

#include <cmath>
#include <cstring>

#include <algorithm>

#include <stb/stb_sprintf.h>

#include "core/calendar.hpp"

namespace gp::ui {

namespace {

void read_string(const Json& object, const char* key, std::string& out) {
    auto it = object.find(key);
    if (it != object.end() && it->is_string()) out = *it->get_ptr<const std::string*>();
}

void read_bool(const Json& object, const char* key, bool& out) {
    auto it = object.find(key);
    if (it != object.end() && it->is_boolean()) out = *it->get_ptr<const Json::boolean_t*>();
}

// Inserts the group separator every three digits of the integer part of a plain "-1234.5" spelling.
std::string localize_digits(const char* plain, const LocaleFormat& locale) {
    std::string_view text(plain);
    std::string out;
    if (!text.empty() && text.front() == '-') {
        out += '-';
        text.remove_prefix(1);
    }
    const size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    for (size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += locale.group;
        out += whole[i];
    }
    if (dot != std::string_view::npos) {
        out += locale.decimal;
        out += text.substr(dot + 1);
    }
    return out;
}

}  // namespace

LocaleFormat locale_from_json(const Json& description) {
    LocaleFormat locale;
    if (!description.is_object()) return locale;
    read_string(description, "decimal", locale.decimal);
    read_string(description, "group", locale.group);
    read_bool(description, "currencyBefore", locale.currency_before);
    read_bool(description, "currencySpace", locale.currency_space);
    read_string(description, "dateSeparator", locale.date_separator);
    std::string order;
    read_string(description, "dateOrder", order);
    if (order == "dmy") locale.date_order = DateOrder::dmy;
    if (order == "mdy") locale.date_order = DateOrder::mdy;
    if (order == "ymd") locale.date_order = DateOrder::ymd;
    std::string language;
    read_string(description, "tag", language);
    read_string(description, "language", language);
    locale.lang = lang_from_tag(language);
    if (!catalog_has(locale.lang)) locale.lang = Lang::en;  // its language file did not come (or not yet)
    if (locale.decimal.empty()) locale.decimal = ".";  // a number must keep its fraction readable
    return locale;
}

__attribute__((weak)) int format_fixed(char* out, int size, double value, int decimals) {
    return stbsp_snprintf(out, size, "%.*f", decimals, value);
}

std::string format_number(double value, int decimals, const LocaleFormat& locale) {
    if (!std::isfinite(value)) return "\xE2\x80\x94";  // U+2014 EM DASH
    char plain[64];
    format_fixed(plain, sizeof plain, value, decimals);
    const bool zero = std::all_of(plain, plain + std::strlen(plain), [](char c) { return c < '1' || c > '9'; });
    if (plain[0] == '-' && zero) return localize_digits(plain + 1, locale);  // no "-0.0" for a tiny loss
    return localize_digits(plain, locale);
}

std::string format_count(double value, const LocaleFormat& locale) {
    const bool whole = std::isfinite(value) && std::floor(value) == value;
    return format_number(value, whole ? 0 : 1, locale);
}

std::string_view currency_symbol(std::string_view code) {
    struct Symbol {
        const char* code;
        const char* symbol;
    };
    static constexpr Symbol kSymbols[] = {
        {"EUR", "\xE2\x82\xAC"}, {"USD", "$"}, {"GBP", "\xC2\xA3"}, {"JPY", "\xC2\xA5"}, {"CNY", "\xC2\xA5"},
        {"INR", "\xE2\x82\xB9"}, {"RUB", "\xE2\x82\xBD"}, {"UAH", "\xE2\x82\xB4"}, {"KRW", "\xE2\x82\xA9"},
        {"TRY", "\xE2\x82\xBA"}, {"ILS", "\xE2\x82\xAA"}, {"PLN", "z\xC5\x82"}, {"BRL", "R$"},
    };
    for (const Symbol& s : kSymbols)
        if (code == s.code) return s.symbol;
    return {};
}

std::string format_currency(double value, std::string_view code, const LocaleFormat& locale) {
    const bool whole = std::isfinite(value) && std::floor(value) == value;
    const std::string number = format_number(value, std::fabs(value) >= 1000 || whole ? 0 : 2, locale);
    std::string_view symbol = currency_symbol(code);
    // A code with no symbol always gets a space: "CHF12" reads badly in every locale.
    const bool space = locale.currency_space || symbol.empty();
    if (symbol.empty()) symbol = code;
    if (symbol.empty()) return number;
    std::string out;
    if (locale.currency_before) {
        out.append(symbol);
        if (space) out += ' ';
        out += number;
    } else {
        out = number;
        if (space) out += ' ';
        out.append(symbol);
    }
    return out;
}

std::string format_date(Date date, const LocaleFormat& locale) {
    const CivilParts p = civil_parts(date);
    std::string y, m, d;
    append_zero_padded(y, p.year, 4);
    append_zero_padded(m, p.month, 2);
    append_zero_padded(d, p.day, 2);
    const std::string& sep = locale.date_separator;
    switch (locale.date_order) {
        case DateOrder::dmy: return d + sep + m + sep + y;
        case DateOrder::mdy: return m + sep + d + sep + y;
        case DateOrder::ymd: break;
    }
    return y + sep + m + sep + d;
}

std::string format_percent(double percent, const LocaleFormat& locale) {
    // One decimal below 10 % ("1.7 %"), where a whole number would hide the difference; none for whole ones.
    const bool whole = std::isfinite(percent) && std::floor(percent) == percent;
    return format_number(percent, std::fabs(percent) < 10 && !whole ? 1 : 0, locale) + " %";
}

namespace {

std::string month_name(unsigned month, bool full, Lang lang) {
    const unsigned m = (month + 11) % 12;
    return msg(Msg(unsigned(full ? Msg::month_1 : Msg::mon_1) + m), lang);
}

// English writes "Dec 31, 2023" where the locale puts the month first; the other languages always put the day first.
bool month_first(const LocaleFormat& locale) { return locale.lang == Lang::en && locale.date_order == DateOrder::mdy; }

bool is_money(const Goal& goal) {
    return goal.target.unit == Unit::currency || goal.target.tracking == TrackingMetric::sum ||
           (!goal.target.currency_code.empty() && goal.target.unit != Unit::duration && goal.target.unit != Unit::percent);
}

}  // namespace

std::string format_day(Date date, const LocaleFormat& locale) {
    const CivilParts p = civil_parts(date);
    const std::string day = std::to_string(p.day), month = month_name(p.month, false, locale.lang), year = std::to_string(p.year);
    if (month_first(locale)) return month + " " + day + ", " + year;
    return msg(Msg::date_day, locale.lang, {{"day", day}, {"month", month}, {"year", year}});
}

std::string format_day_short(Date date, const LocaleFormat& locale) {
    const CivilParts p = civil_parts(date);
    const std::string day = std::to_string(p.day), month = month_name(p.month, false, locale.lang);
    return month_first(locale) ? month + " " + day : msg(Msg::date_day_short, locale.lang, {{"day", day}, {"month", month}});
}

std::string format_range(DateRange range, const LocaleFormat& locale) {
    if (range.start == range.end) return format_day(range.start, locale);
    const CivilParts a = civil_parts(range.start), b = civil_parts(range.end);
    const std::string dash = "\xE2\x80\x93";  // U+2013 EN DASH
    if (a.year == b.year && a.month == b.month) {
        const std::string month = month_name(a.month, false, locale.lang), year = std::to_string(a.year);
        if (month_first(locale)) return month + " " + std::to_string(a.day) + dash + std::to_string(b.day) + ", " + year;
        return msg(Msg::date_days_in_month, locale.lang,
                   {{"from", std::to_string(a.day)}, {"to", std::to_string(b.day)}, {"month", month}, {"year", year}});
    }
    if (a.year == b.year) {
        const std::string tail = month_first(locale) ? ", " + std::to_string(a.year) : " " + std::to_string(a.year);
        return format_day_short(range.start, locale) + " " + dash + " " + format_day_short(range.end, locale) + tail;
    }
    return format_day(range.start, locale) + " " + dash + " " + format_day(range.end, locale);
}

std::string format_month(Date date, const LocaleFormat& locale, bool full) {
    const CivilParts p = civil_parts(date);
    return month_name(p.month, full, locale.lang) + " " + std::to_string(p.year);
}

namespace {

// The singular and plural unit messages of a count goal; none for other units.
bool count_units(const Goal& goal, Msg& one, Msg& other) {
    switch (goal.metric.type) {
        case MetricType::deals_won:
        case MetricType::deals_started:
        case MetricType::deals_progressed: one = Msg::unit_deal, other = Msg::unit_deals; return true;
        case MetricType::activities_added:
        case MetricType::activities_completed: one = Msg::unit_activity, other = Msg::unit_activities; return true;
        case MetricType::conversions: one = Msg::unit_conversion, other = Msg::unit_conversions; return true;
        default: return false;
    }
}

}  // namespace

const char* count_unit_label(const Goal& goal, Lang lang) {
    Msg one, other;
    return count_units(goal, one, other) ? msg(other, lang) : "";
}

const char* count_unit_word(const Goal& goal, double value, Lang lang) {
    Msg one, other;
    return count_units(goal, one, other) ? msg(plural(one, other, value, lang), lang) : "";
}

bool counts_whole_things(const Goal& goal) {
    // An average of counts ("3.4 deals per rep") is a level, not a count: it keeps its fraction.
    return !is_money(goal) && goal.target.unit == Unit::count && goal.target.tracking != TrackingMetric::average;
}

double whole_count_target(double target) {
    if (!std::isfinite(target) || target <= 0) return target;
    return std::max(1.0, std::round(target));
}

std::string format_goal_figure(const Goal& goal, double value, const LocaleFormat& locale) {
    if (is_money(goal)) return format_currency(value, goal.target.currency_code, locale);
    switch (goal.target.unit) {
        case Unit::duration: return format_count(value, locale) + " h";
        case Unit::percent: return format_percent(value, locale);
        default: break;
    }
    // A count is whole; an average of counts (3.4 per rep) is a level and keeps its fraction.
    if (!counts_whole_things(goal)) return format_count(value, locale);
    return format_number(std::isfinite(value) ? std::round(value) : value, 0, locale);
}

std::string format_goal_amount(const Goal& goal, double value, const LocaleFormat& locale) {
    std::string figure = format_goal_figure(goal, value, locale);
    if (is_money(goal) || goal.target.unit != Unit::count) return figure;
    const char* word = count_unit_word(goal, counts_whole_things(goal) ? std::round(value) : value, locale.lang);
    return *word ? figure + " " + word : figure;
}

std::string format_goal_target(const Goal& goal, double target, const LocaleFormat& locale) {
    return format_goal_amount(goal, counts_whole_things(goal) ? whole_count_target(target) : target, locale);
}

// How people write the vendors' names.
const char* vendor_label(Vendor vendor) {
    switch (vendor) {
        case Vendor::pipedrive: return "Pipedrive";
        case Vendor::hubspot: return "HubSpot";
        case Vendor::giosg: return "giosg";
        case Vendor::zendesk: return "Zendesk";
        case Vendor::unknown: break;
    }
    return "other";
}

}  // namespace gp::ui
