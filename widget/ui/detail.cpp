// goalpost UI: one goal in detail: bars per interval with their target line, the cumulative burn-up
// against the ideal pace line, the forecast to the period's end, and the same numbers as a table.
#include <algorithm>

#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

struct ChartScale {
    ImVec2 origin;  // bottom-left, screen space
    ImVec2 size;
    double max_value = 1;
    ImVec2 point(double x_fraction, double value) const {
        return ImVec2(origin.x + size.x * float(x_fraction), origin.y - size.y * float(value / max_value));
    }
};

double chart_max(const GoalProgress& p) {
    double m = std::max({p.value, p.target, p.forecast.value_or(0.0), 1.0});
    for (const IntervalResult& r : p.intervals) m = std::max({m, r.value, r.target});
    return m * 1.1;  // headroom so that the highest line is not drawn on the border
}

void draw_chart(const ViewContext& ctx, const GoalProgress& p) {
    const float height = std::max(120.0f, ImGui::GetContentRegionAvail().y * 0.45f);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const ImVec2 size(std::max(60.0f, ImGui::GetContentRegionAvail().x), height);
    ImGui::Dummy(size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRect(top_left, ImVec2(top_left.x + size.x, top_left.y + size.y), ImGui::GetColorU32(ImGuiCol_Border));
    const ChartScale scale{ImVec2(top_left.x, top_left.y + size.y), size, chart_max(p)};
    const size_t n = p.intervals.size();
    if (n == 0) return;

    // Bars per interval, with each interval's target as a line across its bar.
    const double slot = 1.0 / double(n);
    for (size_t i = 0; i < n; ++i) {
        const IntervalResult& r = p.intervals[i];
        const ImVec2 a = scale.point(slot * (double(i) + 0.15), r.value);
        const ImVec2 b = scale.point(slot * (double(i) + 0.85), 0.0);
        draw->AddRectFilled(a, b, ctx.palette.bar);
        const ImVec2 t0 = scale.point(slot * double(i) + slot * 0.05, r.target);
        const ImVec2 t1 = scale.point(slot * double(i + 1) - slot * 0.05, r.target);
        draw->AddLine(t0, t1, ctx.palette.target_line, 2.0f);
    }

    // Cumulative burn-up against the ideal line from 0 to the period's total target.
    double cumulative = 0, cumulative_target = 0;
    ImVec2 previous = scale.point(0, 0);
    for (size_t i = 0; i < n; ++i) {
        cumulative += p.intervals[i].value;
        cumulative_target += p.intervals[i].target;
        const ImVec2 point = scale.point(slot * double(i + 1), cumulative);
        draw->AddLine(previous, point, ctx.palette.burn_up, 2.0f);
        previous = point;
    }
    draw->AddLine(scale.point(0, 0), scale.point(1, cumulative_target), ctx.palette.ideal_line, 1.0f);

    // The forecast: from the value so far (at the elapsed point) to the projected value at the end.
    if (p.forecast && p.expected_fraction) {
        const ImVec2 from = scale.point(*p.expected_fraction, p.value);
        const ImVec2 to = scale.point(1.0, *p.forecast);
        const int dashes = 12;
        for (int d = 0; d < dashes; d += 2) {
            const float t0 = float(d) / dashes, t1 = float(d + 1) / dashes;
            draw->AddLine(ImVec2(from.x + (to.x - from.x) * t0, from.y + (to.y - from.y) * t0),
                          ImVec2(from.x + (to.x - from.x) * t1, from.y + (to.y - from.y) * t1), ctx.palette.forecast,
                          2.0f);
        }
    }
}

void draw_legend(const ViewContext& ctx) {
    const auto swatch = [&](ImU32 colour, const char* label) {
        coloured_text(colour, "\xE2\x96\xAC");  // a bar glyph in the series' colour; U+25AC is in the subset
        ImGui::SameLine(0, 4);
        text(label);
        ImGui::SameLine();
    };
    swatch(ctx.palette.bar, "per interval");
    swatch(ctx.palette.target_line, "target");
    swatch(ctx.palette.burn_up, "cumulative");
    swatch(ctx.palette.ideal_line, "ideal pace");
    swatch(ctx.palette.forecast, "forecast");
    ImGui::NewLine();
}

void draw_interval_table(const ViewContext& ctx, const Goal& goal, const GoalProgress& p) {
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("intervals", 4, kFlags)) return;
    ImGui::TableSetupColumn("Interval");
    ImGui::TableSetupColumn("Value");
    ImGui::TableSetupColumn("Target");
    ImGui::TableSetupColumn("Percent");
    ImGui::TableHeadersRow();
    for (const IntervalResult& r : p.intervals) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text(format_date(r.range.start, ctx.frame.locale) + " \xE2\x80\x93 " + format_date(r.range.end, ctx.frame.locale));
        ImGui::TableNextColumn();
        text(format_goal_amount(goal, r.value, ctx.frame.locale));
        ImGui::TableNextColumn();
        text(format_goal_amount(goal, r.target, ctx.frame.locale));
        ImGui::TableNextColumn();
        text(r.target > 0 ? format_percent(r.value / r.target * 100.0, ctx.frame.locale) : "\xE2\x80\x94");
    }
    ImGui::EndTable();
}

}  // namespace

void draw_detail(ViewContext& ctx) {
    const int index = ctx.cache.find(ctx.state.selected_goal_id);
    if (index < 0) {
        text("Choose a goal in the overview to see it here.");
        return;
    }
    const Goal& goal = ctx.data.goals[size_t(index)];
    const GoalProgress& p = ctx.cache.progress(uint32_t(index));
    ShownGoal row = shown_goal(goal, p, ctx.frame.locale, ctx.period_note.has_value());
    text(row.title);
    ImGui::SameLine();
    badge(vendor_label(goal.vendor), vendor_colour(ctx.palette, goal.vendor));
    if (draw_period_note(ctx)) {
        coloured_text(ctx.palette.muted_text, "Target " + row.target_text);
    } else {
        std::string summary = row.value_text + " of " + row.target_text;
        if (row.percent) summary += " (" + format_percent(*row.percent, ctx.frame.locale) + ")";
        coloured_text(status_colour(ctx.palette, p.status), summary + ", " + pace_state_label(p.status));
    }
    if (p.forecast && !row.no_data) {
        text("Forecast to " + format_date(ctx.query.period.end, ctx.frame.locale) + ": " +
             format_goal_amount(goal, *p.forecast, ctx.frame.locale));
    }
    if (p.reported_by_vendor) {
        coloured_text(ctx.palette.muted_text, std::string("Numbers as reported by ") + vendor_label(goal.vendor) + ".");
    } else if (p.vendor_value) {
        std::string reported = std::string(vendor_label(goal.vendor)) + " reports " +
                               format_goal_amount(goal, *p.vendor_value, ctx.frame.locale);
        if (p.vendor_percent) reported += " (" + format_percent(*p.vendor_percent, ctx.frame.locale) + ")";
        coloured_text(ctx.palette.muted_text, reported + "; the figures above are computed from the data.");
    }
    if (!goal.description.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        text(goal.description);
        ImGui::PopTextWrapPos();
    }
    draw_legend(ctx);
    draw_chart(ctx, p);
    draw_interval_table(ctx, goal, p);
    ctx.shown.detail = std::move(row);
    ctx.shown.detail_intervals = p.intervals;
    ctx.shown.detail_forecast = p.forecast;
}

}  // namespace gp::ui::parts
