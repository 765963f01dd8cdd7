// goalpost UI: conversions: condition goals with their counts and values per interval, the feed of
// matches with the agent each is credited to, and the goals the host page matches right now.
#include <algorithm>

#include "core/calendar.hpp"
#include "ui/core_bridge.hpp"
#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

constexpr size_t kFeedRows = 50;

// The weeks (a month or shorter) or months (longer periods) the period is listed by.
Interval cut_of(const ViewContext& ctx) { return ctx.query.period.days() <= 31 ? Interval::weekly : Interval::monthly; }

// The cache for this data and period: the matches indexed once, every goal's results dropped.
ConversionCache& tallies(ViewContext& ctx) {
    ConversionCache& c = ctx.cache.conversions;
    if (!c.stale(ctx.data, ctx.query.period, ctx.query.zone_offset_minutes)) return c;
    if (!c.series || ctx.data.matches.data() != c.matches_ptr || ctx.data.matches.size() != c.matches_size ||
        ctx.data.generation != c.generation)
        c.series = match_series_of(ctx.data.matches);
    c.generation = ctx.data.generation;
    c.matches_ptr = ctx.data.matches.data();
    c.matches_size = ctx.data.matches.size();
    c.period = ctx.query.period;
    c.zone_offset_minutes = ctx.query.zone_offset_minutes;
    c.cut = cut_of(ctx);
    c.buckets = split_into_intervals(c.period, c.cut, ctx.query.calendar);
    c.by_goal.clear();
    return c;
}

// The goal's results from the core over the view's buckets (none when it does not run in the period).
const std::optional<GoalResults>& results_of(ViewContext& ctx, ConversionCache& c, const Goal& goal) {
    auto found = c.by_goal.find(goal.id);
    if (found == c.by_goal.end())
        found = c.by_goal.emplace(goal.id, condition_results(goal, *c.series, ctx.query, c.cut)).first;
    return found->second;
}

std::string count_text(int64_t n, Lang lang) {
    return std::to_string(n) + " " + msg(plural(Msg::unit_conversion, Msg::unit_conversions, double(n), lang), lang);
}

// A list, not a table: per goal, its count and value, and the weeks (or months) that had conversions, in
// words that wrap instead of columns that would be cut off.
void draw_goal_list(ViewContext& ctx) {
    ConversionCache& counted = tallies(ctx);
    const std::vector<DateRange>& buckets = counted.buckets;
    const Palette& pal = ctx.palette;
    const ImFont* title = ctx.fonts[TextRole::title];
    const ImFont* body = ctx.fonts[TextRole::body];
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const LocaleFormat& locale = ctx.frame.locale;
    bool any = false;
    for (uint32_t index : ctx.cache.order()) {
        const Goal& goal = ctx.data.goals[index];
        if (!is_condition_goal(goal)) continue;
        any = true;
        const std::optional<GoalResults>& results = results_of(ctx, counted, goal);
        MatchTally total;
        std::vector<IntervalResult> bars(buckets.size());
        for (size_t b = 0; b < buckets.size(); ++b) bars[b].range = buckets[b];
        if (results) {
            if (results->matches) total = *results->matches;
            for (const Bucket& r : results->buckets) {
                // The view's buckets, or parts of them where the goal's duration cuts the period.
                const auto it = std::lower_bound(buckets.begin(), buckets.end(), r.range.start,
                                                 [](const DateRange& x, Date d) { return x.end < d; });
                if (it != buckets.end() && r.matches) bars[size_t(it - buckets.begin())].value = double(r.matches->count);
            }
        }
        ImGui::PushID(int(index));
        const float width = ImGui::GetContentRegionAvail().x;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        const float inner = width - 2 * space::m;
        const std::string count = count_text(total.count, locale.lang);
        const float count_w = kit::width_of(body, count);
        const float y0 = at.y + space::s;
        const std::string_view name = goal_title(goal, locale.lang);
        kit::text(draw, title, ImVec2(at.x + space::m, y0), pal.text_strong, name,
                  kit::fit(title, name, inner - count_w - space::s));
        kit::text(draw, body, ImVec2(at.x + width - space::m - count_w, y0 + 1.0f), pal.text, count);
        ImGui::SetCursorScreenPos(ImVec2(at.x + space::m, y0 + kit::line_of(title) + space::xs));
        // The sparkline of the buckets, when there is room beside the words.
        const float spark = width >= 360.0f ? std::clamp(inner * 0.25f, 48.0f, 120.0f) : 0.0f;
        std::string words;
        if (total.value != 0) {
            const bool whole = std::floor(total.value) == total.value;
            words = msg(Msg::goal_value, locale.lang, {{"value", format_number(total.value, whole ? 0 : 2, locale)}});
        }
        for (size_t b = 0; b < bars.size(); ++b) {
            if (bars[b].value <= 0) continue;
            if (!words.empty()) words += " \xC2\xB7 ";
            words += format_day_short(buckets[b].start, locale) + ": " + format_number(bars[b].value, 0, locale);
        }
        if (total.count == 0) words = msg(Msg::conv_none_in, locale.lang, {{"period", ctx.shown.period_label}});
        ImGui::PushFont(const_cast<ImFont*>(caption));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - (spark > 0 ? spark + space::m : 0.0f));
        coloured_text(pal.muted_text, words);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        const float text_end = ImGui::GetItemRectMax().y;
        if (spark > 0 && total.count > 0)
            kit::sparkline(draw, ImVec2(at.x + width - space::m - spark, y0 + kit::line_of(title) + space::xs),
                           ImVec2(at.x + width - space::m, y0 + kit::line_of(title) + space::xs + 20.0f), bars,
                           kit::last_step_begun(bars, ctx.today), pal.bar, pal.track);
        const float end_y = std::max(text_end, y0 + kit::line_of(title) + space::xs + (spark > 0 ? 20.0f : 0.0f)) + space::s;
        draw->ChannelsSetCurrent(0);
        draw->AddRectFilled(at, ImVec2(at.x + width, end_y), pal.card, radius::card);
        draw->AddRect(at, ImVec2(at.x + width, end_y), pal.card_border, radius::card);
        draw->ChannelsMerge();
        ImGui::SetCursorScreenPos(at);
        ImGui::Dummy(ImVec2(width, end_y - at.y));
        ImGui::PopID();

        ShownGoal row;
        row.goal_id = goal.id;
        row.title = std::string(name);
        row.value = double(total.count);
        row.target = results ? results->total_target : goal.target.amount;
        row.value_text = count;
        ctx.shown.conversion_goals.push_back(std::move(row));
    }
    if (!any) wrapped_text(pal.muted_text, msg(Msg::conv_no_condition_goals, ctx.frame.locale.lang));
}

void draw_feed(ViewContext& ctx) {
    // The newest matches first; only the newest kFeedRows are drawn.
    std::vector<const MatchRecord*> newest;
    newest.reserve(ctx.data.matches.size());
    for (const MatchRecord& m : ctx.data.matches) newest.push_back(&m);
    const size_t shown = std::min(kFeedRows, newest.size());
    std::partial_sort(newest.begin(), newest.begin() + ptrdiff_t(shown), newest.end(),
                      [](const MatchRecord* a, const MatchRecord* b) { return a->at > b->at; });
    if (shown == 0) {
        wrapped_text(ctx.palette.muted_text, msg(Msg::conv_none_yet, ctx.frame.locale.lang));
        return;
    }
    const Lang lang = ctx.frame.locale.lang;
    const ImFont* body = ctx.fonts[TextRole::body];
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const Palette& pal = ctx.palette;
    // Two lines per match: when and which goal; then its value, who it is credited to, and the page.
    for (size_t i = 0; i < shown; ++i) {
        const MatchRecord& m = *newest[i];
        const int index = ctx.cache.find(m.goal_id);
        const TimestampMs local = m.at + TimestampMs(ctx.frame.zone_offset_minutes) * 60000;
        const int64_t minute_of_day = ((local % kMsPerDay) + kMsPerDay) % kMsPerDay / 60000;
        std::string clock;
        append_zero_padded(clock, minute_of_day / 60, 2);
        clock += ':';
        append_zero_padded(clock, minute_of_day % 60, 2);
        const std::string when = format_day_short(civil_date_of(m.at, ctx.frame.zone_offset_minutes), ctx.frame.locale) + " " + clock;
        const std::string_view goal = index >= 0 ? goal_title(ctx.data.goals[size_t(index)], lang) : std::string_view(m.goal_id);
        std::string details =
            m.value != 0 ? msg(Msg::goal_value, lang, {{"value", format_number(m.value, std::floor(m.value) == m.value ? 0 : 2, ctx.frame.locale)}}) +
                               " \xC2\xB7 "
                         : std::string();
        details += m.agent_id.empty() ? std::string(msg(Msg::conv_not_attributed, lang))
                                      : msg(Msg::conv_credited_to, lang, {{"agent", m.agent_id}});
        if (!m.url.empty()) details += " \xC2\xB7 " + m.url;
        const float width = ImGui::GetContentRegionAvail().x;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float when_w = kit::text(draw, caption, ImVec2(at.x, at.y + 2.0f), pal.muted_text, when);
        kit::text(draw, body, ImVec2(at.x + when_w + space::s, at.y), pal.text, goal,
                  kit::fit(body, goal, width - when_w - space::s));
        kit::text(draw, caption, ImVec2(at.x, at.y + kit::line_of(body) + space::xxs), pal.muted_text, details,
                  kit::fit(caption, details, width));
        ImGui::Dummy(ImVec2(width, kit::line_of(body) + space::xxs + kit::line_of(caption) + space::xxs));
        ctx.shown.feed.push_back(m);
    }
}

}  // namespace

// Which goals the host page matches, through the same explain service as the URL tester.
static void draw_current_page(ViewContext& ctx) {
    if (ctx.data.current_page_url.empty() || !ctx.data.services.explain_url) {
        wrapped_text(ctx.palette.muted_text, msg(Msg::conv_page_unknown, ctx.frame.locale.lang));
        return;
    }
    const Lang lang = ctx.frame.locale.lang;
    const UrlExplanation& page = ctx.cache.current_page.get(ctx.data, ctx.data.current_page_url);
    const float width = ImGui::GetContentRegionAvail().x;
    // The page's own address without its scheme and host, which are the page's own: "/pricing?plan=pro".
    std::string_view address = ctx.data.current_page_url;
    const size_t scheme = address.find("://");
    if (scheme != std::string_view::npos) {
        const size_t path = address.find('/', scheme + 3);
        address = path == std::string_view::npos ? std::string_view("/") : address.substr(path);
    }
    const std::string url = msg(Msg::conv_this_page, lang, {{"url", address}});
    const ImFont* font = ImGui::GetFont();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    kit::text(ImGui::GetWindowDrawList(), font, at, ctx.palette.text, url, kit::fit(font, url, width));
    ImGui::Dummy(ImVec2(width, kit::line_of(font)));
    for (const GoalExplanation& g : page.goals) {
        if (g.outcome != Outcome::match) continue;
        const int index = ctx.cache.find(g.goal_id);
        ImGui::Bullet();
        ImGui::PushTextWrapPos(0.0f);
        text(index >= 0 ? goal_title(ctx.data.goals[size_t(index)], lang) : std::string_view(g.goal_id));
        ImGui::PopTextWrapPos();
        ctx.shown.goals_matching_page.push_back(g.goal_id);
    }
    if (ctx.shown.goals_matching_page.empty()) wrapped_text(ctx.palette.muted_text, msg(Msg::conv_page_matches_none, lang));
}

void draw_conversions(ViewContext& ctx) {
    draw_period_note(ctx);
    const Lang lang = ctx.frame.locale.lang;
    kit::heading(ctx, msg(Msg::conv_heading_goals, lang));
    draw_goal_list(ctx);
    ImGui::Spacing();
    kit::heading(ctx, msg(Msg::conv_heading_page, lang));
    draw_current_page(ctx);
    ImGui::Spacing();
    kit::heading(ctx, msg(Msg::conv_heading_latest, lang));
    draw_feed(ctx);
}

}  // namespace gp::ui::parts
