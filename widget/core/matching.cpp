// The matching runtime (see matching.hpp).
//
// Index
// - [SECTION] Sessions
// - [SECTION] Counting modes
// - [SECTION] Running
#include "core/matching.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/cold_sort.hpp"
#include "core/condition_index.hpp"

namespace gp {

bool is_touch_only(const PageView& v) { return !v.agent_id.empty() && v.url.empty() && v.event_name.empty(); }

//-----------------------------------------------------------------------------
// [SECTION] Sessions
//-----------------------------------------------------------------------------

namespace {

// Each record's visitor as a rank among the log's visitor ids in string order, so that records sort by
// visitor with integer comparisons and sessions still come out by visitor as the strings compare.
std::vector<uint32_t> visitor_ranks(const std::vector<PageView>& log) {
    std::unordered_map<std::string_view, uint32_t> id_number;
    std::vector<std::string_view> ids;
    std::vector<uint32_t> rank_of(log.size());
    for (size_t i = 0; i < log.size(); ++i) {
        const auto [it, added] = id_number.try_emplace(log[i].visitor_id, static_cast<uint32_t>(ids.size()));
        if (added) ids.push_back(log[i].visitor_id);
        rank_of[i] = it->second;
    }
    std::vector<uint32_t> by_id(ids.size());
    std::iota(by_id.begin(), by_id.end(), uint32_t{0});
    std::sort(by_id.begin(), by_id.end(), [&](uint32_t a, uint32_t b) { return ids[a] < ids[b]; });
    std::vector<uint32_t> rank(ids.size());
    for (uint32_t r = 0; r < by_id.size(); ++r) rank[by_id[r]] = r;
    for (uint32_t& r : rank_of) r = rank[r];
    return rank_of;
}

// The log's positions sorted by `major`, then time, then position: integer keys, so no string compares.
// A record's place in one of the log's two orders, as two words compared in turn: by visitor, then time,
// then log position (sessions), and by time, then visitor, then log position (matching). Both orders are
// the same type and the same comparison, so they share one copy of std::sort (5 KB of wasm less), and a
// comparison is two integer compares.
struct OrderKey {
    uint64_t high;
    uint64_t low;  // the low 32 bits are the record's position in the log
    bool operator<(const OrderKey& o) const { return high != o.high ? high < o.high : low < o.low; }
    uint32_t position() const { return uint32_t(low); }
    uint32_t visitor_rank() const { return uint32_t(high >> 32); }  // of a key by visitor (by_visitor_key)
};

// A timestamp as an unsigned word in the same order: the sign bit flipped.
uint64_t time_word(TimestampMs at) { return uint64_t(at) ^ (uint64_t(1) << 63); }

OrderKey by_visitor_key(uint32_t rank, TimestampMs at, uint32_t position) {
    const uint64_t t = time_word(at);
    return {(uint64_t(rank) << 32) | (t >> 32), (t << 32) | position};
}

OrderKey by_time_key(uint32_t rank, TimestampMs at, uint32_t position) {
    return {time_word(at), (uint64_t(rank) << 32) | position};
}

// Sessions are runs of one visitor's records (visitor, then time, then log position) with gaps under the
// timeout. Returns each record's session (an index into `sessions`) and its place in that order.
void cut_sessions(const std::vector<PageView>& log, const std::vector<uint32_t>& rank_of, TimestampMs timeout,
                  std::vector<Session>& sessions, std::vector<uint32_t>& session_of, std::vector<uint32_t>& visit_order) {
    std::vector<OrderKey> keys(log.size());
    for (size_t i = 0; i < log.size(); ++i) keys[i] = by_visitor_key(rank_of[i], log[i].at, static_cast<uint32_t>(i));
    std::sort(keys.begin(), keys.end());
    session_of.assign(log.size(), 0);
    visit_order.assign(log.size(), 0);
    uint32_t last_rank = 0;
    for (size_t k = 0; k < keys.size(); ++k) {
        const PageView& v = log[keys[k].position()];
        Session* last = sessions.empty() ? nullptr : &sessions.back();
        const bool same_visitor = last && keys[k].visitor_rank() == last_rank;
        if (same_visitor && v.at - last->end < timeout) {
            last->end = v.at;
        } else {
            sessions.push_back({v.visitor_id, same_visitor ? last->number + 1 : 1, v.at, v.at, {}});
            last = &sessions.back();
        }
        if (!v.room.empty() && std::find(last->rooms.begin(), last->rooms.end(), v.room) == last->rooms.end())
            last->rooms.push_back(v.room);
        last_rank = keys[k].visitor_rank();
        session_of[keys[k].position()] = static_cast<uint32_t>(sessions.size() - 1);
        visit_order[keys[k].position()] = static_cast<uint32_t>(k);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Counting modes
//-----------------------------------------------------------------------------

// Remembers what was counted. The log is walked in time order, so each visitor's records come in
// their own order and "the first match" is the first in time, as the modes mean.
class CountingState {
public:
    // True when this match counts under the goal's counting mode.
    bool admit(CountingMode mode, uint32_t goal, uint32_t visitor, uint32_t session, std::string_view page) {
        switch (mode) {
            case CountingMode::every: return true;
            case CountingMode::once_per_page: {
                std::string key = std::to_string(goal) + '\n' + std::to_string(session) + '\n';
                key.append(page.data(), page.size());
                return pages_.insert(std::move(key)).second;
            }
            case CountingMode::once_per_session: return sessions_.insert(pair_key(goal, session)).second;
            case CountingMode::once_per_visitor: return visitors_.insert(pair_key(goal, visitor)).second;
        }
        return true;
    }

private:
    static uint64_t pair_key(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }
    std::unordered_set<std::string> pages_;
    std::unordered_set<uint64_t> sessions_;
    std::unordered_set<uint64_t> visitors_;
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

// Fills a record in place (the vector's slot): a record built aside and moved in costs three string moves.
void fill_record(MatchRecord& r, const Goal& goal, size_t goal_index, const PageView& v, const Session& s, size_t event) {
    r.goal_id = goal.id;
    r.visitor_id = v.visitor_id;
    r.session = s.number;
    r.at = v.at;
    r.url = v.url;
    r.value = v.goal_value ? v.goal_value : goal.default_value;
    r.event = event;
    r.goal = goal_index;
}

// A match before it becomes a MatchRecord: records are built once, in their final order, from these.
struct Hit {
    uint32_t event;
    uint32_t goal;
    uint32_t session;
};

}  // namespace

CompiledGoals::CompiledGoals(const std::vector<Goal>& goals, const MatchOptions& options) : use_index_(options.use_index) {
    compiled_ = compile_all(goals, options.compile, problems_);
    if (use_index_) index_.build(compiled_);
}

MatchRun run_matching(const std::vector<Goal>& goals, const std::vector<PageView>& log, const MatchOptions& options) {
    CompiledGoals compiled(goals, options);
    return run_matching(compiled, goals, log, options);
}

MatchRun run_matching(CompiledGoals& compiled_goals, const std::vector<Goal>& goals, const std::vector<PageView>& log,
                      const MatchOptions& options) {
    assert(compiled_goals.size() == goals.size() && "the goals must be the ones the compiled set was made from");
    MatchRun run;
    run.goal_problems = compiled_goals.problems_;
    const std::vector<CompiledGoal>& compiled = compiled_goals.compiled_;
    ConditionIndex& index = compiled_goals.index_;
    const bool use_index = compiled_goals.use_index_;

    const std::vector<uint32_t> rank_of = visitor_ranks(log);
    std::vector<uint32_t> session_of, visit_order;
    cut_sessions(log, rank_of, options.session_timeout_ms, run.sessions, session_of, visit_order);

    // Matches in time order (then visitor, then log position), which is the order they are reported in.
    std::vector<OrderKey> by_time(log.size());
    for (size_t i = 0; i < log.size(); ++i) by_time[i] = by_time_key(rank_of[i], log[i].at, static_cast<uint32_t>(i));
    std::sort(by_time.begin(), by_time.end());

    Subject subject;
    CountingState counted;
    std::vector<GoalVerdict> verdicts;
    std::vector<Hit> hits;
    std::vector<std::pair<uint32_t, Error>> bad_urls;  // with their place in visitor order, the order reported
    for (const OrderKey& key : by_time) {
        const uint32_t i = key.position();
        const PageView& v = log[i];
        if (is_touch_only(v)) continue;
        subject.assign(v);
        if (subject.url_status() != UrlStatus::ok && !v.url.empty())
            bad_urls.push_back({visit_order[i], Error{"/events/" + std::to_string(i) + "/url", "bad_url",
                                                      url_status_message(subject.url_status()), 400}});
        if (use_index) index.evaluate(subject, verdicts);
        else evaluate_naive(compiled, subject, verdicts);
        for (const GoalVerdict& gv : verdicts) {
            const Goal& goal = goals[gv.goal];
            if (gv.verdict != Verdict::match || !room_allowed(goal, v.room)) continue;
            if (goal.counting != CountingMode::every &&
                !counted.admit(goal.counting, gv.goal, rank_of[i], session_of[i], page_key(subject)))
                continue;
            hits.push_back({i, gv.goal, session_of[i]});
        }
    }

    run.matches.reserve(hits.size());
    for (const Hit& h : hits)
        fill_record(run.matches.emplace_back(), goals[h.goal], h.goal, log[h.event], run.sessions[h.session], h.event);
    cold_sort(bad_urls, [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [order, error] : bad_urls) run.errors.push_back(std::move(error));
    return run;
}

}  // namespace gp
