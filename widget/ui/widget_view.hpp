// goalpost UI: the widget as one object the platform layer calls per frame.
//
//   gp::ui::WidgetView view;                       // holds every piece of view state
//   if (view.needs_fonts_rebuilt(ratio)) { view.rebuild_fonts(ratio); /* re-upload the font texture */ }
//   ImGui::NewFrame(); view.draw(data, context); ImGui::Render();
//   if (!view.wants_frame()) /* pause the loop until input or data arrive */;
//   for (auto& action : view.take_actions()) /* save, delete, retry */;
//
// What each frame showed is kept in shown(): the tests assert on it, and the page's accessibility
// mirror can read it as text.
//
// Index
// - [SECTION] View state (tabs, period, filters, editor)
// - [SECTION] What was shown
// - [SECTION] Actions for the platform layer
// - [SECTION] WidgetView
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widget_data.hpp"

namespace gp::ui {

//-----------------------------------------------------------------------------
// [SECTION] View state
//-----------------------------------------------------------------------------

enum class Tab : uint8_t { overview, detail, conversions, url_tester, editor };
const char* tab_label(Tab tab, Lang lang);

enum class PeriodKind : uint8_t { week, month, quarter, year, custom };

struct PeriodState {
    PeriodKind kind = PeriodKind::month;
    std::optional<Date> anchor;  // a day inside the period; none: today
    DateRange custom;            // used when kind is custom
};

// The period a PeriodState stands for, on `today`.
DateRange period_range(const PeriodState& period, Date today, const CalendarOptions& calendar);
// Moves to the previous (-1) or next (+1) period of the same kind and length.
void step_period(PeriodState& period, int direction, Date today, const CalendarOptions& calendar);
// "this week", "this month"...: the period of `kind` that contains today.
void jump_to_current(PeriodState& period, PeriodKind kind);
// "Week 47, 2026" or, `short_form`, "W47 2026": the ISO week the range starts in.
std::string week_label(DateRange range, Lang lang, bool short_form);
// "March 2024", "Week 10, 2024", "Q1 2024", "2024", or the custom range's dates.
std::string period_label(const PeriodState& period, DateRange range, const LocaleFormat& locale);

// The steps a period is drawn in (the detail chart's bars, the cards' sparklines): days for a week or a
// month, weeks for a quarter, months for a year; a custom period by its length.
enum class Resolution : uint8_t { day, week, month, quarter };
Resolution resolution_of(DateRange period);
// The period cut into steps of its resolution, in time order (the first and last clipped to the period).
std::vector<DateRange> sub_intervals(DateRange period, const CalendarOptions& calendar);
// The period before, of the same kind and length: what a goal without a target is compared with.
DateRange previous_period(const PeriodState& period, Date today, const CalendarOptions& calendar);

// What the view says when the period on screen holds none of the loaded data, instead of zero bars.
struct PeriodNote {
    std::string text;  // "No data in December 2026. The last day with data is 20 Nov 2026."
    Date nearest;      // the day with data nearest to the period: the note's button shows its period
};
// None when there is no data at all (nothing was loaded) or when some of it falls in `period`.
std::optional<PeriodNote> empty_period_note(const std::optional<TimeSpan>& data_span, DateRange period,
                                            const std::string& label, int zone_offset_minutes,
                                            const LocaleFormat& locale);

enum class SortKey : uint8_t { title, percent, status, vendor };
enum class ActiveFilter : uint8_t { any, active, inactive };

struct Filters {
    std::string assignee;               // empty: any
    std::optional<MetricType> type;
    std::optional<Vendor> vendor;
    ActiveFilter active = ActiveFilter::any;
    std::string search;                 // in titles, ignoring ASCII case
    SortKey sort = SortKey::title;
    bool descending = false;
    bool operator==(const Filters& o) const {
        return assignee == o.assignee && type == o.type && vendor == o.vendor && active == o.active &&
               search == o.search && sort == o.sort && descending == o.descending;
    }
    bool operator!=(const Filters& o) const { return !(*this == o); }
};

// The editor's draft: a goal being created or changed, with the errors of the last save attempt.
struct EditorState {
    std::optional<Goal> draft;
    bool is_new = false;
    std::vector<Error> errors;
    bool confirm_delete = false;
    // Typed text, parsed on save so bad input can be named (numbers too: ImGui's number fields scan with
    // sscanf, which the shipped wasm leaves out, wasm/libc_format.cpp).
    std::string amount_text, start_text, end_text, window_text, default_value_text;
};

struct ViewState {
    Tab tab = Tab::overview;
    int detail_step = -1;  // the chart step tapped or clicked (its tooltip stays); -1: none
    PeriodState period;
    std::string custom_start_text, custom_end_text;  // the custom period's fields as typed
    Filters filters;
    std::string selected_goal_id;  // the detail view's goal
    std::string url_input;
    EditorState editor;
};

//-----------------------------------------------------------------------------
// [SECTION] What was shown
//-----------------------------------------------------------------------------

// Whether a goal runs in the period on screen at all.
enum class GoalTiming : uint8_t { runs, ended, not_started };

struct ShownGoal {
    std::string goal_id;
    std::string title;
    double value = 0;
    double target = 0;
    std::optional<double> percent;
    PaceState status = PaceState::unknown;  // the core's pace; unknown without pace or data
    std::string value_text;   // with its unit: "22 activities", "€18,900", "3.2 h"
    std::string target_text;  // the same for the target, whole for counts ("1,286 activities")
    bool no_data = false;     // the period holds none of the loaded data (Shown::period_note says so)
    GoalTiming timing = GoalTiming::runs;
    bool has_target = false;
    bool lower_is_better = false;
    // As drawn on the card: the figure ("22", "€18,900"), what follows it ("of 1,286 activities", "target
    // under 4 h", "conversions"), the percent ("2 %"), the chip ("at risk", "reached", "ended", "no target")
    // with its colour, and a second line ("value 340 · up 4 from October", "ended 31 Dec 2023").
    std::string figure, figure_suffix, percent_text, chip;
    PaceState tone = PaceState::unknown;
    std::string detail_line;
    // The goal in one sentence, as a screen reader should hear it (the page's mirror reads state().goals[].text):
    // "Calls completed: 22 of 1,286 activities, 2 %, at risk".
    std::string text;
};

struct ShownVerdict {
    std::string goal_id;
    std::string title;
    Outcome outcome = Outcome::no_match;
    std::vector<ConditionExplanation> conditions;
};

struct ShownRect {
    std::string name;  // e.g. "period.next", "tab.editor", "row:<goal id>", "editor.save"
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Shown {
    Tab tab = Tab::overview;
    DateRange period;
    std::string period_label;
    std::string period_note;                 // empty_period_note()'s text; empty when the period has data
    WidthClass width_class = WidthClass::wide;  // the layout chosen for the container's width
    bool compact = false;                    // the single-line form for short containers
    int columns = 1;                         // cards per row in the overview
    size_t goals_total = 0;
    size_t goals_matching = 0;               // after filters
    std::vector<ShownGoal> goals;            // the overview rows drawn this frame (the clipper's window)
    std::optional<ShownGoal> detail;
    std::vector<IntervalResult> detail_intervals;   // the goal's own intervals in the period (the table)
    std::vector<IntervalResult> detail_steps;       // the chart's bars: the period at its resolution
    bool detail_step_targets = false;               // the steps' targets add up to the period's (the pace line follows them)
    bool detail_seasonal = false;                   // and change from step to step: each bar has its own target
    std::optional<double> detail_forecast;
    std::optional<double> detail_forecast_low, detail_forecast_high;  // the forecast's likely range
    std::vector<std::string> tooltip;               // the lines of the chart's tooltip, when one is shown
    std::vector<ShownGoal> conversion_goals;
    std::vector<MatchRecord> feed;
    std::vector<std::string> goals_matching_page;
    std::string url_tested;
    std::string url_problem;
    std::vector<ShownVerdict> verdicts;
    std::vector<Error> editor_errors;        // each drawn at its field, or in the form's header
    std::vector<std::string> status_lines;
    bool retry_offered = false;
    std::vector<ShownRect> rects;            // where named controls were drawn, for input injection

    const ShownRect* rect(const std::string& name) const;
    void clear();
};

//-----------------------------------------------------------------------------
// [SECTION] Actions
//-----------------------------------------------------------------------------

struct Action {
    enum class Kind : uint8_t { create_goal, update_goal, delete_goal, retry };
    Kind kind = Kind::retry;
    Goal goal;  // the saved goal (create, update) or the deleted one
};

//-----------------------------------------------------------------------------
// [SECTION] WidgetView
//-----------------------------------------------------------------------------

class WidgetView {
public:
    WidgetView();
    ~WidgetView();
    WidgetView(const WidgetView&) = delete;
    WidgetView& operator=(const WidgetView&) = delete;

    // Draws the widget into the current ImGui frame, filling the main viewport (the canvas).
    void draw(const WidgetData& data, const FrameContext& context);

    const Shown& shown() const;
    // Every goal (not only the rows on screen) as the overview would draw it for the current period,
    // in data order: what the page's accessibility mirror and inspection call report.
    std::vector<ShownGoal> summaries(const WidgetData& data, const FrameContext& context);
    // The same for the goals at `indexes` only, handed to `take` in turn (each valid during the call): the
    // mirror writes only the goals an edit changed.
    void summaries(const WidgetData& data, const FrameContext& context, const std::vector<uint32_t>& indexes,
                   const std::function<void(uint32_t, const ShownGoal&)>& take);
    // The note for the period the view is on, when it holds none of the loaded data.
    std::optional<PeriodNote> period_note(const WidgetData& data, const FrameContext& context) const;
    // True while something the view draws is still changing by itself (a bar easing to its value when
    // motion is allowed). False otherwise: the platform layer may then stop drawing until input or data.
    bool wants_frame() const;
    std::vector<Action> take_actions();

    // Where the glyphs come from (fonts.hpp); setting one asks for a rebuild.
    void set_font_baker(FontBaker baker);
    bool needs_fonts_rebuilt(float pixel_ratio) const;
    // Rebuilds the current context's atlas for the ratio; the caller then re-uploads the font texture.
    void rebuild_fonts(float pixel_ratio);

    ViewState& state();
    const ViewState& state() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gp::ui
