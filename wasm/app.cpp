// goalpost browser app: one widget per module instance.
//
// The page (web/goal-widget.js) instantiates the module, then calls gp_start() with the options as JSON.
// From there the app fetches the goals, hands the bytes to the core, and draws with ImGui on WebGL2.
// It draws only when something changed: input, data, or a wake from the page (resize, theme). After a few
// trailing frames the Emscripten main loop is paused, so an idle widget costs no CPU.
//
// Index
// - [SECTION] State
// - [SECTION] Events to JavaScript
// - [SECTION] Frame loop and idle
// - [SECTION] Data loading
// - [SECTION] Methods for JavaScript (gp_call)
// - [SECTION] Exported C ABI (gp_*)
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <imgui.h>

#include "core/model_names.hpp"
#include "core/read.hpp"
#include "data_loader.hpp"
#include "imgui_impl_html5.h"
#include "imgui_impl_opengl3.h"
#include "ui/core_bridge.hpp"
#include "ui/widget_view.hpp"

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

namespace {

// Frames drawn after the last change, so hover highlights and layout settle before the loop pauses.
constexpr int kTrailingFrames = 3;
constexpr unsigned kFetchTimeoutMs = 15000;

struct App {
    std::string canvas_selector;
    std::string goals_url;
    gp::Json sources = gp::Json::object();  // data URLs by name: goals, deals, activities, stageChanges, ...
    gp::Json locale = gp::Json::object();   // the page's number and date conventions (see goal-widget.js)
    bool reduced_motion = false;
    gp::Vendor format = gp::Vendor::unknown;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    gp::ui::WidgetData data;
    gp::ui::WidgetView view;
    bool ready = false;
    int frames_to_draw = 0;
    bool loop_paused = false;
    unsigned long long frames_drawn = 0;
};

App* g_app = nullptr;

//-----------------------------------------------------------------------------
// [SECTION] Events to JavaScript
//-----------------------------------------------------------------------------

// The loader passes `onGoalpostEvent` in the module arguments; it re-dispatches as DOM CustomEvents on
// the widget element. Nothing is put on `window`.
EM_JS(void, js_emit_event, (const char* type, const char* detail_json), {
    if (Module["onGoalpostEvent"]) Module["onGoalpostEvent"](UTF8ToString(type), UTF8ToString(detail_json));
});

void emit(const char* type, const gp::Json& detail) {
    const std::string text = detail.dump(-1, ' ', false, gp::Json::error_handler_t::replace);
    js_emit_event(type, text.c_str());
}

gp::Json errors_json(const std::vector<gp::Error>& errors) {
    gp::Json list = gp::Json::array();
    for (const gp::Error& e : errors)
        list.push_back({{"path", e.path}, {"code", e.code}, {"message", e.message}, {"status", e.status}});
    return list;
}

//-----------------------------------------------------------------------------
// [SECTION] Frame loop and idle
//-----------------------------------------------------------------------------

void request_frames(void* = nullptr) {
    if (!g_app) return;
    g_app->frames_to_draw = kTrailingFrames;
    if (g_app->loop_paused) {
        g_app->loop_paused = false;
        emscripten_resume_main_loop();
    }
}

void draw_frame() {
    App& app = *g_app;
    if (app.frames_to_draw <= 0) {
        // Nothing changed: skip the frame instead of drawing it, and stop asking for animation frames.
        app.loop_paused = true;
        emscripten_pause_main_loop();
        return;
    }
    --app.frames_to_draw;

    emscripten_webgl_make_context_current(app.gl);
    const ImVec2 framebuffer = ImGui_ImplHtml5_NewFrame();
    ImGui_ImplOpenGL3_NewFrame();
    const float pixel_ratio = ImGui_ImplHtml5_PixelRatio();
    if (app.view.needs_fonts_rebuilt(pixel_ratio)) {
        // Text stays crisp: the atlas is baked at the device's ratio and uploaded again.
        app.view.rebuild_fonts(pixel_ratio);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    gp::ui::FrameContext frame;
    frame.now = gp::TimestampMs(emscripten_date_now());
    frame.locale = gp::ui::locale_from_json(app.locale);
    frame.reduced_motion = app.reduced_motion;
    // set_theme styles ImGui directly; the view keeps that choice and adds its own palette on top.
    frame.theme = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f ? gp::ui::ThemeChoice::dark
                                                                         : gp::ui::ThemeChoice::light;
    ImGui::NewFrame();
    app.view.draw(app.data, frame);
    ImGui::Render();
    if (app.view.wants_frame() && app.frames_to_draw < 1) app.frames_to_draw = 1;  // an easing still running

    glViewport(0, 0, int(framebuffer.x), int(framebuffer.y));
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++app.frames_drawn;
}

bool create_gl_context(App& app) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_TRUE;  // a paused loop must keep showing its last frame
    app.gl = emscripten_webgl_create_context(app.canvas_selector.c_str(), &attrs);
    return app.gl > 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Data loading
//-----------------------------------------------------------------------------

// One loader per widget (one widget per module instance). The loader (data_loader.hpp) knows HTTP, paging,
// retries and refresh; this section turns how its cycles end into what the widget shows and the events
// the page hears. docs/network.md describes both.
constexpr double kMinRefreshSeconds = 0.25;  // a page asking for less would hammer its own server

gp::web::GoalPages g_goal_pages;
gp::web::DataLoader* g_loader = nullptr;

// The loader passes `onGoalpostNeedHeaders` when the page gave a headers callback; it answers through
// gp_set_headers(cycle, json). The headers never come back out of the module.
EM_JS(void, js_need_headers, (unsigned cycle), {
    if (Module["onGoalpostNeedHeaders"]) Module["onGoalpostNeedHeaders"](cycle);
});

void need_headers(void*, unsigned cycle) { js_need_headers(cycle); }

// The only lines here that know the UI's fields for the load status.
void show_status(App& app, std::string line, bool loading) {
    app.data.status = std::move(line);
    app.data.loading = loading;
    if (!g_loader) return;
    app.data.pages_loaded = int(g_loader->pages_loaded());
    app.data.stale = g_loader->stale();
}
const std::string& shown_status(const App& app) { return app.data.status; }

// The status line as the last cycle left it; a refresh that changed nothing puts it back.
std::string g_settled_status;

void show_load_progress(void*, const std::string& line) {
    show_status(*g_app, line, true);
    request_frames();
}

gp::Json failure_json(const gp::web::LoadFailure& f) {
    return {{"stage", f.stage}, {"status", f.status}, {"message", f.message},
            {"url", f.url},     {"page", f.page},     {"partial", f.partial}};
}

std::string pages_note(size_t pages) { return pages > 1 ? " (" + std::to_string(pages) + " pages)" : ""; }

void show_failure(App& app, bool commit, const gp::web::LoadFailure& failure) {
    const std::string page = "page " + std::to_string(failure.page);
    if (commit)
        show_status(app, "partial: " + page + " failed (" + failure.message + "); totals are incomplete", false);
    else if (app.ready || !app.data.goals.empty())
        show_status(app, "stale: the refresh failed at " + page + " (" + failure.message + "); showing earlier data", false);
    else
        show_status(app, "could not load goals: " + failure.message, false);
    gp::Json detail = failure_json(failure);
    if (failure.stage == "read") {
        // An unreadable payload on an empty widget: list why in the widget too.
        if (!commit && app.data.goals.empty()) {
            app.data.errors = g_goal_pages.run.errors;
            ++app.data.generation;
        }
        detail["errors"] = errors_json(g_goal_pages.run.errors);
    }
    emit("error", detail);
}

void on_load_ended(void*, gp::web::RunEnd end, bool commit, const gp::web::LoadFailure* failure) {
    App& app = *g_app;
    if (end == gp::web::RunEnd::unchanged) {
        // Nothing to draw, so an idle widget stays idle; unless a multi-page refresh showed its progress.
        const bool progress_shown = shown_status(app) != g_settled_status;
        show_status(app, g_settled_status, false);
        if (progress_shown) request_frames();
        return;
    }
    gp::ReadResult& run = g_goal_pages.run;
    if (commit) {
        app.data.goals = std::move(run.goals);
        app.data.errors = std::move(run.errors);
        app.data.loaded_at = gp::TimestampMs(emscripten_date_now());
        ++app.data.generation;
    }
    if (end == gp::web::RunEnd::loaded) {
        app.ready = true;
        const size_t pages = g_loader->pages_loaded();
        show_status(app, "ready: " + std::string(gp::name_of(run.vendor)) + pages_note(pages), false);
        if (!app.data.errors.empty())
            emit("error", {{"stage", "read"}, {"url", app.goals_url}, {"errors", errors_json(app.data.errors)}});
        emit("ready", {{"goals", app.data.goals.size()}, {"vendor", gp::name_of(run.vendor)}, {"pages", pages}});
    } else if (failure) {
        show_failure(app, commit, *failure);
    }
    g_settled_status = shown_status(app);
    request_frames();
}

double number_option(const gp::Json& options, const char* key, double fallback, double lo, double hi) {
    auto it = options.find(key);
    if (it == options.end() || !it->is_number()) return fallback;
    const double value = it->get<double>();
    return value != value ? fallback : std::min(hi, std::max(lo, value));  // NaN falls back
}

void start_event_loading(App& app, const gp::web::LoaderOptions& shared);

void start_loading(App& app, const gp::Json& options) {
    if (app.goals_url.empty()) return;
    gp::web::LoaderOptions loader;
    loader.url = app.goals_url;
    loader.timeout_ms = unsigned(number_option(options, "timeout", kFetchTimeoutMs / 1000.0, 0.1, 300) * 1000);
    loader.max_retries = int(number_option(options, "retries", 3, 0, 10));
    const double refresh = number_option(options, "refresh", 0, 0, 7 * 86400);
    loader.refresh_ms = refresh > 0 ? std::max(refresh, kMinRefreshSeconds) * 1000 : 0;
    auto headers = options.find("headers");
    loader.page_headers = headers != options.end() && headers->is_boolean() && headers->get<bool>();
    g_goal_pages.options.format = app.format;
    start_event_loading(app, loader);
    g_loader = new gp::web::DataLoader(std::move(loader), g_goal_pages,
                                       {nullptr, on_load_ended, show_load_progress, need_headers});
    show_status(app, "loading goals", true);
    g_loader->start();
}

// The data goals are measured against: one loader per source URL, each committed run kept until that
// source loads again. Any commit rebuilds the event store once and hands it to the views' progress.
std::string string_option(const gp::Json& options, const char* key);

struct EventSource {
    std::string name;  // the option name: deals, activities, stageChanges
    gp::web::EventPages pages;
    std::unique_ptr<gp::web::DataLoader> loader;
    gp::EventRows committed;
    gp::IgnoredTally ignored;
};
std::vector<std::unique_ptr<EventSource>> g_event_sources;
constexpr const char* kEventSourceNames[] = {"deals", "activities", "stageChanges"};

void rebuild_progress(App& app) {
    gp::EventRows all;
    for (const auto& source : g_event_sources) {
        const gp::EventRows& rows = source->committed;
        all.deals.insert(all.deals.end(), rows.deals.begin(), rows.deals.end());
        all.activities.insert(all.activities.end(), rows.activities.begin(), rows.activities.end());
        all.stage_changes.insert(all.stage_changes.end(), rows.stage_changes.begin(), rows.stage_changes.end());
    }
    auto store = std::make_shared<const gp::EventStore>(gp::build_event_store(all));
    app.data.services.progress = gp::ui::progress_with_core(std::move(store));
    ++app.data.generation;
}

void on_events_ended(void* user, gp::web::RunEnd end, bool commit, const gp::web::LoadFailure* failure) {
    EventSource& source = *static_cast<EventSource*>(user);
    const bool changed = commit && end != gp::web::RunEnd::unchanged;
    if (changed) {
        source.committed = std::move(source.pages.run.rows);
        source.ignored = std::move(source.pages.run.ignored);
        rebuild_progress(*g_app);
        emit("data", {{"source", source.name}, {"deals", source.committed.deals.size()},
                      {"activities", source.committed.activities.size()},
                      {"stage_changes", source.committed.stage_changes.size()},
                      {"ignored", source.ignored.total()}});
    }
    if (failure) {
        gp::Json detail = failure_json(*failure);
        detail["source"] = source.name;
        if (failure->stage == "read") detail["errors"] = errors_json(source.pages.run.errors);
        emit("error", detail);
    }
    // A refresh that found the same data draws nothing: an idle widget stays idle between polls.
    if (changed || failure) request_frames();
}

void start_event_loading(App& app, const gp::web::LoaderOptions& shared) {
    for (const char* name : kEventSourceNames) {
        const std::string url = string_option(app.sources, name);
        if (url.empty()) continue;
        auto source = std::make_unique<EventSource>();
        source->name = name;
        gp::web::LoaderOptions options = shared;
        options.url = url;
        options.page_headers = false;  // the page's headers callback serves the goals request only
        source->loader = std::make_unique<gp::web::DataLoader>(
            std::move(options), source->pages, gp::web::LoaderHooks{source.get(), on_events_ended, nullptr, nullptr});
        source->loader->start();
        g_event_sources.push_back(std::move(source));
    }
}

void add_loading_state(gp::Json& state) {
    if (g_loader) state.update(g_loader->state_json());
    gp::Json sources = gp::Json::object();
    for (const auto& source : g_event_sources)
        sources[source->name] = {{"loading", source->loader->loading()},
                                 {"deals", source->committed.deals.size()},
                                 {"activities", source->committed.activities.size()},
                                 {"stage_changes", source->committed.stage_changes.size()},
                                 {"ignored", source->ignored.total()}};
    state["event_sources"] = std::move(sources);
}

void stop_loading() {
    delete g_loader;  // clears its timer; a reply still in flight is dropped when it lands
    g_loader = nullptr;
    g_event_sources.clear();
}

}  // namespace

// The page's answer to onGoalpostNeedHeaders: a JSON object of header names to values, or null when its
// callback failed. Read during the call only; the module keeps the headers for this cycle's requests and
// drops them when the cycle ends.
extern "C" EMSCRIPTEN_KEEPALIVE void gp_set_headers(unsigned cycle, const char* headers_json) {
    if (!g_loader) return;
    const std::string text = headers_json ? headers_json : "";
    const gp::Json headers = gp::Json::parse(text.begin(), text.end(), nullptr, false);
    g_loader->set_headers(cycle, headers.is_object() ? &headers : nullptr);
}

namespace {

std::string string_option(const gp::Json& options, const char* key) {
    auto it = options.find(key);
    if (it == options.end() || !it->is_string()) return {};
    return *it->get_ptr<const std::string*>();
}

void apply_theme(const std::string& theme) {
    if (theme == "dark")
        ImGui::StyleColorsDark();
    else
        ImGui::StyleColorsLight();
}

//-----------------------------------------------------------------------------
// [SECTION] Methods for JavaScript (gp_call)
//-----------------------------------------------------------------------------

// Every method takes its arguments as a JSON object and answers {"result": ...} or
// {"error": {"code", "message", ...}}. Methods never throw and never take the widget down.
struct MethodReply {
    gp::Json result;
    std::optional<gp::Error> error;
};

MethodReply method_error(std::string code, std::string message, int status = 400) {
    MethodReply reply;
    reply.error = gp::Error{"", std::move(code), std::move(message), status};
    return reply;
}

MethodReply call_set_theme(App&, const gp::Json& args) {
    const std::string theme = string_option(args, "theme");
    if (theme != "light" && theme != "dark") return method_error("bad_theme", "theme must be light or dark");
    apply_theme(theme);
    request_frames();
    return {gp::Json(theme), std::nullopt};
}

using Method = MethodReply (*)(App&, const gp::Json& args);
struct MethodEntry {
    const char* name;
    Method run;
};
constexpr MethodEntry kMethods[] = {
    {"set_theme", call_set_theme},
};

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Exported C ABI (gp_*)
//-----------------------------------------------------------------------------

extern "C" {

// Starts the widget. `options_json` (UTF-8, owned by the caller, read during the call only):
//   {"canvas": "#goalpost-canvas-1", "goals": "https://host/goals.json", "format": "auto|pipedrive|..."}
// Returns 0 on success; otherwise an "error" event says why and nothing was started.
EMSCRIPTEN_KEEPALIVE int gp_start(const char* options_json) {
    if (g_app) return 1;
    const std::string text = options_json ? options_json : "";
    const gp::Json options = gp::Json::parse(text.begin(), text.end(), nullptr, false);
    if (options.is_discarded() || !options.is_object()) {
        emit("error", {{"stage", "start"}, {"message", "options are not a JSON object"}});
        return 2;
    }
    auto app = new App;
    app->canvas_selector = string_option(options, "canvas");
    if (auto it = options.find("sources"); it != options.end() && it->is_object()) app->sources = *it;
    app->goals_url = string_option(app->sources, "goals");
    if (auto it = options.find("locale"); it != options.end() && it->is_object()) app->locale = *it;
    if (auto it = options.find("reducedMotion"); it != options.end() && it->is_boolean()) app->reduced_motion = it->get<bool>();
    const std::string format = string_option(options, "format");
    if (!format.empty() && format != "auto") {
        const auto vendor = gp::parse_name<gp::Vendor>(format);
        if (!vendor) {
            emit("error", {{"stage", "start"}, {"message", "unknown format: " + format}});
            delete app;
            return 2;
        }
        app->format = *vendor;
    }
    if (app->canvas_selector.empty() || !create_gl_context(*app)) {
        emit("error", {{"stage", "start"}, {"message", "WebGL2 is not available for this canvas"}});
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
    apply_theme(string_option(options, "theme"));
    app->data.services = gp::ui::core_services();  // validation, URL explanations; progress once data loads
    ImGui_ImplHtml5_Config config;
    config.canvas_selector = app->canvas_selector.c_str();
    config.wake = request_frames;
    ImGui_ImplHtml5_Init(config);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    emscripten_set_main_loop(draw_frame, 0, EM_FALSE);
    start_loading(*app, options);
    request_frames();
    return 0;
}

// The inspection call: the loaded state as JSON. The returned buffer is owned by the module and stays
// valid until the next gp_state() call; copy it (UTF8ToString) before calling again.
EMSCRIPTEN_KEEPALIVE const char* gp_state() {
    gp::Json state = {{"started", g_app != nullptr}};
    if (g_app) {
        const App& app = *g_app;
        // What the last frame drew for the rows on screen: progress as computed, with units and status.
        std::unordered_map<std::string_view, const gp::ui::ShownGoal*> shown;
        for (const gp::ui::ShownGoal& row : app.view.shown().goals) shown[row.goal_id] = &row;
        gp::Json goals = gp::Json::array();
        for (const gp::Goal& g : app.data.goals) {
            gp::Json goal = {{"id", g.id}, {"title", g.title}, {"target", g.target.amount},
                             {"progress", g.reported.value ? gp::Json(*g.reported.value) : gp::Json()}};
            if (auto it = shown.find(g.id); it != shown.end()) {
                const gp::ui::ShownGoal& row = *it->second;
                goal.update({{"progress", row.value},
                             {"target", row.target},
                             {"percent", row.percent ? gp::Json(*row.percent) : gp::Json()},
                             {"status", gp::ui::pace_state_label(row.status)},
                             {"value_text", row.value_text},
                             {"target_text", row.target_text}});
            }
            goals.push_back(std::move(goal));
        }
        state.update({{"ready", app.ready},
                      {"loading", app.data.loading},
                      {"status", app.data.status},
                      {"goal_count", app.data.goals.size()},
                      {"goals", std::move(goals)},
                      {"errors", errors_json(app.data.errors)},
                      {"frames_drawn", app.frames_drawn},
                      {"loop_paused", app.loop_paused}});
        add_loading_state(state);
    }
    static std::string buffer;
    buffer = state.dump(-1, ' ', false, gp::Json::error_handler_t::replace);
    return buffer.c_str();
}

// Calls a method by name with JSON arguments (both UTF-8, owned by the caller, read during the call).
// Returns {"result": ...} or {"error": {...}} as JSON in a module-owned buffer that stays valid until the
// next gp_call(); copy it before calling again.
EMSCRIPTEN_KEEPALIVE const char* gp_call(const char* method, const char* args_json) {
    static std::string buffer;
    gp::Json reply;
    const std::string name = method ? method : "";
    const std::string text = args_json ? args_json : "{}";
    const gp::Json args = gp::Json::parse(text.begin(), text.end(), nullptr, false);
    const MethodEntry* entry = nullptr;
    for (const MethodEntry& m : kMethods)
        if (name == m.name) entry = &m;
    MethodReply outcome;
    if (!g_app)
        outcome = method_error("not_started", "the widget has not started", 409);
    else if (!entry)
        outcome = method_error("unknown_method", "no such method: " + name, 404);
    else if (args.is_discarded() || !args.is_object())
        outcome = method_error("bad_arguments", "arguments must be a JSON object");
    else
        outcome = entry->run(*g_app, args);
    if (outcome.error)
        reply["error"] = {{"code", outcome.error->code}, {"message", outcome.error->message},
                          {"status", outcome.error->status}, {"path", outcome.error->path}};
    else
        reply["result"] = std::move(outcome.result);
    buffer = reply.dump(-1, ' ', false, gp::Json::error_handler_t::replace);
    return buffer.c_str();
}

// The page says something outside the module changed what should be drawn (size, theme, visibility).
EMSCRIPTEN_KEEPALIVE void gp_wake() { request_frames(); }

// Stops drawing and releases the GL context and listeners. The instance can then be dropped.
EMSCRIPTEN_KEEPALIVE void gp_stop() {
    if (!g_app) return;
    stop_loading();
    emscripten_cancel_main_loop();
    emscripten_webgl_make_context_current(g_app->gl);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplHtml5_Shutdown();
    ImGui::DestroyContext();
    emscripten_webgl_destroy_context(g_app->gl);
    delete g_app;
    g_app = nullptr;
}

}  // extern "C"
