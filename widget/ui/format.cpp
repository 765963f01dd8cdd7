#include "ui/format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

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
    if (locale.decimal.empty()) locale.decimal = ".";  // a number must keep its fraction readable
    return locale;
}

std::string format_number(double value, int decimals, const LocaleFormat& locale) {
    if (!std::isfinite(value)) return "\xE2\x80\x94";  // U+2014 EM DASH
    char plain[64];
    std::snprintf(plain, sizeof plain, "%.*f", decimals, value);
    if (plain[0] == '-' && std::strtod(plain, nullptr) == 0.0) return localize_digits(plain + 1, locale);
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
    const std::string number = format_number(value, std::fabs(value) >= 1000 ? 0 : 2, locale);
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
    char y[16], m[4], d[4];
    std::snprintf(y, sizeof y, "%04d", p.year);
    std::snprintf(m, sizeof m, "%02u", p.month);
    std::snprintf(d, sizeof d, "%02u", p.day);
    const std::string& sep = locale.date_separator;
    switch (locale.date_order) {
        case DateOrder::dmy: return std::string(d) + sep + m + sep + y;
        case DateOrder::mdy: return std::string(m) + sep + d + sep + y;
        case DateOrder::ymd: break;
    }
    return std::string(y) + sep + m + sep + d;
}

std::string format_percent(double percent, const LocaleFormat& locale) {
    return format_number(percent, std::fabs(percent) < 10 ? 1 : 0, locale) + " %";
}

const char* count_unit_label(const Goal& goal) {
    switch (goal.metric.type) {
        case MetricType::deals_won:
        case MetricType::deals_started:
        case MetricType::deals_progressed: return "deals";
        case MetricType::activities_added:
        case MetricType::activities_completed: return "activities";
        case MetricType::conversions: return "conversions";
        default: return "";
    }
}

std::string format_goal_amount(const Goal& goal, double value, const LocaleFormat& locale) {
    const bool money = goal.target.unit == Unit::currency || goal.target.tracking == TrackingMetric::sum ||
                       !goal.target.currency_code.empty();
    if (money) return format_currency(value, goal.target.currency_code, locale);
    switch (goal.target.unit) {
        case Unit::duration: return format_count(value, locale) + " h";
        case Unit::percent: return format_percent(value, locale);
        default: break;
    }
    const char* word = count_unit_label(goal);
    return *word ? format_count(value, locale) + " " + word : format_count(value, locale);
}

}  // namespace gp::ui
