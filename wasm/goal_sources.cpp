// The goals URLs: one loader per source (data_loader.hpp knows HTTP, paging, retries and refresh); this
// file turns how each source's cycles end into what the widget shows and the events the page hears, and
// asks the page for the headers its requests carry. docs/network.md and docs/embedding.md describe both.
//
// Each source is fetched, paged, detected and validated on its own, and its goals go into the workspace
// under its URL: a source that fails is marked stale or failed, and the others stay shown.
#include <algorithm>

#include <emscripten/emscripten.h>

#include "app.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/read.hpp"
#include "goalpost_abi.h"

namespace gp::web {

namespace {

// What one source is called in a status line or a message when there are several.
std::string label_of(const GoalSource& source) {
    const Vendor vendor = source.vendor != Vendor::unknown ? source.vendor : source.option.format;
    return vendor != Vendor::unknown ? std::string(name_of(vendor)) : source.option.url;
}

}  // namespace

// The widget's one status line, loading flag, problems and notes, from every source's.
void show_sources(App& app) {
    ui::WidgetData& data = app.data;
    const bool several = app.goal_sources.size() > 1;
    data.loading = data.stale = false;
    data.pages_loaded = 0;
    app.ready = std::any_of(app.goal_sources.begin(), app.goal_sources.end(), [](const auto& s) { return s->ready; });
    data.errors.clear();
    data.warnings.clear();
    data.statuses.clear();
    for (const auto& source : app.goal_sources) {
        data.loading = data.loading || source->loader->loading();
        data.stale = data.stale || source->loader->stale();
        data.pages_loaded += int(source->loader->pages_loaded());
        for (auto [from, to] : {std::pair{&source->errors, &data.errors}, std::pair{&source->warnings, &data.warnings}})
            for (Error e : *from) {
                if (several) e.message = label_of(*source) + ": " + e.message;
                to->push_back(std::move(e));
            }
        data.statuses.push_back({several ? label_of(*source) : std::string(), source->status});
    }
    for (const Error& e : app.workspace.id_conflicts()) data.warnings.push_back(e);
    // The strip says the statuses in the page's language; state().status keeps the English line.
    data.status = ui::status_line(data.statuses, ui::Lang::en);
}

namespace {

Json failure_json(const LoadFailure& f) {
    return json_object({{"stage", f.stage}, {"status", f.status}, {"message", f.message},
                        {"url", f.url},     {"page", f.page},     {"partial", f.partial}});
}

void show_load_progress(void* user, const ui::Message& line) {
    static_cast<GoalSource*>(user)->status = line;
    show_sources(*g_app);
    request_frames();
}

void need_headers(void* user, unsigned cycle) {
    GoalSource& source = *static_cast<GoalSource*>(user);
    ask_for_headers(*g_app, {HeaderTicket::For::goal_source, source.serial, cycle}, source.option.url, "GET");
}

void show_failure(App& app, GoalSource& source, bool commit, const LoadFailure& failure) {
    const std::string page = std::to_string(failure.page);
    if (commit)
        source.status = {ui::Msg::source_partial, {{"page", page}, {"reason", failure.message}}};
    else if (source.ready || !source.pages.run.goals.empty())
        source.status = {ui::Msg::source_stale, {{"page", page}, {"reason", failure.message}}};
    else
        source.status = {ui::Msg::source_failed, {{"reason", failure.message}}};
    Json detail = failure_json(failure);
    detail["source"] = source.option.url;
    if (failure.stage == "read") {
        // An unreadable payload in a source that shows nothing yet: list why in the widget too.
        if (!commit && !source.ready) source.errors = source.pages.run.errors;
        detail["errors"] = errors_to_json(source.pages.run.errors);
    }
    emit("error", detail);
}

void on_load_ended(void* user, RunEnd end, bool commit, const LoadFailure* failure) {
    App& app = *g_app;
    GoalSource& source = *static_cast<GoalSource*>(user);
    if (end == RunEnd::unchanged) {
        // Nothing to draw, so an idle widget stays idle; unless a multi-page refresh showed its progress.
        const bool progress_shown = source.status.key != source.settled_status.key || source.status.args != source.settled_status.args;
        source.status = source.settled_status;
        show_sources(app);
        if (progress_shown) request_frames();
        return;
    }
    ReadResult& run = source.pages.run;
    if (commit) {
        source.vendor = run.vendor;
        app.workspace.load_goals(source.option.url, run);
        source.errors = std::move(run.errors);
        source.warnings = std::move(run.warnings);
        app.data.loaded_at = TimestampMs(emscripten_date_now());
        show_workspace(app);
    }
    if (end == RunEnd::loaded) {
        app.ready = source.ready = true;
        const size_t pages = source.loader->pages_loaded();
        source.status = {ui::Msg::source_ready, {{"vendor", std::string(name_of(run.vendor))}, {"pages", std::to_string(pages)}}};
        if (!source.errors.empty())
            emit("error", json_object({{"stage", "read"}, {"url", source.option.url}, {"source", source.option.url},
                                       {"errors", errors_to_json(source.errors)}}));
        size_t own = 0;
        for (size_t i = 0; i < app.workspace.goals().size(); ++i) own += app.workspace.source_of(i) == source.option.url;
        emit("ready", json_object({{"goals", app.data.goals.size()}, {"vendor", name_of(run.vendor)}, {"pages", pages},
                                   {"source", source.option.url}, {"source_goals", own}, {"warnings", errors_to_json(source.warnings)}}));
    } else if (failure) {
        show_failure(app, source, commit, *failure);
    }
    source.settled_status = source.status;
    show_sources(app);
    request_frames();
}

// (Re)reads one source with the format and giosg codes the page set. What is on screen stays until the new
// run completes.
void start_source(App& app, GoalSource& source) {
    source.pages.options.format = source.option.format;
    source.pages.options.giosg_codes = app.workspace.codes_for_readers();
    // The request itself may depend on the format (the HubSpot goals request names the properties read).
    std::string url = goals_request_url(source.option.url, source.option.format);
    if (!source.loader) {
        LoaderOptions options = app.loading;
        options.url = url;
        source.loader = std::make_unique<DataLoader>(std::move(options), source.pages,
                                                     LoaderHooks{&source, on_load_ended, show_load_progress, need_headers});
    }
    source.status = {ui::Msg::source_loading, {}};
    source.loader->reload(std::move(url));
}

}  // namespace

void set_goal_sources(App& app, bool reread_all) {
    std::vector<std::unique_ptr<GoalSource>> kept;
    std::vector<std::string> urls;
    for (const ui::GoalSourceOption& option : app.options.goals) {
        auto it = std::find_if(app.goal_sources.begin(), app.goal_sources.end(),
                               [&](const auto& s) { return s && s->option.url == option.url; });
        std::unique_ptr<GoalSource> source;
        bool reread = reread_all;
        if (it != app.goal_sources.end()) {
            source = std::move(*it);
            reread = reread || !(source->option == option);
        } else {
            source = std::make_unique<GoalSource>();
            source->serial = app.next_serial++;
            reread = true;
        }
        source->option = option;
        if (reread) start_source(app, *source);
        urls.push_back(option.url);
        kept.push_back(std::move(source));
    }
    // Dropped sources go with their loaders (a reply in flight is dropped when it lands), their goals, and
    // the headers they were waiting for.
    for (const auto& gone : app.goal_sources) {
        if (!gone) continue;
        for (auto ticket = app.header_tickets.begin(); ticket != app.header_tickets.end();)
            ticket = ticket->second.target == HeaderTicket::For::goal_source && ticket->second.serial == gone->serial
                         ? app.header_tickets.erase(ticket)
                         : std::next(ticket);
    }
    app.goal_sources = std::move(kept);
    std::vector<Vendor> formats;
    for (const auto& source : app.goal_sources) formats.push_back(source->option.format);
    app.workspace.set_goal_sources(urls, formats);
    show_sources(app);
    show_workspace(app);
}

void reload_goal_sources(App& app) {
    for (auto& source : app.goal_sources)
        if (!source->loader->loading()) source->loader->start();
}

void reload_goal_source(App& app, const std::string& url) {
    for (auto& source : app.goal_sources)
        if (source->option.url == url) start_source(app, *source);
}

const GoalSource* goal_source(const App& app, const std::string& url) {
    for (const auto& source : app.goal_sources)
        if (source->option.url == url) return source.get();
    return nullptr;
}

// The loader passes `onGoalpostNeedHeaders` when the page gave a headers callback. The headers never come
// back out of the module.
EM_JS(void, js_need_headers, (unsigned ticket, const char* request_json), {
    if (Module["onGoalpostNeedHeaders"]) Module["onGoalpostNeedHeaders"](ticket, UTF8ToString(request_json));
});

unsigned ask_for_headers(App& app, HeaderTicket ticket, const std::string& url, const char* method) {
    const unsigned number = app.next_ticket++;
    app.header_tickets[number] = ticket;
    const std::string request = json_object({{"url", url}, {"method", method}}).dump(-1, ' ', false, Json::error_handler_t::replace);
    js_need_headers(number, request.c_str());
    return number;
}

void add_goal_sources_state(const App& app, Json& state) {
    Json list = Json::array();
    for (const auto& source : app.goal_sources) {
        Json entry = source->loader->state_json();
        entry["url"] = source->option.url;
        entry["format"] = name_of(source->option.format);
        entry["vendor"] = name_of(source->vendor);
        entry["ready"] = source->ready;
        entry["status"] = ui::status_line({{std::string(), source->status}}, ui::Lang::en);
        size_t goals = 0;
        for (size_t i = 0; i < app.workspace.goals().size(); ++i) goals += app.workspace.source_of(i) == source->option.url;
        entry["goals"] = goals;
        entry["errors"] = errors_to_json(source->errors);
        entry["warnings"] = errors_to_json(source->warnings);
        list.push_back(std::move(entry));
    }
    // The first source's loader state stays at the top level, as before there were several.
    if (!app.goal_sources.empty()) state.update(app.goal_sources.front()->loader->state_json());
    state["sources"] = std::move(list);
}

}  // namespace gp::web

// The page's answer to onGoalpostNeedHeaders (goalpost_abi.h).
extern "C" EMSCRIPTEN_KEEPALIVE void gp_set_headers(unsigned ticket, const char* headers_json) {
    using namespace gp::web;
    if (!g_app) return;
    const auto it = g_app->header_tickets.find(ticket);
    if (it == g_app->header_tickets.end()) return;
    const HeaderTicket asked = it->second;
    g_app->header_tickets.erase(it);
    // Headers are small; a page's answer is read with the limits of any outside bytes.
    constexpr gp::ParseLimits kHeaderLimits{64u * 1024u, 4};
    const gp::Json headers = gp::parse_json(headers_json ? headers_json : "", kHeaderLimits).doc;
    const gp::Json* answer = headers.is_object() ? &headers : nullptr;
    if (asked.target == HeaderTicket::For::save) {
        save_headers_ready(*g_app, asked.serial, answer);
        return;
    }
    for (auto& source : g_app->goal_sources)
        if (source->serial == asked.serial) source->loader->set_headers(asked.cycle, answer);
    // (A cycle the loader gave up waiting for ignores a late answer: DataLoader::set_headers checks it.)
}
