// goalpost UI: the overview: one row per goal (title, badges, a progress bar with its pace marker),
// clipped so that only the visible rows cost anything.
#include <algorithm>
#include <cmath>

#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

float row_height() {
    const ImGuiStyle& style = ImGui::GetStyle();
    return ImGui::GetTextLineHeightWithSpacing() + ImGui::GetFrameHeight() + style.ItemSpacing.y * 2.0f;
}

void draw_badges(const ViewContext& ctx, const Goal& goal) {
    badge(vendor_label(goal.vendor), vendor_colour(ctx.palette, goal.vendor));
    ImGui::SameLine();
    coloured_text(ctx.palette.muted_text, metric_label(goal.metric.type));
    ImGui::SameLine();
    coloured_text(ctx.palette.muted_text, assignee_label(goal.assignee));
    if (!goal.active) {
        ImGui::SameLine();
        coloured_text(ctx.palette.muted_text, "(inactive)");
    }
}

// The bar in the goal's status colour, "value / target (percent)" on it, and a tick where pace says the
// value should be by now.
void draw_bar(const ViewContext& ctx, const ShownGoal& row, const GoalProgress& progress) {
    if (row.no_data) {
        // An empty track and no pace: the period note above says why.
        const std::string overlay = "no data  (target " + row.target_text + ")";
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.muted_text);
        ImGui::ProgressBar(0.0f, ImVec2(-1.0f, 0.0f), overlay.c_str());
        ImGui::PopStyleColor();
        return;
    }
    const double fraction = progress.target > 0 ? std::clamp(progress.value / progress.target, 0.0, 1.0) : 0.0;
    std::string overlay = row.value_text + " / " + row.target_text;
    if (row.percent) overlay += "  (" + format_percent(*row.percent, ctx.frame.locale) + ")";
    overlay += "  ";
    overlay += pace_state_label(row.status);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, status_colour(ctx.palette, row.status));
    ImGui::ProgressBar(float(fraction) * ctx.bar_reveal, ImVec2(-1.0f, 0.0f), overlay.c_str());
    ImGui::PopStyleColor();
    if (progress.expected_fraction) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const float x = a.x + (b.x - a.x) * float(std::clamp(*progress.expected_fraction, 0.0, 1.0));
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, a.y - 2), ImVec2(x, b.y + 2), ctx.palette.pace_marker, 2.0f);
    }
}

void draw_row(ViewContext& ctx, uint32_t goal_index, float height) {
    const Goal& goal = ctx.data.goals[goal_index];
    const GoalProgress& progress = ctx.cache.progress(goal_index);
    ShownGoal row = shown_goal(goal, progress, ctx.frame.locale, ctx.period_note.has_value());

    const ImVec2 start = ImGui::GetCursorScreenPos();
    // The selectable spans the row so that mouse, touch and keyboard navigation all reach it; the row's
    // content is drawn over it and is not interactive.
    const bool selected = ctx.state.selected_goal_id == goal.id;
    if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, height - 4.0f)) &&
        !ctx.suppress_clicks)
        open_detail(ctx, goal.id);
    record_rect(ctx.shown, "row:" + goal.id);
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(start);
    text(row.title);
    ImGui::SameLine();
    draw_badges(ctx, goal);
    draw_bar(ctx, row, progress);
    ImGui::SetCursorScreenPos(after);
    ctx.shown.goals.push_back(std::move(row));
}

}  // namespace

void draw_overview(ViewContext& ctx) {
    const std::vector<uint32_t>& order = ctx.cache.order();
    if (order.empty()) {
        text(ctx.data.goals.empty() ? "No goals yet." : "No goal matches the filters.");
        return;
    }
    draw_period_note(ctx);
    const float height = row_height();
    ImGuiListClipper clipper;
    clipper.Begin(int(order.size()), height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            ImGui::PushID(i);
            draw_row(ctx, order[size_t(i)], height);
            ImGui::PopID();
        }
    }
}

}  // namespace gp::ui::parts
