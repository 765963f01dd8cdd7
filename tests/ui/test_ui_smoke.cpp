// Headless UI smoke tests: many frames, every tab, resizing, list clipping, hostile titles.
#include <algorithm>

#include <catch2/catch.hpp>

#include "headless.hpp"

using gp::ui::test::Headless;

namespace {

gp::Goal goal_titled(const std::string& id, const char* title, double value, double target) {
    gp::Goal g;
    g.id = id;
    g.vendor = gp::Vendor::pipedrive;
    g.metric.type = gp::MetricType::deals_won;
    g.title = title;
    g.target.amount = target;
    g.reported.value = value;
    return g;
}

gp::ui::WidgetData many_goals(int n, const char* title = "Deals won") {
    gp::ui::WidgetData data;
    for (int i = 0; i < n; ++i) data.goals.push_back(goal_titled(std::to_string(i), title, i % 17, 16));
    return data;
}

}  // namespace

TEST_CASE("every tab draws for many frames while the display is resized", "[ui]") {
    Headless ui;
    gp::ui::WidgetData data = many_goals(200);
    data.status = "ready";
    static constexpr gp::ui::Tab kTabs[] = {gp::ui::Tab::overview, gp::ui::Tab::detail, gp::ui::Tab::conversions,
                                            gp::ui::Tab::url_tester, gp::ui::Tab::editor};
    ui.view.state().selected_goal_id = "3";
    int vertices = 0;
    for (int frame = 0; frame < 300; ++frame) {
        ImGui::GetIO().DisplaySize = ImVec2(320.0f + float(frame % 7) * 90.0f, 200.0f + float(frame % 5) * 80.0f);
        ui.view.state().tab = kTabs[(frame / 20) % 5];
        vertices = ui.frame(data);
        CHECK(ui.view.shown().tab == ui.view.state().tab);
    }
    CHECK(vertices > 0);
}

TEST_CASE("10,000 goals draw only the visible rows", "[ui]") {
    Headless ui(640, 480);
    const gp::ui::WidgetData few = many_goals(1), many = many_goals(10000);
    ui.frames(few, 2);
    const int few_vertices = ui.frame(few);
    ui.frames(many, 2);
    const int many_vertices = ui.frame(many);
    CHECK(ui.view.shown().goals_matching == 10000);
    CHECK(many_vertices > few_vertices);
    // Drawing all 10,000 rows would take millions of vertices; the clipper keeps it to a screenful.
    CHECK(many_vertices < 60000);
    CHECK(ui.view.shown().goals.size() < 40);
    CHECK(ui.view.shown().goals.front().goal_id == "0");
}

TEST_CASE("summaries cover every goal, not only the rows on screen, as the rows show them", "[ui][a11y]") {
    Headless ui(640, 480);
    const gp::ui::WidgetData many = many_goals(500);
    ui.frames(many, 2);
    REQUIRE(ui.view.shown().goals.size() < 500);
    const std::vector<gp::ui::ShownGoal> all = ui.view.summaries(many, ui.context);
    REQUIRE(all.size() == 500);
    CHECK(all[499].goal_id == many.goals[499].id);
    for (const gp::ui::ShownGoal& row : ui.view.shown().goals) {
        const auto same = std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.goal_id == row.goal_id; });
        REQUIRE(same != all.end());
        CHECK(same->value_text == row.value_text);
        CHECK(same->target_text == row.target_text);
        CHECK(same->status == row.status);
    }
}

TEST_CASE("goal titles are drawn as text, never used as format strings", "[ui][security]") {
    Headless ui;
    gp::ui::WidgetData hostile, plain;
    hostile.goals.push_back(goal_titled("1", "%s%n%x", 1, 2));
    plain.goals.push_back(goal_titled("1", "abcdef", 1, 2));
    ui.frames(hostile, 2);
    const int hostile_vertices = ui.frame(hostile);
    REQUIRE(ui.view.shown().goals.size() == 1);
    CHECK(ui.view.shown().goals[0].title == "%s%n%x");
    ui.frames(plain, 2);
    const int plain_vertices = ui.frame(plain);
    // Six glyphs either way: a title used as a format string would print a different number of them.
    CHECK(hostile_vertices == plain_vertices);

    // The same title through every view that shows titles.
    ui.view.state().selected_goal_id = "1";
    ui.view.state().tab = gp::ui::Tab::detail;
    ui.frames(hostile, 2);
    REQUIRE(ui.view.shown().detail);
    CHECK(ui.view.shown().detail->title == "%s%n%x");
    for (gp::ui::Tab tab : {gp::ui::Tab::editor, gp::ui::Tab::conversions, gp::ui::Tab::url_tester}) {
        ui.view.state().tab = tab;
        CHECK(ui.frame(hostile) > 0);
    }
}
