// goalpost UI: the message catalog. Every word the widget draws, puts in its accessibility mirror or
// announces comes from here, in English, German, French or Spanish.
//
//   const Lang lang = locale.lang;                        // from the page: locale option, else lang attributes
//   text(msg(Msg::tab_overview, lang));                   // "Overview", "Übersicht", ...
//   text(msg(Msg::show_period, lang, {{"period", label}})); // "Show November 2026", "November 2026 anzeigen"
//
// A message with values names them in braces ("{period}"); msg() fills them in from the arguments. The
// values are inserted as they are and never read as a pattern or a printf format: data strings are drawn as
// text. Each message's row in messages.cpp holds all four languages, so none can be missing; an empty
// translation falls back to English (the tests check that none is empty and that every translation has the
// same placeholders as the English one).
//
// Machine-facing values stay English and are not here: state() JSON keys, status codes, event names and
// error codes. The core's validation messages are English; error_message() says them by code elsewhere.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.hpp"

namespace gp::ui {

// A language added here also needs its code in the loader's PACK_LANGUAGES (web/goal-widget.js), which
// fetches its file for the shipped wasm.
enum class Lang : uint8_t { en, de, fr, es };
inline constexpr int kLangCount = 4;

// The catalog for a BCP 47 tag, by its primary subtag ("de-AT" -> de, "fr" -> fr); English otherwise.
Lang lang_from_tag(std::string_view tag);
// "en", "de", "fr", "es".
const char* lang_code(Lang lang);

// clang-format off
enum class Msg : uint16_t {
    // Tabs
    tab_overview, tab_detail, tab_conversions, tab_url_tester, tab_editor, tab_more,
    // Pace and outcomes
    pace_on_track, pace_behind, pace_at_risk, pace_unknown,
    outcome_match, outcome_no_match, outcome_unsupported, outcome_error,
    // A card's chip
    chip_ended, chip_upcoming, chip_no_data, chip_no_target, chip_reached, chip_missed,
    // A goal's texts
    goal_ended_on, goal_starts_on, goal_sentence, goal_no_data_line, goal_target, goal_target_under,
    goal_of_target, goal_percent_of_limit, goal_percent_of_target, goal_value, goal_trend_same, goal_trend_up,
    goal_trend_down, goal_untitled, goal_inactive, previous_week, previous_days,
    // Who and what
    assignee_none, assignee_person, assignee_team, assignee_company,
    metric_deals_won, metric_deals_started, metric_deals_progressed, metric_activities_added,
    metric_activities_completed, metric_revenue_forecast, metric_sales_quota, metric_conversions, metric_goal,
    unit_deal, unit_deals, unit_activity, unit_activities, unit_conversion, unit_conversions,
    // Months and dates
    month_1, month_2, month_3, month_4, month_5, month_6, month_7, month_8, month_9, month_10, month_11, month_12,
    mon_1, mon_2, mon_3, mon_4, mon_5, mon_6, mon_7, mon_8, mon_9, mon_10, mon_11, mon_12,
    date_day, date_day_short, date_days_in_month,
    // Periods
    period_week, period_week_short, period_quarter, period_quarter_only,
    period_no_data_after, period_no_data_before, period_show,
    kind_week, kind_month, kind_quarter, kind_year, kind_custom,
    // Toolbar and filters
    toolbar_previous_tip, toolbar_next_tip, toolbar_today, toolbar_today_as_of_tip, toolbar_today_tip,
    toolbar_date_hint, toolbar_date_format, toolbar_previous, toolbar_next, toolbar_period,
    filter_any, filter_search_hint, filter_search_short, filter_search, filter_assignee, filter_type, filter_vendor,
    filter_show, filter_clear, filter_menu, filter_and_sort, filter_sort_by, filter_sort_preview,
    filter_ascending, filter_descending, filter_goals_match,
    show_all, show_active, show_inactive, sort_title, sort_percent, sort_status, sort_vendor,
    // Overview
    overview_no_goals, overview_no_match,
    // Detail
    detail_choose, detail_still_to_come, detail_so_far_expected, detail_so_far_value, detail_intervals,
    detail_col_interval, detail_col_value, detail_col_target, detail_col_percent,
    legend_so_far, legend_pace, legend_forecast, legend_per_step, legend_target_per_step,
    step_day, step_week, step_month, step_quarter, step_interval, step_step,
    detail_forecast, detail_forecast_likely, detail_vendor_numbers, detail_vendor_reports,
    // Conversions
    conv_none_in, conv_no_condition_goals, conv_none_yet, conv_not_attributed, conv_credited_to,
    conv_page_unknown, conv_this_page, conv_page_matches_none, conv_heading_goals, conv_heading_page,
    conv_heading_latest,
    // URL tester
    url_no_conditions, url_no_engine, url_hint_short, url_prompt,
    // Status strip
    status_updated_now, status_updated_min, status_updated_hours, status_updated_days, status_stale_age,
    status_as_of, status_loading_page_of, status_loading_pages, status_retry,
    status_problem, status_problems, status_problem_short, status_problems_short,
    status_note, status_notes, status_note_short, status_notes_short,
    // A goal source's line (the platform layer keeps it as a message and its values)
    source_loading, source_loading_page, source_refreshing_page, source_retrying, source_ready, source_pages,
    source_partial, source_stale, source_failed, source_named, source_delete_failed, source_save_failed,
    // Editor
    editor_title, editor_active, editor_assignee, editor_assignee_id, editor_target, editor_interval,
    editor_start_end, editor_open_ended, editor_measures, editor_tracks, editor_better_when, editor_currency,
    editor_remove, editor_value, editor_match_when, editor_add_condition, editor_attribution, editor_default_value,
    editor_create, editor_save, editor_cancel, editor_delete, editor_delete_confirm, editor_new_goal, editor_goals,
    editor_heading_new, editor_heading_edit, editor_hubspot_read_only, editor_saving_sends, editor_no_validator,
    editor_bad_number, editor_start_required, editor_bad_date,
    // The URL tester's conditions and reasons
    cond_field_url, cond_field_path, cond_field_query, cond_field_host, cond_field_title, cond_field_referrer, cond_field_event_name, cond_field_event_value, cond_field_giosg_code,
    cond_op_equals, cond_op_contains, cond_op_starts_with, cond_op_ends_with, cond_op_wildcard, cond_op_greater, cond_op_less, cond_op_unsupported,
    cond_not_equals, cond_not_contains, cond_not_starts_with, cond_not_ends_with, cond_not_wildcard, cond_not_greater, cond_not_less,
    cond_plain, cond_negated, cond_reason, cond_ignoring_case, cond_negated_fails, cond_negated_holds, cond_room_scope, cond_room_reason,
    // The core's and the vendors' rules, by error code, where the page's language is not English
    error_required, error_type_mismatch, error_out_of_range, error_not_allowed, error_bad_url, error_bad_enum,
    error_bad_date, error_bad_number, error_bad_value, error_limit_exceeded, error_not_representable, error_create_pending, error_save_pending, error_vendor_unknown,
    error_headers_failed, error_not_sendable, error_goal,
    // Saving to the vendor
    save_saving, save_saved, save_refused, save_refused_undone, save_conflict, save_no_source, save_read_only,
    save_cannot_write, save_not_sent,
    // The page's loader (web/goal-widget.js asks for these through the inspection state)
    page_label, page_goal_reached, page_as_of,
    count
};
// clang-format on
inline constexpr size_t kMsgCount = size_t(Msg::count);

struct MsgArg {
    std::string_view name;
    std::string_view value;
};

// The message in `lang`; English where the translation is empty.
const char* msg(Msg key, Lang lang);
// The message with its placeholders filled in.
std::string msg(Msg key, Lang lang, std::initializer_list<MsgArg> args);
// The singular (`one`) or plural (`other`) message for the number `n` as `lang` counts: French says
// "0 affaire", English "0 deals".
Msg plural(Msg one, Msg other, double n, Lang lang);

// `pattern` with each "{name}" replaced by its argument's value; unknown names stay as they are. Values are
// copied as they are: a "{" in a value is not a placeholder.
std::string fill(std::string_view pattern, const MsgArg* args, size_t count);
inline std::string fill(std::string_view pattern, std::initializer_list<MsgArg> args) {
    return fill(pattern, args.begin(), args.size());
}

// A field error said in `lang`: the core's own sentence in English (it names the field and the rule), and
// elsewhere the catalog's sentence for its code; a code the catalog does not know keeps the core's sentence.
std::string error_message(std::string_view code, const std::string& message, Lang lang);

// For the catalog's tests: the translation as written (may be empty), and the names of a pattern's
// placeholders in order.
const char* msg_translation(Msg key, Lang lang);
std::vector<std::string> placeholders(std::string_view pattern);

// [SECTION] Language packs
// The shipped wasm is built with GP_CATALOG_ENGLISH_ONLY: it carries English, and the page's loader fetches
// another language's texts (web/lang/de.json, ...) and hands them over before they are needed. A pack is
// {"lang": "de", "catalog": fingerprint of the English texts, "texts": [one per Msg, in order; "" = English]}.
// Whether `lang`'s texts are here (compiled in or installed); a locale whose language is not says English.
bool catalog_has(Lang lang);
// The pack of the texts compiled into this build (for the build step that writes the files, and the tests).
Json language_pack(Lang lang);
// Takes a pack over: refused whole (false) when it is not one, is for English, or belongs to another build's
// catalog; a text that is not a string or does not name the English text's values is left out (said in
// English). Every refusal and omission is a sentence in `problems`. The installed texts win over compiled ones.
bool install_language_pack(const Json& pack, std::vector<std::string>& problems);
void remove_language_pack(Lang lang);

// A message kept with its values, for text that is made outside the UI and said in the page's language
// when drawn (a goal source's status line, a save's note).
struct Message {
    Msg key = Msg::count;  // count: nothing to say
    std::vector<std::pair<std::string, std::string>> args;  // placeholder name, value
    bool empty() const { return key == Msg::count; }
};
std::string say(const Message& message, Lang lang);

}  // namespace gp::ui
