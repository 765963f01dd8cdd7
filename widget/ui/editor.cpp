// goalpost UI: the goal editor: create, change and delete goals. The fields follow the goal's vendor; the
// core's validation errors are drawn at the field their path names, and nothing is saved while any remain.
//
// Index
// - [SECTION] Field errors
// - [SECTION] Fields
// - [SECTION] Save and delete
// - [SECTION] Goal list and entry point
#include <algorithm>
#include <climits>

#include "core/calendar.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Field errors
//-----------------------------------------------------------------------------

// Does an error at `error_path` belong to the field at `field`? Its own path or anything inside it.
bool belongs_to(std::string_view error_path, std::string_view field) {
    if (error_path.substr(0, field.size()) != field) return false;
    return error_path.size() == field.size() || error_path[field.size()] == '/';
}

void field_errors(ViewContext& ctx, std::string_view field) {
    for (const Error& e : ctx.state.editor.errors) {
        if (!belongs_to(e.path, field)) continue;
        wrapped_text(ctx.palette.error_text, error_message(e.code, e.message, ctx.frame.locale.lang));
        ctx.shown.editor_errors.push_back(e);
    }
}

// The fields the form draws for a goal; errors naming anything else are listed above the form.
std::vector<std::string> field_paths(const Goal& goal) {
    std::vector<std::string> paths = {"/title", "/active", "/assignee", "/target/amount", "/schedule/start",
                                      "/schedule/end", "/schedule/interval", "/metric", "/target/currency_code",
                                      "/target/direction", "/target/tracking"};
    if (is_condition_goal(goal)) {
        for (size_t i = 0; i < goal.conditions.size(); ++i) paths.push_back("/conditions/" + std::to_string(i));
        paths.insert(paths.end(), {"/conditions", "/combinator", "/default_value", "/attribution"});
    }
    return paths;
}

void unplaced_errors(ViewContext& ctx, const Goal& goal) {
    const std::vector<std::string> paths = field_paths(goal);
    for (const Error& e : ctx.state.editor.errors) {
        const bool placed = std::any_of(paths.begin(), paths.end(), [&](const std::string& p) { return belongs_to(e.path, p); });
        if (placed) continue;
        wrapped_text(ctx.palette.error_text, (e.path.empty() ? std::string(msg(Msg::error_goal, ctx.frame.locale.lang)) : e.path) + ": " +
                                                 error_message(e.code, e.message, ctx.frame.locale.lang));
        ctx.shown.editor_errors.push_back(e);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Fields
//-----------------------------------------------------------------------------

template <class E>
bool enum_combo(const char* label, E& value, std::initializer_list<E> choices) {
    bool changed = false;
    const std::string current(name_of(value));
    if (ImGui::BeginCombo(label, current.c_str())) {
        for (E choice : choices) {
            const std::string name(name_of(choice));
            if (ImGui::Selectable(name.c_str(), choice == value)) {
                value = choice;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// A field's label above it, and the field as wide as the form: the form reads the same at every width.
const char* say(const ViewContext& ctx, Msg key) { return msg(key, ctx.frame.locale.lang); }
void label(const ViewContext& ctx, Msg key) { kit::heading(ctx, say(ctx, key)); }
void full_width() { ImGui::SetNextItemWidth(-FLT_MIN); }

void draw_common_fields(ViewContext& ctx, Goal& g) {
    EditorState& e = ctx.state.editor;
    label(ctx, Msg::editor_title);
    full_width();
    input_text("##title", g.title);
    record_rect(ctx.shown, "editor.title");
    field_errors(ctx, "/title");
    ImGui::Checkbox(say(ctx, Msg::editor_active), &g.active);
    label(ctx, Msg::editor_assignee);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::SetNextItemWidth(half);
    enum_combo("##assignee-type", g.assignee.type,
               {AssigneeType::none, AssigneeType::person, AssigneeType::team, AssigneeType::company});
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text("##assignee-id", g.assignee.id, say(ctx, Msg::editor_assignee_id));
    field_errors(ctx, "/assignee");
    label(ctx, Msg::editor_target);
    full_width();
    input_text("##amount", e.amount_text, "0");
    record_rect(ctx.shown, "editor.amount");
    field_errors(ctx, "/target/amount");
    label(ctx, Msg::editor_interval);
    full_width();
    enum_combo("##interval", g.schedule.interval,
               {Interval::none, Interval::weekly, Interval::monthly, Interval::quarterly, Interval::yearly});
    field_errors(ctx, "/schedule/interval");
    label(ctx, Msg::editor_start_end);
    ImGui::SetNextItemWidth(half);
    input_text("##start", e.start_text, say(ctx, Msg::toolbar_date_hint));
    record_rect(ctx.shown, "editor.start");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text("##end", e.end_text, say(ctx, Msg::editor_open_ended));
    field_errors(ctx, "/schedule/start");
    field_errors(ctx, "/schedule/end");
}

void draw_sales_fields(ViewContext& ctx, Goal& g) {
    if (g.vendor == Vendor::pipedrive) {
        label(ctx, Msg::editor_measures);
        full_width();
        enum_combo("##measures", g.metric.type,
                   {MetricType::deals_won, MetricType::deals_started, MetricType::deals_progressed,
                    MetricType::activities_added, MetricType::activities_completed, MetricType::revenue_forecast});
        field_errors(ctx, "/metric");
        label(ctx, Msg::editor_tracks);
        full_width();
        enum_combo("##tracks", g.target.tracking, {TrackingMetric::quantity, TrackingMetric::sum});
        field_errors(ctx, "/target/tracking");
    }
    if (g.vendor == Vendor::hubspot) {
        label(ctx, Msg::editor_better_when);
        full_width();
        enum_combo("##direction", g.target.direction, {Direction::higher_is_better, Direction::lower_is_better});
        field_errors(ctx, "/target/direction");
    }
    if (g.target.tracking == TrackingMetric::sum || g.vendor == Vendor::hubspot) {
        label(ctx, Msg::editor_currency);
        full_width();
        input_text("##currency", g.target.currency_code, "EUR");
        field_errors(ctx, "/target/currency_code");
    }
}

void draw_condition(ViewContext& ctx, Goal& g, size_t i, bool& remove) {
    Condition& c = g.conditions[i];
    ImGui::PushID(int(i));
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const char* remove_label = say(ctx, Msg::editor_remove);
    const float remove_w = ImGui::CalcTextSize(remove_label).x + ImGui::GetStyle().FramePadding.x * 2;
    // Wide: field, operator, value and Remove on one line; narrow: the value and Remove on a second line.
    const bool one_line = avail >= 520.0f;
    const float combo_w = one_line ? 120.0f : (avail - gap) * 0.5f;
    if (g.vendor == Vendor::zendesk) {
        c.field = ConditionField::url;  // Zendesk goals are URL goals
        ImGui::SetNextItemWidth(one_line ? combo_w : -FLT_MIN);
        enum_combo("##op", c.op, {ConditionOp::equals, ConditionOp::contains});
    } else {
        ImGui::SetNextItemWidth(combo_w);
        enum_combo("##field", c.field,
                   {ConditionField::url, ConditionField::path, ConditionField::query, ConditionField::host,
                    ConditionField::title, ConditionField::referrer, ConditionField::event_name,
                    ConditionField::event_value});
        ImGui::SameLine();
        ImGui::SetNextItemWidth(one_line ? combo_w : -FLT_MIN);
        enum_combo("##op", c.op,
                   {ConditionOp::equals, ConditionOp::contains, ConditionOp::starts_with, ConditionOp::ends_with,
                    ConditionOp::wildcard, ConditionOp::greater, ConditionOp::less});
    }
    if (one_line) ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - remove_w - gap);
    input_text("##value", c.value, say(ctx, Msg::editor_value));
    record_rect(ctx.shown, "editor.condition." + std::to_string(i));
    ImGui::SameLine();
    remove = kit::button(remove_label);
    field_errors(ctx, "/conditions/" + std::to_string(i));
    ImGui::PopID();
}

void draw_condition_fields(ViewContext& ctx, Goal& g) {
    EditorState& e = ctx.state.editor;
    if (!is_condition_goal(g)) return;
    label(ctx, Msg::editor_match_when);
    full_width();
    enum_combo("##combinator", g.combinator, {Combinator::any, Combinator::all});
    size_t remove_at = g.conditions.size();
    for (size_t i = 0; i < g.conditions.size(); ++i) {
        bool remove = false;
        draw_condition(ctx, g, i, remove);
        if (remove) remove_at = i;
    }
    if (remove_at < g.conditions.size()) g.conditions.erase(g.conditions.begin() + ptrdiff_t(remove_at));
    if (kit::button(say(ctx, Msg::editor_add_condition))) g.conditions.emplace_back();
    field_errors(ctx, "/conditions");
    if (g.vendor == Vendor::zendesk) {
        label(ctx, Msg::editor_attribution);
        const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        ImGui::SetNextItemWidth(half);
        enum_combo("##attribution", g.attribution.model,
                   {AttributionModel::none, AttributionModel::first_touch, AttributionModel::last_touch});
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-FLT_MIN);
        input_text("##window", e.window_text, "0");
        record_rect(ctx.shown, "editor.window");
        field_errors(ctx, "/attribution");
    }
    if (g.vendor == Vendor::giosg) {
        label(ctx, Msg::editor_default_value);
        full_width();
        input_text("##default-value", e.default_value_text, "");
        record_rect(ctx.shown, "editor.default_value");
        field_errors(ctx, "/default_value");
    }
}

// Buttons in a row that wraps to the next line when the next one would not fit.
class Flow {
public:
    explicit Flow(float avail) : right_(ImGui::GetCursorScreenPos().x + avail) {}
    void next(const char* label) {
        const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
        if (started_) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + w > right_) ImGui::NewLine();
        }
        started_ = true;
    }

private:
    float right_;
    bool started_ = false;
};

//-----------------------------------------------------------------------------
// [SECTION] Save and delete
//-----------------------------------------------------------------------------

void start_editing(EditorState& e, const Goal& goal, bool is_new) {
    e = EditorState{};
    e.draft = goal;
    e.is_new = is_new;
    e.amount_text = format_decimal(goal.target.amount);
    e.window_text = std::to_string(goal.attribution.window_days);
    if (goal.default_value) e.default_value_text = format_decimal(*goal.default_value);
    if (goal.schedule.start) e.start_text = format_civil_date(*goal.schedule.start);
    if (goal.schedule.end) e.end_text = format_civil_date(*goal.schedule.end);
}

// The typed text fields, parsed into the goal; a field that does not parse is an error at its path.
Goal parse_draft(const EditorState& e, Lang lang, std::vector<Error>& errors) {
    Goal g = *e.draft;
    if (const auto amount = parse_decimal(e.amount_text)) g.target.amount = *amount;
    else errors.push_back({"/target/amount", "bad_number", msg(Msg::editor_bad_number, lang), 400});
    if (g.vendor == Vendor::zendesk) {
        const auto days = parse_int(e.window_text);
        if (days && *days >= INT_MIN && *days <= INT_MAX) g.attribution.window_days = static_cast<int>(*days);
        else errors.push_back({"/attribution/window_days", "bad_number", msg(Msg::editor_bad_number, lang), 400});
    }
    if (g.vendor == Vendor::giosg) {
        if (e.default_value_text.empty()) g.default_value.reset();
        else if (const auto value = parse_decimal(e.default_value_text)) g.default_value = *value;
        else errors.push_back({"/default_value", "bad_number", msg(Msg::editor_bad_number, lang), 400});
    }
    const auto date_field = [&](const std::string& text, const char* path, bool required, std::optional<Date>& out) {
        if (text.empty()) {
            if (required) errors.push_back({path, "required", msg(Msg::editor_start_required, lang), 400});
            out.reset();
            return;
        }
        out = parse_civil_date(text);
        if (!out) errors.push_back({path, "bad_date", msg(Msg::editor_bad_date, lang), 400});
    };
    date_field(e.start_text, "/schedule/start", false, g.schedule.start);
    date_field(e.end_text, "/schedule/end", false, g.schedule.end);
    return g;
}

void save(ViewContext& ctx) {
    EditorState& e = ctx.state.editor;
    std::vector<Error> errors;
    Goal goal = parse_draft(e, ctx.frame.locale.lang, errors);
    if (ctx.data.services.validate) {
        std::vector<Error> more = ctx.data.services.validate(goal);
        errors.insert(errors.end(), more.begin(), more.end());
    }
    e.errors = std::move(errors);
    if (!e.errors.empty()) return;
    ctx.actions.push_back({e.is_new ? Action::Kind::create_goal : Action::Kind::update_goal, goal});
    start_editing(e, goal, false);
}

void draw_buttons(ViewContext& ctx) {
    EditorState& e = ctx.state.editor;
    Flow flow(ImGui::GetContentRegionAvail().x);
    const char* save_label = say(ctx, e.is_new ? Msg::editor_create : Msg::editor_save);
    const char* cancel_label = say(ctx, Msg::editor_cancel);
    const char* delete_label = say(ctx, Msg::editor_delete);
    const char* confirm_label = say(ctx, Msg::editor_delete_confirm);
    flow.next(save_label);
    ImGui::PushStyleColor(ImGuiCol_Button, ctx.palette.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ctx.palette.accent);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.on_accent);
    const bool save_pressed = kit::button(save_label);
    ImGui::PopStyleColor(3);
    if (save_pressed) save(ctx);
    record_rect(ctx.shown, "editor.save");
    flow.next(cancel_label);
    if (kit::button(cancel_label)) {
        e = EditorState{};
        return;
    }
    if (e.is_new) return;
    if (!e.confirm_delete) {
        flow.next(delete_label);
        if (kit::button(delete_label)) e.confirm_delete = true;
        record_rect(ctx.shown, "editor.delete");
        return;
    }
    flow.next(confirm_label);
    ImGui::PushStyleColor(ImGuiCol_Button, ctx.palette.chip_bg[int(PaceState::at_risk)]);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.chip_text[int(PaceState::at_risk)]);
    const bool really = kit::button(confirm_label);
    ImGui::PopStyleColor(2);
    record_rect(ctx.shown, "editor.confirm_delete");
    if (really) {
        ctx.actions.push_back({Action::Kind::delete_goal, *e.draft});
        e = EditorState{};
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Goal list and entry point
//-----------------------------------------------------------------------------

Goal new_goal_for(Vendor vendor) {
    Goal g;
    g.vendor = vendor;
    switch (vendor) {
        case Vendor::pipedrive: g.metric.type = MetricType::deals_won; g.schedule.interval = Interval::monthly; break;
        case Vendor::hubspot: g.metric.type = MetricType::sales_quota; g.target.unit = Unit::currency; break;
        case Vendor::giosg:
        case Vendor::zendesk:
            g.metric.type = MetricType::conversions;
            g.conditions.emplace_back();
            break;
        case Vendor::unknown: break;
    }
    return g;
}

void draw_goal_list(ViewContext& ctx) {
    static constexpr Vendor kNewGoalVendors[] = {Vendor::pipedrive, Vendor::hubspot, Vendor::giosg, Vendor::zendesk};
    kit::heading(ctx, say(ctx, Msg::editor_new_goal));
    Flow flow(ImGui::GetContentRegionAvail().x);
    for (Vendor v : kNewGoalVendors) {
        const std::string label = std::string("+ ") + vendor_label(v) + "##new-" + std::string(name_of(v));
        flow.next(label.c_str());
        if (kit::button(label.c_str())) start_editing(ctx.state.editor, new_goal_for(v), true);
        record_rect(ctx.shown, std::string("editor.new.") + std::string(name_of(v)));
    }
    ImGui::Spacing();
    kit::heading(ctx, say(ctx, Msg::editor_goals));
    const std::vector<uint32_t>& order = ctx.cache.order();
    const ImFont* body = ImGui::GetFont();
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const float row = std::max(kTouchTarget, ImGui::GetFrameHeight()) + space::xs;
    ImGuiListClipper clipper;
    clipper.Begin(int(order.size()), row + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Goal& goal = ctx.data.goals[order[size_t(i)]];
            ImGui::PushID(i);
            const bool selected = ctx.state.editor.draft && ctx.state.editor.draft->id == goal.id;
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x;
            if (ImGui::InvisibleButton("##goal", ImVec2(width, row)) && !ctx.suppress_clicks)
                start_editing(ctx.state.editor, goal, false);
            record_rect(ctx.shown, "editor.goal:" + goal.id);
            // The row's own background (a Selectable's reaches past the list's edge), the title, its vendor.
            ImDrawList* draw = ImGui::GetWindowDrawList();
            if (selected || ImGui::IsItemHovered())
                draw->AddRectFilled(at, ImVec2(at.x + width, at.y + row), selected ? ctx.palette.selected : ctx.palette.button,
                                    radius::control);
            if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible)
                draw->AddRect(at, ImVec2(at.x + width, at.y + row), ctx.palette.accent, radius::control, 0, 2.0f);
            const char* vendor = vendor_label(goal.vendor);
            const float badge = kit::chip_width(caption, vendor);
            kit::chip(draw, caption, ImVec2(at.x + width - badge - space::xs, at.y + (row - kit::chip_height(caption)) * 0.5f),
                      vendor, ctx.palette.vendor_bg[int(goal.vendor) % kVendors], ctx.palette.vendor_text[int(goal.vendor) % kVendors]);
            const std::string_view title = goal_title(goal, ctx.frame.locale.lang);
            kit::text(draw, body, ImVec2(at.x + space::xs, at.y + (row - kit::line_of(body)) * 0.5f), ctx.palette.text, title,
                      kit::fit(body, title, width - badge - space::s * 2));
            ImGui::PopID();
        }
    }
}

}  // namespace

void draw_editor(ViewContext& ctx) {
    EditorState& e = ctx.state.editor;
    if (!e.draft) {
        draw_goal_list(ctx);
        return;
    }
    Goal& g = *e.draft;
    // The form scrolls; its buttons stay in sight under it.
    const float row_h = std::max(kTouchTarget, ImGui::GetFrameHeight()) + ImGui::GetStyle().ItemSpacing.y;
    const float pad = ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    const float needed = ImGui::CalcTextSize(say(ctx, e.is_new ? Msg::editor_create : Msg::editor_save)).x +
                         ImGui::CalcTextSize(say(ctx, Msg::editor_cancel)).x +
                         (e.is_new ? 0.0f : ImGui::CalcTextSize(say(ctx, e.confirm_delete ? Msg::editor_delete_confirm : Msg::editor_delete)).x) +
                         pad * 3;
    const float buttons = row_h * (needed > ImGui::GetContentRegionAvail().x ? 2.0f : 1.0f);
    const float form = std::max(ImGui::GetFrameHeight() * 2, ImGui::GetContentRegionAvail().y - buttons);
    ImGui::BeginChild("editor-form", ImVec2(0, form), false, ImGuiWindowFlags_NoBackground);
    ImGui::PushFont(ctx.fonts[TextRole::title]);
    wrapped_text(ctx.palette.text_strong, msg(e.is_new ? Msg::editor_heading_new : Msg::editor_heading_edit, ctx.frame.locale.lang,
                                              {{"vendor", vendor_label(g.vendor)}}));
    ImGui::PopFont();
    if (g.vendor == Vendor::hubspot)
        wrapped_text(ctx.palette.muted_text, say(ctx, Msg::editor_hubspot_read_only));
    else if (ctx.data.saves_to_vendor)
        wrapped_text(ctx.palette.muted_text, ctx.data.save_note.empty()
                                                 ? msg(Msg::editor_saving_sends, ctx.frame.locale.lang, {{"vendor", vendor_label(g.vendor)}})
                                                 : say(ctx.data.save_note, ctx.frame.locale.lang));
    unplaced_errors(ctx, g);
    draw_common_fields(ctx, g);
    draw_sales_fields(ctx, g);
    draw_condition_fields(ctx, g);
    if (!ctx.data.services.validate)
        wrapped_text(ctx.palette.muted_text, say(ctx, Msg::editor_no_validator));
    ImGui::EndChild();
    draw_buttons(ctx);
}

}  // namespace gp::ui::parts
