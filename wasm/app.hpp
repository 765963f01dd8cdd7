// The browser app's state and the functions its files share. Not an interface for anything else: the page
// sees only goalpost_abi.h.
//
// One widget per module instance, so one App: everything the module keeps lives in it (g_app), and each
// file does one job with it:
//   app.cpp           start, stop, options, events to JavaScript
//   frame_loop.cpp    drawing only when something changed, the GL context
//   goal_sources.cpp  the goals URLs: one loader per source, their statuses, the page's headers
//   data_sources.cpp  the data goals are measured against (deals, activities, events, conversions)
//   saving.cpp        edits sent to the vendor their goal came from, rolled back when refused
//   methods.cpp       the page's methods (gp_call) and the editor's edits
//   inspection.cpp    state() and the accessibility mirror's revision
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <emscripten/html5.h>

#include "browser_font.hpp"
#include "core/progress.hpp"
#include "core/vendor_api.hpp"
#include "core/workspace.hpp"
#include "data_loader.hpp"
#include "fetch_transport.hpp"
#include "ui/widget_options.hpp"
#include "ui/widget_view.hpp"

namespace gp::web {

// One goals URL: its loader, what its last run read, and how it stands.
struct GoalSource {
    unsigned serial = 0;            // for header tickets, which may outlive a removed source
    ui::GoalSourceOption option;    // the URL and the format it is read as
    GoalPages pages;
    std::unique_ptr<DataLoader> loader;
    Vendor vendor = Vendor::unknown;  // as detected by the last complete run
    bool ready = false;
    ui::Message status;             // this source's line: "ready: pipedrive (2 pages)", "stale: ..." (ui/messages.hpp)
    ui::Message settled_status;     // the line as the last cycle left it; a refresh that changed nothing puts it back
    std::vector<Error> errors, warnings;
};

// One data URL (deals, activities, ...): its loader and what its last committed run held.
struct SourceKind;  // data_sources.cpp: how each kind of data is read and committed
struct DataSource {
    const SourceKind* kind = nullptr;
    std::unique_ptr<PageSink> sink;
    std::unique_ptr<DataLoader> loader;
    Json counts = Json::object();  // what the last committed run held, for state() and events
    std::vector<Error> errors;     // its unreadable records
};

// A request to the page for headers: for a goals loader's cycle, or for one save.
struct HeaderTicket {
    enum class For : uint8_t { goal_source, save } target = For::goal_source;
    unsigned serial = 0;  // the GoalSource's or the save's
    unsigned cycle = 0;
};

// One edit on its way to the vendor (saving.cpp).
struct PendingSave {
    unsigned serial = 0;
    GoalChange change;
    Vendor vendor = Vendor::unknown;
    ApiRequest request;
    std::string body;           // the request body as sent
    bool from_editor = false;
    int attempt = 0;
    HttpHeaders headers;        // the page's, for this save only
    FetchHandle* in_flight = nullptr;
    bool sent = false;          // a request went out (a timed-out create may have been made)
    long timer = 0;             // a retry's wait, or the wait for the page's headers
};

// Everything the page's accessibility mirror depends on, and its text (inspection.cpp).
struct ShownGoalsCache {
    std::string key;              // what every goal's line depends on besides the goal
    std::vector<uint64_t> goals;  // and the goals, by revision
    std::string json;
    unsigned revision = 0;
    // The list the loader holds (the last one handed): its revision, what it was written at, its goals.
    unsigned handed = 0;
    std::string handed_key;
    std::vector<uint64_t> handed_goals;
};

struct App {
    ui::WidgetOptions options;
    LoaderOptions loading;          // what every loader shares: timeout, retries, refresh, page headers
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    Workspace workspace;            // goals, the data they are measured against, matches
    ui::WidgetData data;
    ui::WidgetView view;
    BrowserFont font{""};           // the page's font family, drawn by the browser
    ui::ThemeChoice theme = ui::ThemeChoice::light;  // the theme option, or the last set_theme call

    // Drawing (frame_loop.cpp).
    bool ready = false;             // some goal source has loaded completely
    int frames_to_draw = 0;
    bool loop_paused = false;
    uintptr_t loop = 0;             // the number of the animation-frame loop running; an older one ends
    unsigned long long frames_drawn = 0;

    // Loading (goal_sources.cpp, data_sources.cpp).
    std::vector<std::unique_ptr<GoalSource>> goal_sources;
    std::vector<std::unique_ptr<DataSource>> data_sources;
    unsigned next_serial = 1;
    std::map<unsigned, HeaderTicket> header_tickets;
    unsigned next_ticket = 1;

    // Saving (saving.cpp).
    std::vector<std::unique_ptr<PendingSave>> saves;

    ShownGoalsCache shown_goals;

    App();
    ~App();
};

extern App* g_app;

// [SECTION] app.cpp
void emit(const char* type, const Json& detail);
// Puts the workspace's goals, matches and progress where the views read them, and passes its events on.
void show_workspace(App& app);
void apply_options(App& app, const Json& changes, const char* stage);
void apply_theme(App& app, const std::string& theme);  // "dark" or "light": what the next frame is drawn in
// The views draw with the page's font: `family` is the widget element's computed CSS font-family.
void use_page_font(App& app, std::string family);

// [SECTION] frame_loop.cpp
void request_frames(void* = nullptr);
TimestampMs shown_now(const App& app);
ui::FrameContext frame_context(const App& app);
bool create_gl_context(App& app, const char* canvas_selector);
void end_frame_loop(App& app);

// [SECTION] goal_sources.cpp
// Loads the goals URLs the options name: new ones start, changed ones reload, dropped ones go.
void set_goal_sources(App& app, bool reread_all);
// Loads every goal source again (the editor's retry, a conflict).
void reload_goal_sources(App& app);
void reload_goal_source(App& app, const std::string& url);
const GoalSource* goal_source(const App& app, const std::string& url);
// Asks the page for headers; the answer comes to gp_set_headers(ticket).
unsigned ask_for_headers(App& app, HeaderTicket ticket, const std::string& url, const char* method);
void add_goal_sources_state(const App& app, Json& state);
// The status line, problems and notes of every source, and whether any is ready, into app.data.
void show_sources(App& app);

// [SECTION] data_sources.cpp
void set_data_source(App& app, size_t kind, const std::string& url);
void set_data_timing(App& app);
void add_data_sources_state(const App& app, Json& state);

// [SECTION] saving.cpp
// Sends an edit the workspace made to the vendor of its source.
struct SaveStart {
    unsigned serial = 0;   // the save's id; 0 when nothing was sent
    bool refused = false;  // the request could not even be made: the change was undone, `why` says why
    ui::Message why;       // why nothing was sent (saving is off: empty)
};
SaveStart save_to_vendor(App& app, const GoalChange& change, bool from_editor);
void save_headers_ready(App& app, unsigned serial, const Json* headers);
void add_saves_state(const App& app, Json& state);
void drop_saves(App& app);  // at stop: replies in flight are dropped when they land

// [SECTION] methods.cpp
void apply_view_actions(App& app);

}  // namespace gp::web
