// goalpost UI: WidgetView (the frame's skeleton: window, tabs, toolbar, status strip), the period
// arithmetic, the goal cache, and the helpers the per-view files share.
//
// Index
// - [SECTION] Labels
// - [SECTION] Periods
// - [SECTION] Goal cache
// - [SECTION] Helpers
// - [SECTION] Shown
// - [SECTION] WidgetView
#include "ui/widget_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "core/model_names.hpp"
#include "ui/fonts.hpp"
#include "ui/view_parts.hpp"

namespace gp::ui {

//-----------------------------------------------------------------------------
// [SECTION] Labels
//-----------------------------------------------------------------------------

const char* tab_label(Tab tab) {
    switch (tab) {
        case Tab::overview: return "Overview";
        case Tab::detail: return "Detail";
        case Tab::conversions: return "Conversions";
        case Tab::url_tester: return "URL tester";
        case Tab::editor: return "Editor";
    }
    return "?";
}

const char* pace_state_label(PaceState state) {
    switch (state) {
        case PaceState::on_track: return "on track";
        case PaceState::behind: return "behind";
        case PaceState::at_risk: return "at risk";
        case PaceState::unknown: break;
    }
    return "no pace";
}

const char* outcome_label(Outcome outcome) {
    switch (outcome) {
        case Outcome::match: return "match";
        case Outcome::no_match: return "no match";
        case Outcome::unsupported: return "unsupported";
        case Outcome::error: return "error";
    }
    return "?";
}

bool is_condition_goal(const Goal& goal) {
    return goal.vendor == Vendor::giosg || goal.vendor == Vendor::zendesk || !goal.conditions.empty() ||
           goal.metric.type == MetricType::conversions;
}

//-----------------------------------------------------------------------------
// [SECTION] Periods
//-----------------------------------------------------------------------------

static Interval interval_of(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::week: return Interval::weekly;
        case PeriodKind::month: return Interval::monthly;
        case PeriodKind::quarter: return Interval::quarterly;
        case PeriodKind::year: return Interval::yearly;
        case PeriodKind::custom: break;
    }
    return Interval::none;
}

DateRange period_range(const PeriodState& period, Date today, const CalendarOptions& calendar) {
    if (period.kind == PeriodKind::custom) {
        if (period.custom.end < period.custom.start) return {period.custom.end, period.custom.start};
        return period.custom;
    }
    return interval_containing(period.anchor.value_or(today), interval_of(period.kind), calendar);
}

void step_period(PeriodState& period, int direction, Date today, const CalendarOptions& calendar) {
    const DateRange range = period_range(period, today, calendar);
    if (period.kind == PeriodKind::custom) {
        const int32_t shift = range.days() * (direction < 0 ? -1 : 1);
        period.custom = {Date{range.start.days + shift}, Date{range.end.days + shift}};
        return;
    }
    // The day just outside the current period lies in the neighbouring one, whatever its length.
    period.anchor = direction < 0 ? Date{range.start.days - 1} : Date{range.end.days + 1};
}

void jump_to_current(PeriodState& period, PeriodKind kind) {
    period.kind = kind;
    period.anchor.reset();
}

std::string period_label(const PeriodState& period, DateRange range, const LocaleFormat& locale) {
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    const CivilParts start = civil_parts(range.start);
    char out[64];
    switch (period.kind) {
        case PeriodKind::week: {
            const IsoWeek week = iso_week_of(range.start);
            std::snprintf(out, sizeof out, "Week %u, %d", week.week, week.year);
            return std::string(out) + " (" + format_date(range.start, locale) + " \xE2\x80\x93 " +
                   format_date(range.end, locale) + ")";
        }
        case PeriodKind::month:
            std::snprintf(out, sizeof out, "%s %d", kMonths[(start.month + 11) % 12], start.year);
            return out;
        case PeriodKind::quarter: {
            // Fiscal quarters are numbered from the fiscal year's first month.
            std::snprintf(out, sizeof out, "Q%u %d", (start.month + 11) % 12 / 3 + 1, start.year);
            return out;
        }
        case PeriodKind::year:
            std::snprintf(out, sizeof out, "%d", start.year);
            return out;
        case PeriodKind::custom: break;
    }
    return format_date(range.start, locale) + " \xE2\x80\x93 " + format_date(range.end, locale);
}

std::optional<PeriodNote> empty_period_note(const std::optional<TimeSpan>& data_span, DateRange period,
                                            const std::string& label, int zone_offset_minutes,
                                            const LocaleFormat& locale) {
    if (!data_span) return std::nullopt;
    const Date first = civil_date_of(data_span->first, zone_offset_minutes);
    const Date last = civil_date_of(data_span->last, zone_offset_minutes);
    if (period.start <= last && first <= period.end) return std::nullopt;
    PeriodNote note;
    if (last < period.start) {
        note.nearest = last;
        note.text = "No data in " + label + ". The last day with data is " + format_date(last, locale) + ".";
    } else {
        note.nearest = first;
        note.text = "No data in " + label + ". The data starts on " + format_date(first, locale) + ".";
    }
    return note;
}

//-----------------------------------------------------------------------------
// [SECTION] Goal cache
//-----------------------------------------------------------------------------

namespace parts {

static bool contains_ignoring_ascii_case(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    auto fold = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [&](char a, char b) { return fold(a) == fold(b); });
    return it != haystack.end();
}

static bool passes(const Goal& goal, const Filters& f) {
    if (!f.assignee.empty() && goal.assignee.id != f.assignee) return false;
    if (f.type && goal.metric.type != *f.type) return false;
    if (f.vendor && goal.vendor != *f.vendor) return false;
    if (f.active == ActiveFilter::active && !goal.active) return false;
    if (f.active == ActiveFilter::inactive && goal.active) return false;
    return contains_ignoring_ascii_case(goal.title, f.search);
}

static bool same_query(const ProgressQuery& a, const ProgressQuery& b) {
    return a.period == b.period && a.zone_offset_minutes == b.zone_offset_minutes &&
           a.calendar.week_start == b.calendar.week_start &&
           a.calendar.fiscal_year_start_month == b.calendar.fiscal_year_start_month;
}

void GoalCache::sync(const WidgetData& data, const ProgressQuery& query, const Filters& filters) {
    data_ = &data;
    // Pace moves with the clock; a minute's resolution is finer than any bar can show.
    const int64_t minute = query.now / 60000;
    data_changed_ = data.generation != generation_ || data.goals.data() != goals_ptr_ ||
                    data.goals.size() != goals_size_;
    const bool progress_stale = data_changed_ || !same_query(query, query_) || minute != query_minute_;
    if (data_changed_) {
        generation_ = data.generation;
        goals_ptr_ = data.goals.data();
        goals_size_ = data.goals.size();
        // Few people own many goals: deduplicate before copying and sorting.
        std::unordered_set<std::string_view> people;
        for (const Goal& g : data.goals)
            if (!g.assignee.id.empty()) people.insert(g.assignee.id);
        assignees_.assign(people.begin(), people.end());
        std::sort(assignees_.begin(), assignees_.end());
    }
    if (progress_stale) {
        query_ = query;
        query_minute_ = minute;
        // Entries are recomputed on demand; resizing keeps their buffers for reuse.
        progress_.resize(data.goals.size());
        progress_ready_.assign(data.goals.size(), 0);
    }
    const bool sorts_by_progress = filters.sort == SortKey::percent || filters.sort == SortKey::status;
    if (!order_valid_ || data_changed_ || filters != filters_ || (progress_stale && sorts_by_progress))
        rebuild_order(filters);
}

const GoalProgress& GoalCache::progress(uint32_t i) {
    IM_ASSERT(data_ && i < progress_.size() && "sync() comes first, with the data the index belongs to");
    if (!progress_ready_[i]) {
        const Goal& goal = data_->goals[i];
        progress_[i] = data_->services.progress ? data_->services.progress(goal, query_)
                                                : progress_from_goal(goal, query_);
        progress_ready_[i] = 1;
    }
    return progress_[i];
}

int GoalCache::find(const std::string& goal_id) const {
    if (!data_ || goal_id.empty()) return -1;
    for (size_t i = 0; i < data_->goals.size(); ++i)
        if (data_->goals[i].id == goal_id) return int(i);
    return -1;
}

static int status_rank(PaceState s) {
    switch (s) {
        case PaceState::at_risk: return 0;
        case PaceState::behind: return 1;
        case PaceState::on_track: return 2;
        case PaceState::unknown: break;
    }
    return 3;
}

void GoalCache::rebuild_order(const Filters& filters) {
    filters_ = filters;
    order_valid_ = true;
    order_.clear();
    const std::vector<Goal>& goals = data_->goals;
    for (uint32_t i = 0; i < goals.size(); ++i)
        if (passes(goals[i], filters)) order_.push_back(i);
    auto less = [&](uint32_t a, uint32_t b) -> bool {
        switch (filters.sort) {
            case SortKey::percent:
                return progress(a).percent.value_or(-1.0) < progress(b).percent.value_or(-1.0);
            case SortKey::status: return status_rank(progress(a).status) < status_rank(progress(b).status);
            case SortKey::vendor: return goals[a].vendor < goals[b].vendor;
            case SortKey::title: break;
        }
        return goals[a].title < goals[b].title;
    };
    std::stable_sort(order_.begin(), order_.end(), less);
    if (filters.descending) std::reverse(order_.begin(), order_.end());
}

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

void coloured_text(ImU32 colour, std::string_view s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void badge(std::string_view label, ImU32 colour) {
    const ImVec2 size = ImGui::CalcTextSize(label.data(), label.data() + label.size());
    const ImVec2 pad(4.0f, 1.0f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y), colour, 3.0f);
    draw->AddText(ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32_WHITE, label.data(), label.data() + label.size());
    ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

static int grow_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(size_t(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

bool input_text(const char* label, std::string& value, const char* hint, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    if (hint) return ImGui::InputTextWithHint(label, hint, value.data(), value.capacity() + 1, flags, grow_string, &value);
    return ImGui::InputText(label, value.data(), value.capacity() + 1, flags, grow_string, &value);
}

void record_rect(Shown& shown, std::string name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    shown.rects.push_back({std::move(name), a.x, a.y, b.x, b.y});
}

void open_detail(ViewContext& ctx, const std::string& goal_id) {
    ctx.state.selected_goal_id = goal_id;
    ctx.state.tab = Tab::detail;
}

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

const char* metric_label(MetricType type) {
    switch (type) {
        case MetricType::deals_won: return "deals won";
        case MetricType::deals_started: return "deals started";
        case MetricType::deals_progressed: return "deals progressed";
        case MetricType::activities_added: return "activities added";
        case MetricType::activities_completed: return "activities completed";
        case MetricType::revenue_forecast: return "revenue forecast";
        case MetricType::sales_quota: return "sales quota";
        case MetricType::conversions: return "conversions";
        case MetricType::none: break;
    }
    return "goal";
}

std::string assignee_label(const Assignee& assignee) {
    if (assignee.type == AssigneeType::none || assignee.id.empty()) return "unassigned";
    return std::string(name_of(assignee.type)) + " " + assignee.id;
}

std::string_view goal_title(const Goal& goal) {
    return goal.title.empty() ? std::string_view("(untitled goal)") : std::string_view(goal.title);
}

ShownGoal shown_goal(const Goal& goal, const GoalProgress& progress, const LocaleFormat& locale, bool no_data) {
    ShownGoal s;
    s.goal_id = goal.id;
    s.title = std::string(goal_title(goal));
    s.value = progress.value;
    s.target = progress.target;
    s.percent = progress.percent;
    // With no data in the period, a zero is not news and "at risk" would be a false alarm.
    s.status = no_data ? PaceState::unknown : progress.status;
    s.no_data = no_data;
    s.value_text = format_goal_amount(goal, progress.value, locale);
    s.target_text = format_goal_amount(goal, progress.target, locale);
    return s;
}

bool draw_period_note(ViewContext& ctx) {
    if (!ctx.period_note) return false;
    ImGui::PushTextWrapPos(0.0f);
    coloured_text(ctx.palette.muted_text, ctx.period_note->text);
    ImGui::PopTextWrapPos();
    PeriodState nearest = ctx.state.period;
    if (nearest.kind == PeriodKind::custom) nearest.kind = PeriodKind::month;
    nearest.anchor = ctx.period_note->nearest;
    const std::string button = "Show " + period_label(nearest, period_range(nearest, ctx.today, ctx.frame.calendar),
                                                      ctx.frame.locale);
    if (ImGui::SmallButton(button.c_str())) ctx.state.period = nearest;
    record_rect(ctx.shown, "period.nearest_data");
    return true;
}

}  // namespace parts

//-----------------------------------------------------------------------------
// [SECTION] Shown
//-----------------------------------------------------------------------------

const ShownRect* Shown::rect(const std::string& name) const {
    for (const ShownRect& r : rects)
        if (r.name == name) return &r;
    return nullptr;
}

void Shown::clear() { *this = Shown{}; }

//-----------------------------------------------------------------------------
// [SECTION] WidgetView
//-----------------------------------------------------------------------------

struct WidgetView::Impl {
    ViewState state;
    Shown shown;
    std::vector<Action> actions;
    parts::GoalCache cache;
    Palette palette;
    int theme_applied = -1;  // -1: none yet, 0 light, 1 dark
    float fonts_ratio = 0.0f;
    FontBaker font_baker;
    Tab tab_open = Tab::overview;
    bool first_frame = true;
    // Bars ease in over kRevealSeconds after new data, if the page allows motion.
    static constexpr float kRevealSeconds = 0.25f;
    double reveal_started = -1.0;
    bool reveal_running = false;
    bool reveal_pending = false;  // summaries() saw new data before a frame did
    // Touch and mouse drag-scroll.
    bool drag_scrolled = false;
};

WidgetView::WidgetView() : impl_(std::make_unique<Impl>()) {}
WidgetView::~WidgetView() = default;

const Shown& WidgetView::shown() const { return impl_->shown; }
bool WidgetView::wants_frame() const { return impl_->reveal_running; }
ViewState& WidgetView::state() { return impl_->state; }
const ViewState& WidgetView::state() const { return impl_->state; }

std::vector<Action> WidgetView::take_actions() {
    std::vector<Action> out;
    out.swap(impl_->actions);
    return out;
}

void WidgetView::set_font_baker(FontBaker baker) {
    impl_->font_baker = std::move(baker);
    impl_->fonts_ratio = 0.0f;  // bake again with it at the next chance
}

bool WidgetView::needs_fonts_rebuilt(float pixel_ratio) const {
    return impl_->fonts_ratio != font_bake_ratio(pixel_ratio);
}

void WidgetView::rebuild_fonts(float pixel_ratio) {
    IM_ASSERT(impl_->font_baker && "set_font_baker() first: without one the widget draws ImGui's own font");
    build_fonts(ImGui::GetIO(), pixel_ratio, impl_->font_baker);
    impl_->fonts_ratio = font_bake_ratio(pixel_ratio);
}

// Shortcuts while no text field has focus: [ and ] step the period, / jumps to the search field.
static void handle_shortcuts(ViewState& state, Date today, const CalendarOptions& calendar, bool& focus_search) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    for (ImWchar c : io.InputQueueCharacters) {
        if (c == '[') step_period(state.period, -1, today, calendar);
        if (c == ']') step_period(state.period, +1, today, calendar);
        if (c == '/') focus_search = true;
    }
}

// Dragging the content (a finger, or a mouse held on empty space) scrolls it; the release that ends a
// drag never counts as a click on the row below.
static bool drag_scroll(bool& drag_scrolled) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.MouseDown[0]) {
        const bool was = drag_scrolled;
        drag_scrolled = false;
        return was;  // the release frame still suppresses clicks
    }
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(0, io.MouseDragThreshold) && !io.WantTextInput) {
        if (io.MouseDelta.y != 0.0f) ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        drag_scrolled = true;
    }
    return drag_scrolled;
}

static void draw_tabs(parts::ViewContext& ctx, Tab& tab_open) {
    static constexpr Tab kTabs[] = {Tab::overview, Tab::detail, Tab::conversions, Tab::url_tester, Tab::editor};
    static constexpr const char* kRectNames[] = {"tab.overview", "tab.detail", "tab.conversions", "tab.url_tester",
                                                 "tab.editor"};
    // A tab chosen by code (a row opening its detail) is pressed on the tab bar until ImGui reports it open;
    // otherwise the tab the user opened is the state.
    const bool requested_by_code = ctx.state.tab != tab_open;
    if (!ImGui::BeginTabBar("tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    Tab open_now = tab_open;
    for (size_t i = 0; i < IM_ARRAYSIZE(kTabs); ++i) {
        const bool press = requested_by_code && kTabs[i] == ctx.state.tab;
        const bool open = ImGui::BeginTabItem(tab_label(kTabs[i]), nullptr, press ? ImGuiTabItemFlags_SetSelected : 0);
        parts::record_rect(ctx.shown, kRectNames[i]);
        if (open) {
            open_now = kTabs[i];
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
    if (!requested_by_code) ctx.state.tab = open_now;
    tab_open = open_now;
}

static void draw_current_tab(parts::ViewContext& ctx) {
    switch (ctx.state.tab) {
        case Tab::overview: parts::draw_overview(ctx); break;
        case Tab::detail: parts::draw_detail(ctx); break;
        case Tab::conversions: parts::draw_conversions(ctx); break;
        case Tab::url_tester: parts::draw_url_tester(ctx); break;
        case Tab::editor: parts::draw_editor(ctx); break;
    }
}

static ProgressQuery make_query(const ViewState& state, Date today, const FrameContext& frame) {
    ProgressQuery query;
    query.period = period_range(state.period, today, frame.calendar);
    query.now = frame.now;
    query.zone_offset_minutes = frame.zone_offset_minutes;
    query.calendar = frame.calendar;
    return query;
}

static void describe_period(Shown& shown, const ViewState& state, const ProgressQuery& query,
                            const FrameContext& frame, const WidgetData& data, const parts::GoalCache& cache) {
    shown.period = query.period;
    shown.period_label = period_label(state.period, query.period, frame.locale);
    shown.goals_total = data.goals.size();
    shown.goals_matching = cache.order().size();
}

void WidgetView::draw(const WidgetData& data, const FrameContext& frame) {
    Impl& m = *impl_;
    m.shown.clear();
    const int dark = resolve_dark(frame.theme, frame.system_prefers_dark) ? 1 : 0;
    if (dark != m.theme_applied) {
        m.palette = apply_theme(dark != 0, ImGui::GetStyle());
        m.theme_applied = dark;
    }

    const Date today = civil_date_of(frame.now, frame.zone_offset_minutes);
    bool focus_search = false;
    handle_shortcuts(m.state, today, frame.calendar, focus_search);
    const ProgressQuery query = make_query(m.state, today, frame);
    m.cache.sync(data, query, m.state.filters);

    // Bars ease in after new data only when the page allows motion, and the easing always ends.
    const double time = ImGui::GetTime();
    if ((m.cache.data_changed_this_frame() || m.reveal_pending) && !frame.reduced_motion && !m.first_frame)
        m.reveal_started = time;
    m.reveal_pending = false;
    float reveal = 1.0f;
    if (m.reveal_started >= 0.0 && !frame.reduced_motion)
        reveal = std::min(1.0f, float((time - m.reveal_started) / Impl::kRevealSeconds));
    m.reveal_running = reveal < 1.0f;
    m.first_frame = false;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("goalpost", nullptr, kFlags);

    parts::ViewContext ctx{data, frame, m.palette, m.state, m.cache, m.shown, m.actions, today, query, reveal, false, false, std::nullopt};
    ctx.focus_search = focus_search;
    describe_period(m.shown, m.state, query, frame, data, m.cache);
    draw_tabs(ctx, m.tab_open);
    parts::draw_toolbar(ctx);
    // The toolbar may have moved the period or changed a filter: the content shows the new state at once.
    ctx.query = make_query(m.state, today, frame);
    m.cache.sync(data, ctx.query, m.state.filters);
    describe_period(m.shown, m.state, ctx.query, frame, data, m.cache);
    ctx.period_note = empty_period_note(data.data_span, ctx.query.period, m.shown.period_label,
                                        frame.zone_offset_minutes, frame.locale);
    if (ctx.period_note) m.shown.period_note = ctx.period_note->text;

    // The status strip keeps its place at the bottom; the current tab gets the space above it.
    const float strip_height = ImGui::GetFrameHeightWithSpacing() * 2.0f;
    ImGui::BeginChild("tab-content", ImVec2(0, -strip_height));
    ctx.suppress_clicks = drag_scroll(m.drag_scrolled);
    draw_current_tab(ctx);
    ImGui::EndChild();
    parts::draw_status_strip(ctx);
    m.shown.tab = m.state.tab;
    ImGui::End();
}

std::optional<PeriodNote> WidgetView::period_note(const WidgetData& data, const FrameContext& frame) const {
    const DateRange period = period_range(impl_->state.period, civil_date_of(frame.now, frame.zone_offset_minutes),
                                          frame.calendar);
    return empty_period_note(data.data_span, period, period_label(impl_->state.period, period, frame.locale),
                             frame.zone_offset_minutes, frame.locale);
}

std::vector<ShownGoal> WidgetView::summaries(const WidgetData& data, const FrameContext& frame) {
    Impl& m = *impl_;
    const Date today = civil_date_of(frame.now, frame.zone_offset_minutes);
    const ProgressQuery query = make_query(m.state, today, frame);
    m.cache.sync(data, query, m.state.filters);
    m.reveal_pending = m.reveal_pending || m.cache.data_changed_this_frame();
    const bool no_data = period_note(data, frame).has_value();
    std::vector<ShownGoal> out;
    out.reserve(data.goals.size());
    for (uint32_t i = 0; i < data.goals.size(); ++i)
        out.push_back(parts::shown_goal(data.goals[i], m.cache.progress(i), frame.locale, no_data));
    return out;
}

}  // namespace gp::ui
