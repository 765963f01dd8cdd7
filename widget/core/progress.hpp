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
#include <unordered_map>
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
    // Cut the period into these intervals instead of the goal's own (the widget's conversions view lists
    // weeks or months). Each bucket's target follows the same rule: the goal's target per interval, shared
    // by days where a bucket covers part of an interval.
    std::optional<Interval> buckets;
};

// Matches of condition goals (matching.hpp, or the vendor's own conversions), indexed by goal and time:
// the count and the sum of the values over any span is two binary searches.
struct MatchTally {
    int64_t count = 0;
    double value = 0;  // the matches' values summed (a match with no value adds 0)
};

class MatchSeries {
public:
    void add(const std::string& goal_id, TimestampMs at, double value);
    // Puts what was added in time order: call it once all are added, before tally().
    void finish();
    // The matches of the goal in [from, to).
    MatchTally tally(const std::string& goal_id, TimestampMs from, TimestampMs to) const;
    size_t size() const { return size_; }

private:
    struct Line {
        std::vector<std::pair<TimestampMs, double>> added;
        std::vector<TimestampMs> at;
        std::vector<double> value_before;  // value_before[i]: the sum of the values of the first i matches
    };
    std::unordered_map<std::string, Line> by_goal_;
    size_t size_ = 0;
};

//-----------------------------------------------------------------------------
// [SECTION] Results
//-----------------------------------------------------------------------------

struct Bucket {
    DateRange range;
    double progress = 0;
    double target = 0;
    std::optional<double> percent;  // progress / target * 100; none when the target is 0
    // Condition goals (ResultSource::matches): the matches in the bucket; progress is their count, or
    // their values summed for a sum goal (their mean for an average).
    std::optional<MatchTally> matches;
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
// goal measures something CRM events cannot give (an average reply time), or a condition goal's matches.
enum class ResultSource : uint8_t { computed, vendor, matches };

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
    std::optional<MatchTally> matches; // condition goals: the matches in the period
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

// A condition goal's results from its matches: the same period contract, buckets, target rule, totals and
// pace as a CRM goal's, with each bucket's matches counted (and their values summed) by the day they fell
// on in the viewer's zone. Progress is the count, or the values' sum for a sum goal.
ResultsOutcome compute_results(const Goal& goal, const MatchSeries& matches, const ResultsRequest& request);

// Pace at `now` in the bucket that holds its day (none when no bucket does): the one pace rule. An
// accumulating figure is compared with its target pro-rated by the time elapsed; a level (`level`) with
// its whole target, and it forecasts itself.
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
