// The widget's data model and the page's JSON methods (workspace.hpp, docs/embedding.md).
//
// Index
// - [SECTION] Helpers
// - [SECTION] Goals
// - [SECTION] CRM events
// - [SECTION] Page views and matches
// - [SECTION] Methods
#include "core/workspace.hpp"

#include <algorithm>
#include <cassert>
#include <unordered_map>

#include "core/cold_sort.hpp"
#include "core/explain.hpp"
#include "core/former_places.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/write.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

CallReply fail(int status, std::string code, std::string message, std::string path = {}) {
    CallReply reply;
    reply.error = Error{std::move(path), std::move(code), std::move(message), status};
    return reply;
}

// The first error speaks for the reply; all of them travel with it.
CallReply fail_with(int status, std::vector<Error> errors) {
    if (errors.empty()) return fail(status, "failed", "the request failed");
    CallReply reply;
    reply.error = errors.front();
    reply.error->status = status;
    reply.errors = std::move(errors);
    return reply;
}

// The page's arguments are read with the shared accessors (json_access.hpp): member() and its kin.

// An id as the page may give it: a string, or a whole number (Pipedrive's ids are numbers on the wire).
std::optional<std::string> id_argument(const Json& args) { return id_value(member(args, "id")); }

Json match_json(const MatchRecord& m, const std::string& title, const std::string& agent) {
    Json out = json_object({{"goal", m.goal_id},   {"title", title}, {"visitor", m.visitor_id},
                            {"session", m.session}, {"at", m.at},     {"url", m.url},
                            {"value", m.value ? Json(*m.value) : Json()}});
    out["agent"] = agent.empty() ? Json() : Json(agent);
    return out;
}

}  // namespace

Workspace::Workspace() : run_(), touches_(std::make_unique<TouchIndex>(std::vector<Touch>{})) {
    sources_.push_back({"", GoalStore(Vendor::unknown, store_options())});
}

std::vector<WorkspaceEvent> Workspace::take_events() {
    std::vector<WorkspaceEvent> out;
    out.swap(events_);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Goals
//-----------------------------------------------------------------------------

StoreOptions Workspace::store_options() const {
    StoreOptions options;
    options.giosg_codes = giosg_codes_.get();
    return options;
}

void Workspace::set_giosg_codes(GiosgCodeTable codes) {
    giosg_codes_ = std::make_unique<GiosgCodeTable>(std::move(codes));
    // Each store keeps a pointer to the table: give it the new one, with the goals it holds.
    for (GoalSource& source : sources_) {
        std::vector<Goal> goals = source.store.goals();
        source.store = GoalStore(source.store.vendor(), store_options());
        source.store.set_goals(std::move(goals));
    }
}

void Workspace::load_goals(const ReadResult& run) {
    sources_.clear();
    sources_.push_back({"", GoalStore(run.vendor, store_options())});
    sources_.front().store.set_goals(run.goals);
    goals_changed();
}

void Workspace::load_goals(std::string_view key, const ReadResult& run) {
    GoalSource* source = find_source(key);
    if (!source) {
        // The unnamed source of a workspace that had none stands in for the first named one.
        if (sources_.size() == 1 && sources_.front().key.empty() && sources_.front().store.goals().empty())
            sources_.clear();
        sources_.push_back({std::string(key), GoalStore(run.vendor, store_options())});
        source = &sources_.back();
    }
    source->store = GoalStore(run.vendor, store_options());
    source->store.set_goals(run.goals);
    goals_changed();
}

void Workspace::set_goal_sources(const std::vector<std::string>& keys, const std::vector<Vendor>& vendors) {
    std::vector<GoalSource> kept;
    for (size_t i = 0; i < keys.size(); ++i) {
        const std::string& key = keys[i];
        if (std::any_of(kept.begin(), kept.end(), [&](const GoalSource& s) { return s.key == key; })) continue;
        GoalSource* earlier = find_source(key);
        const Vendor vendor = i < vendors.size() ? vendors[i] : Vendor::unknown;
        if (earlier && earlier->store.goals().empty() && earlier->store.vendor() == Vendor::unknown && vendor != Vendor::unknown)
            earlier = nullptr;  // nothing loaded yet: it takes the vendor it is now known to be
        kept.push_back(earlier ? std::move(*earlier) : GoalSource{key, GoalStore(vendor, store_options())});
    }
    if (kept.empty()) kept.push_back({"", GoalStore(Vendor::unknown, store_options())});
    sources_ = std::move(kept);
    goals_changed();
}

Workspace::GoalSource* Workspace::find_source(std::string_view key) {
    for (GoalSource& source : sources_)
        if (source.key == key) return &source;
    return nullptr;
}

const std::string& Workspace::source_of(size_t live_goal) const {
    assert(live_goal < live_source_.size() && "source_of() takes an index into goals()");
    return sources_[live_source_[live_goal]].key;
}

Vendor Workspace::vendor_of(std::string_view key) const {
    for (const GoalSource& source : sources_)
        if (source.key == key) return source.store.vendor();
    return Vendor::unknown;
}

void Workspace::goals_changed() {
    const std::vector<Goal> before = std::move(live_goals_);  // for the revisions of goals left as they were
    const std::vector<uint64_t> before_revisions = std::move(live_revisions_);
    live_goals_.clear();
    live_source_.clear();
    id_conflicts_.clear();
    std::map<std::string_view, size_t> first_source_of_id;
    for (size_t s = 0; s < sources_.size(); ++s)
        for (const Goal& g : sources_[s].store.goals()) {
            if (g.deleted) continue;
            live_goals_.push_back(g);
            live_source_.push_back(uint32_t(s));
        }
    for (size_t i = 0; i < live_goals_.size(); ++i) {
        const auto [at, fresh] = first_source_of_id.emplace(live_goals_[i].id, live_source_[i]);
        if (!fresh && at->second != live_source_[i])
            id_conflicts_.push_back({"/" + live_goals_[i].id, "duplicate_id",
                                     "goal " + live_goals_[i].id + " is in " + sources_[at->second].key + " and in " +
                                         sources_[live_source_[i]].key + "; a method that names it needs {source}",
                                     200});
    }
    // Pipedrive names a goal's currency by id only; with the page's currency map the views can show its
    // code, and results use the same code the deals are counted in.
    for (Goal& g : live_goals_) {
        if (!g.target.currency_code.empty() || !g.target.currency_id) continue;
        for (const CurrencyInfo& c : currencies_)
            if (c.id == *g.target.currency_id) g.target.currency_code = c.code;
    }
    carry_revisions(before, before_revisions);
    compiled_goals_.reset();  // compiled again from these goals when next needed
    std::vector<MatchRecord> matches_before = std::move(run_.matches);
    rematch();
    // A goal's matches depend on that goal and the log only, but a changed goal changes its own matches: then
    // the figures of every goal are said to have changed (a condition goal edited), which is only slower.
    const auto same_match = [](const MatchRecord& a, const MatchRecord& b) {
        // Not the goal's index: a goal added or removed before it moves it.
        return a.goal_id == b.goal_id && a.visitor_id == b.visitor_id && a.session == b.session && a.at == b.at &&
               a.url == b.url && a.value == b.value && a.event == b.event;
    };
    if (!std::equal(matches_before.begin(), matches_before.end(), run_.matches.begin(), run_.matches.end(), same_match))
        ++figures_generation_;
    ++generation_;
}

// Gives each live goal the revision of the goal `before` held with the same content, or a new one.
void Workspace::carry_revisions(const std::vector<Goal>& before, const std::vector<uint64_t>& before_revisions) {
    std::unordered_map<std::string_view, size_t> by_id;  // made when first needed
    const std::vector<int64_t> place = former_places(
        live_goals_.size(), before.size(),
        [&](size_t i, size_t j) { return before[j].id == live_goals_[i].id && before[j] == live_goals_[i]; },
        [&](size_t i) {
            if (by_id.empty())
                for (size_t j = before.size(); j-- > 0;) by_id[before[j].id] = j;  // the first of an id wins
            const auto at = by_id.find(live_goals_[i].id);
            return at == by_id.end() ? before.size() : at->second;
        });
    live_revisions_.resize(live_goals_.size());
    for (size_t i = 0; i < place.size(); ++i)
        live_revisions_[i] = place[i] >= 0 ? before_revisions[size_t(place[i])] : next_goal_revision_++;
}

void Workspace::figures_changed() {
    ++figures_generation_;
    ++generation_;
}

bool Workspace::revert(const GoalChange& change) {
    GoalSource* source = find_source(change.source);
    if (!source) return false;
    std::vector<Goal> goals = source->store.goals();
    // Only the change's own result is undone: a goal changed again since (a later edit, its settle, a reload
    // of the source) is left as it is now.
    const auto now_at = change.after ? std::find(goals.begin(), goals.end(), *change.after) : goals.end();
    if (change.after && now_at == goals.end()) return false;
    if (!change.before) {
        goals.erase(now_at);
    } else if (now_at != goals.end()) {
        *now_at = *change.before;
    } else {
        // A removal that took the goal out of the list: put it back where it was, unless it is back already.
        if (std::any_of(goals.begin(), goals.end(), [&](const Goal& g) { return g.id == change.before->id; })) return false;
        goals.insert(goals.begin() + std::ptrdiff_t(std::min(change.index, goals.size())), *change.before);
    }
    source->store.set_goals(std::move(goals));
    goals_changed();
    return true;
}

bool Workspace::settle(const GoalChange& change, Goal vendor_goal) {
    GoalSource* source = find_source(change.source);
    if (!source || !change.after || change.kind == GoalEdit::remove) return false;
    std::vector<Goal> goals = source->store.goals();
    const auto at = std::find(goals.begin(), goals.end(), *change.after);  // changed since: the later change wins
    if (at == goals.end()) return false;
    if (vendor_goal.id.empty()) vendor_goal.id = at->id;
    *at = std::move(vendor_goal);
    source->store.set_goals(std::move(goals));
    goals_changed();
    return true;
}

CompiledGoals& Workspace::compiled_goals() {
    if (!compiled_goals_) compiled_goals_ = std::make_unique<CompiledGoals>(live_goals_);
    return *compiled_goals_;
}

CallReply Workspace::edit(GoalEdit kind, const Goal& goal, TimestampMs now, std::string_view source) {
    CallContext context;
    context.now = now;
    Json target = Json::object();
    if (kind != GoalEdit::create) {
        target["id"] = goal.id;
        for (size_t i = 0; i < live_goals_.size(); ++i)
            // Two sources may both have this id: the goal's vendor says whose it is.
            if (live_goals_[i].id == goal.id && live_goals_[i].vendor == goal.vendor && (source.empty() || source_of(i) == source)) {
                target["source"] = source_of(i);
                break;
            }
    } else {
        const auto of_vendor = std::find_if(sources_.begin(), sources_.end(),
                                            [&](const GoalSource& s) { return s.store.vendor() == goal.vendor; });
        target["source"] = !source.empty() ? std::string(source) : of_vendor != sources_.end() ? of_vendor->key : sources_.front().key;
    }
    if (kind == GoalEdit::remove) return remove(target, context);
    const GoalSource* store = find_source(target.value("source", std::string()));
    // The store speaks the vendor's wire format, so the editor's goal goes through the same writer and
    // the same validation as a page's add() or update().
    WriteOptions options;
    options.format = store ? store->store.vendor() : sources_.front().store.vendor();
    options.single = true;
    options.giosg_codes = giosg_codes_.get();
    WriteResult written = write_goals({goal}, options);
    if (!written.ok()) return fail_with(400, std::move(written.errors));
    // Pipedrive's single shape is the {success, data: {goal}} envelope; a request body is the goal alone.
    Json body = std::move(written.document);
    if (const Json* data = member(body, "data"); data && member(*data, "goal")) body = Json((*data)["goal"]);
    if (!body.is_object()) return fail(500, "not_representable", "the goal could not be written as a request body");
    if (kind == GoalEdit::create) {
        body.erase("id");
        target["goal"] = std::move(body);
        return add(target, context);
    }
    target["changes"] = std::move(body);
    return update(target, context);
}

//-----------------------------------------------------------------------------
// [SECTION] CRM events
//-----------------------------------------------------------------------------

void Workspace::set_event_rows(const std::string& source, EventRows rows) {
    rows_by_source_[source] = std::move(rows);
    event_store_.reset();
    figures_changed();
}

void Workspace::set_currencies(std::vector<CurrencyInfo> currencies) {
    currencies_ = std::move(currencies);
    event_store_.reset();
    goals_changed();
    ++figures_generation_;
}

void Workspace::set_membership(Membership membership) {
    membership_ = std::move(membership);
    event_store_.reset();
    figures_changed();
}

void Workspace::set_rates(std::optional<RateTable> rates) {
    rates_ = std::move(rates);
    figures_changed();
}

std::shared_ptr<const EventStore> Workspace::event_store() {
    if (event_store_) return event_store_;
    // The page gives each kind of row its own source (deals, activities, stage changes): then the store is
    // built from them where they are. Only a kind that several sources hold is copied together.
    static const EventRows kNone;
    const EventRows* deals = &kNone;
    const EventRows* activities = &kNone;
    const EventRows* stage_changes = &kNone;
    bool apart = true;
    const auto take = [&apart](const EventRows*& slot, const EventRows& rows, bool has) {
        if (!has) return;
        apart = apart && slot == &kNone;
        slot = &rows;
    };
    for (const auto& [name, rows] : rows_by_source_) {
        take(deals, rows, !rows.deals.empty());
        take(activities, rows, !rows.activities.empty());
        take(stage_changes, rows, !rows.stage_changes.empty());
    }
    if (apart) {
        event_store_ = std::make_shared<const EventStore>(build_event_store(
            deals->deals, activities->activities, stage_changes->stage_changes, membership_, currencies_));
        return event_store_;
    }
    EventRows all;
    for (const auto& [name, rows] : rows_by_source_) {
        all.deals.insert(all.deals.end(), rows.deals.begin(), rows.deals.end());
        all.activities.insert(all.activities.end(), rows.activities.begin(), rows.activities.end());
        all.stage_changes.insert(all.stage_changes.end(), rows.stage_changes.begin(), rows.stage_changes.end());
    }
    event_store_ = std::make_shared<const EventStore>(build_event_store(all, membership_, currencies_));
    return event_store_;
}

std::optional<TimeSpan> Workspace::data_span() {
    // Asked after every change the page makes (a tracked view, an edit): scanned once per generation.
    if (span_generation_ == generation_) return span_;
    span_generation_ = generation_;
    std::optional<TimeSpan>& span = span_;
    span.reset();
    const auto widen = [&span](TimestampMs first, TimestampMs last) {
        if (!span) span = TimeSpan{first, last};
        span->first = std::min(span->first, first);
        span->last = std::max(span->last, last);
    };
    if (!rows_by_source_.empty()) {
        const EventStore& store = *event_store();
        for (const Series* series : {&store.won, &store.started, &store.progressed, &store.activities_added,
                                     &store.activities_completed})
            for (const Series::SliceTimes& slice : series->slice_times) widen(slice.first, slice.last);
    }
    for (const PageView& view : log_) widen(view.at, view.at);
    for (const Conversion& conversion : conversions_) widen(conversion.at, conversion.at);
    for (const ExternalMatch& match : external_) widen(match.matched_at, match.matched_at);
    return span;
}

//-----------------------------------------------------------------------------
// [SECTION] Page views and matches
//-----------------------------------------------------------------------------

void Workspace::set_event_log(std::vector<PageView> log) {
    log_ = std::move(log);
    log_by_visitor_.clear();
    for (size_t i = 0; i < log_.size(); ++i) log_by_visitor_[log_[i].visitor_id].push_back(i);
    rebuild_touches();
    rematch();
    figures_changed();
}

void Workspace::set_conversions(std::vector<Conversion> conversions) {
    conversions_ = std::move(conversions);
    figures_changed();
}

void Workspace::rebuild_touches() { touches_ = std::make_unique<TouchIndex>(log_); }

void Workspace::set_external_matches(std::vector<ExternalMatch> matches) {
    external_ = std::move(matches);
    rematch();
    figures_changed();
}

void Workspace::rematch() {
    run_ = run_matching(compiled_goals(), live_goals_, log_);
    external_errors_.clear();
    if (external_.empty()) return;
    for (size_t i = 0; i < external_.size(); ++i) {
        LinkedMatch linked = link_external_match(external_[i], live_goals_, run_.sessions, "/" + std::to_string(i));
        if (linked.record) run_.matches.push_back(std::move(*linked.record));
        else if (linked.error) external_errors_.push_back(std::move(*linked.error));
    }
    cold_sort(run_.matches, [](const MatchRecord& a, const MatchRecord& b) { return a.at < b.at; });
}

std::string Workspace::attributed_agent(const MatchRecord& match) const {
    const Goal* goal = match.goal < live_goals_.size() ? &live_goals_[match.goal] : nullptr;
    if (!goal || goal->id != match.goal_id || goal->attribution.model == AttributionModel::none) return {};
    const AttributionResult a = attribute(*goal, match.visitor_id, match.at, *touches_);
    return a.touch ? a.touch->agent_id : std::string();
}

// One page view or event from the page. It is read as one line of the event log, so it is checked by the
// same rules; its matches are found by running the visitor's own records only, since sessions and
// counting never look past a visitor.
CallReply Workspace::track(const Json& args, const CallContext& context) {
    const Json* event = member(args, "event");
    if (!event || !event->is_object()) return fail(400, "bad_arguments", "track() takes an event object", "/event");
    Json line = *event;
    if (!member(line, "visitor_id")) line["visitor_id"] = "page";
    if (!member(line, "at")) line["at"] = context.now;
    if (!member(line, "url") && !member(line, "event") && !member(line, "agent_id")) line["url"] = context.page_url;
    const EventLogRead read = read_event_log(line.dump(-1, ' ', false, Json::error_handler_t::replace));
    if (!read.errors.empty() || read.views.size() != 1) {
        std::vector<Error> errors = read.errors;
        const std::string line_path = "/lines/1";  // the one line read: the event itself
        for (Error& e : errors)
            if (e.path.compare(0, line_path.size(), line_path) == 0) e.path = "/event" + e.path.substr(line_path.size());
        return fail_with(400, std::move(errors));
    }
    const size_t index = log_.size();
    log_.push_back(read.views.front());
    std::vector<size_t>& visitor = log_by_visitor_[log_.back().visitor_id];
    visitor.push_back(index);
    if (is_touch_only(log_.back())) rebuild_touches();

    std::vector<PageView> history;
    history.reserve(visitor.size());
    for (size_t i : visitor) history.push_back(log_[i]);
    MatchRun visitor_run = run_matching(compiled_goals(), live_goals_, history);
    Json found = Json::array();
    for (MatchRecord& m : visitor_run.matches) {
        if (m.event != history.size() - 1) continue;
        m.event = index;
        const std::string agent = attributed_agent(m);
        Json detail = match_json(m, live_goals_[m.goal].title, agent);
        events_.push_back({"match", detail});
        found.push_back(std::move(detail));
        // The run stays in time order, a new match after those at the same time, as a stable sort would
        // leave it; a tracked event is usually the newest, so this is an append.
        const auto later = std::upper_bound(run_.matches.begin(), run_.matches.end(), m.at,
                                            [](TimestampMs at, const MatchRecord& r) { return at < r.at; });
        run_.matches.insert(later, std::move(m));
    }
    figures_changed();  // the log grew
    CallReply reply;
    reply.result = json_object({{"matches", std::move(found)}});
    return reply;
}

//-----------------------------------------------------------------------------
// [SECTION] Methods
//-----------------------------------------------------------------------------

CallReply Workspace::call(std::string_view method, const Json& args, const CallContext& context) {
    if (!args.is_object()) return fail(400, "bad_arguments", "arguments must be a JSON object");
    if (method == "track") return track(args, context);
    if (method == "results") return results(args, context);
    if (method == "find") return find(args);
    if (method == "explain") return explain_url(args);
    if (method == "add") return add(args, context);
    if (method == "update") return update(args, context);
    if (method == "remove") return remove(args, context);
    return fail(404, "unknown_method", "no such method: " + std::string(method));
}

// The period as "START..END" or {start, end}; either bound missing is the results contract's own error.
CallReply Workspace::results(const Json& args, const CallContext& context) {
    const std::optional<std::string> id = id_argument(args);
    if (!id) return fail(400, "bad_arguments", "results() needs a goal id", "/id");
    ResultsRequest request;
    if (const Json* period = member(args, "period")) {
        if (period->is_string()) {
            const std::string& text = period->get_ref<const std::string&>();
            const size_t dots = text.find("..");
            request.period_start = text.substr(0, dots);
            if (dots != std::string::npos) request.period_end = text.substr(dots + 2);
        } else if (period->is_object()) {
            if (const std::string* s = string_value(member(*period, "start"))) request.period_start = *s;
            if (const std::string* e = string_value(member(*period, "end"))) request.period_end = *e;
        } else {
            return fail(400, "bad_arguments", "period is \"START..END\" or {start, end}", "/period");
        }
    }
    request.now = context.now;
    request.zone_offset_minutes = context.zone_offset_minutes;
    request.calendar = context.calendar;
    request.rates = rates_;
    const ResultsOutcome outcome = compute_results(live_goals_, *id, *event_store(), request);
    if (!outcome.ok()) {
        const int status = outcome.errors.empty() ? 400 : outcome.errors.front().status;
        return fail_with(status, outcome.errors);
    }
    CallReply reply;
    reply.result = results_to_json(*outcome.results);
    return reply;
}

// Pipedrive's find: dot-notation keys; values as the query string would carry them.
CallReply Workspace::find(const Json& args) {
    const Json* query = member(args, "query");
    if (query && !query->is_object()) return fail(400, "bad_arguments", "find() takes an object of filters", "/query");
    Query filters;
    if (query)
        for (const auto& [key, value] : query->items()) {
            if (value.is_string()) filters.emplace_back(key, value.get_ref<const std::string&>());
            else if (value.is_primitive() && !value.is_null()) filters.emplace_back(key, value.dump());
            else return fail(400, "bad_arguments", "a filter value must be a string, number or boolean", "/query/" + key);
        }
    // find() is Pipedrive's: the first Pipedrive source answers it (or the only source, as the vendor would).
    const auto pipedrive = std::find_if(sources_.begin(), sources_.end(),
                                        [](const GoalSource& s) { return s.store.vendor() == Vendor::pipedrive; });
    const StoreResult found = (pipedrive != sources_.end() ? *pipedrive : sources_.front()).store.find(filters);
    if (!found.ok()) return fail_with(found.status, found.errors);
    CallReply reply;
    reply.result = found.body;
    return reply;
}

CallReply Workspace::explain_url(const Json& args) {
    const Json* url = member(args, "url");
    if (!url || !url->is_string()) return fail(400, "bad_arguments", "explain() needs a URL string", "/url");
    PageView view;
    view.url = url->get<std::string>();
    CallReply reply;
    reply.result = explain_to_json(explain(live_goals_, view));
    return reply;
}

Workspace::GoalSource* Workspace::source_for_edit(const Json& args, const std::optional<std::string>& id,
                                                 CallReply& reply) {
    const Json* named = member(args, "source");
    if (named && !named->is_string()) {
        reply = fail(400, "bad_arguments", "source is one of the goals URLs or a vendor name", "/source");
        return nullptr;
    }
    std::vector<GoalSource*> candidates;
    for (GoalSource& source : sources_) {
        if (named) {
            const std::string& name = named->get_ref<const std::string&>();
            const std::optional<Vendor> vendor = parse_name<Vendor>(name);
            if (source.key != name && !(vendor && *vendor != Vendor::unknown && source.store.vendor() == *vendor)) continue;
        }
        if (id && std::none_of(source.store.goals().begin(), source.store.goals().end(),
                               [&](const Goal& g) { return g.id == *id && !g.deleted; }))
            continue;
        candidates.push_back(&source);
    }
    if (candidates.size() == 1) return candidates.front();
    if (candidates.empty() && id && !named) {
        reply = fail(404, "not_found", "no goal with id " + *id, "/id");
    } else if (candidates.empty()) {
        reply = fail(404, "unknown_source",
                     id ? "no goal with id " + *id + " in source " + named->get_ref<const std::string&>()
                        : "no goal source is " + named->get_ref<const std::string&>() + ": name one of the goals URLs or a vendor",
                     "/source");
    } else {
        reply = fail(400, "ambiguous_source",
                     id ? "goal " + *id + " is in several sources: name one with {source}"
                        : "the widget reads several goal lists: name one with {source} (a goals URL or a vendor)",
                     "/source");
    }
    return nullptr;
}

CallReply Workspace::store_reply(GoalSource& source, GoalEdit kind, std::optional<Goal> before, size_t index,
                                 const StoreResult& result, std::string id) {
    static constexpr const char* kActions[] = {"add", "update", "remove"};
    if (!result.ok()) return fail_with(result.status, result.errors);
    if (!result.goals.empty()) id = result.goals.front().id;
    GoalChange change{source.key, kind, std::move(before), std::nullopt, index};
    for (const Goal& g : source.store.goals())
        if (g.id == id) change.after = g;
    goals_changed();
    events_.push_back({"goal-change", json_object({{"action", kActions[size_t(kind)]}, {"id", id}, {"goals", live_goals_.size()}})});
    CallReply reply;
    reply.result = result.body.is_null() ? json_object({{"id", id}, {"deleted", true}}) : result.body;
    reply.change = std::move(change);
    return reply;
}

CallReply Workspace::add(const Json& args, const CallContext& context) {
    const Json* goal = member(args, "goal");
    if (!goal || !goal->is_object()) return fail(400, "bad_arguments", "add() takes a goal object", "/goal");
    CallReply refused;
    GoalSource* source = source_for_edit(args, std::nullopt, refused);
    if (!source) return refused;
    return store_reply(*source, GoalEdit::create, std::nullopt, source->store.goals().size(),
                       source->store.create(*goal, context.now), {});
}

namespace {
// The goal `id` in `store` before an edit, and where it was.
std::pair<std::optional<Goal>, size_t> goal_before(const GoalStore& store, const std::string& id) {
    const std::vector<Goal>& goals = store.goals();
    for (size_t i = 0; i < goals.size(); ++i)
        if (goals[i].id == id && !goals[i].deleted) return {goals[i], i};
    return {std::nullopt, goals.size()};
}
}  // namespace

CallReply Workspace::update(const Json& args, const CallContext& context) {
    const std::optional<std::string> id = id_argument(args);
    if (!id) return fail(400, "bad_arguments", "update() needs a goal id", "/id");
    const Json* changes = member(args, "changes");
    if (!changes || !changes->is_object()) return fail(400, "bad_arguments", "update() takes an object of changes", "/changes");
    CallReply refused;
    GoalSource* source = source_for_edit(args, id, refused);
    if (!source) return refused;
    auto [before, index] = goal_before(source->store, *id);
    return store_reply(*source, GoalEdit::update, std::move(before), index,
                       source->store.update(*id, *changes, context.now), *id);
}

CallReply Workspace::remove(const Json& args, const CallContext& context) {
    const std::optional<std::string> id = id_argument(args);
    if (!id) return fail(400, "bad_arguments", "remove() needs a goal id", "/id");
    CallReply refused;
    GoalSource* source = source_for_edit(args, id, refused);
    if (!source) return refused;
    auto [before, index] = goal_before(source->store, *id);
    return store_reply(*source, GoalEdit::remove, std::move(before), index, source->store.remove(*id, context.now), *id);
}

}  // namespace gp
