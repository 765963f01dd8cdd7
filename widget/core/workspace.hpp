// The widget's data model as one object: the goal store, the CRM events goals are measured against, the
// page-view log with its matches, and the JSON methods a page calls on the widget (docs/embedding.md).
//
// The browser layer (wasm/app.cpp) fills a Workspace from what it fetched and forwards the page's method
// calls to call(); the UI reads the goals, the event store and the matches. It holds no UI and does no
// I/O; the clock and the page's URL come in with each call (CallContext).
//
//   Workspace ws;
//   ws.load_goals(read_goals(payload));
//   ws.set_event_rows("deals", std::move(rows));
//   CallReply r = ws.call("results", {{"id", "7"}, {"period", "2026-01-01..2026-12-31"}}, context);
//   for (WorkspaceEvent& e : ws.take_events()) /* goal-change, match: dispatch to the page */;
//
// Index
// - [SECTION] Calls and events
// - [SECTION] Workspace
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attribution.hpp"
#include "core/calendar.hpp"
#include "core/conversion_readers.hpp"
#include "core/events.hpp"
#include "core/giosg_codes.hpp"
#include "core/goal_store.hpp"
#include "core/matching.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Calls and events
//-----------------------------------------------------------------------------

// What the page's call depends on besides its arguments.
struct CallContext {
    TimestampMs now = 0;
    int zone_offset_minutes = 0;
    CalendarOptions calendar;
    std::string page_url;  // the host page: track() uses it when an event names no URL
};

// What an edit changed in one goal source, so that the browser layer can send it to the vendor and, if the
// vendor refuses, put it back (Workspace::revert) or take the vendor's version (Workspace::settle).
struct GoalChange {
    std::string source;           // the source's key (a goals URL; "" for the only source)
    GoalEdit kind = GoalEdit::create;
    std::optional<Goal> before;   // none for a create
    std::optional<Goal> after;    // as the store holds it now; a Pipedrive removal is the goal marked deleted
    size_t index = 0;             // where `before` was in its store, to put it back in place
};

// A method's answer: a result, or an error with the status the vendor API would give and, for bodies
// that failed validation, every field error. An edit that went through says what it changed.
struct CallReply {
    Json result;
    std::optional<Error> error;
    std::vector<Error> errors;
    std::optional<GoalChange> change;
    bool ok() const { return !error; }
};

// Something the page should hear about: "goal-change" (a goal was added, updated or removed) or "match"
// (a tracked event matched a goal).
struct WorkspaceEvent {
    std::string type;
    Json detail;
};

//-----------------------------------------------------------------------------
// [SECTION] Workspace
//-----------------------------------------------------------------------------

class Workspace {
public:
    Workspace();

    // giosg's condition codes, as the page configured them (their meanings are not published). Readers
    // given codes_for_readers() and the store's creates and updates use the same table.
    void set_giosg_codes(GiosgCodeTable codes);
    const GiosgCodeTable* codes_for_readers() const { return giosg_codes_.get(); }

    // Goals come from one or more sources (the page's goals URLs), each a store of its own vendor, shown
    // together in the order of the sources. A load replaces one source's contents (and so its local edits)
    // with the payload's valid goals; the others keep theirs.
    void load_goals(const ReadResult& run);  // the only source: every other one goes
    void load_goals(std::string_view source, const ReadResult& run);
    // The sources in this order: those named before keep their goals, new ones start empty (of the vendor
    // given for them in the parallel `vendors`, if any), the rest go. No source at all leaves one unnamed,
    // empty source, where add() puts goals as before any load.
    void set_goal_sources(const std::vector<std::string>& sources, const std::vector<Vendor>& vendors = {});
    const std::vector<Goal>& goals() const { return live_goals_; }  // not deleted, in source and store order
    // The source each of goals() came from (parallel to it), and the vendor of a source.
    const std::string& source_of(size_t live_goal) const;
    Vendor vendor_of(std::string_view source) const;
    Vendor vendor() const { return sources_.front().store.vendor(); }  // the first source's
    // Ids that more than one source uses: methods that name such a goal need {source}.
    const std::vector<Error>& id_conflicts() const { return id_conflicts_; }
    // Undoes a change the vendor refused; true when it could: the goal is as the change left it. A goal
    // changed again since (a later edit, a reload) is left alone.
    bool revert(const GoalChange& change);
    // The vendor's own version of a changed goal replaces the local one (a created goal takes the vendor's
    // id), when the goal is still as the change left it. A removal has nothing to settle.
    bool settle(const GoalChange& change, Goal vendor_goal);

    // CRM data for the progress engine, by source name ("deals", "activities", "stageChanges"). A source
    // loaded again replaces its earlier rows.
    void set_event_rows(const std::string& source, EventRows rows);
    void set_currencies(std::vector<CurrencyInfo> currencies);
    // Who is in which team, so that team goals count their members' events.
    void set_membership(Membership membership);
    void set_rates(std::optional<RateTable> rates);
    const std::optional<RateTable>& rates() const { return rates_; }
    // The store every progress computation uses; rebuilt once after the data changed, then shared.
    std::shared_ptr<const EventStore> event_store();

    // Page views and events for condition goals. A new log replaces the old one, and every goal is
    // evaluated over it again (retroactive evaluation).
    void set_event_log(std::vector<PageView> log);
    // Conversions a vendor already computed (Zendesk Chat), shown beside the matches found here.
    void set_conversions(std::vector<Conversion> conversions);
    // giosg external matches: each is linked to its visitor's most recent session that started before it,
    // in the loaded log, and joins the matches; one that cannot be linked is listed in external_errors()
    // with its 404 reason. Linked again whenever the goals or the log change.
    void set_external_matches(std::vector<ExternalMatch> matches);
    const std::vector<Error>& external_errors() const { return external_errors_; }
    const std::vector<PageView>& event_log() const { return log_; }
    const std::vector<MatchRecord>& matches() const { return run_.matches; }
    const std::vector<Conversion>& conversions() const { return conversions_; }
    const std::vector<GoalProblem>& goal_problems() const { return run_.goal_problems; }
    // The agent a match is credited to under its goal's attribution model; empty when none.
    std::string attributed_agent(const MatchRecord& match) const;

    // The page's methods: track, results, find, explain, add, update, remove (docs/embedding.md).
    CallReply call(std::string_view method, const Json& args, const CallContext& context);
    // The same edits from the widget's own editor. A created goal goes to `source`, or to the first source
    // of its vendor, or to the first source.
    CallReply edit(GoalEdit kind, const Goal& goal, TimestampMs now, std::string_view source = {});
    // Events produced since the last take, in order.
    std::vector<WorkspaceEvent> take_events();

    // When the loaded data happened: CRM events (deals added, won, progressed; activities added, done),
    // page views and tracked events, conversions and external matches. Open deals' expected close dates
    // are plans, not data, and are left out. None while no source holds anything. The view names the
    // last day with data when the period on screen has none.
    std::optional<TimeSpan> data_span();

    // Bumped whenever goals, events, matches or conversions change: views cache by it.
    uint64_t generation() const { return generation_; }
    // Parallel to goals(): a number each goal keeps while it is unchanged (a reload or another goal's edit
    // leaves it), and a new one when it changes. With figures_generation(), what a view computed for one
    // goal can outlive an edit of another (the page's mirror at 10,000 goals).
    const std::vector<uint64_t>& goal_revisions() const { return live_revisions_; }
    // Bumped whenever what a goal's figures depend on besides the goal itself changes: CRM events, rates,
    // teams, currencies, the page-view log, conversions, and the matches found.
    uint64_t figures_generation() const { return figures_generation_; }

private:
    CallReply track(const Json& args, const CallContext& context);
    CallReply results(const Json& args, const CallContext& context);
    CallReply find(const Json& args);
    CallReply explain_url(const Json& args);
    CallReply add(const Json& args, const CallContext& context);
    CallReply update(const Json& args, const CallContext& context);
    CallReply remove(const Json& args, const CallContext& context);
    struct GoalSource {
        std::string key;
        GoalStore store;
    };
    // The source an edit goes to: `args.source` (a source's key, or a vendor name only one source has), or
    // the one holding goal `id`, or the only one. Null with `reply` set when none fits.
    GoalSource* source_for_edit(const Json& args, const std::optional<std::string>& id, CallReply& reply);
    GoalSource* find_source(std::string_view key);
    StoreOptions store_options() const;
    CallReply store_reply(GoalSource& source, GoalEdit kind, std::optional<Goal> before, size_t index,
                          const StoreResult& result, std::string id);
    void goals_changed();
    void figures_changed();
    void carry_revisions(const std::vector<Goal>& before, const std::vector<uint64_t>& before_revisions);
    void rematch();
    CompiledGoals& compiled_goals();  // live_goals_ compiled for matching, made when first needed
    void rebuild_touches();

    std::unique_ptr<GiosgCodeTable> giosg_codes_;  // null: the built-in (empty) table
    std::vector<GoalSource> sources_;  // never empty
    std::vector<Goal> live_goals_;
    std::vector<uint32_t> live_source_;  // sources_ index of each live goal
    std::vector<uint64_t> live_revisions_;  // see goal_revisions()
    uint64_t next_goal_revision_ = 1;
    std::vector<Error> id_conflicts_;
    std::map<std::string, EventRows> rows_by_source_;
    std::vector<CurrencyInfo> currencies_;
    Membership membership_;
    std::optional<RateTable> rates_;
    std::shared_ptr<const EventStore> event_store_;
    std::vector<PageView> log_;
    std::map<std::string, std::vector<size_t>, std::less<>> log_by_visitor_;  // record indexes, in log order
    std::unique_ptr<CompiledGoals> compiled_goals_;  // see compiled_goals(); reset when the goals change
    MatchRun run_;
    std::unique_ptr<TouchIndex> touches_;
    std::vector<Conversion> conversions_;
    std::vector<ExternalMatch> external_;
    std::vector<Error> external_errors_;
    std::vector<WorkspaceEvent> events_;
    uint64_t generation_ = 1;
    uint64_t figures_generation_ = 1;
    uint64_t span_generation_ = 0;  // data_span() was computed for this generation
    std::optional<TimeSpan> span_;
};

}  // namespace gp
