// goalpost UI: the overview: a card per goal in a grid as wide as the container allows, or one line per goal
// in a short container; clipped so that only the visible cards cost anything, and measured once per goal
// and width (CardLayout), not every frame. docs/ui.md ("Cards") draws the layout.
//
// Index
// - [SECTION] Geometry
// - [SECTION] Measuring
// - [SECTION] Card
// - [SECTION] Single line (compact)
// - [SECTION] Entry point
#include <algorithm>
#include <cmath>

#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Geometry (CSS px): a card is four rows inside its padding
//-----------------------------------------------------------------------------

constexpr float kMinCardWidth = 250.0f;  // narrower containers get one column
constexpr int kMaxColumns = 4;
constexpr float kPadX = space::m, kPadY = space::s + space::xxs;
constexpr float kSparklineHeight = 22.0f;
constexpr float kDot = 8.0f;  // the status as a dot in a single line with no room for its chip

struct Rows {
    float title, meta, readout, bar;  // row heights
    float total;
};

Rows card_rows(const ViewContext& ctx) {
    Rows r;
    r.title = kit::line_of(ctx.fonts[TextRole::title]) + space::xxs;
    r.meta = kit::chip_height(ctx.fonts[TextRole::caption]);
    r.readout = kit::line_of(ctx.fonts[TextRole::readout]);
    r.bar = std::max(kit::line_of(ctx.fonts[TextRole::body]), kit::kBarHeight + 2 * kit::kBarMarkerOverhang);
    r.total = kPadY + r.title + space::xxs + r.meta + space::s + r.readout + space::s + r.bar + kPadY;
    return r;
}

float compact_row_height() { return std::max(kTouchTarget, ImGui::GetFrameHeight()) + space::xs; }

// The baseline of `font` drawn at y, for lining up text of two sizes.
float baseline(const ImFont* font) { return font->Ascent * ImGui::GetIO().FontGlobalScale; }

//-----------------------------------------------------------------------------
// [SECTION] Measuring: what fits, once per goal, width and atlas
//-----------------------------------------------------------------------------

std::string meta_of(const Goal& goal, Lang lang) {
    std::string meta = std::string(metric_label(goal.metric.type, lang)) + " \xC2\xB7 " + assignee_label(goal.assignee, lang);
    if (!goal.active) meta += std::string(" \xC2\xB7 ") + msg(Msg::goal_inactive, lang);
    return meta;
}

float sparkline_width(float inner) { return std::clamp(inner * 0.3f, 48.0f, 132.0f); }

void measure_card(const ViewContext& ctx, CardLayout& L, const Goal& goal, const ShownGoal& s, size_t steps, float w) {
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const ImFont* body = ctx.fonts[TextRole::body];
    L.width = w;
    L.fonts = ctx.font_generation;
    L.compact = false;
    L.chip_width = s.chip.empty() ? 0.0f : kit::chip_width(caption, s.chip);
    L.title_bytes = kit::fit(ctx.fonts[TextRole::title], s.title, w);
    L.meta = meta_of(goal, ctx.frame.locale.lang);
    const float badge = kit::chip_width(caption, vendor_label(goal.vendor));
    L.meta_bytes = kit::fit(caption, L.meta, w - badge - space::s - (L.chip_width > 0 ? L.chip_width + space::s : 0.0f));
    const bool runs = s.timing == GoalTiming::runs;
    L.figure_width = runs ? kit::width_of(ctx.fonts[TextRole::readout], s.figure) : 0.0f;
    const float rest = w - L.figure_width - (runs ? space::xs + space::xxs : 0.0f);
    const float spark = sparkline_width(w);
    const float suffix = kit::width_of(body, s.figure_suffix);
    L.sparkline = runs && !s.no_data && steps > 1 && suffix + space::m + spark <= rest;
    L.suffix_bytes = kit::fit(body, s.figure_suffix, rest - (L.sparkline ? spark + space::m : 0.0f));
    L.suffix_width = kit::width_of(body, std::string_view(s.figure_suffix).substr(0, L.suffix_bytes));
    L.percent_width = kit::width_of(body, s.percent_text);
    const ImFont* line_font = runs ? caption : body;
    L.line_bytes = kit::fit(line_font, s.detail_line, w);
}

void measure_line(const ViewContext& ctx, CardLayout& L, const ShownGoal& s, float w, float figure_room) {
    const ImFont* body = ctx.fonts[TextRole::body];
    const ImFont* caption = ctx.fonts[TextRole::caption];
    L.width = w;
    L.fonts = ctx.font_generation;
    L.compact = true;
    L.chip_width = s.chip.empty() ? 0.0f : kit::chip_width(caption, s.chip);
    L.figure_width = kit::width_of(body, s.figure);
    L.title_bytes = kit::fit(body, s.title, figure_room);
}

//-----------------------------------------------------------------------------
// [SECTION] Card
//-----------------------------------------------------------------------------

bool clickable_item(ViewContext& ctx, const std::string& goal_id, ImVec2 size) {
    const bool pressed = ImGui::InvisibleButton("##card", size) && !ctx.suppress_clicks;
    record_rect(ctx.shown, "row:" + goal_id);
    if (pressed) open_detail(ctx, goal_id);
    return pressed;
}

void card_frame(const ViewContext& ctx, ImDrawList* draw, ImVec2 a, ImVec2 b, bool selected) {
    const bool hovered = ImGui::IsItemHovered();
    draw->AddRectFilled(a, b, hovered ? ctx.palette.card_hover : ctx.palette.card, radius::card);
    draw->AddRect(a, b, selected ? ctx.palette.accent : ctx.palette.card_border, radius::card, 0, selected ? 2.0f : 1.0f);
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible)
        draw->AddRect(ImVec2(a.x + 1, a.y + 1), ImVec2(b.x - 1, b.y - 1), ctx.palette.accent, radius::card, 0, 2.0f);
}

void draw_card(ViewContext& ctx, uint32_t index, float width, const Rows& rows) {
    const Goal& goal = ctx.data.goals[index];
    const ShownGoal& s = ctx.cache.shown(index);
    const GoalProgress& p = ctx.cache.progress(index);
    const float inner = width - 2 * kPadX;
    const bool runs = s.timing == GoalTiming::runs;
    const std::vector<IntervalResult>* steps = runs && !s.no_data ? &ctx.cache.steps(index) : nullptr;
    CardLayout& L = ctx.cache.layout(index);
    if (L.width != inner || L.fonts != ctx.font_generation || L.compact)
        measure_card(ctx, L, goal, s, steps ? steps->size() : 0, inner);

    const ImVec2 a = ImGui::GetCursorScreenPos();
    clickable_item(ctx, goal.id, ImVec2(width, rows.total));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 b(a.x + width, a.y + rows.total);
    card_frame(ctx, draw, a, b, ctx.state.selected_goal_id == goal.id);

    const ImFont* title = ctx.fonts[TextRole::title];
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const ImFont* body = ctx.fonts[TextRole::body];
    const ImFont* readout = ctx.fonts[TextRole::readout];
    const Palette& pal = ctx.palette;
    const float x = a.x + kPadX, right = a.x + width - kPadX;
    float y = a.y + kPadY;

    // Row 1: the title, the whole width.
    kit::text(draw, title, ImVec2(x, y + (rows.title - kit::line_of(title)) * 0.5f), pal.text_strong, s.title, L.title_bytes);
    y += rows.title + space::xxs;

    // Row 2: the vendor badge, what is measured for whom, and the status chip at the right.
    const char* vendor = vendor_label(goal.vendor);
    kit::chip(draw, caption, ImVec2(x, y), vendor, pal.vendor_bg[int(goal.vendor) % kVendors],
              pal.vendor_text[int(goal.vendor) % kVendors]);
    const float badge = kit::chip_width(caption, vendor);
    kit::text(draw, caption, ImVec2(x + badge + space::s, y + space::xxs + 1.0f), pal.muted_text, L.meta, L.meta_bytes);
    if (!s.chip.empty()) {
        const int tone = int(s.tone) % kPaceStates;
        kit::chip(draw, caption, ImVec2(right - L.chip_width, y), s.chip, pal.chip_bg[tone], pal.chip_text[tone]);
    }
    y += rows.meta + space::s;

    // Row 3: the readout, "22 of 1,286 activities", with the period's trend at the right.
    if (runs) {
        kit::text(draw, readout, ImVec2(x, y), pal.text_strong, s.figure);
        const float suffix_y = y + baseline(readout) - baseline(body);
        kit::text(draw, body, ImVec2(x + L.figure_width + space::xs + space::xxs, suffix_y), pal.muted_text, s.figure_suffix,
                  L.suffix_bytes);
        if (L.sparkline && steps) {
            const float w = sparkline_width(inner);
            kit::sparkline(draw, ImVec2(right - w, y + rows.readout - kSparklineHeight), ImVec2(right, y + rows.readout), *steps,
                           kit::last_step_begun(*steps, ctx.today), pal.bar, pal.track);
        }
    } else {
        // A goal that does not run in this period says when it does.
        kit::text(draw, body, ImVec2(x, y + rows.readout - kit::line_of(body)), pal.text, s.detail_line, L.line_bytes);
    }
    y += rows.readout + space::s;

    // Row 4: the bar with the pace marker on it and the percent beside it; or, with no target, the value and
    // trend in words.
    const float bar_y = y + (rows.bar - kit::kBarHeight) * 0.5f;
    if (runs && s.has_target) {
        const float bar_right = right - (L.percent_width > 0 ? L.percent_width + space::s : 0.0f);
        const double fraction = p.target > 0 && !s.no_data ? std::clamp(p.value / p.target, 0.0, 1.0) : 0.0;
        const std::optional<double> marker = s.no_data ? std::nullopt : p.expected_fraction;
        kit::progress_bar(draw, ImVec2(x, bar_y), ImVec2(bar_right, bar_y + kit::kBarHeight),
                          float(fraction) * ctx.bar_reveal, status_colour(pal, s.tone), pal.track, marker, pal.pace_marker);
        if (L.percent_width > 0)
            kit::text(draw, body, ImVec2(right - L.percent_width, y + (rows.bar - kit::line_of(body)) * 0.5f), pal.text,
                      s.percent_text);
    } else if (runs) {
        kit::text(draw, caption, ImVec2(x, y + (rows.bar - kit::line_of(caption)) * 0.5f), pal.muted_text, s.detail_line,
                  L.line_bytes);
    } else if (s.has_target) {
        const std::string target = msg(Msg::goal_target, ctx.frame.locale.lang, {{"target", s.target_text}});
        kit::text(draw, caption, ImVec2(x, y + (rows.bar - kit::line_of(caption)) * 0.5f), pal.muted_text, target,
                  kit::fit(caption, target, inner));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Single line (compact): title, bar, figures, chip
//-----------------------------------------------------------------------------

void draw_line(ViewContext& ctx, uint32_t index, float width) {
    const Goal& goal = ctx.data.goals[index];
    const ShownGoal& s = ctx.cache.shown(index);
    const GoalProgress& p = ctx.cache.progress(index);
    const ImFont* body = ctx.fonts[TextRole::body];
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const Palette& pal = ctx.palette;
    const float height = compact_row_height();
    const float inner = width - 2 * space::s;
    // The figures read "22 / 1,286"; with no target, the figure alone; a goal not running, its chip only.
    const std::string figures = s.timing != GoalTiming::runs ? std::string()
                                : s.has_target && !s.no_data ? s.figure + " / " + format_goal_figure(goal, counts_whole_things(goal) ? whole_count_target(p.target) : p.target, ctx.frame.locale)
                                                             : s.figure;
    const float figures_w = kit::width_of(body, figures);
    // Narrow lines show the status as a dot (every line alike), and the bar goes when the title would keep
    // less than two fifths of the line.
    const bool dot = !s.chip.empty() && ctx.width_class == WidthClass::narrow;
    float chip_w = s.chip.empty() ? 0.0f : dot ? kDot : kit::chip_width(caption, s.chip);
    float bar_w = s.has_target && s.timing == GoalTiming::runs ? std::clamp(inner * 0.22f, 40.0f, 160.0f) : 0.0f;
    if (inner - figures_w - chip_w - bar_w - space::s * 3 < inner * 0.4f) bar_w = 0.0f;
    const float fixed = figures_w + chip_w + bar_w + space::s * 3;
    CardLayout& L = ctx.cache.layout(index);
    if (L.width != inner || L.fonts != ctx.font_generation || !L.compact) measure_line(ctx, L, s, inner, inner - fixed);

    const ImVec2 a = ImGui::GetCursorScreenPos();
    clickable_item(ctx, goal.id, ImVec2(width, height - space::xs));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 b(a.x + width, a.y + height - space::xs);
    card_frame(ctx, draw, a, b, ctx.state.selected_goal_id == goal.id);
    const float mid = (a.y + b.y) * 0.5f;
    float x = a.x + space::s;
    float right = b.x - space::s;
    kit::text(draw, body, ImVec2(x, mid - kit::line_of(body) * 0.5f), pal.text_strong, s.title, L.title_bytes);
    if (chip_w > 0) {
        right -= chip_w;
        const int tone = int(s.tone) % kPaceStates;
        if (dot)  // the state's colour alone; the word is in the detail and the mirror
            draw->AddCircleFilled(ImVec2(right + kDot * 0.5f, mid), kDot * 0.5f, status_colour(pal, s.tone));
        else
            kit::chip(draw, caption, ImVec2(right, mid - kit::chip_height(caption) * 0.5f), s.chip, pal.chip_bg[tone], pal.chip_text[tone]);
        right -= space::s;
    }
    if (figures_w > 0) {
        right -= figures_w;
        kit::text(draw, body, ImVec2(right, mid - kit::line_of(body) * 0.5f), pal.text, figures);
        right -= space::s;
    }
    if (bar_w > 0) {
        const double fraction = p.target > 0 && !s.no_data ? std::clamp(p.value / p.target, 0.0, 1.0) : 0.0;
        kit::progress_bar(draw, ImVec2(right - bar_w, mid - kit::kBarHeight * 0.5f), ImVec2(right, mid + kit::kBarHeight * 0.5f),
                          float(fraction) * ctx.bar_reveal, status_colour(pal, s.tone), pal.track,
                          s.no_data ? std::nullopt : p.expected_fraction, pal.pace_marker);
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry point
//-----------------------------------------------------------------------------

void draw_overview(ViewContext& ctx) {
    const std::vector<uint32_t>& order = ctx.cache.order();
    if (order.empty()) {
        ImGui::Dummy(ImVec2(0, space::s));
        wrapped_text(ctx.palette.muted_text,
                     msg(ctx.data.goals.empty() ? Msg::overview_no_goals : Msg::overview_no_match, ctx.frame.locale.lang));
        return;
    }
    draw_period_note(ctx);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    if (ctx.compact) {
        ctx.shown.columns = 1;
        ImGuiListClipper clipper;
        clipper.Begin(int(order.size()), compact_row_height() - space::xs + gap);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                ImGui::PushID(i);
                draw_line(ctx, order[size_t(i)], avail);
                ctx.shown.goals.push_back(ctx.cache.shown(order[size_t(i)]));
                ImGui::PopID();
            }
        }
        return;
    }
    // As many columns as fit, but no more than there are goals: two goals take half the width each.
    const int columns = std::clamp(int((avail + gap) / (kMinCardWidth + gap)), 1, std::min(kMaxColumns, int(order.size())));
    const float width = std::floor((avail - gap * float(columns - 1)) / float(columns));
    ctx.shown.columns = columns;
    const Rows rows = card_rows(ctx);
    const int count = int(order.size());
    const int lines = (count + columns - 1) / columns;
    ImGuiListClipper clipper;
    clipper.Begin(lines, rows.total + gap);
    while (clipper.Step()) {
        for (int line = clipper.DisplayStart; line < clipper.DisplayEnd; ++line) {
            for (int c = 0; c < columns; ++c) {
                const int i = line * columns + c;
                if (i >= count) break;
                if (c > 0) ImGui::SameLine(0.0f, gap);
                ImGui::PushID(i);
                draw_card(ctx, order[size_t(i)], width, rows);
                ctx.shown.goals.push_back(ctx.cache.shown(order[size_t(i)]));
                ImGui::PopID();
            }
        }
    }
}

}  // namespace gp::ui::parts
