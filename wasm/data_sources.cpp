// The data goals are measured against: one loader per data URL (deals, activities, stageChanges, events,
// conversions), each committed run handed to the workspace, which keeps it until that source loads again.
#include <algorithm>

#include "app.hpp"
#include "core/json_access.hpp"
#include "core/vendor_api.hpp"

namespace gp::web {

using CommitRun = void (*)(App&, DataSource&);

struct SourceKind {
    const char* name;  // the option name, as in ui::kDataSourceOptions
    std::unique_ptr<PageSink> (*make_sink)();
    CommitRun commit;
};


namespace {

void commit_crm_rows(App& app, DataSource& source) {
    DataReadResult& run = static_cast<EventPages&>(*source.sink).run;
    source.counts = json_object({{"deals", run.rows.deals.size()}, {"activities", run.rows.activities.size()},
                                 {"stage_changes", run.rows.stage_changes.size()}, {"ignored", run.ignored.total()}});
    source.errors = run.errors;
    app.workspace.set_event_rows(source.kind->name, std::move(run.rows));
}

void commit_page_views(App& app, DataSource& source) {
    EventLogRead& run = static_cast<PageViewPages&>(*source.sink).run;
    source.counts = json_object({{"records", run.views.size()}, {"ignored", run.errors.size()}});
    source.errors = std::move(run.errors);
    app.workspace.set_event_log(std::move(run.views));
    source.counts["matches"] = app.workspace.matches().size();
}

void commit_conversions(App& app, DataSource& source) {
    auto& pages = static_cast<ConversionPages&>(*source.sink);
    if (!pages.external.matches.empty() || !pages.external.errors.empty()) {
        // giosg external matches: linked to the loaded log's sessions; those that cannot be are listed.
        ExternalMatchesRead& run = pages.external;
        const size_t count = run.matches.size();
        app.workspace.set_external_matches(std::move(run.matches));
        source.errors = std::move(run.errors);
        const std::vector<Error>& unlinked = app.workspace.external_errors();
        source.errors.insert(source.errors.end(), unlinked.begin(), unlinked.end());
        if (source.counts.contains("conversions")) app.workspace.set_conversions({});  // what the URL held before
        source.counts = json_object({{"external_matches", count}, {"unlinked", unlinked.size()}, {"ignored", source.errors.size()}});
        return;
    }
    ConversionsRead& run = pages.run;
    // Also when the source is dropped: an empty run is committed.
    if (source.counts.contains("external_matches")) app.workspace.set_external_matches({});
    source.counts = json_object({{"conversions", run.conversions.size()}, {"ignored", run.errors.size()}});
    source.errors = std::move(run.errors);
    app.workspace.set_conversions(std::move(run.conversions));
}

template <class Sink>
std::unique_ptr<PageSink> make() { return std::make_unique<Sink>(); }
const SourceKind kSourceKinds[] = {
    {"deals", make<EventPages>, commit_crm_rows},
    {"activities", make<EventPages>, commit_crm_rows},
    {"stageChanges", make<EventPages>, commit_crm_rows},
    {"events", make<PageViewPages>, commit_page_views},
    {"conversions", make<ConversionPages>, commit_conversions},
};
static_assert(sizeof kSourceKinds / sizeof kSourceKinds[0] == ui::kDataSourceCount,
              "one kind per data-source option, in the options' order");

void on_source_ended(void* user, RunEnd end, bool commit, const LoadFailure* failure) {
    DataSource& source = *static_cast<DataSource*>(user);
    App& app = *g_app;
    const bool changed = commit && end != RunEnd::unchanged;
    if (changed) {
        source.kind->commit(app, source);
        show_workspace(app);
        Json detail = source.counts;
        detail["source"] = source.kind->name;
        if (!source.errors.empty()) detail["errors"] = errors_to_json(source.errors);
        emit("data", detail);
    }
    if (failure) {
        Json detail = json_object({{"stage", failure->stage}, {"status", failure->status}, {"message", failure->message},
                                   {"url", failure->url},     {"page", failure->page},     {"partial", failure->partial}});
        detail["source"] = source.kind->name;
        if (failure->stage == "read") detail["errors"] = errors_to_json(source.errors);
        emit("error", detail);
    }
    // A refresh that found the same data draws nothing: an idle widget stays idle between polls.
    if (changed || failure) request_frames();
}

}  // namespace

// A data source's URL, at start and when the page changes it: a new URL reloads that source only (its
// earlier data stays until the new run completes); an empty one drops the source and its data.
void set_data_source(App& app, size_t kind_index, const std::string& url) {
    const SourceKind& kind = kSourceKinds[kind_index];
    auto& sources = app.data_sources;
    auto it = std::find_if(sources.begin(), sources.end(), [&](const auto& s) { return s->kind == &kind; });
    if (it == sources.end() && url.empty()) return;
    if (url.empty()) {
        DataSource& source = **it;
        source.sink->begin_run();  // committing an empty run takes the source's data out of the workspace
        kind.commit(app, source);
        sources.erase(it);
        return;
    }
    if (it == sources.end()) {
        auto source = std::make_unique<DataSource>();
        source->kind = &kind;
        source->sink = kind.make_sink();
        LoaderOptions options = app.loading;
        options.page_headers = false;  // the page's headers callback serves the goals requests only
        source->loader = std::make_unique<DataLoader>(std::move(options), *source->sink,
                                                      LoaderHooks{source.get(), on_source_ended, nullptr, nullptr});
        it = sources.insert(sources.end(), std::move(source));
    }
    if (kind.commit == commit_conversions)
        static_cast<ConversionPages&>(*(*it)->sink).giosg_goal_id = giosg_goal_id_of_matches_url(url);
    (*it)->loader->reload(url);
}

void set_data_timing(App& app) {
    for (const auto& source : app.data_sources) source->loader->set_timing(app.loading);
}

void add_data_sources_state(const App& app, Json& state) {
    Json sources = Json::object();
    for (const auto& source : app.data_sources) {
        Json entry = source->counts;
        entry["loading"] = source->loader->loading();
        // External matches are linked again whenever the log or the goals change: count them now.
        if (entry.contains("unlinked")) entry["unlinked"] = app.workspace.external_errors().size();
        sources[source->kind->name] = std::move(entry);
    }
    state["event_sources"] = std::move(sources);
}

}  // namespace gp::web
