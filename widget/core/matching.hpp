// The matching runtime: a page-view/event log is cut into sessions and checked against every condition
// goal, and the matches are counted the way each goal says. Also: retroactive evaluation of a new or edited
// goal over the log already loaded, and targets with pace on conversion goals.
//
// Index
// - [SECTION] Options and results
// - [SECTION] Running
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/condition_index.hpp"
#include "core/conditions.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Options and results
//-----------------------------------------------------------------------------

constexpr TimestampMs kDefaultSessionTimeoutMs = 30 * 60 * 1000;

struct MatchOptions {
    // A gap of at least this long between two records of a visitor starts a new session.
    TimestampMs session_timeout_ms = kDefaultSessionTimeoutMs;
    CompileOptions compile;
    bool use_index = true;  // false: the naive reference loop (tests, benchmarks)
};

struct Session {
    std::string visitor_id;
    uint32_t number = 0;  // 1, 2, ... per visitor, in time order
    TimestampMs start = 0;
    TimestampMs end = 0;  // the last record's time
    std::vector<std::string> rooms;  // distinct rooms seen in the session (giosg)
};

struct MatchRecord {
    std::string goal_id;
    std::string visitor_id;
    uint32_t session = 0;  // Session::number
    TimestampMs at = 0;
    std::string url;       // as the log gave it
    std::optional<double> value;  // the event's goal_value, else the goal's default, else none
    size_t event = 0;      // index of the record in the log
    size_t goal = 0;       // index of the goal in the goals given
};

// A goal that cannot be (fully) evaluated: its conditions' errors, reported once, not per page view.
struct GoalProblem {
    std::string goal_id;
    Verdict state = Verdict::unsupported;  // unsupported or error
    std::vector<Error> errors;
};

struct MatchRun {
    std::vector<MatchRecord> matches;  // in time order
    std::vector<Session> sessions;     // by visitor, then time
    std::vector<GoalProblem> goal_problems;
    std::vector<Error> errors;         // bad records in the log, each naming its place
};

//-----------------------------------------------------------------------------
// [SECTION] Running
//-----------------------------------------------------------------------------

// Records with an agent and no URL or event are chat touches (attribution.hpp), not page views.
bool is_touch_only(const PageView& view);

MatchRun run_matching(const std::vector<Goal>& goals, const std::vector<PageView>& log, const MatchOptions& options = {});

// The same with the goals compiled beforehand. Compiling costs time linear in the goals' conditions; a
// caller that runs the same goals many times (the workspace, for each tracked page view) compiles once.
// `goals` must be the ones `compiled` was made from; the compile options and use_index are the ones it was
// made with, and only options.session_timeout_ms is read here.
class CompiledGoals;
MatchRun run_matching(CompiledGoals& compiled, const std::vector<Goal>& goals, const std::vector<PageView>& log,
                      const MatchOptions& options = {});

class CompiledGoals {
public:
    explicit CompiledGoals(const std::vector<Goal>& goals, const MatchOptions& options = {});
    // The index points into the compiled conditions: neither is copied or moved.
    CompiledGoals(const CompiledGoals&) = delete;
    CompiledGoals& operator=(const CompiledGoals&) = delete;

    size_t size() const { return compiled_.size(); }
    const std::vector<GoalProblem>& problems() const { return problems_; }

private:
    friend MatchRun run_matching(CompiledGoals&, const std::vector<Goal>&, const std::vector<PageView>&,
                                 const MatchOptions&);
    std::vector<CompiledGoal> compiled_;
    std::vector<GoalProblem> problems_;
    ConditionIndex index_;
    bool use_index_ = true;
};

}  // namespace gp
