// goalpost browser app: one widget per module instance.
//
// The page (web/goal-widget.js) instantiates the module, then calls gp_start() with the options as JSON.
// From there the app fetches the goals and their data, hands the bytes to the core's Workspace (goals,
// events, matches, the page's methods), and draws with ImGui on WebGL2. The whole ABI is goalpost_abi.h;
// app.hpp says which file does which job. This one starts and stops the widget, applies its options, and
// passes events to JavaScript.
//
// Index
// - [SECTION] State
// - [SECTION] Events to JavaScript
// - [SECTION] Options
// - [SECTION] Start and stop
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <imgui.h>

#include "app.hpp"
#include "core/giosg_codes.hpp"
#include "core/json_access.hpp"
#include "goalpost_abi.h"
#include "imgui_impl_html5.h"
#include "imgui_impl_webgl2.h"
#include "ui/core_bridge.hpp"
#include "ui/messages.hpp"

namespace gp::web {

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

App* g_app = nullptr;

App::App() = default;
App::~App() {
    drop_saves(*this);
    goal_sources.clear();  // each loader clears its timer; a reply still in flight is dropped when it lands
    data_sources.clear();
}

//-----------------------------------------------------------------------------
// [SECTION] Events to JavaScript
//-----------------------------------------------------------------------------

// The loader passes `onGoalpostEvent` in the module arguments; it re-dispatches as DOM CustomEvents on
// the widget element. Nothing is put on `window`.
EM_JS(void, js_emit_event, (const char* type, const char* detail_json), {
    if (Module["onGoalpostEvent"]) Module["onGoalpostEvent"](UTF8ToString(type), UTF8ToString(detail_json));
});

void emit(const char* type, const Json& detail) {
    const std::string text = detail.dump(-1, ' ', false, Json::error_handler_t::replace);
    js_emit_event(type, text.c_str());
}

void show_workspace(App& app) {
    app.data.goals = app.workspace.goals();
    app.data.goal_revisions = app.workspace.goal_revisions();
    app.data.figures_generation = app.workspace.figures_generation();
    app.data.matches = ui::matches_for_view(app.workspace);
    // Without CRM data the store is empty, and the core shows the vendor's own figures (one rule for both).
    // Condition goals count the feed's rows, as the conversions view does.
    app.data.services.progress = ui::progress_with_matches(
        ui::match_series_of(app.data.matches), ui::progress_with_core(app.workspace.event_store(), app.workspace.rates()));
    app.data.data_span = app.workspace.data_span();
    app.data.saves_to_vendor = app.options.save == ui::SaveMode::vendor;
    show_sources(app);  // an edit may have made or ended an id two sources share
    ++app.data.generation;
    for (const WorkspaceEvent& event : app.workspace.take_events()) emit(event.type.c_str(), event.detail);
}

//-----------------------------------------------------------------------------
// [SECTION] Options
//-----------------------------------------------------------------------------

void apply_theme(App& app, const std::string& theme) {
    app.theme = theme == "dark" ? ui::ThemeChoice::dark : ui::ThemeChoice::light;
}

void use_page_font(App& app, std::string family) {
    app.font = BrowserFont(std::move(family));
    app.view.set_font_baker([font = &app.font](ImFontAtlas& atlas, const ui::FontRequest* requests, int count) {
        return font->bake(atlas, requests, count);
    });
}

// The options present in `changes`: every one from gp_start, the changed ones from set_options (the
// loader's live attributes), read by ui::WidgetOptions. Each reloads or redraws only what it concerns.
// What cannot be used is reported as an "error" event at `stage`, and the rest still applies.
void apply_options(App& app, const Json& changes, const char* stage) {
    std::vector<std::string> problems;
    // Before the locale it comes with: a language whose texts are not here is said in English.
    const auto pack = changes.find("languagePack");
    if (pack != changes.end() && !pack->is_null()) ui::install_language_pack(*pack, problems);
    const uint32_t changed = ui::apply_option_changes(app.options, changes, problems);
    for (const std::string& problem : problems) emit("error", json_object({{"stage", stage}, {"message", problem}}));
    const ui::WidgetOptions& options = app.options;
    const uint64_t generation = app.workspace.generation();
    if (changed & ui::kChangedTiming) {
        app.loading.timeout_ms = options.timeout_ms;
        app.loading.max_retries = options.retries;
        app.loading.refresh_ms = options.refresh_ms;
        for (const auto& source : app.goal_sources) source->loader->set_timing(app.loading);
        set_data_timing(app);
    }
    if (changed & ui::kChangedCurrencies) app.workspace.set_currencies(options.currencies);
    if (changed & ui::kChangedRates) app.workspace.set_rates(options.rates);
    if (changed & ui::kChangedTeams) app.workspace.set_membership(options.teams);
    if (changed & ui::kChangedGiosgCodes) {
        std::vector<Error> errors;
        app.workspace.set_giosg_codes(options.giosg_codes.is_object() ? GiosgCodeTable::from_json(options.giosg_codes, errors)
                                                                      : GiosgCodeTable::builtin());
        if (!errors.empty())
            emit("error", json_object({{"stage", stage}, {"message", "giosgCodes has bad entries"}, {"errors", errors_to_json(errors)}}));
    }
    if (changed & ui::kChangedPeriod) app.view.state().period = options.period;
    if (changed & ui::kChangedTheme) apply_theme(app, options.theme);
    if (changed & ui::kChangedDataUrls)
        for (size_t i = 0; i < ui::kDataSourceCount; ++i)
            if (changes.contains(ui::kDataSourceOptions[i])) set_data_source(app, i, options.data_urls[i]);
    // Other giosg codes may read the same bytes differently: every goals URL is read again.
    if (changed & (ui::kChangedGoals | ui::kChangedGiosgCodes)) set_goal_sources(app, changed & ui::kChangedGiosgCodes);
    if (app.workspace.generation() != generation || (changed & ui::kChangedSave)) show_workspace(app);
    request_frames();
}

}  // namespace gp::web

//-----------------------------------------------------------------------------
// [SECTION] Start and stop
//-----------------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE int gp_start(const char* options_json) {
    using namespace gp::web;
    if (g_app) return 1;
    constexpr gp::ParseLimits kOptionLimits{16u * 1024u * 1024u, 64};
    const gp::Json options = gp::parse_json(options_json ? options_json : "", kOptionLimits).doc;
    if (options.is_discarded() || !options.is_object()) {
        emit("error", gp::json_object({{"stage", "start"}, {"message", "options are not a JSON object"}}));
        return 2;
    }
    auto app = new App;
    // The start-only options first: the canvas and the page come before anything is drawn or loaded.
    std::vector<std::string> ignored;
    gp::ui::WidgetOptions start;
    gp::ui::apply_option_changes(start, gp::json_object({{"canvas", options.value("canvas", gp::Json())},
                                                         {"page", options.value("page", gp::Json())},
                                                         {"fontFamily", options.value("fontFamily", gp::Json())},
                                                         {"zoneOffset", options.value("zoneOffset", gp::Json())},
                                                         {"reducedMotion", options.value("reducedMotion", gp::Json())},
                                                         {"headers", options.value("headers", gp::Json())}}),
                                 ignored);
    app->options = start;
    app->loading.page_headers = start.page_headers;
    app->data.current_page_url = start.page_url;
    use_page_font(*app, start.font_family);
    if (start.canvas.empty() || !create_gl_context(*app, start.canvas.c_str())) {
        emit("error", gp::json_object({{"stage", "start"}, {"message", "WebGL2 is not available for this canvas"}}));
        delete app;
        return 3;
    }
    g_app = app;
    emscripten_webgl_make_context_current(app->gl);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing is persisted
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would keep an idle widget drawing
    app->data.services = gp::ui::core_services();  // validation, URL explanations; progress once data loads
    ImGui_ImplHtml5_Config config;
    config.canvas_selector = app->options.canvas.c_str();
    config.wake = request_frames;
    ImGui_ImplHtml5_Init(config);
    ImGui_ImplWebGL2_Init();

    app->loop_paused = true;  // no loop runs yet: the first request_frames() starts one
    apply_options(*app, options, "start");  // starts the loaders, and draws
    return 0;
}

// The loader calls it from its ResizeObserver, which is what tells the backend to measure the canvas again.
EMSCRIPTEN_KEEPALIVE void gp_wake() {
    ImGui_ImplHtml5_CanvasResized();
    gp::web::request_frames();
}

EMSCRIPTEN_KEEPALIVE void gp_stop() {
    using namespace gp::web;
    if (!g_app) return;
    App* app = g_app;
    end_frame_loop(*app);
    emscripten_webgl_make_context_current(app->gl);
    ImGui_ImplWebGL2_Shutdown();
    ImGui_ImplHtml5_Shutdown();
    ImGui::DestroyContext();
    emscripten_webgl_destroy_context(app->gl);
    g_app = nullptr;
    delete app;
}

}  // extern "C"
