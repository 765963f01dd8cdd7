// goalpost UI: what the views are given. The platform layer (wasm/) owns a WidgetData, fills it from the
// core (readers, engines) and passes it to WidgetView::draw() with a FrameContext each frame; the views
// only read it.
//
// Engines reach the views through the Services callbacks and a few view models declared here, each filled
// from the core's results at one place in core_bridge.cpp: GoalProgress (from GoalResults), MatchRecord (a
// row of the conversions feed), GoalExplanation (conditions in words). Verdicts are the core's own type.
// docs/ui.md has the list.
//
// Index
// - [SECTION] Progress (overview bars, detail chart)
// - [SECTION] Conversions and matches
// - [SECTION] URL explanations
// - [SECTION] Services (callbacks into the core)
// - [SECTION] Widget data
// - [SECTION] Frame context
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/conditions.hpp"
#include "core/model.hpp"
#include "ui/format.hpp"

namespace gp::ui {

//-----------------------------------------------------------------------------
// [SECTION] Progress
//-----------------------------------------------------------------------------

// A goal's tone as the views colour it: the core's PaceStatus (converted in core_bridge.cpp only), or
// unknown where there is no pace; the chips of outcomes ("reached", "missed") and notes use it too.
enum class PaceState : uint8_t { unknown, on_track, behind, at_risk };
const char* pace_state_label(PaceState state, Lang lang);

struct IntervalResult {
    DateRange range;
    double value = 0;
    double target = 0;
};

// A goal's progress over the selected period.
struct GoalProgress {
    double value = 0;
    double target = 0;
    std::optional<double> percent;            // value / target * 100; none when the target is 0 or unknown
    std::optional<double> expected_fraction;  // 0..1 of the target where pace says the value should be now
    std::optional<double> forecast;           // the value expected at the period's end
    PaceState status = PaceState::unknown;
    std::vector<IntervalResult> intervals;    // bars of the detail chart, in time order
    bool reported_by_vendor = false;          // the vendor's own numbers, not computed from events
    std::optional<double> match_value;        // count goals over matches: the matches' values summed
    bool level = false;                       // an average or a rate: compared with its target as it is
    // The vendor's own figure for the period, when the computed one is shown (HubSpot's hs_kpi_value).
    std::optional<double> vendor_value;
    std::optional<double> vendor_percent;
};

// What the views ask progress for: the selected period, cut into the goal's intervals.
struct ProgressQuery {
    DateRange period;
    TimestampMs now = 0;
    int zone_offset_minutes = 0;
    CalendarOptions calendar;
};

// Progress with no CRM data: the progress engine over an empty store, so the vendor's own figures
// (HubSpot's slices, Pipedrive's results) under the core's one rule. Used when no engine is given.
GoalProgress progress_from_goal(const Goal& goal, const ProgressQuery& query);

//-----------------------------------------------------------------------------
// [SECTION] Conversions and matches
//-----------------------------------------------------------------------------

// One row of the conversions feed: a match the core found in the browser (gp::MatchRecord) or a
// conversion the vendor computed (gp::Conversion), with the agent its goal's attribution credits and its
// value (0 when none). matches_for_view() makes them; condition goals' results count the same rows.
struct MatchRecord {
    TimestampMs at = 0;
    std::string goal_id;
    std::string visitor_id;
    std::string url;
    double value = 0;
    std::string agent_id;  // empty: not attributed to anyone
    bool reported_by_vendor = false;  // a conversion the vendor computed (Zendesk Chat), not a match found here
};

// Condition goals (giosg rules, Zendesk URL goals) are the ones the conversions view lists.
bool is_condition_goal(const Goal& goal);

//-----------------------------------------------------------------------------
// [SECTION] URL explanations
//-----------------------------------------------------------------------------

// The core's three-valued verdict, and error (conditions.hpp).
using Outcome = Verdict;
const char* outcome_label(Outcome outcome, Lang lang);

struct ConditionExplanation {
    std::string condition;  // the condition in words, e.g. "URL contains /pricing" (English)
    Outcome outcome = Outcome::no_match;
    std::string reason;     // one sentence saying why (English: the core's)
    // What the words are made of, for saying them in the page's language (url_tester.cpp).
    ConditionField field = ConditionField::url;
    ConditionOp op = ConditionOp::equals;
    std::string pattern, subject;
    bool negate = false;
    bool folded = false;    // compared without regard to case
    bool room_scope = false;  // not a condition: the goal's rooms leave the page out
};

struct GoalExplanation {
    std::string goal_id;
    Outcome outcome = Outcome::no_match;
    std::vector<ConditionExplanation> conditions;
};

struct UrlExplanation {
    std::string problem;  // the URL itself could not be read (empty when it could)
    std::vector<GoalExplanation> goals;
};

//-----------------------------------------------------------------------------
// [SECTION] Services
//-----------------------------------------------------------------------------

// Callbacks into the core. Each may be empty: the views then fall back (progress_from_goal) or say
// that the feature is unavailable (URL tester, validation).
struct Services {
    std::function<GoalProgress(const Goal&, const ProgressQuery&)> progress;
    std::function<UrlExplanation(std::string_view url, const std::vector<Goal>& goals)> explain_url;
    // Errors name fields by JSON pointer into the canonical goal ("/title", "/target/amount",
    // "/conditions/2/value"); the editor shows each one at the field it names.
    std::function<std::vector<Error>(const Goal&)> validate;
};

//-----------------------------------------------------------------------------
// [SECTION] Widget data
//-----------------------------------------------------------------------------

// One goal source's status as a message and its values (messages.hpp), said in the page's language when
// drawn. Msg::source_ready takes {vendor} and {pages}; the others take what their pattern names.
struct SourceStatus {
    std::string source;  // what the source is called when there are several ("pipedrive", or its URL)
    Message message;
};
// The widget's one status line from its sources' statuses: "ready: pipedrive (2 pages), zendesk; giosg: could
// not load goals: HTTP 404". A source's own name is said only when there are several.
std::string status_line(const std::vector<SourceStatus>& sources, Lang lang);

struct WidgetData {
    // Bump whenever goals, matches or errors change: the views cache filters, sorts and progress by it.
    uint64_t generation = 0;
    std::vector<Goal> goals;
    // Parallel to goals, when the platform layer has them (Workspace::goal_revisions): what is computed for
    // a goal of the same revision, at the same figures_generation, still holds after another goal's edit.
    std::vector<uint64_t> goal_revisions;
    uint64_t figures_generation = 0;  // Workspace::figures_generation
    std::vector<Error> errors;          // problems in the last payload (its valid goals are still shown)
    std::vector<Error> warnings;        // what the readers assumed about odd values (the goals are kept)
    std::vector<MatchRecord> matches;   // conversions, in any order
    std::string current_page_url;       // the host page, for "goals matching this page"
    Services services;

    // Loading, for the status strip: the sources' statuses, said in the page's language; without any, `status`
    // as it is. The platform layer keeps `status` as the English line too (state().status).
    std::vector<SourceStatus> statuses;
    std::string status;                 // one line, e.g. "ready: pipedrive", "stale: the refresh failed ..."
    bool loading = false;
    int pages_loaded = 0;
    std::optional<int> pages_expected;      // when the vendor says how many there are
    std::optional<TimestampMs> loaded_at;   // when the goals shown were fetched (the page's clock)
    bool stale = false;                     // the last refresh failed: the goals shown are older

    // Saving to the vendor (the save="vendor" option): the editor says where a change goes and how it went.
    bool saves_to_vendor = false;
    Message save_note;                      // "Saving to Pipedrive...", "Saved to Pipedrive.", or why not

    // When the loaded data happened (Workspace::data_span); none when no data source is loaded. A period
    // on screen outside it is said to have no data instead of being drawn as zero bars.
    std::optional<TimeSpan> data_span;
};

//-----------------------------------------------------------------------------
// [SECTION] Frame context
//-----------------------------------------------------------------------------

enum class ThemeChoice : uint8_t { light, dark, follow_system };

// Everything the views need from outside ImGui for one frame. The UI never reads a clock or the
// environment: the platform layer passes them in.
struct FrameContext {
    // The instant the goals are shown at: "today", the default period, pace and forecast all follow it.
    // The page's clock, or the end of the page's as-of day.
    TimestampMs now = 0;
    std::optional<Date> as_of;               // the page fixed "today" (the as-of option): the strip says so
    std::optional<TimestampMs> wall_clock;   // the page's clock when it differs from `now`, for "updated ... ago"

    int zone_offset_minutes = 0;
    ThemeChoice theme = ThemeChoice::follow_system;
    bool system_prefers_dark = false;   // prefers-color-scheme: dark
    bool reduced_motion = true;         // prefers-reduced-motion; no animation unless the page says so
    LocaleFormat locale;
    CalendarOptions calendar;
};

}  // namespace gp::ui
