// Explain (see explain.hpp): the naive evaluation, keeping every condition's reason.
#include "core/explain.hpp"

#include "core/json_access.hpp"
#include "core/model_names.hpp"

namespace gp {

namespace {

ConditionExplanation explain_condition(const CompiledCondition& c, size_t index, const Condition& source,
                                       const Subject& subject) {
    ConditionExplanation out;
    out.index = index;
    out.field = c.field;
    out.op = c.op;
    out.pattern = c.pattern;
    out.negate = c.negate;
    out.case_sensitive = !c.folded;
    out.subject = std::string(subject.text(c.field, false));
    out.verdict = eval_condition(c, subject, &out.reason);
    if (c.op == ConditionOp::greater || c.op == ConditionOp::less) out.pattern = source.value;
    return out;
}

GoalExplanation explain_goal(const Goal& goal, size_t g, const Subject& subject, const CompileOptions& options) {
    const CompiledGoal compiled = compile_goal(goal, "/goals/" + std::to_string(g), options);
    GoalExplanation out;
    out.goal_id = goal.id;
    out.title = goal.title;
    out.combinator = goal.combinator;
    std::vector<Verdict> verdicts;
    for (size_t i = 0; i < compiled.conditions.size(); ++i) {
        out.conditions.push_back(explain_condition(compiled.conditions[i], i, goal.conditions[i], subject));
        verdicts.push_back(out.conditions.back().verdict);
    }
    out.verdict = combine_verdicts(goal.combinator, verdicts.data(), verdicts.size());
    out.room_allowed = room_allowed(goal, subject.view()->room);
    if (!out.room_allowed && out.verdict == Verdict::match) out.verdict = Verdict::no_match;
    return out;
}

Json condition_json(const ConditionExplanation& c) {
    return json_object({{"index", c.index},       {"field", name_of(c.field)}, {"op", name_of(c.op)},
                        {"pattern", c.pattern},   {"subject", c.subject},         {"negate", c.negate},
                        {"case_sensitive", c.case_sensitive}, {"verdict", verdict_name(c.verdict)}, {"reason", c.reason}});
}

}  // namespace

ExplainReport explain(const std::vector<Goal>& goals, const PageView& view, const CompileOptions& options) {
    ExplainReport report;
    report.url = view.url;
    Subject subject;
    subject.assign(view);
    if (subject.url_status() == UrlStatus::ok) report.url_normalized = std::string(subject.text(ConditionField::url, false));
    else report.url_problem = url_status_message(subject.url_status());
    for (size_t g = 0; g < goals.size(); ++g) report.goals.push_back(explain_goal(goals[g], g, subject, options));
    return report;
}

Json explain_to_json(const ExplainReport& report) {
    Json out = Json::object();
    out["url"] = report.url;
    out["url_normalized"] = report.url_normalized.empty() ? Json() : Json(report.url_normalized);
    if (!report.url_problem.empty()) out["url_problem"] = report.url_problem;
    out["matched"] = Json::array();
    out["goals"] = Json::array();
    for (const GoalExplanation& g : report.goals) {
        if (g.verdict == Verdict::match) out["matched"].push_back(g.goal_id);
        Json conditions = Json::array();
        for (const ConditionExplanation& c : g.conditions) conditions.push_back(condition_json(c));
        out["goals"].push_back(json_object({{"goal", g.goal_id},
                                            {"title", g.title},
                                            {"verdict", verdict_name(g.verdict)},
                                            {"combinator", name_of(g.combinator)},
                                            {"room_allowed", g.room_allowed},
                                            {"conditions", std::move(conditions)}}));
    }
    return out;
}

}  // namespace gp
