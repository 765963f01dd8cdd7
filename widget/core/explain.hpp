// Explain: for one URL or event, which goals match and, for every condition, why it did or did not.
// This is the "test this URL" tool; its JSON shape is documented in docs/conditions.md.
#pragma once

#include <string>
#include <vector>

#include "core/conditions.hpp"
#include "core/model.hpp"

namespace gp {

struct ConditionExplanation {
    size_t index = 0;
    ConditionField field = ConditionField::url;
    ConditionOp op = ConditionOp::equals;
    std::string pattern;   // as compiled (normalized, folded)
    std::string subject;   // the page's value it was compared with
    bool negate = false;
    bool case_sensitive = false;
    Verdict verdict = Verdict::no_match;
    std::string reason;
};

struct GoalExplanation {
    std::string goal_id;
    std::string title;
    Verdict verdict = Verdict::no_match;
    bool room_allowed = true;
    Combinator combinator = Combinator::any;
    std::vector<ConditionExplanation> conditions;
};

struct ExplainReport {
    std::string url;
    std::string url_normalized;   // empty when the URL cannot be used
    std::string url_problem;      // why, then
    std::vector<GoalExplanation> goals;
};

ExplainReport explain(const std::vector<Goal>& goals, const PageView& view, const CompileOptions& options = {});
Json explain_to_json(const ExplainReport& report);

}  // namespace gp
