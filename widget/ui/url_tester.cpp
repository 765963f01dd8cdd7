// goalpost UI: the URL tester: type a URL and see every goal's verdict, condition by condition, from the
// core's explanation.
#include "ui/view_parts.hpp"

namespace gp::ui::parts {

const UrlExplanation& ExplainCache::get(const WidgetData& data, const std::string& wanted) {
    if (!valid || wanted != url || data.generation != generation || data.goals.data() != goals_ptr) {
        url = wanted;
        generation = data.generation;
        goals_ptr = data.goals.data();
        valid = true;
        result = data.services.explain_url && !wanted.empty() ? data.services.explain_url(wanted, data.goals)
                                                               : UrlExplanation{};
    }
    return result;
}

namespace {

ImU32 outcome_colour(const Palette& palette, Outcome outcome) {
    switch (outcome) {
        case Outcome::match: return palette.on_track;
        case Outcome::no_match: return palette.muted_text;
        case Outcome::unsupported: return palette.behind;
        case Outcome::error: return palette.error_text;
    }
    return palette.unknown;
}

void draw_verdict(ViewContext& ctx, const GoalExplanation& g) {
    const int index = ctx.cache.find(g.goal_id);
    ShownVerdict shown;
    shown.goal_id = g.goal_id;
    shown.title = index >= 0 ? std::string(goal_title(ctx.data.goals[size_t(index)])) : g.goal_id;
    shown.outcome = g.outcome;
    shown.conditions = g.conditions;

    ImGui::PushID(g.goal_id.c_str(), g.goal_id.c_str() + g.goal_id.size());
    coloured_text(outcome_colour(ctx.palette, g.outcome), outcome_label(g.outcome));
    ImGui::SameLine(ImGui::GetFontSize() * 7.0f);
    // The title is data: a tree node's label would be a format string, so the node gets a fixed label
    // and the title is drawn beside it.
    const bool open = ImGui::TreeNodeEx("##conditions", ImGuiTreeNodeFlags_SpanAvailWidth);
    ImGui::SameLine();
    text(shown.title);
    if (open) {
        for (const ConditionExplanation& c : g.conditions) {
            coloured_text(outcome_colour(ctx.palette, c.outcome), outcome_label(c.outcome));
            ImGui::SameLine(ImGui::GetFontSize() * 7.0f);
            text(c.condition);
            if (!c.reason.empty()) {
                ImGui::Indent();
                coloured_text(ctx.palette.muted_text, c.reason);
                ImGui::Unindent();
            }
        }
        if (g.conditions.empty()) text("This goal has no conditions.");
        ImGui::TreePop();
    }
    ImGui::PopID();
    ctx.shown.verdicts.push_back(std::move(shown));
}

}  // namespace

void draw_url_tester(ViewContext& ctx) {
    if (!ctx.data.services.explain_url) {
        text("The URL tester needs the condition engine, which this build of the widget does not include.");
        return;
    }
    ImGui::SetNextItemWidth(-1.0f);
    input_text("##url", ctx.state.url_input, "https://example.com/pricing?plan=pro");
    record_rect(ctx.shown, "url.input");
    const UrlExplanation& result = ctx.cache.url_tester.get(ctx.data, ctx.state.url_input);
    ctx.shown.url_tested = ctx.state.url_input;
    if (ctx.state.url_input.empty()) {
        text("Type a URL to see which goals it would convert.");
        return;
    }
    if (!result.problem.empty()) {
        coloured_text(ctx.palette.error_text, result.problem);
        ctx.shown.url_problem = result.problem;
    }
    size_t matches = 0;
    for (const GoalExplanation& g : result.goals) matches += g.outcome == Outcome::match;
    text(std::to_string(matches) + " of " + std::to_string(result.goals.size()) + " goals match.");
    for (const GoalExplanation& g : result.goals) draw_verdict(ctx, g);
}

}  // namespace gp::ui::parts
