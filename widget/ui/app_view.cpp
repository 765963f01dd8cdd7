#include "ui/app_view.hpp"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

namespace gp::ui {

float progress_fraction(const Goal& goal) {
    if (!goal.reported.value || goal.target.amount <= 0) return 0.0f;
    const double f = *goal.reported.value / goal.target.amount;
    return static_cast<float>(std::clamp(f, 0.0, 1.0));
}

static void draw_goal_row(const Goal& goal) {
    // Data strings are never format strings.
    ImGui::TextUnformatted(goal.title.empty() ? "(untitled goal)" : goal.title.c_str());
    char overlay[96];
    const double value = goal.reported.value.value_or(0.0);
    std::snprintf(overlay, sizeof overlay, "%.0f / %.0f", value, goal.target.amount);
    ImGui::ProgressBar(progress_fraction(goal), ImVec2(-1.0f, 0.0f), overlay);
}

void draw_widget(const WidgetData& data) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("goalpost", nullptr, kFlags);

    ImGui::TextUnformatted(data.status.c_str());
    for (const Error& e : data.errors) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(220, 80, 60, 255));
        std::string line = e.path + ": " + e.message;
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(data.goals.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            ImGui::PushID(i);
            draw_goal_row(data.goals[static_cast<size_t>(i)]);
            ImGui::PopID();
        }
    }
    ImGui::End();
}

}  // namespace gp::ui
