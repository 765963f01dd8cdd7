// Headless ImGui for the UI tests: a context with the widget's own font, a fixed display, and input
// injected through ImGuiIO the way the platform layer does it (legacy 1.86 API).
#pragma once

#include <string>

#include <imgui.h>

#include "core/calendar.hpp"
#include "ui/fonts_embedded.hpp"
#include "ui/widget_view.hpp"

namespace gp::ui::test {

class Headless {
public:
    explicit Headless(float width = 900, float height = 600) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        io.ConfigInputTextCursorBlink = false;
        // Key codes as the html5 backend maps them (DOM keyCode values).
        io.KeyMap[ImGuiKey_Tab] = 9;
        io.KeyMap[ImGuiKey_Enter] = 13;
        io.KeyMap[ImGuiKey_Escape] = 27;
        io.KeyMap[ImGuiKey_Space] = 32;
        io.KeyMap[ImGuiKey_PageUp] = 33;
        io.KeyMap[ImGuiKey_PageDown] = 34;
        io.KeyMap[ImGuiKey_LeftArrow] = 37;
        io.KeyMap[ImGuiKey_UpArrow] = 38;
        io.KeyMap[ImGuiKey_RightArrow] = 39;
        io.KeyMap[ImGuiKey_DownArrow] = 40;
        io.KeyMap[ImGuiKey_Backspace] = 8;
        io.KeyMap[ImGuiKey_Delete] = 46;
        io.KeyMap[ImGuiKey_A] = 65;
        view.set_font_baker(bake_embedded_font);
        view.rebuild_fonts(1.0f);
        context.now = 1710000000000;  // 2024-03-09T16:00:00Z
        context.reduced_motion = true;
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // One frame; returns the vertex count drawn.
    int frame(const WidgetData& data) {
        ImGui::NewFrame();
        view.draw(data, context);
        ImGui::Render();
        ImGuiIO& io = ImGui::GetIO();
        io.MouseWheel = 0.0f;
        return ImGui::GetDrawData()->TotalVtxCount;
    }
    void frames(const WidgetData& data, int n) {
        for (int i = 0; i < n; ++i) frame(data);
    }

    // A full click (move, press, release) on a control the last frame recorded under `name`.
    bool click(const WidgetData& data, const std::string& name) {
        const ShownRect* r = view.shown().rect(name);
        if (!r) return false;
        const ImVec2 at((r->x0 + r->x1) * 0.5f, (r->y0 + r->y1) * 0.5f);
        click_at(data, at);
        return true;
    }
    void click_at(const WidgetData& data, ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frame(data);
        io.MouseDown[0] = true;
        frame(data);
        io.MouseDown[0] = false;
        frame(data);
        frame(data);  // what the click changed is drawn, and so shown, from the next frame on
    }
    // Types text into whatever has keyboard focus, one frame per character.
    void type(const WidgetData& data, const std::string& utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
        frame(data);
    }
    void press_key(const WidgetData& data, int key) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        frame(data);
        io.KeysDown[key] = false;
        frame(data);
    }
    // Clicks a text field and replaces its content.
    bool fill(const WidgetData& data, const std::string& name, const std::string& utf8) {
        if (!click(data, name)) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = true;
        press_key(data, 65);  // Ctrl+A selects all; typing replaces it
        io.KeyCtrl = false;
        if (utf8.empty()) press_key(data, 8);  // Backspace empties the selection
        else type(data, utf8);
        return true;
    }

    Date today() const { return civil_date_of(context.now, context.zone_offset_minutes); }

    WidgetView view;
    FrameContext context;
};

}  // namespace gp::ui::test
