// The progress engine: a goal's results per period and interval, pace and forecast, with Pipedrive's
// semantics (docs/progress.md). Pure: the clock and the viewer's zone offset are arguments.
//
// Index
// - [SECTION] Request
// - [SECTION] Results
// - [SECTION] Entry points
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/events.hpp"
#include "core/model.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Request
//-----------------------------------------------------------------------------

struct PaceThresholds {
    double on_track = 1.0;  // progress / pro-rated target at or above this: on_track
    double behind = 0.8;    // at or above this: behind; below: at_risk
};

// Explicit exchange rates: the value of one unit of each currency in a common base of the caller's
// choosing. Only used when given; results that used it say so.
using RateTable = std::map<std::string, double>;

struct ResultsRequest {
    // The /v1/goals/{id}/results query, as text so that a missing or malformed bound is reported as such.
    std::optional<std::string> period_start;
    std::optional<std::string> period_end;
    std::optional<TimestampMs> now;  // when set, the results carry pace and forecast
    int zone_offset_minutes = 0;     // the viewer's offset from UTC; decides which day an instant falls on
    CalendarOptions calendar;
    PaceThresholds thresholds;
    std::optional<RateTable> rates;
};

//-----------------------------------------------------------------------------
// [SECTION] Results
//-----------------------------------------------------------------------------

struct Bucket {
    DateRange range;
    double progress = 0;
    double target = 0;
    std::optional<double> percent;  // progress / target * 100; none when the target is 0
};

enum class PaceStatus : uint8_t { on_track, behind, at_risk };
const char* pace_status_name(PaceStatus status);

struct Pace {
    DateRange interval;
    double elapsed_fraction = 0;   // 0..1 of the current interval
    double prorated_target = 0;    // target × elapsed fraction
    double progress = 0;
    PaceStatus status = PaceStatus::on_track;
    double forecast = 0;           // progress at the interval's end at the current pace
};

// Where a result's progress comes from: computed here from CRM events, or the vendor's own figures
// (HubSpot's hs_kpi_value per slice, Pipedrive's results endpoint), used when no CRM data is given or the
// goal measures something CRM events cannot give (an average reply time).
enum class ResultSource : uint8_t { computed, vendor };

// The vendor's own figure for the period, shown beside a computed one.
struct ReportedFigures {
    double progress = 0;
    std::optional<double> percent;
};

struct GoalResults {
    std::string goal_id;
    DateRange period;
    Interval interval = Interval::none;
    Direction direction = Direction::higher_is_better;
    TrackingMetric tracking = TrackingMetric::quantity;
    // A level (an average, or a rate in percent) is compared with its target as it is: never pro-rated
    // over a period, and never added up across intervals (the totals are the intervals' means).
    bool level = false;
    ResultSource source = ResultSource::computed;
    std::optional<ReportedFigures> reported;  // the vendor's figure, when computed progress is shown
    std::string currency;              // sum goals: the goal's currency
    std::vector<Bucket> buckets;
    double total_progress = 0;
    double total_target = 0;
    std::optional<double> total_percent;
    std::optional<Pace> pace;
    bool converted = false;            // an explicit rate table was used
    int64_t other_currency_events = 0; // deals in the period left out because of their currency
    IgnoredTally ignored;              // from the data, for the whole store
};

struct ResultsOutcome {
    std::optional<GoalResults> results;
    std::vector<Error> errors;  // the matching /v1/goals/{id}/results errors when results is empty
    bool ok() const { return results.has_value(); }
};

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

ResultsOutcome compute_results(const Goal& goal, const EventStore& store, const ResultsRequest& request);

// Pace at `now` in the bucket that holds its day (none when no bucket does): the one pace rule, also used
// for series the engine does not compute itself (conversion goals, matching.hpp). An accumulating figure is
// compared with its target pro-rated by the time elapsed; a level (`level`) with its whole target, and it
// forecasts itself.
std::optional<Pace> pace_in(const std::vector<Bucket>& buckets, Direction direction, TimestampMs now,
                            int zone_offset_minutes, const PaceThresholds& thresholds, bool level = false);

// True for goals whose figure is a level (TrackingMetric::average, or a percentage rate).
bool is_level_goal(const Goal& goal);

// The same, for a goal looked up by id among `goals` (a 404 not_found error when it is absent).
ResultsOutcome compute_results(const std::vector<Goal>& goals, const std::string& goal_id, const EventStore& store,
                               const ResultsRequest& request);

// The documented JSON shape (docs/progress.md).
Json results_to_json(const GoalResults& results);
Json errors_to_json(const std::vector<Error>& errors);

}  // namespace gp
