// goalpost UI: progress from what a goal carries by itself, for widgets given goals without events.
// The progress engine (core/progress.hpp) computes from events; this only reads the vendor's numbers.
#include <algorithm>

#include "ui/widget_data.hpp"

namespace gp::ui {

namespace {

// The share of `period` that has passed at `now` for the viewer, 0..1.
double elapsed_fraction(DateRange period, TimestampMs now, int zone_offset_minutes) {
    const TimestampMs start = start_of_day(period.start, zone_offset_minutes);
    const TimestampMs end = start_of_day(Date{period.end.days + 1}, zone_offset_minutes);
    if (end <= start) return 0.0;
    return std::clamp(double(now - start) / double(end - start), 0.0, 1.0);
}

PaceState pace_of(double value, double expected, Direction direction) {
    if (expected <= 0) return PaceState::unknown;
    double ratio = value / expected;
    if (direction == Direction::lower_is_better) ratio = value > 0 ? expected / value : 1.0;
    if (ratio >= 1.0) return PaceState::on_track;
    if (ratio >= 0.8) return PaceState::behind;
    return PaceState::at_risk;
}

}  // namespace

GoalProgress progress_from_goal(const Goal& goal, const ProgressQuery& query) {
    GoalProgress p;
    p.reported_by_vendor = true;
    const auto& slices = goal.schedule.per_interval;
    if (!slices.empty()) {
        for (const IntervalTarget& slice : slices) {
            if (slice.end < query.period.start || query.period.end < slice.start) continue;
            p.intervals.push_back({{slice.start, slice.end}, slice.reported_value.value_or(0.0), slice.target});
            p.value += slice.reported_value.value_or(0.0);
            p.target += slice.target;
        }
    } else {
        p.value = goal.reported.value.value_or(0.0);
        p.target = goal.target.amount;
        p.intervals.push_back({query.period, p.value, p.target});
    }
    if (p.target > 0) p.percent = p.value / p.target * 100.0;
    if (goal.reported.percent && slices.empty()) p.percent = *goal.reported.percent;
    // Pace only means something while the period is running.
    const double elapsed = elapsed_fraction(query.period, query.now, query.zone_offset_minutes);
    if (elapsed > 0.0 && p.target > 0) {
        p.expected_fraction = elapsed;
        p.forecast = elapsed < 1.0 ? p.value / elapsed : p.value;
        p.status = pace_of(p.value, p.target * elapsed, goal.target.direction);
    }
    return p;
}

}  // namespace gp::ui
