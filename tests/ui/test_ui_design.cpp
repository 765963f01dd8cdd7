// The design's promises, checked headlessly: text contrast in both palettes, nothing drawn past its space at
// any width from 280 px (or at short heights), touch targets, numbers as people say them, and the detail
// view's steps, targets, forecast range and readout.
//
// Index
// - [SECTION] Contrast
// - [SECTION] Nothing cut off
// - [SECTION] Touch targets
// - [SECTION] Numbers
// - [SECTION] Detail
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "fixtures.hpp"
#include "headless.hpp"
#include "ui/messages.hpp"

using gp::ui::test::Headless;
using namespace gp::ui;

namespace {

gp::Date date(const char* text) { return *gp::parse_civil_date(text); }

const ShownGoal* find_goal(const std::vector<ShownGoal>& goals, const std::string& id) {
    for (const ShownGoal& g : goals)
        if (g.goal_id == id) return &g;
    return nullptr;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Contrast
//-----------------------------------------------------------------------------

TEST_CASE("every text and background pair of both palettes passes WCAG AA", "[ui][design][contrast]") {
    CHECK(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(contrast_ratio(IM_COL32(119, 119, 119, 255), IM_COL32(255, 255, 255, 255)) == Approx(4.48).margin(0.01));
    for (bool dark : {false, true}) {
        const Palette p = make_palette(dark);
        ColourPair pairs[128];
        const int n = colour_pairs(p, pairs, 128);
        REQUIRE(n <= 128);
        CHECK(n > 40);
        for (int i = 0; i < n; ++i) {
            INFO((dark ? "dark: " : "light: ") << pairs[i].name << " needs " << pairs[i].needed);
            CHECK(contrast_ratio(pairs[i].fg, pairs[i].bg) >= pairs[i].needed);
        }
        // The ImGui style made from the palette: widget text and hints on every surface ImGui draws.
        ImGuiStyle style;
        apply_theme(dark, style);
        const auto u32 = [&](ImGuiCol c) { return ImGui::ColorConvertFloat4ToU32(style.Colors[c]); };
        for (ImGuiCol bg : {ImGuiCol_WindowBg, ImGuiCol_PopupBg, ImGuiCol_FrameBg, ImGuiCol_FrameBgHovered, ImGuiCol_Button,
                            ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive, ImGuiCol_Header, ImGuiCol_HeaderHovered,
                            ImGuiCol_TableHeaderBg}) {
            INFO((dark ? "dark" : "light") << " ImGui colour " << ImGui::GetStyleColorName(bg));
            CHECK(contrast_ratio(u32(ImGuiCol_Text), u32(bg)) >= 4.5);
            CHECK(contrast_ratio(u32(ImGuiCol_TextDisabled), u32(bg)) >= 4.5);
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Nothing cut off: every vertex inside its clip rectangle, every glyph whole
//-----------------------------------------------------------------------------

namespace {

struct UvRect {
    float u0, v0, u1, v1;
};

// Every glyph's texture rectangle in the atlas: a glyph drawn with a smaller one was trimmed by ImGui's
// own clipping (a label longer than its button, a hint longer than its field).
std::vector<UvRect> glyph_uvs() {
    std::vector<UvRect> out;
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    for (const ImFont* font : atlas.Fonts)
        for (const ImFontGlyph& g : font->Glyphs) out.push_back({g.U0, g.V0, g.U1, g.V1});
    return out;
}

bool whole_glyph(const std::vector<UvRect>& uvs, const ImDrawVert* q) {
    const float u0 = q[0].uv.x, v0 = q[0].uv.y, u1 = q[2].uv.x, v1 = q[2].uv.y;
    for (const UvRect& r : uvs)
        if (std::fabs(r.u0 - u0) < 1e-6f && std::fabs(r.v0 - v0) < 1e-6f && std::fabs(r.u1 - u1) < 1e-6f &&
            std::fabs(r.v1 - v1) < 1e-6f)
            return true;
    return false;
}

// Text fields scroll what is typed into them: text inside one may be trimmed at its edge.
bool in_text_field(const Shown& shown, ImVec2 at) {
    static const char* const kFields[] = {"editor.title", "editor.amount", "editor.start", "editor.condition.", "url.input",
                                          "filter.search", "period.from", "period.to"};
    for (const ShownRect& r : shown.rects)
        for (const char* f : kFields)
            if (r.name.rfind(f, 0) == 0 && at.x >= r.x0 && at.x <= r.x1 && at.y >= r.y0 && at.y <= r.y1) return true;
    return false;
}

// What was drawn past its space in the last frame, in words; empty when nothing was. Vertical clipping in the
// scrolling content (a card half scrolled out of view) is scrolling, not cutting, and is allowed there.
std::vector<std::string> cut_off(const Shown& shown, float width, float height) {
    std::vector<std::string> problems;
    const ImDrawData* dd = ImGui::GetDrawData();
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    const std::vector<UvRect> uvs = glyph_uvs();
    constexpr float kFringe = 1.5f;  // antialiasing feathers a shape's edge by a pixel
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* list = dd->CmdLists[l];
        const bool scrolls = list->_OwnerName && std::strstr(list->_OwnerName, "tab-content");
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const ImVec4 clip = cmd.ClipRect;
            unsigned lo = ~0u, hi = 0;
            for (unsigned k = 0; k < cmd.ElemCount; ++k) {
                const unsigned v = cmd.VtxOffset + list->IdxBuffer[int(cmd.IdxOffset + k)];
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            for (unsigned v = lo; cmd.ElemCount && v <= hi; ++v) {
                const ImDrawVert& p = list->VtxBuffer[int(v)];
                const bool out_x = p.pos.x < std::max(clip.x, 0.0f) - kFringe || p.pos.x > std::min(clip.z, width) + kFringe;
                const bool out_y = !scrolls && (p.pos.y < std::max(clip.y, 0.0f) - kFringe || p.pos.y > std::min(clip.w, height) + kFringe);
                if (out_x || out_y) {
                    problems.push_back(std::string(list->_OwnerName ? list->_OwnerName : "?") + ": vertex at (" +
                                       std::to_string(p.pos.x) + ", " + std::to_string(p.pos.y) + ") outside its clip");
                    break;
                }
            }
            // Glyph quads: four vertices with texture coordinates other than the white pixel.
            for (unsigned v = lo; cmd.ElemCount && v + 3 <= hi; ++v) {
                const ImDrawVert* q = &list->VtxBuffer[int(v)];
                if (q[0].uv.x == white.x && q[0].uv.y == white.y) continue;
                if (!whole_glyph(uvs, q) && !in_text_field(shown, q[0].pos)) {
                    problems.push_back(std::string(list->_OwnerName ? list->_OwnerName : "?") + ": a glyph trimmed at (" +
                                       std::to_string(q[0].pos.x) + ", " + std::to_string(q[0].pos.y) + ")");
                    break;
                }
                v += 3;
            }
        }
    }
    return problems;
}

void check_every_tab(Headless& ui, WidgetData& data, float width, float height) {
    ImGui::GetIO().DisplaySize = ImVec2(width, height);
    struct Case {
        Tab tab;
        const char* name;
        std::string goal;
    };
    const Case cases[] = {{Tab::overview, "overview", ""},       {Tab::detail, "detail of a count goal", "calls"},
                          {Tab::detail, "detail of seasonal targets", "hs-revenue"},
                          {Tab::detail, "detail of a goal without target", "301"},
                          {Tab::detail, "detail of an ended goal", "old"},   {Tab::conversions, "conversions", ""},
                          {Tab::url_tester, "URL tester", ""},              {Tab::editor, "editor", ""},
                          {Tab::editor, "editor form", "calls"}};
    for (const Case& c : cases) {
        ui.view.state().tab = c.tab;
        ui.view.state().selected_goal_id = c.goal;
        ui.view.state().editor = EditorState{};
        if (c.tab == Tab::editor && !c.goal.empty()) {
            ui.frames(data, 2);
            // The goal asked for, or in a short container the first one the list shows.
            std::string row = "editor.goal:" + c.goal;
            if (!ui.view.shown().rect(row))
                for (const ShownRect& r : ui.view.shown().rects)
                    if (r.name.rfind("editor.goal:", 0) == 0 && row == "editor.goal:" + c.goal) row = r.name;
            REQUIRE(ui.click(data, row));
        }
        ui.view.state().url_input = c.tab == Tab::url_tester ? "https://shop.example.org/checkout/thanks?from=a-very-long-campaign" : "";
        ui.frames(data, 3);
        // Style flags that would draw lines from the atlas: off, so that only glyphs carry texture coordinates.
        ImGui::GetStyle().AntiAliasedLinesUseTex = false;
        ui.frame(data);
        INFO(c.name << " at " << width << " x " << height << (ui.context.theme == ThemeChoice::dark ? ", dark" : ", light"));
        const std::vector<std::string> problems = cut_off(ui.view.shown(), width, height);
        std::string all;
        for (size_t k = 0; k < problems.size() && k < 6; ++k) all += "\n  " + problems[k];
        INFO("cut off:" << all);
        CHECK(problems.empty());
        for (const ShownRect& r : ui.view.shown().rects) {
            // Touch targets: every named control is at least kTouchTarget in both directions.
            INFO("control " << r.name << " is " << (r.x1 - r.x0) << " x " << (r.y1 - r.y0));
            CHECK(r.x1 - r.x0 >= kTouchTarget - 0.01f);
            CHECK(r.y1 - r.y0 >= kTouchTarget - 0.01f);
        }
    }
}

}  // namespace

TEST_CASE("nothing is cut off at any width from 280 px, in both themes", "[ui][design][layout]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    for (ThemeChoice theme : {ThemeChoice::light, ThemeChoice::dark}) {
        ui.context.theme = theme;
        for (float width : {280.0f, 390.0f, 560.0f, 800.0f, 1280.0f}) check_every_tab(ui, data, width, 600.0f);
    }
}

TEST_CASE("nothing is cut off in German, French or Spanish either, whose words are longer", "[ui][design][layout][messages]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    for (Lang lang : {Lang::de, Lang::fr, Lang::es}) {
        ui.context.locale.lang = lang;
        INFO("language " << lang_code(lang));
        for (float width : {280.0f, 390.0f, 560.0f}) check_every_tab(ui, data, width, 600.0f);
        for (float width : {280.0f, 560.0f}) check_every_tab(ui, data, width, 160.0f);
    }
}

TEST_CASE("short containers get the single-line form, still with nothing cut off", "[ui][design][layout]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    for (float width : {280.0f, 560.0f, 1280.0f}) {
        for (float height : {160.0f, 220.0f}) {
            ImGui::GetIO().DisplaySize = ImVec2(width, height);
            ui.view.state().tab = Tab::overview;
            ui.frames(data, 3);
            CHECK(ui.view.shown().compact);
            // At 160 px the tabs, the toolbar, two goals at least and the status strip fit.
            CHECK(ui.view.shown().goals.size() >= 2);
            check_every_tab(ui, data, width, height);
        }
    }
    ImGui::GetIO().DisplaySize = ImVec2(560, 400);
    ui.view.state().tab = Tab::overview;
    ui.frames(data, 2);
    CHECK_FALSE(ui.view.shown().compact);
}

TEST_CASE("the layout follows the container: one column when narrow, a grid when wide, a collapsed toolbar", "[ui][design][layout]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    const auto at = [&](float width) {
        ImGui::GetIO().DisplaySize = ImVec2(width, 600);
        ui.frames(data, 3);
        return ui.view.shown();
    };
    const Shown narrow = at(280);
    CHECK(narrow.width_class == WidthClass::narrow);
    CHECK(narrow.columns == 1);
    // The toolbar is the period and one menu: no search field or filter combo on the bar itself.
    CHECK(narrow.rect("toolbar.menu") != nullptr);
    CHECK(narrow.rect("filter.search") == nullptr);
    CHECK(narrow.rect("period.kind") == nullptr);
    // Tabs that do not fit go into a menu, but the tab on screen is always on the strip.
    CHECK(narrow.rect("tab.more") != nullptr);
    CHECK(narrow.rect("tab.overview") != nullptr);
    const Shown medium = at(560);
    CHECK(medium.width_class == WidthClass::medium);
    CHECK(medium.columns == 2);
    CHECK(medium.rect("period.kind") != nullptr);
    CHECK(medium.rect("filter.menu") != nullptr);
    const Shown wide = at(1280);
    CHECK(wide.width_class == WidthClass::wide);
    CHECK(wide.columns == 4);
    CHECK(wide.rect("filter.search") != nullptr);
    CHECK(wide.rect("filter.sort") != nullptr);
    CHECK(wide.rect("tab.more") == nullptr);

    // The narrow menu holds the search field: the "/" shortcut opens it there.
    at(280);
    ui.type(data, "/");
    ui.frames(data, 2);
    REQUIRE(ui.view.shown().rect("filter.search") != nullptr);
    ui.type(data, "calls");
    ui.frame(data);
    CHECK(ui.view.state().filters.search == "calls");
}

//-----------------------------------------------------------------------------
// [SECTION] Numbers as people say them
//-----------------------------------------------------------------------------

TEST_CASE("goal texts: whole counts, units and currency, no 'of 0', when a goal runs, lower is better", "[ui][design][numbers]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    ui.frames(data, 2);
    const std::vector<ShownGoal> all = ui.view.summaries(data, ui.context);
    for (const ShownGoal& g : all) {
        INFO(g.text);
        CHECK(g.text.rfind(g.title + ": ", 0) == 0);
        CHECK(g.text.find("of 0") == std::string::npos);
        CHECK(g.text.find("0 / 0") == std::string::npos);
    }

    // March of a quarterly count goal: the pro-rated target (120 x 31/91 = 40.9) is a whole count.
    const ShownGoal* won = find_goal(all, "won");
    REQUIRE(won);
    CHECK(won->target == Approx(120.0 * 31 / 91));
    CHECK(won->target_text == "41 deals");
    CHECK(won->figure_suffix == "of 41 deals");
    CHECK(won->text.find('.') == std::string::npos);  // no fraction anywhere in the sentence
    // The weekly calls goal in March: its clipped weeks add up to a fraction; shown whole.
    const ShownGoal* calls = find_goal(all, "calls");
    REQUIRE(calls);
    CHECK(std::floor(calls->target) != calls->target);
    CHECK(calls->target_text.find('.') == std::string::npos);
    CHECK(calls->target_text.find("activities") != std::string::npos);

    // A goal without a target: its count, its value and the month before, never "of 0".
    const ShownGoal* checkout = find_goal(all, "301");
    REQUIRE(checkout);
    CHECK_FALSE(checkout->has_target);
    CHECK(checkout->figure == "4");
    CHECK(checkout->figure_suffix == "conversions");
    CHECK(checkout->chip == "no target");
    CHECK(checkout->detail_line == "value 106 \xC2\xB7 down 1 from February");
    CHECK(checkout->text == "Checkout completed: 4 conversions, value 106 \xC2\xB7 down 1 from February, no target");

    // Goals that do not run in March 2024 say when they do.
    const ShownGoal* old = find_goal(all, "old");
    REQUIRE(old);
    CHECK(old->timing == GoalTiming::ended);
    CHECK(old->chip == "ended");
    CHECK(old->text == "Won deals, 2023: ended 31 Dec 2023, target 40 deals");
    const ShownGoal* later = find_goal(all, "later");
    REQUIRE(later);
    CHECK(later->timing == GoalTiming::not_started);
    CHECK(later->text == "Won deals from 2027: starts 1 Jan 2027, target 10 deals");

    // Currency and a vendor's own figures.
    const ShownGoal* revenue = find_goal(all, "hs-revenue");
    REQUIRE(revenue);
    CHECK(revenue->figure == "\xE2\x82\xAC" "18,900");
    CHECK(revenue->figure_suffix == "of \xE2\x82\xAC" "40,000");

    // Lower is better: under the limit reads as a limit, not as a shortfall.
    const ShownGoal* response = find_goal(all, "hs-response");
    REQUIRE(response);
    CHECK(response->lower_is_better);
    CHECK(response->figure == "3.2 h");
    CHECK(response->figure_suffix == "target under 4 h");
    CHECK(response->percent_text == "80 % of limit");
    CHECK(response->text == "Average ticket response time (hours): 3.2 h, target under 4 h, 80 % of limit, on track");

    // One deal, one activity.
    gp::Goal one;
    one.metric.type = gp::MetricType::deals_won;
    CHECK(format_goal_amount(one, 1, {}) == "1 deal");
    CHECK(format_goal_amount(one, 2.4, {}) == "2 deals");
    CHECK(format_goal_target(one, 0.3, {}) == "1 deal");  // a target is never rounded away
}

TEST_CASE("a finished period says reached or missed, an upcoming one waits", "[ui][design][numbers]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    ui.view.state().period.anchor = date("2024-02-15");  // February: over
    ui.frames(data, 2);
    const std::vector<ShownGoal> february = ui.view.summaries(data, ui.context);  // find_goal points into it
    const ShownGoal* revenue = find_goal(february, "hs-revenue");
    REQUIRE(revenue);
    CHECK(revenue->chip == "missed");  // 27,000 of 30,000
    ui.view.state().period.anchor = date("2024-01-15");
    ui.frames(data, 2);
    CHECK(find_goal(ui.view.summaries(data, ui.context), "hs-revenue")->chip == "reached");  // 21,000 of 20,000
    ui.view.state().period.anchor = date("2024-06-15");
    ui.frames(data, 2);
    CHECK(find_goal(ui.view.summaries(data, ui.context), "won")->chip == "upcoming");
}

//-----------------------------------------------------------------------------
// [SECTION] Detail
//-----------------------------------------------------------------------------

TEST_CASE("the detail view has a step per day, week or month, each with its own target", "[ui][design][detail]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    ui.view.state().tab = Tab::detail;
    ui.view.state().selected_goal_id = "won";
    ui.frames(data, 2);
    // March of a quarterly goal: 31 days, each with its share of the quarter's target.
    const Shown& month = ui.view.shown();
    REQUIRE(month.detail_steps.size() == 31);
    CHECK(month.detail_step_targets);
    CHECK_FALSE(month.detail_seasonal);  // the same target every day: the pace line says it, no tick per bar
    double value = 0, target = 0;
    for (const IntervalResult& r : month.detail_steps) {
        value += r.value;
        target += r.target;
    }
    REQUIRE(month.detail);
    CHECK(value == Approx(month.detail->value));
    CHECK(target == Approx(month.detail->target));
    CHECK(month.detail_steps[20].value == 0);  // the 21st is still to come
    // The forecast and its likely range, around it and never below what is counted.
    REQUIRE(month.detail_forecast);
    REQUIRE(month.detail_forecast_low);
    REQUIRE(month.detail_forecast_high);
    CHECK(*month.detail_forecast_low <= *month.detail_forecast);
    CHECK(*month.detail_forecast <= *month.detail_forecast_high);
    CHECK(*month.detail_forecast_low >= month.detail->value);

    ui.view.state().period.kind = PeriodKind::quarter;
    ui.frames(data, 2);
    CHECK(ui.view.shown().detail_steps.size() == 13);  // the weeks of Q1 2024, Monday to Sunday
    ui.view.state().period.kind = PeriodKind::year;
    ui.frames(data, 2);
    CHECK(ui.view.shown().detail_steps.size() == 12);

    // Seasonal targets: HubSpot's slices, one step each, with their own targets.
    ui.view.state().selected_goal_id = "hs-revenue";
    ui.view.state().period.kind = PeriodKind::quarter;
    ui.frames(data, 2);
    const Shown& seasonal = ui.view.shown();
    REQUIRE(seasonal.detail_steps.size() == 3);
    CHECK(seasonal.detail_step_targets);
    CHECK(seasonal.detail_seasonal);
    CHECK(seasonal.detail_steps[0].target == 20000);
    CHECK(seasonal.detail_steps[2].target == 40000);
}

TEST_CASE("pointing at a step, or tapping it, shows its exact figures", "[ui][design][detail]") {
    Headless ui(800, 600);
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    ui.view.state().tab = Tab::detail;
    ui.view.state().selected_goal_id = "won";
    ui.frames(data, 2);
    const ShownRect* chart = ui.view.shown().rect("detail.chart");
    REQUIRE(chart);
    CHECK(ui.view.shown().tooltip.empty());
    // The chart's plot starts 12 px in from its edges; the third of 31 days is at 2.5 / 31 of it.
    const float plot0 = chart->x0 + space::m, plot1 = chart->x1 - space::m;
    const ImVec2 third(plot0 + (plot1 - plot0) * (2.5f / 31.0f), (chart->y0 + chart->y1) * 0.5f);
    ImGui::GetIO().MousePos = third;
    ui.frames(data, 2);
    const std::vector<std::string> lines = ui.view.shown().tooltip;
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0] == "3 Mar 2024");
    CHECK(lines[1] == "1 deal");  // every third day won one deal: 3 March is day 63
    CHECK(lines.back().rfind("so far ", 0) == 0);
    CHECK(lines.back().find('.') == std::string::npos);
    // A tap keeps it after the pointer leaves.
    ui.click_at(data, third);
    ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ui.frames(data, 2);
    CHECK(ui.view.shown().tooltip == lines);
    CHECK(ui.view.state().detail_step == 2);
    // A step still to come says so.
    ui.view.state().detail_step = 25;
    ui.frames(data, 2);
    REQUIRE(ui.view.shown().tooltip.size() == 2);
    CHECK(ui.view.shown().tooltip[1] == "still to come");
}

TEST_CASE("steady frames ask the core nothing: progress, steps and texts are kept until their inputs change", "[ui][design][cache]") {
    Headless ui(800, 600);
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    int calls = 0;
    const auto inner = data.services.progress;
    data.services.progress = [&](const gp::Goal& g, const ProgressQuery& q) {
        ++calls;
        return inner(g, q);
    };
    ui.frames(data, 3);
    CHECK(calls > 0);
    const int first = calls;
    ui.frames(data, 20);
    CHECK(calls == first);  // twenty more frames: no progress, step or trend asked again
    // A new width measures the cards again but asks for no figures.
    ImGui::GetIO().DisplaySize = ImVec2(390, 600);
    ui.frames(data, 3);
    CHECK(calls == first);
    // A new period does ask.
    REQUIRE(ui.click(data, "period.previous"));
    CHECK(calls > first);
}
