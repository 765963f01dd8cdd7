#include "ui/theme.hpp"

namespace gp::ui {

bool resolve_dark(ThemeChoice choice, bool system_prefers_dark) {
    switch (choice) {
        case ThemeChoice::light: return false;
        case ThemeChoice::dark: return true;
        case ThemeChoice::follow_system: break;
    }
    return system_prefers_dark;
}

Palette apply_theme(bool dark, ImGuiStyle& style) {
    Palette p;
    p.dark = dark;
    if (dark) {
        ImGui::StyleColorsDark(&style);
        p.on_track = IM_COL32(80, 200, 120, 255);
        p.behind = IM_COL32(240, 180, 60, 255);
        p.at_risk = IM_COL32(240, 90, 80, 255);
        p.unknown = IM_COL32(130, 140, 160, 255);
        p.error_text = IM_COL32(255, 120, 110, 255);
        p.muted_text = IM_COL32(160, 165, 175, 255);
        p.bar = IM_COL32(90, 140, 220, 255);
        p.target_line = IM_COL32(235, 235, 240, 255);
        p.ideal_line = IM_COL32(150, 150, 160, 255);
        p.burn_up = IM_COL32(90, 210, 160, 255);
        p.forecast = IM_COL32(250, 200, 90, 255);
        p.pace_marker = IM_COL32(255, 255, 255, 255);
    } else {
        ImGui::StyleColorsLight(&style);
        // Status colours dark enough to keep 3:1 contrast against the light background.
        p.on_track = IM_COL32(30, 130, 70, 255);
        p.behind = IM_COL32(180, 110, 0, 255);
        p.at_risk = IM_COL32(190, 40, 40, 255);
        p.unknown = IM_COL32(110, 115, 130, 255);
        p.error_text = IM_COL32(180, 30, 30, 255);
        p.muted_text = IM_COL32(90, 95, 105, 255);
        p.bar = IM_COL32(60, 110, 200, 255);
        p.target_line = IM_COL32(30, 30, 40, 255);
        p.ideal_line = IM_COL32(120, 120, 130, 255);
        p.burn_up = IM_COL32(20, 150, 110, 255);
        p.forecast = IM_COL32(200, 120, 0, 255);
        p.pace_marker = IM_COL32(20, 20, 20, 255);
    }
    p.vendor[int(Vendor::unknown)] = p.unknown;
    p.vendor[int(Vendor::pipedrive)] = IM_COL32(40, 160, 90, 255);
    p.vendor[int(Vendor::hubspot)] = IM_COL32(230, 110, 60, 255);
    p.vendor[int(Vendor::giosg)] = IM_COL32(60, 120, 220, 255);
    p.vendor[int(Vendor::zendesk)] = IM_COL32(30, 100, 110, 255);
    style.FrameRounding = 3.0f;
    style.WindowRounding = 0.0f;
    style.ScrollbarSize = 12.0f;
    return p;
}

ImU32 status_colour(const Palette& palette, PaceState state) {
    switch (state) {
        case PaceState::on_track: return palette.on_track;
        case PaceState::behind: return palette.behind;
        case PaceState::at_risk: return palette.at_risk;
        case PaceState::unknown: break;
    }
    return palette.unknown;
}

ImU32 vendor_colour(const Palette& palette, Vendor vendor) {
    const int i = int(vendor);
    return i >= 0 && i < 5 ? palette.vendor[i] : palette.unknown;
}

}  // namespace gp::ui
