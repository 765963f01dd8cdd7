// goalpost UI, internal: what the per-view files share (the frame's context, the goal cache, text and
// layout helpers). Not part of the library's interface.
#pragma once

#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include <imgui.h>

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
// [SECTION] Conversion tallies: matches counted per goal and interval once per data and period
//-----------------------------------------------------------------------------

struct IntervalTally {
    int64_t count = 0;
    double value = 0;
};

struct ConversionCache {
    uint64_t generation = ~uint64_t(0);
    const void* matches_ptr = nullptr;
    size_t matches_size = 0;
    DateRange period;
    int zone_offset_minutes = 0;
    std::vector<DateRange> buckets;
    std::unordered_map<std::string, std::vector<IntervalTally>> by_goal;
    // True when the tallies had to be recounted for these inputs.
    bool stale(const WidgetData& data, DateRange wanted, int zone) const {
        return data.generation != generation || data.matches.data() != matches_ptr ||
               data.matches.size() != matches_size || !(wanted == period) || zone != zone_offset_minutes;
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Goal cache: filtered order and progress, recomputed only when their inputs change
//-----------------------------------------------------------------------------

class GoalCache {
public:
    // Drops what is stale for this data, period and filter set.
    void sync(const WidgetData& data, const ProgressQuery& query, const Filters& filters);
    const std::vector<uint32_t>& order() const { return order_; }
    const GoalProgress& progress(uint32_t goal_index);
    const std::vector<std::string>& assignees() const { return assignees_; }
    // Index of the goal with this id, or -1.
    int find(const std::string& goal_id) const;
    bool data_changed_this_frame() const { return data_changed_; }

    ExplainCache current_page;  // the conversions view's "goals matching this page"
    ExplainCache url_tester;
    ConversionCache conversions;

private:
    void rebuild_order(const Filters& filters);

    const WidgetData* data_ = nullptr;
    const void* goals_ptr_ = nullptr;
    size_t goals_size_ = 0;
    uint64_t generation_ = ~uint64_t(0);
    ProgressQuery query_;
    int64_t query_minute_ = -1;
    Filters filters_;
    bool order_valid_ = false;
    bool data_changed_ = false;
    std::vector<uint32_t> order_;
    std::vector<GoalProgress> progress_;
    std::vector<uint8_t> progress_ready_;
    std::vector<std::string> assignees_;
};

//-----------------------------------------------------------------------------
// [SECTION] The frame's context, handed to every view
//-----------------------------------------------------------------------------

struct ViewContext {
    const WidgetData& data;
    const FrameContext& frame;
    const Palette& palette;
    ViewState& state;
    GoalCache& cache;
    Shown& shown;
    std::vector<Action>& actions;
    Date today;
    ProgressQuery query;
    float bar_reveal = 1.0f;        // 0..1 while bars ease in after new data; 1 when still
    bool suppress_clicks = false;   // a drag-scroll is in progress: a release must not click
    bool focus_search = false;      // the "/" shortcut was typed
    std::optional<PeriodNote> period_note;  // the period on screen holds none of the loaded data
};

void draw_toolbar(ViewContext& ctx);
void draw_overview(ViewContext& ctx);
void draw_detail(ViewContext& ctx);
void draw_conversions(ViewContext& ctx);
void draw_url_tester(ViewContext& ctx);
void draw_editor(ViewContext& ctx);
void draw_status_strip(ViewContext& ctx);

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// Data strings are drawn as text, never as format strings.
inline void text(std::string_view s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }
void coloured_text(ImU32 colour, std::string_view s);
void badge(std::string_view label, ImU32 colour);
// An InputText over a std::string, growing it as the user types.
bool input_text(const char* label, std::string& value, const char* hint = nullptr, ImGuiInputTextFlags flags = 0);
// Remembers where the last item was drawn under `name` (Shown::rects).
void record_rect(Shown& shown, std::string name);
// Opens the detail tab for a goal.
void open_detail(ViewContext& ctx, const std::string& goal_id);

ShownGoal shown_goal(const Goal& goal, const GoalProgress& progress, const LocaleFormat& locale, bool no_data = false);
// The period note as a line with a button to the nearest period that has data; true when drawn.
bool draw_period_note(ViewContext& ctx);
const char* vendor_label(Vendor vendor);
const char* metric_label(MetricType type);
std::string assignee_label(const Assignee& assignee);
std::string_view goal_title(const Goal& goal);

}  // namespace gp::ui::parts
