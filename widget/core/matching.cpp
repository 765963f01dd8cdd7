// The matching runtime (see matching.hpp).
//
// Index
// - [SECTION] Sessions
// - [SECTION] Counting modes
// - [SECTION] Running
// - [SECTION] Retroactive evaluation
// - [SECTION] Targets and pace
#include "core/matching.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_set>

#include "core/condition_index.hpp"

namespace gp {

bool is_touch_only(const PageView& v) { return !v.agent_id.empty() && v.url.empty() && v.event_name.empty(); }

//-----------------------------------------------------------------------------
// [SECTION] Sessions
//-----------------------------------------------------------------------------

namespace {

// The log in (visitor, time, original position) order: sessions are runs of one visitor's records.
std::vector<size_t> visitor_time_order(const std::vector<PageView>& log) {
    std::vector<size_t> order(log.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (log[a].visitor_id != log[b].visitor_id) return log[a].visitor_id < log[b].visitor_id;
        return log[a].at < log[b].at;
    });
    return order;
}

// Extends the current session or starts the next; returns the index of the session in `sessions`.
size_t place_in_session(const PageView& v, TimestampMs timeout, std::vector<Session>& sessions) {
    Session* last = sessions.empty() ? nullptr : &sessions.back();
    if (last && last->visitor_id == v.visitor_id && v.at - last->end < timeout) {
        last->end = v.at;
    } else {
        const uint32_t number = last && last->visitor_id == v.visitor_id ? last->number + 1 : 1;
        sessions.push_back({v.visitor_id, number, v.at, v.at, {}});
        last = &sessions.back();
    }
    if (!v.room.empty() && std::find(last->rooms.begin(), last->rooms.end(), v.room) == last->rooms.end())
        last->rooms.push_back(v.room);
    return sessions.size() - 1;
}

//-----------------------------------------------------------------------------
// [SECTION] Counting modes
//-----------------------------------------------------------------------------

// Remembers what was counted for the current visitor (the log is walked one visitor at a time, so the
// sets stay small and are cleared at each new visitor).
class CountingState {
public:
    void next_visitor() {
        pages_.clear();
        sessions_.clear();
        visitors_.clear();
    }

    // True when this match counts under the goal's counting mode.
    bool admit(CountingMode mode, size_t goal, size_t session, std::string_view page) {
        switch (mode) {
            case CountingMode::every: return true;
            case CountingMode::once_per_page: {
                std::string key = std::to_string(goal) + '\n' + std::to_string(session) + '\n';
                key.append(page.data(), page.size());
                return pages_.insert(std::move(key)).second;
            }
            case CountingMode::once_per_session: return sessions_.insert((uint64_t{goal} << 32) ^ session).second;
            case CountingMode::once_per_visitor: return visitors_.insert(goal).second;
        }
        return true;
    }

private:
    std::unordered_set<std::string> pages_;
    std::unordered_set<uint64_t> sessions_;
    std::unordered_set<size_t> visitors_;
};

// A page for once_per_page: the normalized URL without its fragment (the same document).
std::string_view page_key(const Subject& subject) {
    const std::string_view url = subject.text(ConditionField::url, false);
    return url.substr(0, url.find('#'));
}

//-----------------------------------------------------------------------------
// [SECTION] Running
//-----------------------------------------------------------------------------

std::vector<CompiledGoal> compile_all(const std::vector<Goal>& goals, const CompileOptions& options,
                                      std::vector<GoalProblem>& problems) {
    std::vector<CompiledGoal> compiled;
    compiled.reserve(goals.size());
    for (size_t g = 0; g < goals.size(); ++g) {
        compiled.push_back(compile_goal(goals[g], "/goals/" + std::to_string(g), options));
        if (compiled.back().errors.empty()) continue;
        Verdict state = Verdict::unsupported;
        for (const CompiledCondition& c : compiled.back().conditions)
            if (c.fixed == Verdict::error) state = Verdict::error;
        problems.push_back({goals[g].id, state, compiled.back().errors});
    }
    return compiled;
}

MatchRecord make_record(const Goal& goal, size_t goal_index, const PageView& v, const Session& s, size_t event) {
    MatchRecord r;
    r.goal_id = goal.id;
    r.visitor_id = v.visitor_id;
    r.session = s.number;
    r.at = v.at;
    r.url = v.url;
    r.value = v.goal_value ? v.goal_value : goal.default_value;
    r.event = event;
    r.goal = goal_index;
    return r;
}

void report_bad_url(const Subject& subject, size_t event, std::vector<Error>& errors) {
    if (subject.url_status() == UrlStatus::ok || subject.view()->url.empty()) return;
    errors.push_back({"/events/" + std::to_string(event) + "/url", "bad_url", url_status_message(subject.url_status()), 400});
}

}  // namespace

MatchRun run_matching(const std::vector<Goal>& goals, const std::vector<PageView>& log, const MatchOptions& options) {
    MatchRun run;
    const std::vector<CompiledGoal> compiled = compile_all(goals, options.compile, run.goal_problems);
    ConditionIndex index;
    if (options.use_index) index.build(compiled);
    Subject subject;
    CountingState counted;
    std::vector<GoalVerdict> verdicts;
    for (size_t i : visitor_time_order(log)) {
        const PageView& v = log[i];
        const bool new_visitor = run.sessions.empty() || run.sessions.back().visitor_id != v.visitor_id;
        const size_t session = place_in_session(v, options.session_timeout_ms, run.sessions);
        if (new_visitor) counted.next_visitor();
        if (is_touch_only(v)) continue;
        subject.assign(v);
        report_bad_url(subject, i, run.errors);
        if (options.use_index) index.evaluate(subject, verdicts);
        else evaluate_naive(compiled, subject, verdicts);
        for (const GoalVerdict& gv : verdicts) {
            const Goal& goal = goals[gv.goal];
            if (gv.verdict != Verdict::match || !room_allowed(goal, v.room)) continue;
            if (!counted.admit(goal.counting, gv.goal, session, page_key(subject))) continue;
            run.matches.push_back(make_record(goal, gv.goal, v, run.sessions[session], i));
        }
    }
    std::stable_sort(run.matches.begin(), run.matches.end(),
                     [](const MatchRecord& a, const MatchRecord& b) { return a.at < b.at; });
    return run;
}

//-----------------------------------------------------------------------------
// [SECTION] Retroactive evaluation
//-----------------------------------------------------------------------------

MatchRun rematch_goal(const Goal& goal, const std::vector<PageView>& log, const MatchRun& previous,
                      const MatchOptions& options) {
    MatchRun fresh = run_matching(std::vector<Goal>{goal}, log, options);
    MatchRun out;
    out.sessions = std::move(fresh.sessions);
    out.errors = std::move(fresh.errors);
    for (const GoalProblem& p : previous.goal_problems)
        if (p.goal_id != goal.id) out.goal_problems.push_back(p);
    out.goal_problems.insert(out.goal_problems.end(), fresh.goal_problems.begin(), fresh.goal_problems.end());
    for (const MatchRecord& m : previous.matches)
        if (m.goal_id != goal.id) out.matches.push_back(m);
    // The new goal's records keep goal index 0 of their own run: mark them as "not in the original list".
    for (MatchRecord& m : fresh.matches) m.goal = SIZE_MAX;
    out.matches.insert(out.matches.end(), fresh.matches.begin(), fresh.matches.end());
    std::stable_sort(out.matches.begin(), out.matches.end(),
                     [](const MatchRecord& a, const MatchRecord& b) { return a.at < b.at; });
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Targets and pace
//-----------------------------------------------------------------------------

namespace {

double interval_target(const Goal& goal, const DateRange& interval) {
    for (const IntervalTarget& t : goal.schedule.per_interval)
        if (t.start <= interval.start && interval.end <= t.end) return t.target;
    return goal.target.amount;
}

const char* pace_status(const Goal& goal, double progress, double prorated, const ConversionPaceRequest& r) {
    if (prorated <= 0) return "on_track";
    // Lower-is-better goals are on track while they stay under the pro-rated amount.
    const double ratio = goal.target.direction == Direction::lower_is_better ? prorated / std::max(progress, 1e-9)
                                                                            : progress / prorated;
    if (ratio >= r.on_track_ratio) return "on_track";
    if (ratio >= r.behind_ratio) return "behind";
    return "at_risk";
}

}  // namespace

std::optional<ConversionPace> conversion_pace(const Goal& goal, const std::vector<MatchRecord>& matches,
                                              const ConversionPaceRequest& r) {
    ConversionPace pace;
    pace.interval = interval_containing(civil_date_of(r.now, r.zone_offset_minutes), goal.schedule.interval, r.calendar);
    pace.target = interval_target(goal, pace.interval);
    if (pace.target <= 0) return std::nullopt;
    const TimestampMs begin = start_of_day(pace.interval.start, r.zone_offset_minutes);
    const TimestampMs end = begin + int64_t{pace.interval.days()} * kMsPerDay;
    for (const MatchRecord& m : matches) {
        if (m.goal_id != goal.id || m.at < begin || m.at >= end || m.at > r.now) continue;
        pace.progress += goal.target.tracking == TrackingMetric::sum ? m.value.value_or(0.0) : 1.0;
    }
    pace.elapsed_fraction = std::clamp(static_cast<double>(r.now - begin) / static_cast<double>(end - begin), 0.0, 1.0);
    pace.prorated_target = pace.target * pace.elapsed_fraction;
    pace.forecast = pace.elapsed_fraction > 0 ? pace.progress / pace.elapsed_fraction : pace.progress;
    pace.status = pace_status(goal, pace.progress, pace.prorated_target, r);
    return pace;
}

}  // namespace gp
