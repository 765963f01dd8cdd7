// The progress engine. See progress.hpp and docs/progress.md.
//
// Index
// - [SECTION] The results contract (period checks)
// - [SECTION] Resolving a goal's filters once
// - [SECTION] Buckets and targets
// - [SECTION] Pace
// - [SECTION] Buckets, totals and pace: the one rule for every source
// - [SECTION] Entry points
// - [SECTION] JSON
#include "core/progress.hpp"

#include <algorithm>
#include <cmath>

#include "core/cold_code.hpp"
#include "core/cold_sort.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"

namespace gp {

const char* pace_status_name(PaceStatus status) {
    switch (status) {
        case PaceStatus::on_track: return "on_track";
        case PaceStatus::behind: return "behind";
        case PaceStatus::at_risk: return "at_risk";
    }
    return "on_track";
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] The results contract
//-----------------------------------------------------------------------------

std::optional<Date> period_bound(const std::optional<std::string>& text, const char* name, std::vector<Error>& errors) {
    // The paths are built only for an error: this runs for every goal on every redraw.
    if (!text || text->empty()) {
        errors.push_back({std::string("/") + name, "required", std::string(name) + " is required", 400});
        return std::nullopt;
    }
    const std::optional<Date> d = parse_civil_date(*text);
    if (!d)
        errors.push_back({std::string("/") + name, "bad_date", std::string(name) + " must be an existing date as YYYY-MM-DD", 400});
    return d;
}

std::optional<DateRange> checked_period(const Goal& goal, const ResultsRequest& request, std::vector<Error>& errors) {
    const std::optional<Date> start = period_bound(request.period_start, "period.start", errors);
    const std::optional<Date> end = period_bound(request.period_end, "period.end", errors);
    if (!start || !end) return std::nullopt;
    if (*end < *start) {
        errors.push_back({"/period.end", "bad_period", "period.end is before period.start", 400});
        return std::nullopt;
    }
    const Schedule& s = goal.schedule;
    if (s.start && *start < *s.start)
        errors.push_back({"/period.start", "period_outside_duration",
                          "period.start must be the same as or after the goal's duration start", 400});
    if (s.end && *s.end < *end)
        errors.push_back({"/period.end", "period_outside_duration",
                          "period.end must be the same as or before the goal's duration end", 400});
    if (!errors.empty()) return std::nullopt;
    return DateRange{*start, *end};
}

// The goal carries figures its vendor computed: per slice (HubSpot) or for the goal (Pipedrive results).
bool has_vendor_figures(const Goal& goal) {
    if (goal.reported.value) return true;
    return std::any_of(goal.schedule.per_interval.begin(), goal.schedule.per_interval.end(),
                       [](const IntervalTarget& s) { return s.reported_value.has_value(); });
}

bool store_is_empty(const EventStore& store) {
    for (const Series* s : {&store.won, &store.started, &store.forecast_open, &store.progressed, &store.activities_added,
                            &store.activities_completed})
        if (s->event_count() > 0) return false;
    return true;
}

// CRM events count deals and activities and sum their values: an average reply time or a duration is not
// among what they can give, whatever the data.
bool computable_from_events(const Goal& goal) {
    return goal.target.tracking != TrackingMetric::average && goal.target.unit != Unit::duration &&
           goal.target.unit != Unit::percent;
}

bool supported(MetricType type) {
    switch (type) {
        case MetricType::deals_won:
        case MetricType::deals_started:
        case MetricType::deals_progressed:
        case MetricType::activities_added:
        case MetricType::activities_completed:
        case MetricType::revenue_forecast:
        case MetricType::sales_quota: return true;
        case MetricType::none:
        case MetricType::conversions: return false;
    }
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Resolving a goal's filters once
//-----------------------------------------------------------------------------

// One slice of one series that counts towards the goal, with the factor its sum is multiplied by
// (1, or an explicit exchange rate).
struct Part {
    const Series* series;
    uint32_t slice;
    double factor;
    bool by_civil_date;  // the series' times are civil dates at midnight UTC: no zone shift
};

struct Plan {
    std::vector<Part> parts;
    std::vector<Part> other_currency;  // would count but for their currency: tallied, never summed
    bool sum = false;
    bool converted = false;
    std::string currency;
};

std::vector<int32_t> goal_owners(const Goal& goal, const EventStore& store) {
    std::vector<int32_t> owners;
    switch (goal.assignee.type) {
        case AssigneeType::person:
            if (const auto o = store.find_owner(goal.assignee.id)) owners.push_back(*o);
            break;
        case AssigneeType::team:
            if (const auto t = store.teams.find(goal.assignee.id); t != store.teams.end()) owners = t->second;
            break;
        case AssigneeType::company:
        case AssigneeType::none:
            owners.push_back(kEveryone);  // every event has a known owner: the merged slices hold them all
            break;
    }
    return owners;
}

bool listed(const std::optional<std::vector<int64_t>>& allowed, int64_t value) {
    return !allowed || std::find(allowed->begin(), allowed->end(), value) != allowed->end();
}

std::string goal_currency(const Goal& goal, const EventStore& store) {
    if (!goal.target.currency_code.empty()) return goal.target.currency_code;
    if (goal.target.currency_id)
        if (const auto it = store.currency_codes.find(*goal.target.currency_id); it != store.currency_codes.end())
            return it->second;
    return {};
}

// The factor that turns an amount in `from` into the goal's currency, or nullopt if it may not be counted.
std::optional<double> currency_factor(const Plan& plan, const std::string& from, const ResultsRequest& request) {
    if (!plan.sum || from == plan.currency) return 1.0;
    if (!request.rates) return std::nullopt;
    const auto f = request.rates->find(from);
    const auto t = request.rates->find(plan.currency);
    if (f == request.rates->end() || t == request.rates->end() || !(f->second > 0) || !(t->second > 0))
        return std::nullopt;
    return f->second / t->second;
}

void add_parts(const Series& series, bool by_civil_date, const Goal& goal, const EventStore& store,
               const std::vector<int32_t>& owners, const ResultsRequest& request, Plan& plan) {
    const Metric& m = goal.metric;
    const bool activities = m.type == MetricType::activities_added || m.type == MetricType::activities_completed;
    for (const int32_t owner : owners) {
        const auto [first, last] = series.slices_of_owner(owner);
        for (size_t s = first; s < last; ++s) {
            const SeriesKey& k = series.slice_keys[s];
            if (!listed(activities ? m.activity_type_ids : m.pipeline_ids, k.group)) continue;
            if (m.type == MetricType::deals_progressed && m.stage_id && k.stage != *m.stage_id) continue;
            const std::string& code = k.currency >= 0 ? store.currencies[static_cast<size_t>(k.currency)] : plan.currency;
            const std::optional<double> factor = currency_factor(plan, code, request);
            const Part part{&series, static_cast<uint32_t>(s), factor ? *factor : 0.0, by_civil_date};
            if (!factor) {
                plan.other_currency.push_back(part);
                continue;
            }
            plan.converted = plan.converted || code != plan.currency;
            plan.parts.push_back(part);
        }
    }
}

Plan resolve(const Goal& goal, const EventStore& store, const ResultsRequest& request) {
    Plan plan;
    const MetricType type = goal.metric.type;
    const bool activities = type == MetricType::activities_added || type == MetricType::activities_completed;
    plan.sum = !activities && (goal.target.tracking == TrackingMetric::sum || type == MetricType::revenue_forecast ||
                               type == MetricType::sales_quota);
    plan.currency = goal_currency(goal, store);
    const std::vector<int32_t> owners = goal_owners(goal, store);
    plan.parts.reserve(16);  // a person's goal: a dozen slices or so
    const auto add = [&](const Series& s, bool by_date) { add_parts(s, by_date, goal, store, owners, request, plan); };
    switch (type) {
        case MetricType::deals_won:
        case MetricType::sales_quota: add(store.won, false); break;
        case MetricType::deals_started: add(store.started, false); break;
        case MetricType::deals_progressed: add(store.progressed, false); break;
        case MetricType::activities_added: add(store.activities_added, false); break;
        case MetricType::activities_completed: add(store.activities_completed, false); break;
        case MetricType::revenue_forecast:
            add(store.won, false);
            add(store.forecast_open, true);
            break;
        case MetricType::none:
        case MetricType::conversions: break;
    }
    return plan;
}

struct Window {
    TimestampMs zoned_start, zoned_end;  // [start, end) at the viewer's offset
    TimestampMs civil_start, civil_end;  // the same days at midnight UTC, for civil-date series
};

Window window_of(DateRange r, int zone_offset_minutes) {
    const Date after{r.end.days + 1};
    return {start_of_day(r.start, zone_offset_minutes), start_of_day(after, zone_offset_minutes),
            start_of_day(r.start, 0), start_of_day(after, 0)};
}

// Every bucket's progress, and the other-currency count over the period, with one pass per slice.
struct Measured {
    std::vector<double> progress;
    int64_t other_currency_events = 0;
};

Measured measure(const Plan& plan, const std::vector<Window>& windows) {
    const size_t n = windows.size();
    std::vector<TimestampMs> bounds(4 * n);  // zoned starts, zoned ends, civil starts, civil ends
    for (size_t i = 0; i < n; ++i) {
        bounds[i] = windows[i].zoned_start;
        bounds[n + i] = windows[i].zoned_end;
        bounds[2 * n + i] = windows[i].civil_start;
        bounds[3 * n + i] = windows[i].civil_end;
    }
    const auto spans_of = [&](const Part& p, std::vector<Series::Span>& spans, bool sums) {
        std::fill(spans.begin(), spans.end(), Series::Span{});
        const TimestampMs* b = bounds.data() + (p.by_civil_date ? 2 * n : 0);
        p.series->add_ranges(p.slice, b, b + n, n, spans.data(), sums);
    };
    Measured m;
    m.progress.assign(n, 0.0);
    std::vector<Series::Span> spans(n);
    for (const Part& p : plan.parts) {
        spans_of(p, spans, plan.sum);
        for (size_t i = 0; i < n; ++i) m.progress[i] += plan.sum ? spans[i].sum * p.factor : spans[i].count;
    }
    // Only a period total is reported for these: back-to-back buckets need just the outer bounds.
    bool contiguous = true;
    for (size_t i = 1; i < n; ++i) contiguous = contiguous && windows[i].zoned_start == windows[i - 1].zoned_end;
    for (const Part& p : plan.other_currency) {
        if (contiguous && n > 0) {
            const TimestampMs* b = bounds.data() + (p.by_civil_date ? 2 * n : 0);
            m.other_currency_events += p.series->count(p.slice, b[0], b[2 * n - 1]);
            continue;
        }
        spans_of(p, spans, false);
        for (const Series::Span& span : spans) m.other_currency_events += span.count;
    }
    return m;
}

//-----------------------------------------------------------------------------
// [SECTION] Buckets and targets
//-----------------------------------------------------------------------------

int32_t overlap_days(DateRange a, DateRange b) {
    const int32_t lo = std::max(a.start.days, b.start.days);
    const int32_t hi = std::min(a.end.days, b.end.days);
    return hi < lo ? 0 : hi - lo + 1;
}

// The vendor's own per-interval targets, each pro-rated by the share of its days inside the bucket.
double sliced_target(const std::vector<IntervalTarget>& slices, DateRange bucket) {
    double target = 0;
    for (const IntervalTarget& t : slices) {
        const DateRange r{t.start, t.end};
        if (r.end < r.start) continue;
        target += t.target * overlap_days(r, bucket) / static_cast<double>(r.days());
    }
    return target;
}

// Pipedrive's target applies to each interval; a bucket that covers part of an interval gets its share by
// days, and one that reaches over several intervals the shares of each. Buckets cut by the goal's own
// interval are whole intervals but for the period's first and last (`maybe_clipped`).
double bucket_target(const Goal& goal, DateRange bucket, bool maybe_clipped, const CalendarOptions& calendar) {
    const Schedule& s = goal.schedule;
    if (is_level_goal(goal)) {
        // A level's target holds for any part of its interval: the mean of the slices the bucket touches.
        double sum = 0;
        int n = 0;
        for (const IntervalTarget& t : s.per_interval)
            if (overlap_days({t.start, t.end}, bucket) > 0) {
                sum += t.target;
                ++n;
            }
        return n > 0 ? sum / n : goal.target.amount;
    }
    if (!s.per_interval.empty()) return sliced_target(s.per_interval, bucket);
    const double amount = goal.target.amount;
    if (s.interval != Interval::none) {
        if (!maybe_clipped) return amount;
        double target = 0;
        for (Date d = bucket.start; d <= bucket.end;) {
            const DateRange full = interval_containing(d, s.interval, calendar);
            target += amount * overlap_days(full, bucket) / static_cast<double>(full.days());
            d = Date{full.end.days + 1};
        }
        return target;
    }
    if (s.start && s.end && *s.start <= *s.end)
        return amount * bucket.days() / static_cast<double>(DateRange{*s.start, *s.end}.days());
    return amount;
}

// Interval goals are cut by the calendar; vendor slices with no interval are their own buckets. A request
// may cut the period by an interval of its own instead.
std::vector<DateRange> bucket_ranges(const Goal& goal, DateRange period, const ResultsRequest& request) {
    const CalendarOptions& calendar = request.calendar;
    if (request.buckets) return split_into_intervals(period, *request.buckets, calendar);
    const Schedule& s = goal.schedule;
    if (s.interval != Interval::none || s.per_interval.empty()) return split_into_intervals(period, s.interval, calendar);
    std::vector<DateRange> out;
    for (const IntervalTarget& t : s.per_interval) {
        const DateRange clipped{std::max(t.start, period.start), std::min(t.end, period.end)};
        if (clipped.start <= clipped.end) out.push_back(clipped);
    }
    cold_sort(out, [](const DateRange& a, const DateRange& b) { return a.start < b.start; });
    if (out.empty()) out.push_back(period);
    return out;
}

// The vendor's figures over the buckets: each slice's reported value goes to the first bucket it touches
// (a to-date figure cannot be cut by days); a level bucket takes the mean of its slices' values. A goal
// with one figure for itself (Pipedrive's results) has it over the whole period.
std::vector<double> vendor_progress(const Goal& goal, const std::vector<DateRange>& ranges, bool level) {
    std::vector<double> progress(ranges.size(), 0.0);
    if (ranges.empty()) return progress;
    const auto& slices = goal.schedule.per_interval;
    if (slices.empty()) {
        progress[0] = goal.reported.value.value_or(0.0);
        return progress;
    }
    std::vector<int> counts(ranges.size(), 0);
    for (const IntervalTarget& t : slices) {
        if (!t.reported_value) continue;
        for (size_t i = 0; i < ranges.size(); ++i) {
            if (overlap_days({t.start, t.end}, ranges[i]) == 0) continue;
            progress[i] += *t.reported_value;
            ++counts[i];
            break;
        }
    }
    if (level)
        for (size_t i = 0; i < ranges.size(); ++i)
            if (counts[i] > 1) progress[i] /= counts[i];
    return progress;
}

// The vendor's figure for the whole period, to show beside a computed one.
ReportedFigures reported_over(const std::vector<double>& by_bucket, double total_target, bool level) {
    ReportedFigures f;
    for (double v : by_bucket) f.progress += v;
    if (level && !by_bucket.empty()) f.progress /= static_cast<double>(by_bucket.size());
    // From the vendor's value and the period's target: HubSpot's hs_kpi_progress_percent is written both
    // as a fraction and as a percentage in the records seen, so it is not trusted for the figure.
    if (total_target != 0) f.percent = f.progress / total_target * 100.0;
    return f;
}

std::optional<double> percent_of(double progress, double target) {
    if (!(target != 0) || !std::isfinite(target)) return std::nullopt;
    return progress / target * 100.0;
}

//-----------------------------------------------------------------------------
// [SECTION] Pace
//-----------------------------------------------------------------------------

PaceStatus status_of(double progress, double prorated, Direction direction, const PaceThresholds& t) {
    const bool lower = direction == Direction::lower_is_better;
    const double numerator = lower ? prorated : progress;
    const double denominator = lower ? progress : prorated;
    if (denominator <= 0) return (lower || numerator >= 0) ? PaceStatus::on_track : PaceStatus::at_risk;
    const double ratio = numerator / denominator;
    if (ratio >= t.on_track) return PaceStatus::on_track;
    if (ratio >= t.behind) return PaceStatus::behind;
    return PaceStatus::at_risk;
}

std::optional<Pace> pace_of(const GoalResults& r, const ResultsRequest& request) {
    if (!request.now) return std::nullopt;
    return pace_in(r.buckets, r.direction, *request.now, request.zone_offset_minutes, request.thresholds, r.level);
}

//-----------------------------------------------------------------------------
// [SECTION] Buckets, totals and pace: the one rule for every source
//-----------------------------------------------------------------------------

GoalResults results_frame(const Goal& goal, DateRange period) {
    GoalResults r;
    r.goal_id = goal.id;
    r.period = period;
    r.interval = goal.schedule.interval;
    r.direction = goal.target.direction;
    r.level = is_level_goal(goal);
    return r;
}

// Each bucket's target, the totals (a level's are the buckets' means), percents and pace.
void finish_results(const Goal& goal, const std::vector<DateRange>& ranges, const std::vector<double>& progress,
                    const ResultsRequest& request, GoalResults& r) {
    // Buckets of the goal's own interval are whole intervals but for the first and the last.
    const bool own_cut = !request.buckets || *request.buckets == goal.schedule.interval;
    r.buckets.reserve(ranges.size());
    for (size_t i = 0; i < ranges.size(); ++i) {
        const bool maybe_clipped = !own_cut || i == 0 || i + 1 == ranges.size();
        Bucket b{ranges[i], progress[i], bucket_target(goal, ranges[i], maybe_clipped, request.calendar), std::nullopt,
                 std::nullopt};
        b.percent = percent_of(b.progress, b.target);
        r.total_progress += b.progress;
        r.total_target += b.target;
        r.buckets.push_back(b);
    }
    if (r.level && !r.buckets.empty()) {
        r.total_progress /= static_cast<double>(r.buckets.size());
        r.total_target /= static_cast<double>(r.buckets.size());
    }
    r.total_percent = percent_of(r.total_progress, r.total_target);
    r.pace = pace_of(r, request);
}

}  // namespace

bool is_level_goal(const Goal& goal) {
    return goal.target.tracking == TrackingMetric::average || goal.target.unit == Unit::percent;
}

std::optional<Pace> pace_in(const std::vector<Bucket>& buckets, Direction direction, TimestampMs now,
                            int zone_offset_minutes, const PaceThresholds& thresholds, bool level) {
    const Date today = civil_date_of(now, zone_offset_minutes);
    for (const Bucket& b : buckets) {
        if (!b.range.contains(today)) continue;
        const Window w = window_of(b.range, zone_offset_minutes);
        Pace p;
        p.interval = b.range;
        p.elapsed_fraction = std::clamp(static_cast<double>(now - w.zoned_start) /
                                            static_cast<double>(w.zoned_end - w.zoned_start), 0.0, 1.0);
        p.prorated_target = level ? b.target : b.target * p.elapsed_fraction;
        p.progress = b.progress;
        p.status = status_of(p.progress, p.prorated_target, direction, thresholds);
        p.forecast = level || !(p.elapsed_fraction > 0) ? p.progress : p.progress / p.elapsed_fraction;
        return p;
    }
    return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

ResultsOutcome compute_results(const Goal& goal, const EventStore& store, const ResultsRequest& request) {
    ResultsOutcome out;
    const std::optional<DateRange> period = checked_period(goal, request, out.errors);
    // The one rule for whose figures are shown: the vendor's where no CRM data is given or the events
    // cannot measure the goal; computed ones otherwise, with the vendor's beside them.
    const bool vendor_figures = has_vendor_figures(goal);
    const bool use_vendor = vendor_figures && (store_is_empty(store) || !computable_from_events(goal));
    if (!use_vendor && !supported(goal.metric.type))
        out.errors.push_back({"/type/name", "unsupported_metric", "this goal type has no CRM results", 422});
    if (!use_vendor && !computable_from_events(goal))
        out.errors.push_back({"/target", "unsupported_metric",
                              "CRM events cannot measure this goal (an average, a duration or a rate), and it carries "
                              "no figures of its vendor's",
                              422});
    if (!period || !out.errors.empty()) return out;

    GoalResults r = results_frame(goal, *period);
    r.ignored = store.ignored;
    const std::vector<DateRange> ranges = bucket_ranges(goal, *period, request);
    std::vector<double> progress;
    if (use_vendor) {
        r.source = ResultSource::vendor;
        r.tracking = goal.target.tracking;
        r.currency = goal.target.tracking == TrackingMetric::sum || goal.target.unit == Unit::currency
                         ? goal_currency(goal, store) : std::string();
        progress = vendor_progress(goal, ranges, r.level);
    } else {
        const Plan plan = resolve(goal, store, request);
        r.tracking = plan.sum ? TrackingMetric::sum : TrackingMetric::quantity;
        r.currency = plan.sum ? plan.currency : std::string();
        r.converted = plan.converted;
        std::vector<Window> windows;
        windows.reserve(ranges.size());
        for (const DateRange& range : ranges) windows.push_back(window_of(range, request.zone_offset_minutes));
        Measured measured = measure(plan, windows);
        r.other_currency_events = measured.other_currency_events;
        progress = std::move(measured.progress);
    }
    finish_results(goal, ranges, progress, request, r);
    if (!use_vendor && vendor_figures)
        r.reported = reported_over(vendor_progress(goal, ranges, r.level), r.total_target, r.level);
    out.results = std::move(r);
    return out;
}

void MatchSeries::add(const std::string& goal_id, TimestampMs at, double value) {
    by_goal_[goal_id].added.push_back({at, value});
    ++size_;
}

void MatchSeries::finish() {
    for (auto& [goal_id, line] : by_goal_) {
        if (line.added.empty()) continue;
        for (size_t i = 0; i < line.at.size(); ++i)  // matches of an earlier finish()
            line.added.push_back({line.at[i], line.value_before[i + 1] - line.value_before[i]});
        cold_sort(line.added, [](const auto& a, const auto& b) { return a.first < b.first; });
        line.at.clear();
        line.value_before.assign(1, 0.0);
        line.at.reserve(line.added.size());
        line.value_before.reserve(line.added.size() + 1);
        for (const auto& [at, value] : line.added) {
            line.at.push_back(at);
            line.value_before.push_back(line.value_before.back() + value);
        }
        line.added.clear();
        line.added.shrink_to_fit();
    }
}

MatchTally MatchSeries::tally(const std::string& goal_id, TimestampMs from, TimestampMs to) const {
    const auto found = by_goal_.find(goal_id);
    if (found == by_goal_.end() || to <= from) return {};
    const Line& t = found->second;
    const size_t lo = static_cast<size_t>(std::lower_bound(t.at.begin(), t.at.end(), from) - t.at.begin());
    const size_t hi = static_cast<size_t>(std::lower_bound(t.at.begin(), t.at.end(), to) - t.at.begin());
    if (hi <= lo) return {};
    return {static_cast<int64_t>(hi - lo), t.value_before[hi] - t.value_before[lo]};
}

ResultsOutcome compute_results(const Goal& goal, const MatchSeries& matches, const ResultsRequest& request) {
    ResultsOutcome out;
    const std::optional<DateRange> period = checked_period(goal, request, out.errors);
    if (!period) return out;
    GoalResults r = results_frame(goal, *period);
    r.source = ResultSource::matches;
    r.tracking = goal.target.tracking;
    if (goal.target.tracking == TrackingMetric::sum || goal.target.unit == Unit::currency)
        r.currency = goal.target.currency_code;
    const std::vector<DateRange> ranges = bucket_ranges(goal, *period, request);
    std::vector<double> progress(ranges.size(), 0.0);
    std::vector<MatchTally> tallies(ranges.size());
    MatchTally total;
    for (size_t i = 0; i < ranges.size(); ++i) {
        const Window w = window_of(ranges[i], request.zone_offset_minutes);
        const MatchTally t = matches.tally(goal.id, w.zoned_start, w.zoned_end);
        tallies[i] = t;
        total.count += t.count;
        total.value += t.value;
        switch (goal.target.tracking) {
            case TrackingMetric::sum: progress[i] = t.value; break;
            case TrackingMetric::average: progress[i] = t.count > 0 ? t.value / static_cast<double>(t.count) : 0.0; break;
            case TrackingMetric::quantity: progress[i] = static_cast<double>(t.count); break;
        }
    }
    finish_results(goal, ranges, progress, request, r);
    for (size_t i = 0; i < r.buckets.size(); ++i) r.buckets[i].matches = tallies[i];
    r.matches = total;
    out.results = std::move(r);
    return out;
}

ResultsOutcome compute_results(const std::vector<Goal>& goals, const std::string& goal_id, const EventStore& store,
                               const ResultsRequest& request) {
    for (const Goal& g : goals)
        if (g.id == goal_id) return compute_results(g, store, request);
    ResultsOutcome out;
    out.errors.push_back({"/id", "not_found", "no goal has the id '" + goal_id + "'", 404});
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] JSON
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

namespace {

Json optional_number(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json range_json(DateRange r) {
    return json_object({{"start", format_civil_date(r.start)}, {"end", format_civil_date(r.end)}});
}

Json ignored_json(const IgnoredTally& t) {
    Json reasons = Json::object();
    for (const auto& [reason, count] : t.by_reason) reasons[reason] = count;
    return json_object({{"total", t.total()}, {"by_reason", std::move(reasons)}, {"samples", errors_to_json(t.samples)}});
}

}  // namespace

Json errors_to_json(const std::vector<Error>& errors) {
    Json out = Json::array();
    for (const Error& e : errors)
        out.push_back(json_object({{"path", e.path}, {"code", e.code}, {"message", e.message}, {"status", e.status}}));
    return out;
}

Json results_to_json(const GoalResults& r) {
    Json buckets = Json::array();
    for (const Bucket& b : r.buckets) {
        Json j = range_json(b.range);
        j["progress"] = b.progress;
        j["target"] = b.target;
        j["percent"] = optional_number(b.percent);
        if (b.matches) j["matches"] = json_object({{"count", b.matches->count}, {"value", b.matches->value}});
        buckets.push_back(std::move(j));
    }
    Json out = json_object(
        {{"goal_id", r.goal_id},
         {"period", range_json(r.period)},
         {"interval", std::string(name_of(r.interval))},
         {"direction", std::string(name_of(r.direction))},
         {"tracking_metric", std::string(name_of(r.tracking))},
         {"currency", r.currency.empty() ? Json(nullptr) : Json(r.currency)},
         {"source", r.source == ResultSource::vendor ? "vendor" : r.source == ResultSource::matches ? "matches" : "computed"},
         {"level", r.level},
         {"reported", r.reported ? json_object({{"progress", r.reported->progress},
                                                {"percent", optional_number(r.reported->percent)}})
                                 : Json(nullptr)},
         {"intervals", std::move(buckets)},
         {"totals", json_object({{"progress", r.total_progress}, {"target", r.total_target},
                                 {"percent", optional_number(r.total_percent)}})},
         {"currency_conversion", r.converted ? "explicit_rate_table" : "none"},
         {"other_currency_events", r.other_currency_events},
         {"ignored", ignored_json(r.ignored)}});
    if (r.pace) {
        const Pace& p = *r.pace;
        out["pace"] = json_object({{"interval", range_json(p.interval)}, {"elapsed_fraction", p.elapsed_fraction},
                                   {"prorated_target", p.prorated_target}, {"progress", p.progress},
                                   {"status", pace_status_name(p.status)}, {"forecast", p.forecast}});
    } else {
        out["pace"] = nullptr;
    }
    return out;
}

GP_COLD_CODE_END

}  // namespace gp
