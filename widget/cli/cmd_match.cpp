// goalpost match / goalpost explain: condition goals over an event log, and "test this URL"
// (docs/cli.md and docs/conditions.md give the JSON shapes).
#include <charconv>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include "cli/cli_io.hpp"
#include "cli/commands.hpp"
#include "core/attribution.hpp"
#include "core/conversion_readers.hpp"
#include "core/explain.hpp"
#include "core/matching.hpp"
#include "core/progress.hpp"
#include "core/read.hpp"

namespace gp::cli {

namespace {

using Flag = std::pair<const char*, const char**>;

// Fills the flags' slots; positional arguments go to `positional` (when given).
bool parse_flags(const char* command, int argc, char** argv, const Flag* flags, size_t flag_count,
                 const char** positional) {
    for (int i = 1; i < argc; ++i) {
        bool known = false;
        for (size_t f = 0; f < flag_count && !known; ++f)
            if (std::strcmp(argv[i], flags[f].first) == 0 && i + 1 < argc) {
                *flags[f].second = argv[++i];
                known = true;
            }
        if (known) continue;
        if (positional && !*positional && argv[i][0] != '-') {
            *positional = argv[i];
            continue;
        }
        std::fprintf(stderr, "goalpost %s: unexpected argument '%s'\n", command, argv[i]);
        return false;
    }
    return true;
}

bool load_goals(const char* command, const char* path, ReadResult& goals) {
    std::string text;
    if (!read_file(command, path, text)) return false;
    goals = read_goals(text);
    return true;
}

Json attribution_json(const AttributionResult& a) {
    Json out{{"state", attribution_state_name(a.state)}};
    if (a.touch) {
        out["agent_id"] = a.touch->agent_id;
        out["department_id"] = a.touch->department_id;
        out["touch_at"] = a.touch->at;
    }
    return out;
}

Json match_json(const MatchRecord& m, const Goal& goal, const TouchIndex& touches) {
    Json out{{"goal", m.goal_id}, {"visitor", m.visitor_id}, {"session", m.session},
             {"at", m.at},        {"url", m.url},              {"value", m.value ? Json(*m.value) : Json()}};
    if (goal.attribution.model != AttributionModel::none)
        out["attribution"] = attribution_json(attribute(goal, m.visitor_id, m.at, touches));
    return out;
}

Json goal_totals_json(const std::vector<Goal>& goals, const MatchRun& run) {
    Json out = Json::array();
    for (size_t g = 0; g < goals.size(); ++g) {
        size_t count = 0;
        double value = 0;
        for (const MatchRecord& m : run.matches)
            if (m.goal == g) {
                ++count;
                value += m.value ? *m.value : 0.0;
            }
        out.push_back({{"goal", goals[g].id}, {"matches", count}, {"value", value}});
    }
    return out;
}

Json problems_json(const MatchRun& run) {
    Json out = Json::array();
    for (const GoalProblem& p : run.goal_problems)
        out.push_back({{"goal", p.goal_id}, {"state", verdict_name(p.state)}, {"errors", errors_to_json(p.errors)}});
    return out;
}

}  // namespace

int cmd_match(int argc, char** argv) {
    const char* goals_path = nullptr;
    const char* events_path = nullptr;
    const char* timeout = nullptr;
    const char* naive = nullptr;
    const Flag flags[] = {{"--goals", &goals_path}, {"--events", &events_path},
                          {"--session-timeout-minutes", &timeout}, {"--engine", &naive}};
    if (!parse_flags("match", argc, argv, flags, 4, nullptr)) return 2;
    if (!goals_path || !events_path) {
        std::fputs("goalpost match: --goals and --events are required\n", stderr);
        return 2;
    }
    MatchOptions options;
    if (timeout) {
        int minutes = 0;
        const auto res = std::from_chars(timeout, timeout + std::strlen(timeout), minutes);
        if (res.ec != std::errc() || *res.ptr != '\0' || minutes <= 0) {
            std::fputs("goalpost match: --session-timeout-minutes needs a positive whole number\n", stderr);
            return 2;
        }
        options.session_timeout_ms = int64_t{minutes} * 60 * 1000;
    }
    options.use_index = !(naive && std::strcmp(naive, "naive") == 0);

    ReadResult goals;
    std::string log_text;
    if (!load_goals("match", goals_path, goals) || !read_file("match", events_path, log_text)) return 2;
    const EventLogRead log = read_event_log(log_text);
    const MatchRun run = run_matching(goals.goals, log.views, options);
    const TouchIndex touches(log.views);

    Json out = Json::object();
    out["matches"] = Json::array();
    for (const MatchRecord& m : run.matches) out["matches"].push_back(match_json(m, goals.goals[m.goal], touches));
    out["goals"] = goal_totals_json(goals.goals, run);
    out["sessions"] = run.sessions.size();
    out["events"] = log.views.size();
    out["problems"] = problems_json(run);
    std::vector<Error> errors = goals.errors;
    errors.insert(errors.end(), log.errors.begin(), log.errors.end());
    errors.insert(errors.end(), run.errors.begin(), run.errors.end());
    for (size_t g = 0; g < goals.goals.size(); ++g)
        if (auto e = check_attribution(goals.goals[g], "/goals/" + std::to_string(g))) errors.push_back(*e);
    out["errors"] = errors_to_json(errors);
    std::puts(out.dump(2).c_str());
    return errors.empty() && run.goal_problems.empty() ? 0 : 1;
}

int cmd_explain(int argc, char** argv) {
    const char* goals_path = nullptr;
    PageView view;
    const char* url = nullptr;
    const char* title = nullptr;
    const char* referrer = nullptr;
    const char* event = nullptr;
    const char* event_value = nullptr;
    const char* room = nullptr;
    const Flag flags[] = {{"--goals", &goals_path}, {"--title", &title}, {"--referrer", &referrer},
                          {"--event", &event}, {"--event-value", &event_value}, {"--room", &room}};
    if (!parse_flags("explain", argc, argv, flags, 6, &url)) return 2;
    if (!goals_path || !url) {
        std::fputs("goalpost explain: --goals and a URL are required\n", stderr);
        return 2;
    }
    view.url = url;
    for (const auto& [text, slot] : {std::pair{title, &view.title}, std::pair{referrer, &view.referrer},
                                     std::pair{event, &view.event_name}, std::pair{event_value, &view.event_value},
                                     std::pair{room, &view.room}})
        if (text) *slot = text;
    ReadResult goals;
    if (!load_goals("explain", goals_path, goals)) return 2;
    Json out = explain_to_json(explain(goals.goals, view));
    out["errors"] = errors_to_json(goals.errors);
    std::puts(out.dump(2).c_str());
    return goals.errors.empty() ? 0 : 1;
}

}  // namespace gp::cli
