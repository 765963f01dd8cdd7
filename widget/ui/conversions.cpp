// goalpost UI: conversions: condition goals with their counts and values per interval, the feed of
// matches with the agent each is credited to, and the goals the host page matches right now.
#include <algorithm>
#include <cstdio>

#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

constexpr size_t kFeedRows = 50;

// Every match counted once into its goal's interval, by the viewer's civil date; recounted only when the
// matches, the period or the zone change.
const ConversionCache& tallies(ViewContext& ctx, std::vector<DateRange> buckets) {
    ConversionCache& c = ctx.cache.conversions;
    if (!c.stale(ctx.data, ctx.query.period, ctx.frame.zone_offset_minutes)) return c;
    c.generation = ctx.data.generation;
    c.matches_ptr = ctx.data.matches.data();
    c.matches_size = ctx.data.matches.size();
    c.period = ctx.query.period;
    c.zone_offset_minutes = ctx.frame.zone_offset_minutes;
    c.buckets = std::move(buckets);
    c.by_goal.clear();
    for (const MatchRecord& m : ctx.data.matches) {
        const Date day = civil_date_of(m.at, ctx.frame.zone_offset_minutes);
        // Buckets are sorted and contiguous: the first that ends on or after the day holds it.
        auto it = std::lower_bound(c.buckets.begin(), c.buckets.end(), day,
                                   [](const DateRange& r, Date d) { return r.end < d; });
        if (it == c.buckets.end() || !it->contains(day)) continue;
        std::vector<IntervalTally>& t = c.by_goal[m.goal_id];
        t.resize(c.buckets.size());
        IntervalTally& x = t[size_t(it - c.buckets.begin())];
        ++x.count;
        x.value += m.value;
    }
    return c;
}

// The buckets of the period: weeks for a month or shorter, months for longer periods.
std::vector<DateRange> buckets_of(const ViewContext& ctx) {
    const DateRange period = ctx.query.period;
    const Interval cut = period.days() <= 31 ? Interval::weekly : Interval::monthly;
    return split_into_intervals(period, cut, ctx.frame.calendar);
}

void draw_goal_table(ViewContext& ctx) {
    const ConversionCache& counted = tallies(ctx, buckets_of(ctx));
    const std::vector<DateRange>& buckets = counted.buckets;
    const std::vector<IntervalTally> none(buckets.size());
    const int columns = 3 + int(buckets.size());
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    if (columns > 64 || !ImGui::BeginTable("conversions", columns, kFlags)) return;
    ImGui::TableSetupColumn("Goal");
    ImGui::TableSetupColumn("Conversions");
    ImGui::TableSetupColumn("Value");
    for (const DateRange& b : buckets) {
        const std::string label = format_date(b.start, ctx.frame.locale);
        ImGui::TableSetupColumn(label.c_str());
    }
    ImGui::TableHeadersRow();
    for (uint32_t index : ctx.cache.order()) {
        const Goal& goal = ctx.data.goals[index];
        if (!is_condition_goal(goal)) continue;
        auto found = counted.by_goal.find(goal.id);
        const std::vector<IntervalTally>& t = found == counted.by_goal.end() ? none : found->second;
        IntervalTally total;
        for (const IntervalTally& x : t) {
            total.count += x.count;
            total.value += x.value;
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text(goal_title(goal));
        ImGui::TableNextColumn();
        text(format_count(double(total.count), ctx.frame.locale));
        ImGui::TableNextColumn();
        text(format_number(total.value, 2, ctx.frame.locale));
        for (const IntervalTally& x : t) {
            ImGui::TableNextColumn();
            text(format_count(double(x.count), ctx.frame.locale) + " / " + format_number(x.value, 2, ctx.frame.locale));
        }
        ShownGoal row;
        row.goal_id = goal.id;
        row.title = std::string(goal_title(goal));
        row.value = double(total.count);
        row.target = goal.target.amount;
        row.value_text = format_count(double(total.count), ctx.frame.locale) + " conversions";
        ctx.shown.conversion_goals.push_back(std::move(row));
    }
    ImGui::EndTable();
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
        text("No conversions yet.");
        return;
    }
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("feed", 5, kFlags)) return;
    ImGui::TableSetupColumn("When");
    ImGui::TableSetupColumn("Goal");
    ImGui::TableSetupColumn("Value");
    ImGui::TableSetupColumn("Credited to");
    ImGui::TableSetupColumn("Page");
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < shown; ++i) {
        const MatchRecord& m = *newest[i];
        const int index = ctx.cache.find(m.goal_id);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const TimestampMs local = m.at + TimestampMs(ctx.frame.zone_offset_minutes) * 60000;
        const int64_t minute_of_day = ((local % kMsPerDay) + kMsPerDay) % kMsPerDay / 60000;
        char clock[8];
        std::snprintf(clock, sizeof clock, "%02d:%02d", int(minute_of_day / 60), int(minute_of_day % 60));
        text(format_date(civil_date_of(m.at, ctx.frame.zone_offset_minutes), ctx.frame.locale) + " " + clock);
        ImGui::TableNextColumn();
        text(index >= 0 ? goal_title(ctx.data.goals[size_t(index)]) : std::string_view(m.goal_id));
        ImGui::TableNextColumn();
        text(format_number(m.value, 2, ctx.frame.locale));
        ImGui::TableNextColumn();
        text(m.agent_id.empty() ? std::string_view("not attributed") : std::string_view(m.agent_id));
        ImGui::TableNextColumn();
        text(m.url);
        ctx.shown.feed.push_back(m);
    }
    ImGui::EndTable();
}

}  // namespace

// Which goals the host page matches, through the same explain service as the URL tester.
static void draw_current_page(ViewContext& ctx) {
    if (ctx.data.current_page_url.empty() || !ctx.data.services.explain_url) {
        coloured_text(ctx.palette.muted_text, "The page's own URL is not known to the widget.");
        return;
    }
    const UrlExplanation& page = ctx.cache.current_page.get(ctx.data, ctx.data.current_page_url);
    text("This page: " + ctx.data.current_page_url);
    for (const GoalExplanation& g : page.goals) {
        if (g.outcome != Outcome::match) continue;
        const int index = ctx.cache.find(g.goal_id);
        ImGui::Bullet();
        text(index >= 0 ? goal_title(ctx.data.goals[size_t(index)]) : std::string_view(g.goal_id));
        ctx.shown.goals_matching_page.push_back(g.goal_id);
    }
    if (ctx.shown.goals_matching_page.empty()) text("It matches no goal.");
}

void draw_conversions(ViewContext& ctx) {
    draw_period_note(ctx);
    ImGui::TextUnformatted("Condition goals");
    draw_goal_table(ctx);
    ImGui::Spacing();
    ImGui::TextUnformatted("Goals matching this page");
    draw_current_page(ctx);
    ImGui::Spacing();
    ImGui::TextUnformatted("Latest conversions");
    draw_feed(ctx);
}

}  // namespace gp::ui::parts
