// goalpost UI, internal: what the per-view files share (the frame's context, the goal cache, the drawing
// kit and layout helpers). Not part of the library's interface.
//
// Index
// - [SECTION] Explain cache
// - [SECTION] Conversion tallies
// - [SECTION] Goal cache (progress, texts, steps, card layout)
// - [SECTION] The frame's context
// - [SECTION] Drawing kit (kit.cpp)
// - [SECTION] Helpers
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "core/progress.hpp"
#include "ui/fonts.hpp"
#include "ui/format.hpp"
#include "ui/theme.hpp"
#include "ui/widget_view.hpp"

namespace gp::ui::parts {

//-----------------------------------------------------------------------------
// [SECTION] Explain cache: one URL's verdicts, kept until the URL or the data change
//-----------------------------------------------------------------------------

struct ExplainCache {
    std::string url;
    uint64_t generation = ~uint64_t(0);
    const void* goals_ptr = nullptr;
    bool valid = false;
    UrlExplanation result;
    // The explanation of `url` over the data's goals (empty when there is no explain service).
    const UrlExplanation& get(const WidgetData& data, const std::string& url);
};

//-----------------------------------------------------------------------------
// [SECTION] Conversion tallies: each condition goal's results from the core, once per data and period
//-----------------------------------------------------------------------------

// The core's results of condition goals (condition_results: the one rule the overview's progress uses too)
// over the view's buckets; the matches are indexed again only when they change, the results recomputed
// when the data, the period or the zone change.
struct ConversionCache {
    uint64_t generation = ~uint64_t(0);
    const void* matches_ptr = nullptr;
    size_t matches_size = 0;
    DateRange period;
    int zone_offset_minutes = 0;
    std::vector<DateRange> buckets;
    Interval cut = Interval::weekly;
    std::shared_ptr<const MatchSeries> series;
    std::unordered_map<std::string, std::optional<GoalResults>> by_goal;  // filled on first need
    // True when the tallies had to be recounted for these inputs.
    bool stale(const WidgetData& data, DateRange wanted, int zone) const {
        return data.generation != generation || data.matches.data() != matches_ptr ||
               data.matches.size() != matches_size || !(wanted == period) || zone != zone_offset_minutes;
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Goal cache: filtered order, progress, texts, steps and card layout, recomputed only when their
// inputs change (the data, the period, the minute, the locale, the card's width)
//-----------------------------------------------------------------------------

// What the texts of a goal depend on besides its progress.
struct PeriodFrame {
    Date today;
    DateRange previous;                 // the period before, for a trend
    std::string previous_label;         // "October", "Q3 2026", "the week before"
    std::vector<DateRange> steps;       // sub_intervals() of the period
    bool no_data = false;               // the period holds none of the loaded data
};

// Where the parts of a card go at one inner width: measured once per goal and width, not every frame.
struct CardLayout {
    float width = -1.0f;                // the inner width this was measured for
    int fonts = -1;                     // and the atlas (a new atlas measures again)
    bool compact = false;               // and the form (card or single line)
    size_t title_bytes = 0, meta_bytes = 0, suffix_bytes = 0, line_bytes = 0;  // what fits, before the "…"
    float chip_width = 0, figure_width = 0, suffix_width = 0, percent_width = 0;
    bool sparkline = false;             // the trend fits beside the readout
    std::string meta;                   // "activities completed · company 1"
};

class GoalCache {
public:
    // Drops what is stale for this data, period and filter set.
    void sync(const WidgetData& data, const ProgressQuery& query, const Filters& filters, PeriodFrame frame,
              const LocaleFormat& locale);
    const std::vector<uint32_t>& order() const { return order_; }
    const GoalProgress& progress(uint32_t goal_index);
    // The goal as the views draw it: figures, chip, sentences (widget_view.cpp, shown_goal).
    const ShownGoal& shown(uint32_t goal_index);
    // The goal's figures per step of the period (empty when they cannot be told apart: a vendor's total).
    const std::vector<IntervalResult>& steps(uint32_t goal_index);
    // True when the steps carry targets of their own: they add up to the period's target.
    bool step_targets(uint32_t goal_index);
    CardLayout& layout(uint32_t goal_index) { return layout_[goal_index]; }
    const PeriodFrame& frame() const { return frame_; }
    const std::vector<std::string>& assignees() const { return assignees_; }
    // Index of the goal with this id, or -1.
    int find(const std::string& goal_id) const;
    bool data_changed_this_frame() const { return data_changed_; }

    ExplainCache current_page;  // the conversions view's "goals matching this page"
    ExplainCache url_tester;
    ConversionCache conversions;

private:
    void rebuild_order(const Filters& filters);
    bool follow_order(const Filters& filters);
    bool title_has(uint32_t goal_index, const std::string& folded_text) const;

    const WidgetData* data_ = nullptr;
    const void* goals_ptr_ = nullptr;
    size_t goals_size_ = 0;
    uint64_t generation_ = ~uint64_t(0);
    ProgressQuery query_;
    int64_t query_minute_ = -1;
    PeriodFrame frame_;
    LocaleFormat locale_;
    Filters filters_;
    bool order_valid_ = false;
    bool data_changed_ = false;
    std::vector<uint32_t> order_;
    std::vector<uint32_t> by_title_;  // every goal's index in title order (stable); emptied with new data
    std::string folded_titles_;           // every goal's title in ASCII lower case, end to end, for the search
    std::vector<uint32_t> folded_starts_;  // where each goal's folded title starts in it, and where the last ends
    // Per goal, by index; entries are filled on first need after each reset.
    enum Ready : uint8_t { kProgress = 1, kShown = 2, kSteps = 4 };
    std::vector<uint8_t> ready_;
    std::vector<GoalProgress> progress_;
    std::vector<ShownGoal> shown_;
    std::vector<std::vector<IntervalResult>> steps_;
    std::vector<uint8_t> step_targets_;
    std::vector<CardLayout> layout_;
    std::vector<std::string> assignees_;
};

//-----------------------------------------------------------------------------
// [SECTION] The frame's context, handed to every view
//-----------------------------------------------------------------------------

struct ViewContext {
    const WidgetData& data;
    const FrameContext& frame;
    const Palette& palette;
    const FontSet& fonts;
    ViewState& state;
    GoalCache& cache;
    Shown& shown;
    std::vector<Action>& actions;
    Date today;
    ProgressQuery query;
    int font_generation = 0;        // bumped with every new atlas (CardLayout::fonts)
    float width = 0;                // the window's width (CSS px)
    WidthClass width_class = WidthClass::wide;
    bool compact = false;           // a short container: single-line rows
    float bar_reveal = 1.0f;        // 0..1 while bars ease in after new data; 1 when still
    bool suppress_clicks = false;   // a drag-scroll is in progress: a release must not click
    bool focus_search = false;      // the "/" shortcut was typed
    std::optional<PeriodNote> period_note;  // the period on screen holds none of the loaded data
};

void draw_tabs(ViewContext& ctx, bool as_menu);
void draw_toolbar(ViewContext& ctx);
void draw_overview(ViewContext& ctx);
void draw_detail(ViewContext& ctx);
void draw_conversions(ViewContext& ctx);
void draw_url_tester(ViewContext& ctx);
void draw_editor(ViewContext& ctx);
void draw_status_strip(ViewContext& ctx);
float status_strip_height(const ViewContext& ctx);

//-----------------------------------------------------------------------------
// [SECTION] Drawing kit (kit.cpp): text that fits, chips, bars, sparklines, buttons of touch size
//-----------------------------------------------------------------------------

namespace kit {

// A font's size and line height in CSS pixels (the atlas is baked at the pixel ratio).
float size_of(const ImFont* font);
float line_of(const ImFont* font);
float width_of(const ImFont* font, std::string_view s);
// How many bytes of `s` fit in `max_width` with an ellipsis after them; s.size() when all of it fits.
size_t fit(const ImFont* font, std::string_view s, float max_width);
// Draws `s` (or its first `bytes` and an ellipsis, when bytes < s.size()); returns the width drawn.
float text(ImDrawList* draw, const ImFont* font, ImVec2 at, ImU32 colour, std::string_view s,
           size_t bytes = std::string_view::npos);
float chip_width(const ImFont* font, std::string_view label);
float chip_height(const ImFont* font);
void chip(ImDrawList* draw, const ImFont* font, ImVec2 at, std::string_view label, ImU32 bg, ImU32 fg);
// A rounded track with its fill; the pace marker, when given, is a tick that stays within `max` and the
// space reserved above and below the bar (kBarMarkerOverhang), never over text.
constexpr float kBarHeight = 8.0f;
constexpr float kBarMarkerOverhang = 3.0f;
void progress_bar(ImDrawList* draw, ImVec2 min, ImVec2 max, float fraction, ImU32 fill, ImU32 track,
                  const std::optional<double>& marker, ImU32 marker_colour);
// Small bars per step, scaled to the highest; steps after `last_step` (still to come) drawn as empty slots.
void sparkline(ImDrawList* draw, ImVec2 min, ImVec2 max, const std::vector<IntervalResult>& steps, int last_step,
               ImU32 bar, ImU32 later);
// The index of the last step that has begun by `today` (-1: none has; the last one when all are over).
int last_step_begun(const std::vector<IntervalResult>& steps, Date today);
// ImGui::Button, at least kTouchTarget in both directions.
bool button(const char* label, float width = 0.0f);
// A button drawn as text with an accent underline when selected (tabs, segmented choices).
bool tab_button(const char* label, bool selected, const Palette& palette, float width);
// A section heading in the caption font (upper-case is left to the words themselves).
void heading(const ViewContext& ctx, std::string_view label);

}  // namespace kit

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// Data strings are drawn as text, never as format strings.
inline void text(std::string_view s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }
void coloured_text(ImU32 colour, std::string_view s);
void wrapped_text(ImU32 colour, std::string_view s);
void badge(const ViewContext& ctx, Vendor vendor);
// An InputText over a std::string, growing it as the user types.
bool input_text(const char* label, std::string& value, const char* hint = nullptr, ImGuiInputTextFlags flags = 0);
// Remembers where the last item was drawn under `name` (Shown::rects).
void record_rect(Shown& shown, std::string name);
// Opens the detail tab for a goal.
void open_detail(ViewContext& ctx, const std::string& goal_id);

// The goal as the views draw it (the cache keeps one per goal and period).
ShownGoal shown_goal(const Goal& goal, const GoalProgress& progress, const LocaleFormat& locale, const PeriodFrame& frame,
                     DateRange period, const std::optional<double>& previous_value);
// True when the steps' targets change from step to step by more than their lengths do (seasonal targets:
// a clipped step has less target, but not less per day).
bool targets_vary(const std::vector<IntervalResult>& steps);
// Whether a goal runs in `period` at all, by its schedule.
GoalTiming timing_of(const Goal& goal, DateRange period);
// The period note as a line with a button to the nearest period that has data; true when drawn.
bool draw_period_note(ViewContext& ctx);
// The URL tester's words for a condition and for why it did or did not hold, in `lang` (url_tester.cpp).
std::string condition_words(const ConditionExplanation& c, Lang lang);
std::string reason_words(const ConditionExplanation& c, Lang lang);
const char* metric_label(MetricType type, Lang lang);
std::string assignee_label(const Assignee& assignee, Lang lang);
std::string_view goal_title(const Goal& goal, Lang lang);
// The short form of a period's label for narrow toolbars: "Week 47, 2026" without its dates.
std::string short_period_label(const PeriodState& period, DateRange range, const LocaleFormat& locale);

}  // namespace gp::ui::parts
