// goalpost UI: progress from what a goal carries by itself, for widgets given goals without events.
// The progress engine (core/progress.hpp) computes from events; this only reads the vendor's numbers, and
// takes pace from the core's one pace rule (gp::pace_in) over them.
#include <algorithm>

#include "core/progress.hpp"
#include "ui/widget_data.hpp"

namespace gp::ui {

namespace {

PaceState pace_state_of(PaceStatus s) {
    switch (s) {
        case PaceStatus::on_track: return PaceState::on_track;
        case PaceStatus::behind: return PaceState::behind;
        case PaceStatus::at_risk: return PaceState::at_risk;
    }
    return PaceState::unknown;
}

}  // namespace

GoalProgress progress_from_goal(const Goal& goal, const ProgressQuery& query) {
    GoalProgress p;
    p.reported_by_vendor = true;
    std::vector<Bucket> buckets;
    const auto& slices = goal.schedule.per_interval;
    if (!slices.empty()) {
        for (const IntervalTarget& slice : slices) {
            if (slice.end < query.period.start || query.period.end < slice.start) continue;
            const double value = slice.reported_value.value_or(0.0);
            p.intervals.push_back({{slice.start, slice.end}, value, slice.target});
            buckets.push_back({{slice.start, slice.end}, value, slice.target, std::nullopt});
            p.value += value;
            p.target += slice.target;
        }
    } else {
        p.value = goal.reported.value.value_or(0.0);
        p.target = goal.target.amount;
        p.intervals.push_back({query.period, p.value, p.target});
        buckets.push_back({query.period, p.value, p.target, std::nullopt});
    }
    if (p.target > 0) p.percent = p.value / p.target * 100.0;
    if (goal.reported.percent && slices.empty()) p.percent = *goal.reported.percent;
    // Pace only means something while the period is running: the core's rule, in the bucket of today.
    if (p.target <= 0) return p;
    const std::optional<Pace> pace = pace_in(buckets, goal.target.direction, query.now, query.zone_offset_minutes, {});
    if (!pace) return p;
    double expected = pace->prorated_target, done = 0;
    for (const Bucket& b : buckets) {
        if (b.range.end < pace->interval.start) {
            expected += b.target;
            done += b.progress;
        }
    }
    p.expected_fraction = std::clamp(expected / p.target, 0.0, 1.0);
    p.forecast = done + pace->forecast;
    p.status = pace_state_of(pace->status);
    return p;
}

}  // namespace gp::ui
