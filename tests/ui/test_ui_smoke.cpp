// Headless UI smoke tests: ImGui frames with no platform or renderer backend.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "ui/app_view.hpp"

namespace {

// An ImGui context with a built font atlas and a fixed display, torn down at scope exit.
struct HeadlessImGui {
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(640, 480);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }

    // Runs one frame of the widget and returns how many vertices it produced.
    int frame(const gp::ui::WidgetData& data) {
        ImGui::NewFrame();
        gp::ui::draw_widget(data);
        ImGui::Render();
        return ImGui::GetDrawData()->TotalVtxCount;
    }
};

gp::Goal goal_titled(const char* title, double value, double target) {
    gp::Goal g;
    g.title = title;
    g.target.amount = target;
    g.reported.value = value;
    return g;
}

}  // namespace

TEST_CASE("many frames of the widget run with no backend", "[ui]") {
    HeadlessImGui imgui;
    gp::ui::WidgetData data;
    data.status = "ready";
    for (int i = 0; i < 200; ++i) data.goals.push_back(goal_titled("Deals won", i, 200));
    int vertices = 0;
    for (int frame = 0; frame < 300; ++frame) {
        ImGui::GetIO().DisplaySize = ImVec2(320.0f + float(frame % 7) * 40.0f, 200.0f + float(frame % 5) * 60.0f);
        vertices = imgui.frame(data);
    }
    CHECK(vertices > 0);
}

TEST_CASE("more goals draw more, and list clipping bounds the cost", "[ui]") {
    HeadlessImGui imgui;
    gp::ui::WidgetData few, many;
    few.goals.push_back(goal_titled("One", 1, 2));
    for (int i = 0; i < 10000; ++i) many.goals.push_back(goal_titled("Row", 1, 2));
    imgui.frame(few);
    const int few_vertices = imgui.frame(few);
    imgui.frame(many);
    const int many_vertices = imgui.frame(many);
    CHECK(many_vertices > few_vertices);
    // 10,000 rows would need hundreds of thousands of vertices if they were all drawn.
    CHECK(many_vertices < 20000);
}

TEST_CASE("goal titles are drawn as text, never used as format strings", "[ui][security]") {
    HeadlessImGui imgui;
    gp::ui::WidgetData hostile, plain;
    hostile.goals.push_back(goal_titled("%s%n%x", 1, 2));
    plain.goals.push_back(goal_titled("abcdef", 1, 2));
    imgui.frame(hostile);
    const int hostile_vertices = imgui.frame(hostile);
    imgui.frame(plain);
    const int plain_vertices = imgui.frame(plain);
    // Six visible glyphs either way: a formatted title would print a different number of glyphs.
    CHECK(hostile_vertices == plain_vertices);
}

TEST_CASE("progress fraction is reported progress over target, clamped", "[ui]") {
    CHECK(gp::ui::progress_fraction(goal_titled("a", 5, 10)) == Approx(0.5f));
    CHECK(gp::ui::progress_fraction(goal_titled("a", 50, 10)) == Approx(1.0f));
    CHECK(gp::ui::progress_fraction(goal_titled("a", 5, 0)) == 0.0f);
    gp::Goal unknown = goal_titled("a", 0, 10);
    unknown.reported.value.reset();
    CHECK(gp::ui::progress_fraction(unknown) == 0.0f);
}
