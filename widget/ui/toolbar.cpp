// goalpost UI: the toolbar above the views: period navigation, search, filters and sort, on one line at
// every width. It takes the fullest of three forms that fits (docs/ui.md, "Toolbar"):
//   wide    [<][>] [Today] [Month v] November 2026   [search......] [Filters] [Sort: Title v] [^]
//   medium  [<][>] [Today] [Month v] November 2026   [Filter & sort]      (search, filters, sort in a popup)
//   narrow  [<]  November 2026  [>] [...]                                 (period kind and the rest in a popup)
//
// Index
// - [SECTION] Period controls
// - [SECTION] Filters and sort
// - [SECTION] Forms
#include <algorithm>

#include "core/calendar.hpp"
#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

constexpr const char* kMoreLabel = "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2";  // three bullets (U+2022): "more"
constexpr Msg kPeriodNames[] = {Msg::kind_week, Msg::kind_month, Msg::kind_quarter, Msg::kind_year, Msg::kind_custom};
constexpr Msg kActive[] = {Msg::show_all, Msg::show_active, Msg::show_inactive};
constexpr Msg kSorts[] = {Msg::sort_title, Msg::sort_percent, Msg::sort_status, Msg::sort_vendor};
IM_STATIC_ASSERT(IM_ARRAYSIZE(kPeriodNames) == int(PeriodKind::custom) + 1);
IM_STATIC_ASSERT(IM_ARRAYSIZE(kActive) == int(ActiveFilter::inactive) + 1);
IM_STATIC_ASSERT(IM_ARRAYSIZE(kSorts) == int(SortKey::vendor) + 1);

Lang lang_of(const ViewContext& ctx) { return ctx.frame.locale.lang; }
const char* say(const ViewContext& ctx, Msg key) { return msg(key, lang_of(ctx)); }
float text_w(const char* s) { return ImGui::CalcTextSize(s).x; }
float text_w(const std::string& s) { return kit::width_of(ImGui::GetFont(), s); }
float pad_x() { return ImGui::GetStyle().FramePadding.x; }
float gap() { return ImGui::GetStyle().ItemSpacing.x; }
float date_field_width() { return text_w("0000-00-00") + pad_x() * 2 + 4; }
// As wide as the longest choice ("Quarter" in English), so the toolbar does not move when the choice does.
template <size_t N>
float widest(const ViewContext& ctx, const Msg (&keys)[N], Msg pattern = Msg::count) {
    float w = 0;
    for (Msg key : keys)
        w = std::max(w, pattern == Msg::count ? text_w(say(ctx, key)) : text_w(msg(pattern, lang_of(ctx), {{"key", say(ctx, key)}})));
    return w;
}
float kind_width(const ViewContext& ctx) {
    constexpr Msg kMeasured[] = {Msg::kind_week, Msg::kind_month, Msg::kind_quarter, Msg::kind_year};
    return widest(ctx, kMeasured) + ImGui::GetFrameHeight() + pad_x() * 2;
}
float sort_width(const ViewContext& ctx) { return widest(ctx, kSorts, Msg::filter_sort_preview) + ImGui::GetFrameHeight() + pad_x() * 2; }

//-----------------------------------------------------------------------------
// [SECTION] Period controls
//-----------------------------------------------------------------------------

void step(ViewContext& ctx, int direction) {
    step_period(ctx.state.period, direction, ctx.today, ctx.frame.calendar);
    ctx.state.detail_step = -1;
}

void arrow(ViewContext& ctx, int direction) {
    const bool back = direction < 0;
    if (ImGui::ArrowButton(back ? "##previous" : "##next", back ? ImGuiDir_Left : ImGuiDir_Right)) step(ctx, direction);
    record_rect(ctx.shown, back ? "period.previous" : "period.next");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        text(say(ctx, back ? Msg::toolbar_previous_tip : Msg::toolbar_next_tip));
        ImGui::EndTooltip();
    }
}

void today_button(ViewContext& ctx, float width = 0.0f) {
    PeriodState& p = ctx.state.period;
    if (kit::button(say(ctx, Msg::toolbar_today), width)) {
        jump_to_current(p, p.kind == PeriodKind::custom ? PeriodKind::month : p.kind);
        ctx.state.detail_step = -1;
    }
    record_rect(ctx.shown, "period.today");
    if (ImGui::IsItemHovered()) {
        const std::string tip = ctx.frame.as_of
                                    ? msg(Msg::toolbar_today_as_of_tip, lang_of(ctx), {{"day", format_day(ctx.today, ctx.frame.locale)}})
                                    : std::string(say(ctx, Msg::toolbar_today_tip));
        ImGui::BeginTooltip();
        text(tip);
        ImGui::EndTooltip();
    }
}

void kind_combo(ViewContext& ctx, float width) {
    PeriodState& p = ctx.state.period;
    ImGui::SetNextItemWidth(width);
    int kind = int(p.kind);
    const char* names[IM_ARRAYSIZE(kPeriodNames)];
    for (size_t i = 0; i < IM_ARRAYSIZE(kPeriodNames); ++i) names[i] = say(ctx, kPeriodNames[i]);
    if (ImGui::Combo("##period-kind", &kind, names, IM_ARRAYSIZE(names))) {
        ctx.state.detail_step = -1;
        if (PeriodKind(kind) == PeriodKind::custom) {
            p.custom = ctx.query.period;
            ctx.state.custom_start_text = format_civil_date(ctx.query.period.start);
            ctx.state.custom_end_text = format_civil_date(ctx.query.period.end);
            p.kind = PeriodKind::custom;
        } else {
            jump_to_current(p, PeriodKind(kind));
        }
    }
    record_rect(ctx.shown, "period.kind");
}

// The custom period's two typed dates; `inline_row` keeps them on the toolbar's line.
void custom_range(ViewContext& ctx, bool inline_row) {
    ViewState& s = ctx.state;
    if (s.custom_start_text.empty()) s.custom_start_text = format_civil_date(ctx.query.period.start);
    if (s.custom_end_text.empty()) s.custom_end_text = format_civil_date(ctx.query.period.end);
    const float w = inline_row ? date_field_width() : (ImGui::GetContentRegionAvail().x - gap()) * 0.5f;
    ImGui::SetNextItemWidth(w);
    const char* hint = say(ctx, Msg::toolbar_date_hint);
    bool changed = input_text("##from", s.custom_start_text, hint);
    record_rect(ctx.shown, "period.from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    changed |= input_text("##to", s.custom_end_text, hint);
    record_rect(ctx.shown, "period.to");
    const auto from = parse_civil_date(s.custom_start_text);
    const auto to = parse_civil_date(s.custom_end_text);
    if (from && to) {
        if (changed) s.period.custom = {*from, *to};
    } else {
        if (inline_row) ImGui::SameLine();
        coloured_text(ctx.palette.error_text, say(ctx, Msg::toolbar_date_format));
    }
}

float period_full_width(const ViewContext& ctx) {
    const float arrows = ImGui::GetFrameHeight() * 2 + gap();
    const float today = text_w(say(ctx, Msg::toolbar_today)) + pad_x() * 2;
    const float tail = ctx.state.period.kind == PeriodKind::custom
                           ? date_field_width() * 2 + gap() + text_w(say(ctx, Msg::toolbar_date_format))
                           : kit::width_of(ImGui::GetFont(), ctx.shown.period_label);
    return arrows + gap() + today + gap() + kind_width(ctx) + gap() + tail;
}

void period_full(ViewContext& ctx) {
    arrow(ctx, -1);
    ImGui::SameLine();
    arrow(ctx, +1);
    ImGui::SameLine();
    today_button(ctx);
    ImGui::SameLine();
    kind_combo(ctx, kind_width(ctx));
    ImGui::SameLine();
    if (ctx.state.period.kind == PeriodKind::custom) {
        custom_range(ctx, true);
    } else {
        ImGui::AlignTextToFramePadding();
        coloured_text(ctx.palette.text_strong, ctx.shown.period_label);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Filters and sort
//-----------------------------------------------------------------------------

// A combo over "Any" plus `count` named choices; `index` is -1 for "Any".
template <class NameOf>
bool any_combo(const ViewContext& ctx, const char* label, int& index, int count, NameOf name_of) {
    bool changed = false;
    const char* any = say(ctx, Msg::filter_any);
    if (ImGui::BeginCombo(label, index < 0 ? any : name_of(index))) {
        if (ImGui::Selectable(any, index < 0)) {
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

void search_field(ViewContext& ctx, float width) {
    ImGui::SetNextItemWidth(width);
    if (ctx.focus_search) ImGui::SetKeyboardFocusHere();
    const char* hint = say(ctx, Msg::filter_search_hint);
    const bool roomy = width >= ImGui::CalcTextSize(hint).x + pad_x() * 2;
    input_text("##search", ctx.state.filters.search, roomy ? hint : say(ctx, Msg::filter_search_short));
    record_rect(ctx.shown, "filter.search");
}

void sort_controls(ViewContext& ctx, float width) {
    Filters& f = ctx.state.filters;
    ImGui::SetNextItemWidth(width);
    int sort = int(f.sort);
    const std::string preview = msg(Msg::filter_sort_preview, lang_of(ctx), {{"key", say(ctx, kSorts[sort])}});
    if (ImGui::BeginCombo("##sort", preview.c_str())) {
        for (int i = 0; i < IM_ARRAYSIZE(kSorts); ++i)
            if (ImGui::Selectable(say(ctx, kSorts[i]), i == sort)) f.sort = SortKey(i);
        ImGui::EndCombo();
    }
    record_rect(ctx.shown, "filter.sort");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##direction", f.descending ? ImGuiDir_Down : ImGuiDir_Up)) f.descending = !f.descending;
    record_rect(ctx.shown, "filter.direction");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        text(say(ctx, f.descending ? Msg::filter_descending : Msg::filter_ascending));
        ImGui::EndTooltip();
    }
}

int active_filters(const Filters& f, bool count_search) {
    return int(!f.assignee.empty()) + int(f.type.has_value()) + int(f.vendor.has_value()) +
           int(f.active != ActiveFilter::any) + int(count_search && !f.search.empty());
}

// The filters as a form: each field under its label, as wide as the popup.
void filter_fields(ViewContext& ctx) {
    Filters& f = ctx.state.filters;
    const auto label = [&](Msg l) { kit::heading(ctx, say(ctx, l)); };
    label(Msg::filter_assignee);
    ImGui::SetNextItemWidth(-FLT_MIN);
    const auto& people = ctx.cache.assignees();
    int person = -1;
    for (size_t i = 0; i < people.size(); ++i)
        if (people[i] == f.assignee) person = int(i);
    if (any_combo(ctx, "##assignee", person, int(people.size()), [&](int i) { return people[size_t(i)].c_str(); }))
        f.assignee = person < 0 ? std::string() : people[size_t(person)];
    record_rect(ctx.shown, "filter.assignee");

    label(Msg::filter_type);
    ImGui::SetNextItemWidth(-FLT_MIN);
    int type = f.type ? int(*f.type) - 1 : -1;  // MetricType::none is not a choice
    if (any_combo(ctx, "##type", type, int(MetricType::conversions),
                  [&](int i) { return metric_label(MetricType(i + 1), lang_of(ctx)); }))
        f.type = type < 0 ? std::nullopt : std::optional<MetricType>(MetricType(type + 1));
    record_rect(ctx.shown, "filter.type");

    label(Msg::filter_vendor);
    ImGui::SetNextItemWidth(-FLT_MIN);
    int vendor = f.vendor ? int(*f.vendor) - 1 : -1;
    if (any_combo(ctx, "##vendor", vendor, int(Vendor::zendesk), [](int i) { return vendor_label(Vendor(i + 1)); }))
        f.vendor = vendor < 0 ? std::nullopt : std::optional<Vendor>(Vendor(vendor + 1));
    record_rect(ctx.shown, "filter.vendor");

    label(Msg::filter_show);
    ImGui::SetNextItemWidth(-FLT_MIN);
    int active = int(f.active);
    const char* shows[IM_ARRAYSIZE(kActive)];
    for (size_t i = 0; i < IM_ARRAYSIZE(kActive); ++i) shows[i] = say(ctx, kActive[i]);
    if (ImGui::Combo("##active", &active, shows, IM_ARRAYSIZE(shows))) f.active = ActiveFilter(active);
    record_rect(ctx.shown, "filter.active");
    if (active_filters(f, false) > 0 && kit::button(say(ctx, Msg::filter_clear))) {
        f.assignee.clear();
        f.type.reset();
        f.vendor.reset();
        f.active = ActiveFilter::any;
    }
}

// A popup no wider than the widget, opened under the button that opened it.
bool begin_menu(ViewContext& ctx, const char* id) {
    const float width = std::min(300.0f, ctx.width - 2 * space::s);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    return ImGui::BeginPopup(id);
}

// `holds_search`: the search field is in this popup, so the "/" shortcut opens it.
void menu_button(ViewContext& ctx, const char* label, const char* popup, const char* rect, bool holds_search) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (kit::button(label) || (holds_search && ctx.focus_search && !ImGui::IsPopupOpen(popup))) {
        // Open under the button, inside the widget.
        const float width = std::min(300.0f, ctx.width - 2 * space::s);
        const float x = std::clamp(at.x, space::s, std::max(space::s, ctx.width - width - space::s));
        ImGui::SetNextWindowPos(ImVec2(x, at.y + ImGui::GetFrameHeight() + space::xs));
        ImGui::OpenPopup(popup);
    }
    record_rect(ctx.shown, rect);
}

//-----------------------------------------------------------------------------
// [SECTION] Forms
//-----------------------------------------------------------------------------

enum class Form : uint8_t { wide, medium, narrow };

Form choose(const ViewContext& ctx, bool filters, float avail) {
    const float period = period_full_width(ctx);
    if (!filters) return period <= avail ? Form::wide : Form::narrow;
    const float search = 12.0f * ImGui::GetFontSize();
    const float menu = text_w(std::string(say(ctx, Msg::filter_menu)) + " \xC2\xB7 4") + pad_x() * 2;
    const float wide = period + gap() * 4 + search + menu + sort_width(ctx) + ImGui::GetFrameHeight();
    if (wide <= avail) return Form::wide;
    const float medium = period + gap() + text_w(std::string(say(ctx, Msg::filter_and_sort)) + " \xC2\xB7 4") + pad_x() * 2;
    return medium <= avail ? Form::medium : Form::narrow;
}

// The arrows and the short label; with too little room for both (a short and narrow container, where the
// tab menu shares the line) the arrows move into the menu. Returns whether they did.
bool narrow_period(ViewContext& ctx, float avail, bool menu) {
    const float arrow_w = ImGui::GetFrameHeight();
    const float menu_w = menu ? std::max(kTouchTarget, text_w(kMoreLabel) + pad_x() * 2) : 0.0f;
    const bool arrows = !menu || avail - arrow_w * 2 - menu_w - gap() * 3 >= text_w(format_month(*parse_civil_date("2026-11-01"), ctx.frame.locale));
    if (arrows) {
        arrow(ctx, -1);
        ImGui::SameLine();
    }
    // The short label, centred in what is left, with an ellipsis if even that is too long.
    const float label_w = std::max(0.0f, avail - (arrows ? arrow_w * 2 : 0.0f) - menu_w - gap() * (arrows ? 3 : 1));
    std::string label = short_period_label(ctx.state.period, ctx.query.period, ctx.frame.locale);
    const ImFont* font = ImGui::GetFont();
    // Shorter still when even that does not fit: "Nov 2026", "W47 2026".
    if (kit::width_of(font, label) > label_w) {
        if (ctx.state.period.kind == PeriodKind::month) label = format_month(ctx.query.period.start, ctx.frame.locale);
        if (ctx.state.period.kind == PeriodKind::week)
            label = week_label(ctx.query.period, lang_of(ctx), true);
    }
    const size_t bytes = kit::fit(font, label, label_w);
    const float w = bytes < label.size() ? label_w : kit::width_of(font, label);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(label_w, ImGui::GetFrameHeight()));
    kit::text(ImGui::GetWindowDrawList(), font,
              ImVec2(at.x + (label_w - w) * 0.5f, at.y + (ImGui::GetFrameHeight() - kit::line_of(font)) * 0.5f),
              ctx.palette.text_strong, label, bytes);
    if (arrows) {
        ImGui::SameLine();
        arrow(ctx, +1);
    }
    return !arrows;
}

}  // namespace

void draw_toolbar(ViewContext& ctx) {
    const Tab tab = ctx.state.tab;
    const bool period = tab == Tab::overview || tab == Tab::detail || tab == Tab::conversions;
    const bool filters = tab == Tab::overview || tab == Tab::conversions;
    if (!period) {
        if (ctx.compact) ImGui::NewLine();
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const Form form = choose(ctx, filters, avail);
    Filters& f = ctx.state.filters;
    const int counted = active_filters(f, form != Form::wide);
    const std::string count = counted > 0 ? " \xC2\xB7 " + std::to_string(counted) : std::string();

    if (form == Form::wide) {
        period_full(ctx);
        if (filters) {
            ImGui::SameLine();
            search_field(ctx, 12.0f * ImGui::GetFontSize());
            ImGui::SameLine();
            menu_button(ctx, (say(ctx, Msg::filter_menu) + std::string(count) + "##filters").c_str(), "filters", "filter.menu", false);
            ImGui::SameLine();
            sort_controls(ctx, sort_width(ctx));
            if (begin_menu(ctx, "filters")) {
                filter_fields(ctx);
                ImGui::EndPopup();
            }
        }
    } else if (form == Form::medium) {
        period_full(ctx);
        ImGui::SameLine();
        menu_button(ctx, (say(ctx, Msg::filter_and_sort) + std::string(count) + "##filters").c_str(), "filters", "filter.menu", true);
        if (begin_menu(ctx, "filters")) {
            search_field(ctx, -FLT_MIN);
            filter_fields(ctx);
            kit::heading(ctx, say(ctx, Msg::filter_sort_by));
            sort_controls(ctx, ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - gap());
            ImGui::EndPopup();
        }
    } else {
        const bool arrows_in_menu = narrow_period(ctx, avail, true);
        ImGui::SameLine();
        const std::string label = std::string(kMoreLabel) + count + "##menu";
        menu_button(ctx, label.c_str(), "toolbar-menu", "toolbar.menu", filters);
        if (begin_menu(ctx, "toolbar-menu")) {
            kit::heading(ctx, say(ctx, Msg::toolbar_period));
            if (arrows_in_menu) {
                const float half = (ImGui::GetContentRegionAvail().x - gap()) * 0.5f;
                if (kit::button(say(ctx, Msg::toolbar_previous), half)) step(ctx, -1);
                record_rect(ctx.shown, "period.previous");
                ImGui::SameLine();
                if (kit::button(say(ctx, Msg::toolbar_next), half)) step(ctx, +1);
                record_rect(ctx.shown, "period.next");
            }
            kind_combo(ctx, ImGui::GetContentRegionAvail().x - text_w(say(ctx, Msg::toolbar_today)) - pad_x() * 2 - gap());
            ImGui::SameLine();
            today_button(ctx);
            if (ctx.state.period.kind == PeriodKind::custom) custom_range(ctx, false);
            if (filters) {
                kit::heading(ctx, say(ctx, Msg::filter_search));
                search_field(ctx, -FLT_MIN);
                filter_fields(ctx);
                kit::heading(ctx, say(ctx, Msg::filter_sort_by));
                sort_controls(ctx, ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - gap());
            }
            ImGui::EndPopup();
        }
    }
    // A filtered list says how much of it is left.
    if (filters && ctx.shown.goals_matching != ctx.shown.goals_total && tab == Tab::overview) {
        const std::string line = msg(Msg::filter_goals_match, lang_of(ctx), {{"matching", std::to_string(ctx.shown.goals_matching)},
                                                                          {"total", std::to_string(ctx.shown.goals_total)}});
        ImGui::PushFont(ctx.fonts[TextRole::caption]);
        coloured_text(ctx.palette.muted_text, line);
        ImGui::PopFont();
    }
}

}  // namespace gp::ui::parts
