// goalpost browser app: one widget per module instance.
//
// The page (web/goal-widget.js) instantiates the module, then calls gp_start() with the options as JSON.
// From there the app fetches the goals and their data, hands the bytes to the core's Workspace (goals,
// events, matches, the page's methods), and draws with ImGui on WebGL2.
// It draws only when something changed: input, data, or a wake from the page (resize, theme). After a few
// trailing frames the Emscripten main loop is paused, so an idle widget costs no CPU.
//
// Index
// - [SECTION] State
// - [SECTION] Events to JavaScript
// - [SECTION] Frame loop and idle
// - [SECTION] Data loading
// - [SECTION] Methods for JavaScript (gp_call)
// - [SECTION] Edits from the widget's own editor
// - [SECTION] Exported C ABI (gp_*)
#include <algorithm>
#include <cmath>
#include <cstdint>
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

#include "core/giosg_codes.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/read.hpp"
#include "core/vendor_api.hpp"
#include "core/workspace.hpp"
#include "data_loader.hpp"
#include "imgui_impl_html5.h"
#include "imgui_impl_webgl2.h"
#include "browser_font.hpp"
#include "ui/core_bridge.hpp"
#include "ui/widget_view.hpp"

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

namespace {

// Frames drawn after the last change, so hover highlights and layout settle before the loop pauses.
constexpr int kTrailingFrames = 3;
// What the page passes in (options, method arguments, headers) is read like any outside bytes; a method's
// argument (a goal body, an event) is small, but a page may hand over a whole goal list to add.
constexpr gp::ParseLimits kPageJsonLimits{16u * 1024u * 1024u, 64};

struct App {
    std::string canvas_selector;
    std::string goals_url;
    gp::web::LoaderOptions loading;  // what every loader shares: timeout, retries, refresh, page headers
    gp::Json locale = gp::Json::object();   // the page's number and date conventions (see goal-widget.js)
    bool reduced_motion = false;
    gp::Vendor format = gp::Vendor::unknown;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    std::string page_url;          // the host page, for "goals matching this page" and track()
    int zone_offset_minutes = 0;   // the viewer's offset from UTC, as the page reported it
    std::optional<gp::Date> as_of; // the page's as-of day: "today" for every figure, instead of the clock
    gp::Workspace workspace;       // goals, the data they are measured against, matches
    gp::ui::WidgetData data;
    gp::ui::WidgetView view;
    gp::web::BrowserFont font{""};  // the page's font family, drawn by the browser
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

// Puts the workspace's goals, matches and progress where the views read them, and passes its events
// (goal-change, match) on to the page.
void show_workspace(App& app) {
    app.data.goals = app.workspace.goals();
    app.data.matches = gp::ui::matches_for_view(app.workspace);
    // Without CRM data the store is empty, and the core shows the vendor's own figures (one rule for both).
    app.data.services.progress = gp::ui::progress_with_matches(
        app.workspace.matches(), gp::ui::progress_with_core(app.workspace.event_store(), app.workspace.rates()));
    app.data.data_span = app.workspace.data_span();
    ++app.data.generation;
    for (const gp::WorkspaceEvent& event : app.workspace.take_events()) emit(event.type.c_str(), event.detail);
}

//-----------------------------------------------------------------------------
// [SECTION] Frame loop and idle
//-----------------------------------------------------------------------------

void apply_view_actions(App& app);

// The instant figures are shown at: the end of the page's as-of day, or the page's clock. Edits still stamp
// their times with the clock (they are sent to vendors as when they happened).
gp::TimestampMs shown_now(const App& app) {
    if (app.as_of) return gp::end_of_day(*app.as_of, app.zone_offset_minutes);
    return gp::TimestampMs(emscripten_date_now());
}

// What a frame is drawn with; the inspection call uses the same, so the mirror says what the canvas shows.
gp::ui::FrameContext frame_context(const App& app) {
    gp::ui::FrameContext frame;
    frame.now = shown_now(app);
    frame.as_of = app.as_of;
    if (app.as_of) frame.wall_clock = gp::TimestampMs(emscripten_date_now());
    frame.locale = gp::ui::locale_from_json(app.locale);
    frame.reduced_motion = app.reduced_motion;
    frame.zone_offset_minutes = app.zone_offset_minutes;
    // set_theme styles ImGui directly; the view keeps that choice and adds its own palette on top.
    frame.theme = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f ? gp::ui::ThemeChoice::dark
                                                                         : gp::ui::ThemeChoice::light;
    return frame;
}

// Frames come from html5.h's requestAnimationFrame loop, which ends when draw_frame returns false. (The
// emscripten_set_main_loop family does the same but brings Emscripten's whole Browser library into the glue:
// 5.2 KB gzip.) Each loop carries its number; a loop whose number is no longer g_loop ends at its next frame.
uintptr_t g_loop = 0;

EM_BOOL draw_frame(double, void* loop);

void request_frames(void* = nullptr) {
    if (!g_app) return;
    g_app->frames_to_draw = kTrailingFrames;
    if (g_app->loop_paused) {
        g_app->loop_paused = false;
        emscripten_request_animation_frame_loop(draw_frame, reinterpret_cast<void*>(++g_loop));
    }
}

EM_BOOL draw_frame(double, void* loop) {
    if (!g_app || reinterpret_cast<uintptr_t>(loop) != g_loop) return EM_FALSE;  // stopped, or restarted
    App& app = *g_app;
    if (app.frames_to_draw <= 0) {
        // Nothing changed: skip the frame instead of drawing it, and stop asking for animation frames.
        app.loop_paused = true;
        return EM_FALSE;
    }
    --app.frames_to_draw;

    emscripten_webgl_make_context_current(app.gl);
    const ImVec2 framebuffer = ImGui_ImplHtml5_NewFrame();
    ImGui_ImplWebGL2_NewFrame();
    const float pixel_ratio = ImGui_ImplHtml5_PixelRatio();
    if (app.view.needs_fonts_rebuilt(pixel_ratio)) {
        // Text stays crisp: the atlas is baked at the device's ratio and uploaded again.
        app.view.rebuild_fonts(pixel_ratio);
        ImGui_ImplWebGL2_DestroyFontsTexture();
        ImGui_ImplWebGL2_CreateFontsTexture();
    }
    const gp::ui::FrameContext frame = frame_context(app);
    ImGui::NewFrame();
    app.view.draw(app.data, frame);
    ImGui::Render();
    if (app.view.wants_frame() && app.frames_to_draw < 1) app.frames_to_draw = 1;  // an easing still running

    glViewport(0, 0, int(framebuffer.x), int(framebuffer.y));
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplWebGL2_RenderDrawData(ImGui::GetDrawData());
    ++app.frames_drawn;
    // After the frame is on screen: an edit dispatches events, and the page's handlers may call back in.
    apply_view_actions(app);
    return g_app ? EM_TRUE : EM_FALSE;  // a handler may have stopped the widget
}

// The canvas may be in a shadow root, where html5.h's document.querySelector() finds nothing: the loader
// passes the element itself, and every lookup of the selector finds it there.
EM_JS(void, bind_canvas, (const char* selector), {
    specialHTMLTargets[UTF8ToString(selector)] = Module["goalpostCanvas"];
});

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
        app.workspace.load_goals(run);
        app.data.errors = std::move(run.errors);
        app.data.warnings = std::move(run.warnings);
        app.data.loaded_at = gp::TimestampMs(emscripten_date_now());
        show_workspace(app);
    }
    if (end == gp::web::RunEnd::loaded) {
        app.ready = true;
        const size_t pages = g_loader->pages_loaded();
        show_status(app, "ready: " + std::string(gp::name_of(run.vendor)) + pages_note(pages), false);
        if (!app.data.errors.empty())
            emit("error", {{"stage", "read"}, {"url", app.goals_url}, {"errors", errors_json(app.data.errors)}});
        emit("ready", {{"goals", app.data.goals.size()}, {"vendor", gp::name_of(run.vendor)}, {"pages", pages},
                       {"warnings", errors_json(app.data.warnings)}});
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

// Reads the goals from app.goals_url, with the format and giosg codes the page set: at start, and again
// when one of them changes. What is on screen stays until the new run completes; no URL empties the widget.
void start_goals(App& app) {
    g_goal_pages.options.format = app.format;
    g_goal_pages.options.giosg_codes = app.workspace.codes_for_readers();
    if (app.goals_url.empty()) {
        delete g_loader;
        g_loader = nullptr;
        app.workspace.load_goals(gp::ReadResult{});
        app.ready = false;
        g_settled_status.clear();
        show_status(app, "", false);
        return;
    }
    // The request itself may depend on the format (the HubSpot goals request names the properties read).
    std::string url = gp::goals_request_url(app.goals_url, app.format);
    if (!g_loader) {
        gp::web::LoaderOptions options = app.loading;
        options.url = url;
        g_loader = new gp::web::DataLoader(std::move(options), g_goal_pages,
                                           {nullptr, on_load_ended, show_load_progress, need_headers});
    }
    show_status(app, "loading goals", true);
    g_loader->reload(std::move(url));
}

// The data goals are measured against: one loader per source URL, each committed run handed to the
// workspace, which keeps it until that source loads again.
std::string string_option(const gp::Json& options, const char* key);

struct DataSource;
using CommitRun = void (*)(App&, DataSource&);

struct SourceKind {
    const char* name;  // the option name: deals, activities, stageChanges, events, conversions
    std::unique_ptr<gp::web::PageSink> (*make_sink)();
    CommitRun commit;
};

struct DataSource {
    const SourceKind* kind = nullptr;
    std::unique_ptr<gp::web::PageSink> sink;
    std::unique_ptr<gp::web::DataLoader> loader;
    gp::Json counts = gp::Json::object();  // what the last committed run held, for state() and events
    std::vector<gp::Error> errors;         // its unreadable records
};
std::vector<std::unique_ptr<DataSource>> g_sources;

void commit_crm_rows(App& app, DataSource& source) {
    gp::DataReadResult& run = static_cast<gp::web::EventPages&>(*source.sink).run;
    source.counts = {{"deals", run.rows.deals.size()}, {"activities", run.rows.activities.size()},
                     {"stage_changes", run.rows.stage_changes.size()}, {"ignored", run.ignored.total()}};
    source.errors = run.errors;
    app.workspace.set_event_rows(source.kind->name, std::move(run.rows));
}

void commit_page_views(App& app, DataSource& source) {
    gp::EventLogRead& run = static_cast<gp::web::PageViewPages&>(*source.sink).run;
    source.counts = {{"records", run.views.size()}, {"ignored", run.errors.size()}};
    source.errors = std::move(run.errors);
    app.workspace.set_event_log(std::move(run.views));
    source.counts["matches"] = app.workspace.matches().size();
}

void commit_conversions(App& app, DataSource& source) {
    auto& pages = static_cast<gp::web::ConversionPages&>(*source.sink);
    if (!pages.external.matches.empty() || !pages.external.errors.empty()) {
        // giosg external matches: linked to the loaded log's sessions; those that cannot be are listed.
        gp::ExternalMatchesRead& run = pages.external;
        const size_t count = run.matches.size();
        app.workspace.set_external_matches(std::move(run.matches));
        source.errors = std::move(run.errors);
        const std::vector<gp::Error>& unlinked = app.workspace.external_errors();
        source.errors.insert(source.errors.end(), unlinked.begin(), unlinked.end());
        if (source.counts.contains("conversions")) app.workspace.set_conversions({});  // what the URL held before
        source.counts = {{"external_matches", count}, {"unlinked", unlinked.size()}, {"ignored", source.errors.size()}};
        return;
    }
    gp::ConversionsRead& run = pages.run;
    // Also when the source is dropped: an empty run is committed.
    if (source.counts.contains("external_matches")) app.workspace.set_external_matches({});
    source.counts = {{"conversions", run.conversions.size()}, {"ignored", run.errors.size()}};
    source.errors = std::move(run.errors);
    app.workspace.set_conversions(std::move(run.conversions));
}

template <class Sink>
std::unique_ptr<gp::web::PageSink> make() { return std::make_unique<Sink>(); }
const SourceKind kSourceKinds[] = {
    {"deals", make<gp::web::EventPages>, commit_crm_rows},
    {"activities", make<gp::web::EventPages>, commit_crm_rows},
    {"stageChanges", make<gp::web::EventPages>, commit_crm_rows},
    {"events", make<gp::web::PageViewPages>, commit_page_views},
    {"conversions", make<gp::web::ConversionPages>, commit_conversions},
};

void on_source_ended(void* user, gp::web::RunEnd end, bool commit, const gp::web::LoadFailure* failure) {
    DataSource& source = *static_cast<DataSource*>(user);
    App& app = *g_app;
    const bool changed = commit && end != gp::web::RunEnd::unchanged;
    if (changed) {
        source.kind->commit(app, source);
        show_workspace(app);
        gp::Json detail = source.counts;
        detail["source"] = source.kind->name;
        if (!source.errors.empty()) detail["errors"] = errors_json(source.errors);
        emit("data", detail);
    }
    if (failure) {
        gp::Json detail = failure_json(*failure);
        detail["source"] = source.kind->name;
        if (failure->stage == "read") detail["errors"] = errors_json(source.errors);
        emit("error", detail);
    }
    // A refresh that found the same data draws nothing: an idle widget stays idle between polls.
    if (changed || failure) request_frames();
}

// A data source's URL, at start and when the page changes it: a new URL reloads that source only (its
// earlier data stays until the new run completes); an empty one drops the source and its data.
void set_source(App& app, const SourceKind& kind, const std::string& url) {
    auto it = std::find_if(g_sources.begin(), g_sources.end(), [&](const auto& s) { return s->kind == &kind; });
    if (it == g_sources.end() && url.empty()) return;
    if (url.empty()) {
        DataSource& source = **it;
        source.sink->begin_run();  // committing an empty run takes the source's data out of the workspace
        kind.commit(app, source);
        g_sources.erase(it);
        return;
    }
    if (it == g_sources.end()) {
        auto source = std::make_unique<DataSource>();
        source->kind = &kind;
        source->sink = kind.make_sink();
        gp::web::LoaderOptions options = app.loading;
        options.page_headers = false;  // the page's headers callback serves the goals request only
        source->loader = std::make_unique<gp::web::DataLoader>(
            std::move(options), *source->sink, gp::web::LoaderHooks{source.get(), on_source_ended, nullptr, nullptr});
        it = g_sources.insert(g_sources.end(), std::move(source));
    }
    if (kind.commit == commit_conversions)
        static_cast<gp::web::ConversionPages&>(*(*it)->sink).giosg_goal_id = gp::giosg_goal_id_of_matches_url(url);
    (*it)->loader->reload(url);
}

void add_loading_state(gp::Json& state) {
    if (g_loader) state.update(g_loader->state_json());
    gp::Json sources = gp::Json::object();
    for (const auto& source : g_sources) {
        gp::Json entry = source->counts;
        entry["loading"] = source->loader->loading();
        // External matches are linked again whenever the log or the goals change: count them now.
        if (entry.contains("unlinked")) entry["unlinked"] = g_app->workspace.external_errors().size();
        sources[source->kind->name] = std::move(entry);
    }
    state["event_sources"] = std::move(sources);
}

void stop_loading() {
    delete g_loader;  // clears its timer; a reply still in flight is dropped when it lands
    g_loader = nullptr;
    g_sources.clear();
}

}  // namespace

// The page's answer to onGoalpostNeedHeaders: a JSON object of header names to values, or null when its
// callback failed. Read during the call only; the module keeps the headers for this cycle's requests and
// drops them when the cycle ends.
extern "C" EMSCRIPTEN_KEEPALIVE void gp_set_headers(unsigned cycle, const char* headers_json) {
    if (!g_loader) return;
    const std::string text = headers_json ? headers_json : "";
    const gp::Json headers = gp::parse_json(text, kPageJsonLimits).doc;
    g_loader->set_headers(cycle, headers.is_object() ? &headers : nullptr);
}

namespace {

std::string string_option(const gp::Json& options, const char* key) {
    auto it = options.find(key);
    if (it == options.end() || !it->is_string()) return {};
    return *it->get_ptr<const std::string*>();
}

// Pipedrive goals name their currency by id; the page maps ids to codes: {"1": "EUR", "2": "USD"}.
std::vector<gp::CurrencyInfo> currency_option(const gp::Json& options) {
    std::vector<gp::CurrencyInfo> out;
    auto it = options.find("currencies");
    if (it == options.end() || !it->is_object()) return out;
    for (const auto& [id, code] : it->items()) {
        const std::optional<int64_t> number = gp::parse_int(id);
        if (number && code.is_string()) out.push_back({*number, code.get_ref<const std::string&>()});
    }
    return out;
}

// Team goals count their members' events: {"31": [1202, 1203]} (team id -> user ids).
gp::Membership teams_option(const gp::Json& options) {
    gp::Membership membership;
    auto it = options.find("teams");
    if (it == options.end() || !it->is_object()) return membership;
    for (const auto& [team, members] : it->items()) {
        if (!members.is_array()) continue;
        std::vector<std::string>& ids = membership.teams[team];
        for (const gp::Json& m : members)
            if (m.is_string()) ids.push_back(m.get_ref<const std::string&>());
            else if (m.is_number_integer()) ids.push_back(m.dump());
    }
    return membership;
}

// Explicit exchange rates {"EUR": 1, "USD": 0.92}: only when the page gives them, and results say so.
std::optional<gp::RateTable> rates_option(const gp::Json& options) {
    auto it = options.find("rates");
    if (it == options.end() || !it->is_object() || it->empty()) return std::nullopt;
    gp::RateTable rates;
    for (const auto& [code, rate] : it->items())
        if (rate.is_number() && rate.get<double>() > 0) rates[code] = rate.get<double>();
    return rates.empty() ? std::nullopt : std::optional<gp::RateTable>(std::move(rates));
}

// The period shown first: "week", "month", "quarter", "year" (the current one) or "START..END".
bool apply_period_option(gp::ui::PeriodState& period, const std::string& text) {
    using gp::ui::PeriodKind;
    constexpr std::pair<const char*, PeriodKind> kKinds[] = {
        {"week", PeriodKind::week}, {"month", PeriodKind::month}, {"quarter", PeriodKind::quarter}, {"year", PeriodKind::year}};
    if (text.empty()) return true;
    for (const auto& [name, kind] : kKinds)
        if (text == name) {
            period.kind = kind;
            return true;
        }
    const size_t dots = text.find("..");
    if (dots == std::string::npos) return false;
    const std::optional<gp::Date> start = gp::parse_civil_date(std::string_view(text).substr(0, dots));
    const std::optional<gp::Date> end = gp::parse_civil_date(std::string_view(text).substr(dots + 2));
    if (!start || !end || *end < *start) return false;
    period.kind = PeriodKind::custom;
    period.custom = {*start, *end};
    return true;
}

void apply_theme(const std::string& theme) {
    if (theme == "dark")
        ImGui::StyleColorsDark();
    else
        ImGui::StyleColorsLight();
}

bool apply_as_of(App& app, const std::string& text);

// "auto" (or none) detects the vendor from the payload; nullopt: not a vendor's name.
std::optional<gp::Vendor> format_option(const gp::Json& options) {
    const std::string format = string_option(options, "format");
    return format.empty() || format == "auto" ? gp::Vendor::unknown : gp::parse_name<gp::Vendor>(format);
}

// The options present in `options`: every one from gp_start, the changed ones from set_options (the
// loader's live attributes). Each reloads or redraws only what it concerns; null takes the default. What
// cannot be used is reported as an "error" event at `stage`, and the rest still applies.
void apply_options(App& app, const gp::Json& options, const char* stage) {
    const auto has = [&](const char* key) { return options.contains(key); };
    const auto report = [&](std::string message, const std::vector<gp::Error>& errors = {}) {
        gp::Json detail = {{"stage", stage}, {"message", std::move(message)}};
        if (!errors.empty()) detail["errors"] = errors_json(errors);
        emit("error", detail);
    };
    const uint64_t generation = app.workspace.generation();
    gp::web::LoaderOptions& timing = app.loading;
    if (has("timeout"))
        timing.timeout_ms = unsigned(number_option(options, "timeout", gp::web::LoaderOptions().timeout_ms / 1000.0, 0.1, 300) * 1000);
    if (has("retries")) timing.max_retries = int(number_option(options, "retries", gp::web::LoaderOptions().max_retries, 0, 10));
    if (has("refresh")) {
        const double refresh = number_option(options, "refresh", 0, 0, 7 * 86400);
        timing.refresh_ms = refresh > 0 ? std::max(refresh, kMinRefreshSeconds) * 1000 : 0;
    }
    if (has("timeout") || has("retries") || has("refresh")) {
        if (g_loader) g_loader->set_timing(timing);
        for (const auto& source : g_sources) source->loader->set_timing(timing);
    }
    if (has("currencies")) app.workspace.set_currencies(currency_option(options));
    if (has("rates")) app.workspace.set_rates(rates_option(options));
    if (has("teams")) app.workspace.set_membership(teams_option(options));
    bool reread_goals = has("goals");
    if (has("giosgCodes")) {
        std::vector<gp::Error> errors;
        const gp::Json& codes = options["giosgCodes"];
        app.workspace.set_giosg_codes(codes.is_object() && !codes.empty() ? gp::GiosgCodeTable::from_json(codes, errors)
                                                                         : gp::GiosgCodeTable::builtin());
        if (!errors.empty()) report("giosgCodes has bad entries", errors);
        reread_goals = true;
    }
    if (has("format")) {
        if (const auto vendor = format_option(options)) {
            app.format = *vendor;
            reread_goals = true;
        } else {
            report("unknown format: " + string_option(options, "format"));
        }
    }
    if (has("period")) {
        gp::ui::PeriodState& period = app.view.state().period;
        period = {};
        if (!apply_period_option(period, string_option(options, "period")))
            report("period is week, month, quarter, year or START..END; the month is shown");
    }
    if (has("asOf") && !apply_as_of(app, string_option(options, "asOf")))
        report("as-of is a date, YYYY-MM-DD; the page's clock is used");
    if (has("locale")) app.locale = options["locale"].is_object() ? options["locale"] : gp::Json::object();
    if (has("theme")) apply_theme(string_option(options, "theme"));
    for (const SourceKind& kind : kSourceKinds)
        if (has(kind.name)) set_source(app, kind, string_option(options, kind.name));
    if (has("goals")) app.goals_url = string_option(options, "goals");
    if (reread_goals) start_goals(app);
    if (app.workspace.generation() != generation) show_workspace(app);
    request_frames();
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

// The host page's URL changed ({url}): a single-page app navigated without reloading. It becomes the
// default URL of track() and the page whose matching goals the conversions view lists.
MethodReply call_set_page(App& app, const gp::Json& args) {
    std::string url = string_option(args, "url");
    if (url.empty()) return method_error("bad_url", "url must be a non-empty string");
    if (url != app.page_url) {
        app.page_url = url;
        app.data.current_page_url = std::move(url);
        request_frames();
    }
    return {gp::Json(app.page_url), std::nullopt};
}

// "YYYY-MM-DD" fixes the day figures are shown as of; "" goes back to the page's clock. False: not a date.
bool apply_as_of(App& app, const std::string& text) {
    if (text.empty()) {
        app.as_of.reset();
        return true;
    }
    const std::optional<gp::Date> day = gp::parse_civil_date(text);
    if (!day) return false;
    app.as_of = *day;
    return true;
}

// {asOf: "2026-11-20"} shows every figure as of that day; {asOf: ""} follows the page's clock again.
MethodReply call_set_as_of(App& app, const gp::Json& args) {
    if (!apply_as_of(app, string_option(args, "asOf")))
        return method_error("bad_as_of", "asOf is a date, YYYY-MM-DD, or empty for the page's clock");
    request_frames();
    return {app.as_of ? gp::Json(gp::format_civil_date(*app.as_of)) : gp::Json(), std::nullopt};
}

// The views draw with the page's font: `family` is the widget element's computed CSS font-family.
void use_page_font(App& app, std::string family) {
    app.font = gp::web::BrowserFont(std::move(family));
    app.view.set_font_baker([font = &app.font](ImFontAtlas& atlas, const gp::ui::FontRequest* requests, int count) {
        return font->bake(atlas, requests, count);
    });
}

// The page's font family changed, or a web font it names finished loading ({family}): the glyphs are drawn
// again at the next frame.
MethodReply call_set_font(App& app, const gp::Json& args) {
    use_page_font(app, string_option(args, "family"));
    request_frames();
    return {gp::Json(true), std::nullopt};
}

// Opens a view: {tab: "overview" | "detail" | "conversions" | "url_tester" | "editor"}, and for the detail
// view the goal {id}. For deep links from the page, and for the README's screenshots.
MethodReply call_show(App& app, const gp::Json& args) {
    using gp::ui::Tab;
    constexpr std::pair<const char*, Tab> kTabs[] = {{"overview", Tab::overview}, {"detail", Tab::detail},
                                                     {"conversions", Tab::conversions}, {"url_tester", Tab::url_tester},
                                                     {"editor", Tab::editor}};
    const std::string id = string_option(args, "id");
    std::string tab = string_option(args, "tab");
    if (tab.empty()) tab = id.empty() ? "overview" : "detail";
    const auto known = std::find_if(std::begin(kTabs), std::end(kTabs), [&](const auto& t) { return tab == t.first; });
    if (known == std::end(kTabs)) return method_error("bad_tab", "no such view: " + tab);
    gp::ui::ViewState& view = app.view.state();
    if (!id.empty()) {
        const auto& goals = app.data.goals;
        if (std::none_of(goals.begin(), goals.end(), [&](const gp::Goal& g) { return g.id == id; }))
            return method_error("not_found", "no goal with id " + id, 404);
        view.selected_goal_id = id;
    }
    view.tab = known->second;
    request_frames();
    return {gp::Json{{"tab", tab}, {"id", id.empty() ? gp::Json() : gp::Json(id)}}, std::nullopt};
}

// Options the page changed after start ({theme: "dark"}, {deals: URL}, ...: gp_start's names and values);
// what they concern is reloaded or redrawn, nothing else. Problems come as "error" events, as at start.
MethodReply call_set_options(App& app, const gp::Json& args) {
    apply_options(app, args, "options");
    return {gp::Json(true), std::nullopt};
}

using Method = MethodReply (*)(App&, const gp::Json& args);
struct MethodEntry {
    const char* name;
    Method run;
};
// The page's goal methods (track, results, find, explain, add, update, remove) are the workspace's;
// only what concerns drawing is answered here.
constexpr MethodEntry kMethods[] = {
    {"set_as_of", call_set_as_of},
    {"set_font", call_set_font},
    {"set_options", call_set_options},
    {"set_page", call_set_page},
    {"set_theme", call_set_theme},
    {"show", call_show},
};

gp::CallContext call_context(const App& app) {
    gp::CallContext context;
    context.now = shown_now(app);
    context.zone_offset_minutes = app.zone_offset_minutes;
    context.page_url = app.page_url;
    return context;
}

MethodReply call_workspace(App& app, const std::string& name, const gp::Json& args, gp::Json& errors) {
    const uint64_t generation = app.workspace.generation();
    gp::CallReply reply = app.workspace.call(name, args, call_context(app));
    if (app.workspace.generation() != generation) {
        show_workspace(app);
        request_frames();
    }
    if (reply.ok()) return {std::move(reply.result), std::nullopt};
    if (!reply.errors.empty()) errors = errors_json(reply.errors);
    return {gp::Json(), std::move(reply.error)};
}

//-----------------------------------------------------------------------------
// [SECTION] Edits from the widget's own editor
//-----------------------------------------------------------------------------

void apply_view_actions(App& app) {
    for (const gp::ui::Action& action : app.view.take_actions()) {
        using Kind = gp::ui::Action::Kind;
        if (action.kind == Kind::retry) {
            if (g_loader && !g_loader->loading()) g_loader->start();
            continue;
        }
        const gp::GoalEdit edit = action.kind == Kind::create_goal   ? gp::GoalEdit::create
                                  : action.kind == Kind::update_goal ? gp::GoalEdit::update
                                                                     : gp::GoalEdit::remove;
        const gp::CallReply reply = app.workspace.edit(edit, action.goal, gp::TimestampMs(emscripten_date_now()));
        gp::ui::EditorState& editor = app.view.state().editor;
        if (reply.ok()) {
            // A created goal gets its id from the store; the draft the editor keeps open takes it too.
            if (edit == gp::GoalEdit::create && editor.draft && !app.workspace.goals().empty())
                editor.draft->id = app.workspace.goals().back().id;
        } else if (editor.draft && edit != gp::GoalEdit::remove) {
            // The store's own rules (e.g. Zendesk's five active goals) refused it: shown at the fields they
            // name, and a refused create stays a create.
            editor.errors.clear();
            const std::vector<gp::Error>& errors = reply.errors.empty() ? std::vector<gp::Error>{*reply.error} : reply.errors;
            for (gp::Error e : errors) {
                e.path = gp::ui::canonical_field_path(app.workspace.vendor(), e.path);
                editor.errors.push_back(std::move(e));
            }
            editor.is_new = edit == gp::GoalEdit::create;
        } else {
            app.data.status = "could not delete the goal: " + reply.error->message;
        }
        show_workspace(app);
        request_frames();
    }
}

// Where the last frame drew its named controls ("tab.editor", "row:<id>", "editor.save", ...), as
// [x0, y0, x1, y1] in CSS pixels from the canvas's top left: for tests that drive the canvas with a pointer.
gp::Json controls_json(const gp::ui::Shown& shown) {
    gp::Json out = gp::Json::object();
    for (const gp::ui::ShownRect& r : shown.rects) out[r.name] = {r.x0, r.y0, r.x1, r.y1};
    return out;
}

// [SECTION] The inspection state's goal list
//
// state() lists every goal as the overview draws it, for the page's accessibility mirror. Written through
// nlohmann's object model, 10,000 goals cost about 130 ms per call in Chromium (a std::map per goal), and the
// loader asked for it on every event; the list is now written as text once per change of what it shows.

// Everything the listed goals depend on: the data, the period on screen, the minute (pace), loading.
std::string shown_goals_key(const App& app, const gp::ui::FrameContext& frame) {
    const gp::Date today = gp::civil_date_of(frame.now, frame.zone_offset_minutes);
    const gp::DateRange period = gp::ui::period_range(app.view.state().period, today, frame.calendar);
    return std::to_string(app.data.generation) + ' ' + std::to_string(period.start.days) + ' ' +
           std::to_string(period.end.days) + ' ' + std::to_string(frame.now / 60000) + ' ' +
           std::to_string(frame.zone_offset_minutes) + ' ' + (app.data.loading ? '1' : '0') + app.locale.dump();
}

struct ShownGoalsCache {
    std::string key;
    std::string json;
    unsigned revision = 0;
};
ShownGoalsCache g_shown_goals;

unsigned mirror_revision(const App& app, const gp::ui::FrameContext& frame) {
    std::string key = shown_goals_key(app, frame);
    if (key != g_shown_goals.key) {
        g_shown_goals.key = std::move(key);
        g_shown_goals.json.clear();  // written again at the next state()
        ++g_shown_goals.revision;
    }
    return g_shown_goals.revision;
}

// A JSON string: nlohmann's own escaping where the text is not plain printable ASCII (it also replaces
// invalid UTF-8, as the rest of the state does).
void append_json_string(std::string& out, const std::string& text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x80 && c != '"' && c != '\\';
    });
    if (!plain) {
        out += gp::Json(text).dump(-1, ' ', false, gp::Json::error_handler_t::replace);
        return;
    }
    out += '"';
    out += text;
    out += '"';
}

// A number as nlohmann writes it (shortest round trip; null when not finite).
void append_json_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char digits[64];
    out.append(digits, nlohmann::detail::to_chars(digits, digits + sizeof digits, value));
}

const std::string& shown_goals_json(App& app, const gp::ui::FrameContext& frame) {
    mirror_revision(app, frame);
    std::string& out = g_shown_goals.json;
    if (!out.empty()) return out;
    out += '[';
    for (const gp::ui::ShownGoal& row : app.view.summaries(app.data, frame)) {
        if (out.size() > 1) out += ',';
        out += "{\"id\":";
        append_json_string(out, row.goal_id);
        out += ",\"title\":";
        append_json_string(out, row.title);
        out += ",\"progress\":";
        append_json_number(out, row.value);
        out += ",\"target\":";
        append_json_number(out, row.target);
        out += ",\"percent\":";
        if (row.percent) append_json_number(out, *row.percent);
        else out += "null";
        out += ",\"status\":";
        append_json_string(out, row.no_data ? "no data" : gp::ui::pace_state_label(row.status));
        out += row.no_data ? ",\"no_data\":true" : ",\"no_data\":false";
        out += ",\"value_text\":";
        append_json_string(out, row.value_text);
        out += ",\"target_text\":";
        append_json_string(out, row.target_text);
        out += ",\"text\":";
        append_json_string(out, row.text);
        out += '}';
    }
    out += ']';
    return out;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Exported C ABI (gp_*)
//-----------------------------------------------------------------------------

extern "C" {

// Starts the widget. `options_json` (UTF-8, owned by the caller, read during the call only):
//   {"canvas": "#goalpost-canvas-1", "goals": "https://host/goals.json", "format": "auto|pipedrive|...", ...}
// (apply_options() reads those set_options can change too; the loader's moduleOptions() writes them).
// Returns 0 on success; otherwise an "error" event says why and nothing was started.
EMSCRIPTEN_KEEPALIVE int gp_start(const char* options_json) {
    if (g_app) return 1;
    const std::string text = options_json ? options_json : "";
    const gp::Json options = gp::parse_json(text, kPageJsonLimits).doc;
    if (options.is_discarded() || !options.is_object()) {
        emit("error", {{"stage", "start"}, {"message", "options are not a JSON object"}});
        return 2;
    }
    if (!format_option(options)) {
        emit("error", {{"stage", "start"}, {"message", "unknown format: " + string_option(options, "format")}});
        return 2;
    }
    auto app = new App;
    app->canvas_selector = string_option(options, "canvas");
    if (auto it = options.find("reducedMotion"); it != options.end() && it->is_boolean()) app->reduced_motion = it->get<bool>();
    app->page_url = string_option(options, "page");
    app->zone_offset_minutes = int(number_option(options, "zoneOffset", 0, -14 * 60, 14 * 60));
    auto headers = options.find("headers");
    app->loading.page_headers = headers != options.end() && headers->is_boolean() && headers->get<bool>();
    app->data.current_page_url = app->page_url;
    use_page_font(*app, string_option(options, "fontFamily"));
    bind_canvas(app->canvas_selector.c_str());
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
    app->data.services = gp::ui::core_services();  // validation, URL explanations; progress once data loads
    ImGui_ImplHtml5_Config config;
    config.canvas_selector = app->canvas_selector.c_str();
    config.wake = request_frames;
    ImGui_ImplHtml5_Init(config);
    ImGui_ImplWebGL2_Init();

    app->loop_paused = true;  // no loop runs yet: the first request_frames() starts one
    apply_options(*app, options, "start");  // starts the loaders, and draws
    return 0;
}

// The inspection call: the loaded state as JSON. The returned buffer is owned by the module and stays
// valid until the next gp_state() call; copy it (UTF8ToString) before calling again.
EMSCRIPTEN_KEEPALIVE const char* gp_state() {
    gp::Json state = {{"started", g_app != nullptr}};
    const std::string* goals = nullptr;
    if (g_app) {
        const App& app = *g_app;
        const gp::ui::FrameContext frame = frame_context(app);
        goals = &shown_goals_json(*g_app, frame);
        const std::optional<gp::ui::PeriodNote> note = g_app->view.period_note(app.data, frame);
        state.update({{"ready", app.ready},
                      {"loading", app.data.loading},
                      {"status", app.data.status},
                      {"goal_count", app.data.goals.size()},
                      {"errors", errors_json(app.data.errors)},
                      {"warnings", errors_json(app.data.warnings)},
                      {"period", {{"start", gp::format_civil_date(app.view.shown().period.start)},
                                  {"end", gp::format_civil_date(app.view.shown().period.end)},
                                  {"label", app.view.shown().period_label}}},
                      {"notice", note ? gp::Json(note->text) : gp::Json()},
                      {"as_of", app.as_of ? gp::Json(gp::format_civil_date(*app.as_of)) : gp::Json()},
                      {"data_span", app.data.data_span ? gp::Json{{"first", app.data.data_span->first},
                                                                  {"last", app.data.data_span->last}}
                                                       : gp::Json()},
                      {"tab", gp::ui::tab_label(app.view.shown().tab)},
                      {"page", app.page_url},
                      {"font", {{"css", app.font.css_font()}, {"glyphs", app.font.glyphs()},
                                {"inked_glyphs", app.font.inked_glyphs()}}},
                      {"controls", controls_json(app.view.shown())},
                      {"matches", app.workspace.matches().size()},
                      {"conversions", app.workspace.conversions().size()},
                      {"frames_drawn", app.frames_drawn},
                      {"loop_paused", app.loop_paused}});
        add_loading_state(state);
    }
    static std::string buffer;
    buffer = state.dump(-1, ' ', false, gp::Json::error_handler_t::replace);
    if (goals) {
        // The goal list goes in as text already written (shown_goals_json); the object's last brace follows it.
        buffer.pop_back();
        buffer += ",\"goals\":";
        buffer += *goals;
        buffer += '}';
    }
    return buffer.c_str();
}

// What the page's accessibility mirror shows (the goal list, the as-of day and an empty period's note, the
// loading flag) changes only with this number, so the loader rebuilds the mirror only when it moves: most
// events (a match for a goal off screen, a refresh that changed nothing) leave it.
EMSCRIPTEN_KEEPALIVE unsigned gp_mirror_revision() {
    if (!g_app) return 0;
    return mirror_revision(*g_app, frame_context(*g_app));
}

// Calls a method by name with JSON arguments (both UTF-8, owned by the caller, read during the call).
// Returns {"result": ...} or {"error": {...}} as JSON in a module-owned buffer that stays valid until the
// next gp_call(); copy it before calling again.
EMSCRIPTEN_KEEPALIVE const char* gp_call(const char* method, const char* args_json) {
    static std::string buffer;
    gp::Json reply;
    const std::string name = method ? method : "";
    const std::string text = args_json ? args_json : "{}";
    const gp::Json args = gp::parse_json(text, kPageJsonLimits).doc;
    const MethodEntry* entry = nullptr;
    for (const MethodEntry& m : kMethods)
        if (name == m.name) entry = &m;
    MethodReply outcome;
    gp::Json errors;
    if (!g_app)
        outcome = method_error("not_started", "the widget has not started", 409);
    else if (args.is_discarded() || !args.is_object())
        outcome = method_error("bad_arguments", "arguments must be a JSON object");
    else if (entry)
        outcome = entry->run(*g_app, args);
    else
        outcome = call_workspace(*g_app, name, args, errors);
    if (outcome.error) {
        reply["error"] = {{"code", outcome.error->code}, {"message", outcome.error->message},
                          {"status", outcome.error->status}, {"path", outcome.error->path}};
        if (!errors.is_null()) reply["error"]["errors"] = std::move(errors);
    } else
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
    ++g_loop;  // a frame already requested ends the loop
    emscripten_webgl_make_context_current(g_app->gl);
    ImGui_ImplWebGL2_Shutdown();
    ImGui_ImplHtml5_Shutdown();
    ImGui::DestroyContext();
    emscripten_webgl_destroy_context(g_app->gl);
    delete g_app;
    g_app = nullptr;
}

}  // extern "C"
