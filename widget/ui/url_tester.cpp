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

// [SECTION] A condition in words, in the page's language. English is the core's own sentence (explain.cpp);
// the other languages say the same from the explanation's parts.
constexpr Msg kFieldWords[] = {Msg::cond_field_url,        Msg::cond_field_path,       Msg::cond_field_query,
                               Msg::cond_field_host,       Msg::cond_field_title,      Msg::cond_field_referrer,
                               Msg::cond_field_event_name, Msg::cond_field_event_value, Msg::cond_field_giosg_code};
static_assert(sizeof kFieldWords / sizeof kFieldWords[0] == size_t(ConditionField::giosg_code) + 1, "a word per field");
constexpr Msg kOpWords[] = {Msg::cond_op_equals,   Msg::cond_op_contains, Msg::cond_op_starts_with, Msg::cond_op_ends_with,
                            Msg::cond_op_wildcard, Msg::cond_op_greater,  Msg::cond_op_less,        Msg::cond_op_unsupported};
static_assert(sizeof kOpWords / sizeof kOpWords[0] == size_t(ConditionOp::unsupported) + 1, "a word per operator");
constexpr Msg kOpNotWords[] = {Msg::cond_not_equals,   Msg::cond_not_contains, Msg::cond_not_starts_with,
                               Msg::cond_not_ends_with, Msg::cond_not_wildcard, Msg::cond_not_greater,
                               Msg::cond_not_less,      Msg::cond_op_unsupported};
static_assert(sizeof kOpNotWords / sizeof kOpNotWords[0] == size_t(ConditionOp::unsupported) + 1, "a word per operator");

}  // namespace

std::string condition_words(const ConditionExplanation& c, Lang lang) {
    if (c.room_scope) return msg(Msg::cond_room_scope, lang);
    if (lang == Lang::en) return c.condition;
    return msg(c.negate ? Msg::cond_negated : Msg::cond_plain, lang,
               {{"field", msg(kFieldWords[size_t(c.field)], lang)}, {"op", msg(kOpWords[size_t(c.op)], lang)},
                {"pattern", c.pattern}});
}

// Why it did or did not hold. An error or an unsupported condition keeps the core's sentence, which names
// what is wrong with it.
std::string reason_words(const ConditionExplanation& c, Lang lang) {
    if (c.room_scope) return msg(Msg::cond_room_reason, lang);
    if (lang == Lang::en || (c.outcome != Outcome::match && c.outcome != Outcome::no_match)) return c.reason;
    const bool holds = c.outcome == Outcome::match;
    const bool satisfied = holds != c.negate;  // the comparison itself, before the negation
    std::string out = msg(Msg::cond_reason, lang,
                          {{"subject", c.subject},
                           {"verb", msg((satisfied ? kOpWords : kOpNotWords)[size_t(c.op)], lang)},
                           {"target", c.pattern}});
    if (c.folded) out += msg(Msg::cond_ignoring_case, lang);
    if (c.negate) out += msg(holds ? Msg::cond_negated_holds : Msg::cond_negated_fails, lang);
    return out;
}

namespace {

ImU32 outcome_colour(const Palette& palette, Outcome outcome) {
    switch (outcome) {
        case Outcome::match: return palette.chip_text[int(PaceState::on_track)];
        case Outcome::no_match: return palette.muted_text;
        case Outcome::unsupported: return palette.chip_text[int(PaceState::behind)];
        case Outcome::error: return palette.error_text;
    }
    return palette.muted_text;
}

void draw_verdict(ViewContext& ctx, const GoalExplanation& g) {
    const int index = ctx.cache.find(g.goal_id);
    ShownVerdict shown;
    shown.goal_id = g.goal_id;
    const Lang lang = ctx.frame.locale.lang;
    shown.title = index >= 0 ? std::string(goal_title(ctx.data.goals[size_t(index)], lang)) : g.goal_id;
    shown.outcome = g.outcome;
    shown.conditions = g.conditions;

    ImGui::PushID(g.goal_id.c_str(), g.goal_id.c_str() + g.goal_id.size());
    // The title is data: a tree node's label would be a format string, so the node gets a fixed label
    // and the outcome and title are drawn beside it, the title cut to what fits.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool open = ImGui::TreeNodeEx("##conditions", ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_FramePadding);
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const ImFont* body = ImGui::GetFont();
    const float arrow = ImGui::GetFrameHeight();
    const float row = ImGui::GetFrameHeight();
    const char* outcome = outcome_label(g.outcome, lang);
    const int tone = g.outcome == Outcome::match ? int(PaceState::on_track)
                     : g.outcome == Outcome::no_match ? int(PaceState::unknown)
                                                      : int(PaceState::at_risk);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float chip_w = kit::chip_width(caption, outcome);
    kit::chip(draw, caption, ImVec2(at.x + arrow, at.y + (row - kit::chip_height(caption)) * 0.5f), outcome,
              ctx.palette.chip_bg[tone], ctx.palette.chip_text[tone]);
    const float tx = at.x + arrow + chip_w + space::s;
    kit::text(draw, body, ImVec2(tx, at.y + (row - kit::line_of(body)) * 0.5f), ctx.palette.text, shown.title,
              kit::fit(body, shown.title, at.x + width - tx));
    if (open) {
        for (const ConditionExplanation& c : g.conditions) {
            coloured_text(outcome_colour(ctx.palette, c.outcome), outcome_label(c.outcome, lang));
            ImGui::SameLine();
            wrapped_text(ctx.palette.text, condition_words(c, lang));
            const std::string reason = reason_words(c, lang);
            if (!reason.empty()) wrapped_text(ctx.palette.muted_text, reason);
        }
        if (g.conditions.empty()) wrapped_text(ctx.palette.muted_text, msg(Msg::url_no_conditions, lang));
        ImGui::TreePop();
    }
    ImGui::PopID();
    ctx.shown.verdicts.push_back(std::move(shown));
}

}  // namespace

void draw_url_tester(ViewContext& ctx) {
    const Lang lang = ctx.frame.locale.lang;
    if (!ctx.data.services.explain_url) {
        wrapped_text(ctx.palette.muted_text, msg(Msg::url_no_engine, lang));
        return;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool roomy = ImGui::GetContentRegionAvail().x >= 360.0f;
    input_text("##url", ctx.state.url_input, roomy ? "https://example.com/pricing?plan=pro" : msg(Msg::url_hint_short, lang));
    record_rect(ctx.shown, "url.input");
    const UrlExplanation& result = ctx.cache.url_tester.get(ctx.data, ctx.state.url_input);
    ctx.shown.url_tested = ctx.state.url_input;
    if (ctx.state.url_input.empty()) {
        wrapped_text(ctx.palette.muted_text, msg(Msg::url_prompt, lang));
        return;
    }
    if (!result.problem.empty()) {
        wrapped_text(ctx.palette.error_text, result.problem);
        ctx.shown.url_problem = result.problem;
    }
    size_t matches = 0;
    for (const GoalExplanation& g : result.goals) matches += g.outcome == Outcome::match;
    text(msg(Msg::filter_goals_match, lang, {{"matching", std::to_string(matches)}, {"total", std::to_string(result.goals.size())}}) + ".");
    for (const GoalExplanation& g : result.goals) draw_verdict(ctx, g);
}

}  // namespace gp::ui::parts
