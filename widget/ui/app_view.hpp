// goalpost UI: the widget's Dear ImGui views. Sees imgui.h and the core only; the platform layer
// (wasm/) owns the window, input and rendering, and calls draw_widget() once per frame.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace gp::ui {

// What the views show. Owned by the caller; the views only read it.
struct WidgetData {
    std::vector<Goal> goals;
    std::vector<Error> errors;       // problems in the last payload (its valid goals are still shown)
    std::string status;              // one line for the status strip, e.g. "loading", "ready", "stale"
    bool loading = false;
};

// Draws the whole widget into the current ImGui frame, filling the display.
void draw_widget(const WidgetData& data);

// Progress of a goal as a 0..1 fraction for a bar (reported progress over target; 0 when unknown).
float progress_fraction(const Goal& goal);

}  // namespace gp::ui
