// goalpost UI: the toolbar above the views: period navigation, filters, search and sort.
#include <cstdio>

#include "core/calendar.hpp"
#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

constexpr const char* kPeriodNames[] = {"Week", "Month", "Quarter", "Year", "Custom"};

void draw_custom_range(ViewContext& ctx) {
    ViewState& s = ctx.state;
    if (s.custom_start_text.empty()) s.custom_start_text = format_civil_date(ctx.query.period.start);
    if (s.custom_end_text.empty()) s.custom_end_text = format_civil_date(ctx.query.period.end);
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 2 + 4);
    bool changed = input_text("##from", s.custom_start_text, "YYYY-MM-DD");
    record_rect(ctx.shown, "period.from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 2 + 4);
    changed |= input_text("##to", s.custom_end_text, "YYYY-MM-DD");
    record_rect(ctx.shown, "period.to");
    const auto from = parse_civil_date(s.custom_start_text);
    const auto to = parse_civil_date(s.custom_end_text);
    if (from && to) {
        if (changed) s.period.custom = {*from, *to};
    } else {
        ImGui::SameLine();
        coloured_text(ctx.palette.error_text, "dates are YYYY-MM-DD");
    }
}

void draw_period_row(ViewContext& ctx) {
    ViewState& s = ctx.state;
    if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) step_period(s.period, -1, ctx.today, ctx.frame.calendar);
    record_rect(ctx.shown, "period.previous");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous period ( [ )");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) step_period(s.period, +1, ctx.today, ctx.frame.calendar);
    record_rect(ctx.shown, "period.next");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next period ( ] )");
    ImGui::SameLine();
    if (ImGui::Button("Today")) jump_to_current(s.period, s.period.kind == PeriodKind::custom ? PeriodKind::month : s.period.kind);
    record_rect(ctx.shown, "period.today");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", ctx.frame.as_of ? ("The period of " + format_date(ctx.today, ctx.frame.locale) + ", the page's as-of day").c_str()
                                                : "The current period");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("Quarter").x + ImGui::GetFrameHeight() * 2);
    int kind = int(s.period.kind);
    if (ImGui::Combo("##period-kind", &kind, kPeriodNames, IM_ARRAYSIZE(kPeriodNames))) {
        if (PeriodKind(kind) == PeriodKind::custom) {
            s.period.custom = ctx.query.period;
            s.custom_start_text = format_civil_date(ctx.query.period.start);
            s.custom_end_text = format_civil_date(ctx.query.period.end);
            s.period.kind = PeriodKind::custom;
        } else {
            jump_to_current(s.period, PeriodKind(kind));
        }
    }
    record_rect(ctx.shown, "period.kind");
    ImGui::SameLine();
    if (s.period.kind == PeriodKind::custom) {
        draw_custom_range(ctx);
    } else {
        text(ctx.shown.period_label);
    }
}

// A combo over "Any" plus `count` named choices; `index` is -1 for "Any".
template <class NameOf>
bool any_combo(const char* label, int& index, int count, NameOf name_of) {
    bool changed = false;
    if (ImGui::BeginCombo(label, index < 0 ? "Any" : name_of(index))) {
        if (ImGui::Selectable("Any", index < 0)) {
            index = -1;
            changed = true;
        }
        for (int i = 0; i < count; ++i) {
            ImGui::PushID(i);
            if (ImGui::Selectable(name_of(i), index == i)) {
                index = i;
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

void draw_filter_row(ViewContext& ctx) {
    Filters& f = ctx.state.filters;
    const float unit = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(unit * 10);
    if (ctx.focus_search) ImGui::SetKeyboardFocusHere();
    input_text("##search", f.search, "Search titles ( / )");
    record_rect(ctx.shown, "filter.search");

    ImGui::SameLine();
    ImGui::SetNextItemWidth(unit * 7);
    const auto& people = ctx.cache.assignees();
    int person = -1;
    for (size_t i = 0; i < people.size(); ++i)
        if (people[i] == f.assignee) person = int(i);
    if (any_combo("Assignee", person, int(people.size()), [&](int i) { return people[size_t(i)].c_str(); }))
        f.assignee = person < 0 ? std::string() : people[size_t(person)];
    record_rect(ctx.shown, "filter.assignee");

    ImGui::SameLine();
    ImGui::SetNextItemWidth(unit * 8);
    int type = f.type ? int(*f.type) - 1 : -1;  // MetricType::none is not a choice
    if (any_combo("Type", type, int(MetricType::conversions), [](int i) { return metric_label(MetricType(i + 1)); }))
        f.type = type < 0 ? std::nullopt : std::optional<MetricType>(MetricType(type + 1));
    record_rect(ctx.shown, "filter.type");

    ImGui::SameLine();
    ImGui::SetNextItemWidth(unit * 6);
    int vendor = f.vendor ? int(*f.vendor) - 1 : -1;
    if (any_combo("Vendor", vendor, int(Vendor::zendesk), [](int i) { return vendor_label(Vendor(i + 1)); }))
        f.vendor = vendor < 0 ? std::nullopt : std::optional<Vendor>(Vendor(vendor + 1));
    record_rect(ctx.shown, "filter.vendor");

    ImGui::SameLine();
    ImGui::SetNextItemWidth(unit * 6);
    static constexpr const char* kActive[] = {"All", "Active", "Inactive"};
    int active = int(f.active);
    if (ImGui::Combo("##active", &active, kActive, IM_ARRAYSIZE(kActive))) f.active = ActiveFilter(active);
    record_rect(ctx.shown, "filter.active");

    ImGui::SameLine();
    ImGui::SetNextItemWidth(unit * 6);
    static constexpr const char* kSorts[] = {"Title", "Percent", "Status", "Vendor"};
    int sort = int(f.sort);
    if (ImGui::Combo("Sort", &sort, kSorts, IM_ARRAYSIZE(kSorts))) f.sort = SortKey(sort);
    record_rect(ctx.shown, "filter.sort");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##direction", f.descending ? ImGuiDir_Down : ImGuiDir_Up)) f.descending = !f.descending;
    record_rect(ctx.shown, "filter.direction");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(f.descending ? "Descending" : "Ascending");
}

}  // namespace

void draw_toolbar(ViewContext& ctx) {
    const Tab tab = ctx.state.tab;
    if (tab == Tab::overview || tab == Tab::detail || tab == Tab::conversions) draw_period_row(ctx);
    if (tab == Tab::overview || tab == Tab::conversions) draw_filter_row(ctx);
    if (tab == Tab::overview) {
        char counts[64];
        std::snprintf(counts, sizeof counts, "%zu of %zu goals", ctx.shown.goals_matching, ctx.shown.goals_total);
        text(counts);
    }
    ImGui::Separator();
}

}  // namespace gp::ui::parts
