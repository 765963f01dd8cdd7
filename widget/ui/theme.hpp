// goalpost UI: light and dark themes, and the colours that carry meaning (status, vendor, chart).
#pragma once

#include <imgui.h>

#include "core/model.hpp"
#include "ui/widget_data.hpp"

namespace gp::ui {

struct Palette {
    bool dark = false;
    ImU32 on_track = 0, behind = 0, at_risk = 0, unknown = 0;
    ImU32 error_text = 0, muted_text = 0;
    ImU32 bar = 0, target_line = 0, ideal_line = 0, burn_up = 0, forecast = 0, pace_marker = 0;
    ImU32 vendor[5] = {};  // by Vendor
};

bool resolve_dark(ThemeChoice choice, bool system_prefers_dark);

// Sets the ImGui style for the theme and returns the palette the views draw with.
Palette apply_theme(bool dark, ImGuiStyle& style);

ImU32 status_colour(const Palette& palette, PaceState state);
ImU32 vendor_colour(const Palette& palette, Vendor vendor);

}  // namespace gp::ui
