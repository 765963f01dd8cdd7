#include "ui/core_bridge.hpp"

#include <algorithm>

#include "core/calendar.hpp"
#include "core/cold_sort.hpp"
#include "core/explain.hpp"
#include "core/model_names.hpp"
#include "core/progress.hpp"
#include "core/validate.hpp"
#include "core/vendor_api.hpp"

namespace gp::ui {

//-----------------------------------------------------------------------------
// [SECTION] Validation
//-----------------------------------------------------------------------------

// The renames are each vendor's knowledge: the core's vendor layer holds them.
std::string canonical_field_path(Vendor vendor, const std::string& wire) { return model_field_path(vendor, wire); }

std::vector<Error> validate_with_core(const Goal& goal) {
    std::vector<Error> errors;
    validate_goal(goal, goal.vendor, "", errors);
    for (Error& e : errors) e.path = canonical_field_path(goal.vendor, e.path);
    return errors;
}

//-----------------------------------------------------------------------------
// [SECTION] Explain
//-----------------------------------------------------------------------------

static std::string describe(const gp::ConditionExplanation& c) {
    std::string s(name_of(c.field));
    s += c.negate ? " not " : " ";
    s += name_of(c.op);
    s += " \"" + c.pattern + "\"";
    return s;
}

UrlExplanation explain_with_core(std::string_view url, const std::vector<Goal>& goals) {
    PageView view;
    view.url = std::string(url);
    const ExplainReport report = explain(goals, view);
    UrlExplanation out;
    out.problem = report.url_problem;
    out.goals.reserve(report.goals.size());
    for (const gp::GoalExplanation& g : report.goals) {
        ui::GoalExplanation e;
        e.goal_id = g.goal_id;
        e.outcome = g.verdict;
        for (const gp::ConditionExplanation& c : g.conditions)
            e.conditions.push_back({describe(c), c.verdict, c.reason, c.field, c.op, c.pattern, c.subject, c.negate,
                                    !c.case_sensitive, false});
        if (!g.room_allowed) {
            ui::ConditionExplanation room;
            room.condition = "room scope";
            room.reason = "The page is not in one of the goal's rooms.";
            room.room_scope = true;
            e.conditions.push_back(std::move(room));
        }
        out.goals.push_back(std::move(e));
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Progress
//-----------------------------------------------------------------------------

static PaceState pace_state_of(PaceStatus s) {
    switch (s) {
        case PaceStatus::on_track: return PaceState::on_track;
        case PaceStatus::behind: return PaceState::behind;
        case PaceStatus::at_risk: return PaceState::at_risk;
    }
    return PaceState::unknown;
}

static GoalProgress progress_of(const GoalResults& r) {
    GoalProgress p;
    p.value = r.total_progress;
    p.target = r.total_target;
    p.percent = r.total_percent;
    p.reported_by_vendor = r.source == ResultSource::vendor;
    p.level = r.level;
    if (r.reported) {
        p.vendor_value = r.reported->progress;
        p.vendor_percent = r.reported->percent;
    }
    for (const Bucket& b : r.buckets) p.intervals.push_back({b.range, b.progress, b.target});
    if (r.pace && r.level) {
        // A level is where it is: no marker to run against, and it forecasts itself.
        p.forecast = r.pace->forecast;
        p.status = pace_state_of(r.pace->status);
    } else if (r.pace && r.total_target > 0) {
        // Where pace says the bar should be: the targets of the intervals already over, plus the current
        // interval's pro-rated target.
        double expected = r.pace->prorated_target;
        double done_progress = 0;
        for (const Bucket& b : r.buckets) {
            if (b.range.end < r.pace->interval.start) {
                expected += b.target;
                done_progress += b.progress;
            }
        }
        p.expected_fraction = std::clamp(expected / r.total_target, 0.0, 1.0);
        // The engine forecasts the current interval; the intervals before it are final.
        p.forecast = done_progress + r.pace->forecast;
        p.status = pace_state_of(r.pace->status);
    }
    return p;
}

// The results contract wants a period inside the goal's duration; the view's period often reaches past it
// (a year view of a goal that starts in March), so it is cut to the part the goal covers. None when the goal
// does not run in the period at all.
static std::optional<ResultsRequest> request_for(const Goal& goal, const ProgressQuery& query) {
    DateRange period = query.period;
    if (goal.schedule.start && period.start < *goal.schedule.start) period.start = *goal.schedule.start;
    if (goal.schedule.end && *goal.schedule.end < period.end) period.end = *goal.schedule.end;
    if (period.end < period.start) return std::nullopt;
    ResultsRequest request;
    request.period_start = format_civil_date(period.start);
    request.period_end = format_civil_date(period.end);
    request.now = query.now;
    request.zone_offset_minutes = query.zone_offset_minutes;
    request.calendar = query.calendar;
    return request;
}

std::function<GoalProgress(const Goal&, const ProgressQuery&)> progress_with_core(
    std::shared_ptr<const EventStore> events, std::optional<RateTable> rates) {
    return [events, rates](const Goal& goal, const ProgressQuery& query) {
        std::optional<ResultsRequest> request = request_for(goal, query);
        if (!request) return GoalProgress{};
        request->rates = rates;
        const ResultsOutcome outcome = compute_results(goal, *events, *request);
        if (!outcome.results) return GoalProgress{};
        return progress_of(*outcome.results);
    };
}

GoalProgress progress_from_goal(const Goal& goal, const ProgressQuery& query) {
    static const auto vendor_figures = progress_with_core(std::make_shared<const EventStore>(), std::nullopt);
    return vendor_figures(goal, query);
}

//-----------------------------------------------------------------------------
// [SECTION] Matches
//-----------------------------------------------------------------------------

std::shared_ptr<const MatchSeries> match_series_of(const std::vector<MatchRecord>& feed) {
    // A conversion the vendor reported counts unless a match found here is the same visit (the same goal
    // and visitor within a day): the log and the vendor may both have seen it, and it counts once.
    constexpr TimestampMs kSameVisitMs = 24LL * 3600 * 1000;
    std::unordered_map<std::string, std::vector<TimestampMs>> found_here;  // goal + '\n' + visitor -> times
    for (const MatchRecord& m : feed)
        if (!m.reported_by_vendor) found_here[m.goal_id + '\n' + m.visitor_id].push_back(m.at);
    for (auto& [key, times] : found_here) cold_sort(times);
    const auto seen_here = [&](const MatchRecord& m) {
        const auto it = found_here.find(m.goal_id + '\n' + m.visitor_id);
        if (it == found_here.end()) return false;
        const auto near = std::lower_bound(it->second.begin(), it->second.end(), m.at - kSameVisitMs);
        return near != it->second.end() && *near <= m.at + kSameVisitMs;
    };
    auto series = std::make_shared<MatchSeries>();
    for (const MatchRecord& m : feed)
        if (!m.reported_by_vendor || !seen_here(m)) series->add(m.goal_id, m.at, m.value);
    series->finish();
    return series;
}

std::optional<GoalResults> condition_results(const Goal& goal, const MatchSeries& matches, const ProgressQuery& query,
                                             std::optional<Interval> buckets) {
    std::optional<ResultsRequest> request = request_for(goal, query);
    if (!request) return std::nullopt;
    request->buckets = buckets;
    ResultsOutcome outcome = compute_results(goal, matches, *request);
    return std::move(outcome.results);
}

std::function<GoalProgress(const Goal&, const ProgressQuery&)> progress_with_matches(
    std::shared_ptr<const MatchSeries> matches, std::function<GoalProgress(const Goal&, const ProgressQuery&)> otherwise) {
    return [matches, otherwise](const Goal& goal, const ProgressQuery& query) {
        if (!is_condition_goal(goal)) return otherwise ? otherwise(goal, query) : progress_from_goal(goal, query);
        const std::optional<GoalResults> results = condition_results(goal, *matches, query);
        if (!results) return GoalProgress{};
        GoalProgress p = progress_of(*results);
        if (results->matches && goal.target.tracking != TrackingMetric::sum) p.match_value = results->matches->value;
        return p;
    };
}

std::vector<MatchRecord> matches_for_view(const Workspace& workspace) {
    std::vector<MatchRecord> out;
    out.reserve(workspace.matches().size() + workspace.conversions().size());
    for (const gp::MatchRecord& m : workspace.matches())
        out.push_back({m.at, m.goal_id, m.visitor_id, m.url, m.value.value_or(0.0), workspace.attributed_agent(m), false});
    for (const Conversion& c : workspace.conversions())
        out.push_back({c.at, c.goal_id, c.visitor_id, std::string(), 0.0,
                       c.attributed_to ? c.attributed_to->agent_id : std::string(), true});
    return out;
}

Services core_services() {
    Services s;
    s.validate = validate_with_core;
    s.explain_url = explain_with_core;
    return s;
}

}  // namespace gp::ui
