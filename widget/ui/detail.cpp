// goalpost UI: one goal in detail: its readout and pace, the forecast with its likely range, and a chart of
// the period at its resolution (days of a week or month, weeks of a quarter, months of a year): the
// cumulative burn-up against the pace line (which follows seasonal targets), the forecast cone, and a bar
// per step with that step's own target. Pointing at (or tapping) a step shows its exact figures. The goal's
// own intervals follow as a table (a list in narrow containers).
//
// Index
// - [SECTION] Forecast range
// - [SECTION] Chart
// - [SECTION] Step readout (the tooltip)
// - [SECTION] Intervals
// - [SECTION] Entry point
#include <algorithm>
#include <cmath>

#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Forecast range
//-----------------------------------------------------------------------------

// The forecast is the core's (where the period ends at the current pace). Its likely range is how far the
// steps still to come may stray from that pace, judged by how much the finished steps strayed: the
// forecast plus or minus 1.28 standard deviations of a finished step times the square root of the steps
// left (an 80 % band if steps were independent), never below what is already counted.
struct Range {
    double low = 0, high = 0;
};

// The core forecasts to the end of the goal's interval that holds today (the intervals before it are final):
// that day, and the last step before it.
Date forecast_end(const GoalProgress& p, DateRange period, Date today) {
    for (const IntervalResult& r : p.intervals)
        if (r.range.contains(today)) return r.range.end;
    return period.end;
}

int last_step_by(const std::vector<IntervalResult>& steps, Date day) {
    int last = -1;
    for (size_t i = 0; i < steps.size(); ++i)
        if (steps[i].range.start <= day) last = int(i);
    return last;
}

std::optional<Range> forecast_range(const GoalProgress& p, const std::vector<IntervalResult>& steps, int last_begun,
                                    int forecast_step) {
    if (!p.forecast || last_begun < 2 || steps.empty()) return std::nullopt;
    const int finished = last_begun;  // steps before the one running now
    double mean = 0;
    for (int i = 0; i < finished; ++i) mean += steps[size_t(i)].value;
    mean /= finished;
    double var = 0;
    for (int i = 0; i < finished; ++i) var += (steps[size_t(i)].value - mean) * (steps[size_t(i)].value - mean);
    var /= (finished - 1);
    const double left = double(forecast_step) - double(last_begun) + 1.0;  // the running step counts as left
    if (left <= 0) return std::nullopt;
    const double spread = 1.28 * std::sqrt(var * left);
    return Range{std::max(p.value, *p.forecast - spread), *p.forecast + spread};
}

//-----------------------------------------------------------------------------
// [SECTION] Chart
//-----------------------------------------------------------------------------

struct Chart {
    ImVec2 min, max;     // the plot area, screen space
    size_t steps = 0;
    float slot() const { return (max.x - min.x) / float(steps ? steps : 1); }
    float x_end(size_t i) const { return min.x + slot() * float(i + 1); }
};

float y_of(float top, float bottom, double value, double scale) {
    return bottom - (bottom - top) * float(scale > 0 ? std::clamp(value / scale, 0.0, 1.0) : 0.0);
}

void dashed(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 colour, float thickness) {
    const float length = std::sqrt((to.x - from.x) * (to.x - from.x) + (to.y - from.y) * (to.y - from.y));
    const int dashes = std::max(2, int(length / 6.0f));
    for (int d = 0; d < dashes; d += 2) {
        const float t0 = float(d) / float(dashes), t1 = float(d + 1) / float(dashes);
        draw->AddLine(ImVec2(from.x + (to.x - from.x) * t0, from.y + (to.y - from.y) * t0),
                      ImVec2(from.x + (to.x - from.x) * t1, from.y + (to.y - from.y) * t1), colour, thickness);
    }
}

struct ChartInput {
    const Goal& goal;
    const GoalProgress& p;
    const std::vector<IntervalResult>& steps;
    bool step_targets;  // the steps' targets add up to the period's: the pace line follows them
    bool seasonal;      // and they change from step to step: each bar gets its own target tick
    int last_begun;
    int forecast_step;  // the step the forecast ends in
    std::optional<Range> range;
};

// "day", "week", "month", "quarter": what one step of the chart is, for its legend.
const char* step_word(const std::vector<IntervalResult>& steps, Lang lang) {
    if (steps.empty()) return msg(Msg::step_step, lang);
    const int32_t days = steps[steps.size() > 2 ? 1 : 0].range.days();
    return msg(days <= 1    ? Msg::step_day
               : days <= 7  ? Msg::step_week
               : days <= 31 ? Msg::step_month
               : days <= 92 ? Msg::step_quarter
                            : Msg::step_interval,
               lang);
}

// The burn-up (top) and the bars per step (bottom) over one x axis; returns the step under the pointer, or
// the one tapped before, for the readout.
int draw_chart(ViewContext& ctx, const ChartInput& in, float height) {
    const Palette& pal = ctx.palette;
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("##chart", ImVec2(width, height));
    record_rect(ctx.shown, "detail.chart");
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked() && !ctx.suppress_clicks;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), pal.card, radius::card);
    draw->AddRect(at, ImVec2(at.x + width, at.y + height), pal.card_border, radius::card);

    const size_t n = in.steps.size();
    const float axis = kit::line_of(caption) + space::xs;  // the dates under the plot
    Chart c{ImVec2(at.x + space::m, at.y + space::s + kit::line_of(caption)),
            ImVec2(at.x + width - space::m, at.y + height - axis - space::xs), n};
    if (n == 0 || c.max.x - c.min.x < 20.0f) return -1;
    const float split = c.min.y + (c.max.y - c.min.y) * 0.58f;  // burn-up above, bars below
    const float burn_top = c.min.y, burn_bottom = split - space::s, bars_top = split + space::xs, bars_bottom = c.max.y;

    // Scales.
    double cumulative_max = 0, running = 0, targets = 0, bar_max = 0;
    for (const IntervalResult& r : in.steps) {
        running += r.value;
        targets += r.target;
        cumulative_max = std::max(cumulative_max, running);
        bar_max = std::max({bar_max, r.value, in.seasonal ? r.target : 0.0});
    }
    const double total_target = in.p.target > 0 ? in.p.target : targets;
    const double burn_scale =
        std::max({cumulative_max, total_target, in.p.forecast.value_or(0.0), in.range ? in.range->high : 0.0, 1.0}) * 1.05;
    bar_max = std::max(bar_max, 1.0) * 1.1;

    // Grid: the total target as a dashed line across the burn-up, and the baselines.
    draw->AddLine(ImVec2(c.min.x, burn_bottom), ImVec2(c.max.x, burn_bottom), pal.grid);
    draw->AddLine(ImVec2(c.min.x, bars_bottom), ImVec2(c.max.x, bars_bottom), pal.grid);
    if (total_target > 0) {
        const float ty = y_of(burn_top, burn_bottom, total_target, burn_scale);
        dashed(draw, ImVec2(c.min.x, ty), ImVec2(c.max.x, ty), pal.target_line, 1.0f);
    }
    const std::string top_label = format_goal_target(in.goal, total_target > 0 ? total_target : burn_scale, ctx.frame.locale);
    kit::text(draw, caption, ImVec2(c.min.x, at.y + space::xs), pal.muted_text, top_label, kit::fit(caption, top_label, width * 0.6f));

    // The pace line: the step targets added up (so seasonal targets bend it), or straight to the target.
    if (in.step_targets) {
        ImVec2 prev(c.min.x, burn_bottom);
        double sum = 0;
        for (size_t i = 0; i < n; ++i) {
            sum += in.steps[i].target;
            const ImVec2 pt(c.x_end(i), y_of(burn_top, burn_bottom, sum, burn_scale));
            draw->AddLine(prev, pt, pal.ideal_line, 1.5f);
            prev = pt;
        }
    } else if (total_target > 0) {
        draw->AddLine(ImVec2(c.min.x, burn_bottom), ImVec2(c.max.x, y_of(burn_top, burn_bottom, total_target, burn_scale)),
                      pal.ideal_line, 1.5f);
    }

    // The burn-up over the steps that have begun.
    ImVec2 prev(c.min.x, burn_bottom);
    double sum = 0;
    const int drawn = std::min<int>(in.last_begun, int(n) - 1);
    for (int i = 0; i <= drawn; ++i) {
        sum += in.steps[size_t(i)].value;
        // The step running today ends where today ends, not at its own end.
        const DateRange r = in.steps[size_t(i)].range;
        const float done = r.contains(ctx.today) ? float(ctx.today.days - r.start.days + 1) / float(r.days()) : 1.0f;
        const ImVec2 pt(c.min.x + c.slot() * (float(i) + done), y_of(burn_top, burn_bottom, sum, burn_scale));
        draw->AddLine(prev, pt, pal.burn_up, 2.5f);
        prev = pt;
    }

    // The forecast to the end of the interval it is for, with its likely range as a cone.
    if (in.p.forecast && drawn >= 0 && in.forecast_step >= drawn && in.forecast_step < int(n)) {
        const float x = c.x_end(size_t(in.forecast_step));
        const ImVec2 start = prev;
        const ImVec2 end(x, y_of(burn_top, burn_bottom, *in.p.forecast, burn_scale));
        if (in.range) {
            draw->AddTriangleFilled(start, ImVec2(x, y_of(burn_top, burn_bottom, in.range->high, burn_scale)),
                                    ImVec2(x, y_of(burn_top, burn_bottom, in.range->low, burn_scale)), pal.forecast_band);
        }
        if (end.x - start.x >= 2.0f) dashed(draw, start, end, pal.forecast, 2.0f);
    }

    // The bars per step, each with its own target (seasonal targets step up and down).
    const float slot = c.slot();
    const float bar_gap = slot > 6.0f ? std::min(slot * 0.25f, 6.0f) : 0.0f;
    for (size_t i = 0; i < n; ++i) {
        const IntervalResult& r = in.steps[i];
        const float x0 = c.min.x + slot * float(i) + bar_gap * 0.5f, x1 = x0 + slot - bar_gap;
        const bool later = int(i) > in.last_begun;
        if (!later && r.value > 0)
            draw->AddRectFilled(ImVec2(x0, y_of(bars_top, bars_bottom, r.value, bar_max)), ImVec2(x1, bars_bottom), pal.bar,
                                std::min(2.0f, (x1 - x0) * 0.5f), ImDrawFlags_RoundCornersTop);
        if (in.seasonal && r.target > 0) {
            const float ty = y_of(bars_top, bars_bottom, r.target, bar_max);
            draw->AddLine(ImVec2(x0 - bar_gap * 0.25f, ty), ImVec2(x1 + bar_gap * 0.25f, ty), pal.target_line, 1.5f);
        }
    }

    // Dates under the plot: the first step, the last, and the middle one when there is room.
    const auto label_at = [&](size_t i, float anchor) {
        const std::string l = format_day_short(in.steps[i].range.start, ctx.frame.locale);
        const float w = kit::width_of(caption, l);
        const float x = std::clamp(c.min.x + slot * (float(i) + 0.5f) - w * anchor, at.x + space::xs, at.x + width - space::xs - w);
        kit::text(draw, caption, ImVec2(x, c.max.y + space::xs), pal.muted_text, l);
        return w;
    };
    const float first_w = label_at(0, 0.0f);
    if (n > 1) {
        label_at(n - 1, 1.0f);
        if (n > 2 && width > 3 * (first_w + space::l)) label_at(n / 2, 0.5f);
    }

    // Pointing picks a step; a tap or click keeps it (the readout stays until tapped again).
    int pointed = -1;
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        pointed = std::clamp(int((mx - c.min.x) / slot), 0, int(n) - 1);
    }
    if (clicked && pointed >= 0) ctx.state.detail_step = ctx.state.detail_step == pointed ? -1 : pointed;
    if (ctx.state.detail_step >= int(n)) ctx.state.detail_step = -1;
    const int shown = pointed >= 0 ? pointed : ctx.state.detail_step;
    if (shown >= 0) {
        const float gx = c.min.x + slot * (float(shown) + 0.5f);
        draw->AddLine(ImVec2(gx, c.min.y), ImVec2(gx, c.max.y), pal.muted_text, 1.0f);
    }
    return shown;
}

//-----------------------------------------------------------------------------
// [SECTION] Step readout: the exact figures of the step pointed at, in a box inside the chart
//-----------------------------------------------------------------------------

std::vector<std::string> step_lines(const ViewContext& ctx, const ChartInput& in, int i) {
    const LocaleFormat& locale = ctx.frame.locale;
    const IntervalResult& r = in.steps[size_t(i)];
    double value_so_far = 0, target_so_far = 0;
    for (int k = 0; k <= i; ++k) {
        value_so_far += in.steps[size_t(k)].value;
        target_so_far += in.steps[size_t(k)].target;
    }
    std::vector<std::string> lines;
    lines.push_back(format_range(r.range, locale));
    if (i > in.last_begun) {
        lines.push_back(msg(Msg::detail_still_to_come, locale.lang));
        return lines;
    }
    lines.push_back(format_goal_amount(in.goal, r.value, locale));
    if (in.step_targets) {
        lines.push_back(msg(Msg::detail_so_far_expected, locale.lang,
                            {{"value", format_goal_amount(in.goal, value_so_far, locale)},
                             {"target", format_goal_target(in.goal, target_so_far, locale)}}));
    } else if (i > 0) {
        lines.push_back(msg(Msg::detail_so_far_value, locale.lang, {{"value", format_goal_amount(in.goal, value_so_far, locale)}}));
    }
    return lines;
}

void draw_step_box(const ViewContext& ctx, ImVec2 chart_min, ImVec2 chart_max, float anchor_x,
                   const std::vector<std::string>& lines) {
    const ImFont* body = ctx.fonts[TextRole::body];
    const ImFont* caption = ctx.fonts[TextRole::caption];
    float w = 0;
    for (size_t k = 0; k < lines.size(); ++k) w = std::max(w, kit::width_of(k == 0 ? caption : body, lines[k]));
    const float max_w = chart_max.x - chart_min.x - 2 * space::s;
    w = std::min(w, max_w - 2 * space::s);
    const float h = kit::line_of(caption) + (kit::line_of(body) + space::xxs) * float(lines.size() - 1) + 2 * space::s;
    const float box_w = w + 2 * space::s;
    // Beside the guide line, on the side with room, always inside the chart.
    float x = anchor_x + space::s;
    if (x + box_w > chart_max.x - space::xs) x = anchor_x - space::s - box_w;
    x = std::clamp(x, chart_min.x + space::xs, chart_max.x - space::xs - box_w);
    const float y = chart_min.y + space::xs;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + box_w, y + h), ctx.palette.tooltip_bg, radius::control);
    float ty = y + space::s;
    for (size_t k = 0; k < lines.size(); ++k) {
        const ImFont* f = k == 0 ? caption : body;
        kit::text(draw, f, ImVec2(x + space::s, ty), ctx.palette.tooltip_text, lines[k], kit::fit(f, lines[k], w));
        ty += kit::line_of(f) + space::xxs;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Intervals: the goal's own intervals in the period, exactly
//-----------------------------------------------------------------------------

void draw_intervals(const ViewContext& ctx, const Goal& goal, const GoalProgress& p) {
    if (p.intervals.empty()) return;
    const LocaleFormat& locale = ctx.frame.locale;
    const Lang lang = locale.lang;
    kit::heading(ctx, msg(Msg::detail_intervals, lang));
    const auto percent = [&](const IntervalResult& r) {
        return r.target > 0 ? format_percent(r.value / r.target * 100.0, locale) : std::string("\xE2\x80\x94");
    };
    if (ctx.width_class == WidthClass::narrow) {
        // One wrapped line per interval: no column can be cut off.
        for (const IntervalResult& r : p.intervals) {
            std::string line = format_range(r.range, locale) + ": " + format_goal_amount(goal, r.value, locale);
            if (r.target > 0)
                line += " " + msg(Msg::goal_of_target, lang, {{"target", format_goal_target(goal, r.target, locale)}}) + " (" +
                        percent(r) + ")";
            wrapped_text(ctx.palette.text, line);
        }
        return;
    }
    // Four columns at fixed shares of the width, each cell wrapping within its column, a divider between
    // rows. Laid out by hand rather than with an ImGui table: this is the widget's only table, and ImGui's
    // table code was about 24 KB of the wasm (docs/payload.md).
    constexpr float kShares[4] = {2.0f, 1.4f, 1.4f, 0.8f};
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetStyle().ItemSpacing.x;
    float edges[5] = {0, 0, 0, 0, 0};
    float total = 0;
    for (float share : kShares) total += share;
    for (int c = 0; c < 4; ++c) edges[c + 1] = edges[c] + width * kShares[c] / total;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto row = [&](const std::string (&cells)[4], ImU32 colour, bool divider) {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float local_x = ImGui::GetCursorPosX();
        float bottom = origin.y;
        for (int c = 0; c < 4; ++c) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x + edges[c], origin.y));
            ImGui::PushTextWrapPos(local_x + edges[c + 1] - pad);
            coloured_text(colour, cells[c]);
            ImGui::PopTextWrapPos();
            bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
        }
        const float line_y = bottom - ImGui::GetStyle().ItemSpacing.y * 0.5f;
        if (divider) draw->AddLine(ImVec2(origin.x, line_y), ImVec2(origin.x + width, line_y), ctx.palette.divider);
        ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom));
    };
    row({msg(Msg::detail_col_interval, lang), msg(Msg::detail_col_value, lang), msg(Msg::detail_col_target, lang),
         msg(Msg::detail_col_percent, lang)},
        ctx.palette.muted_text, true);
    for (const IntervalResult& r : p.intervals)
        row({format_range(r.range, locale), format_goal_amount(goal, r.value, locale), format_goal_target(goal, r.target, locale),
             percent(r)},
            ctx.palette.text, &r != &p.intervals.back());  // dividers between rows only
    ImGui::Dummy(ImVec2(0, 0));  // the last row's height counts in the window's content size
}

void draw_legend(const ViewContext& ctx, const ChartInput& in, bool forecast) {
    const ImFont* caption = ctx.fonts[TextRole::caption];
    struct Item {
        ImU32 colour;
        const char* label;
    };
    Item items[5];
    int count = 0;
    const Lang lang = ctx.frame.locale.lang;
    items[count++] = {ctx.palette.burn_up, msg(Msg::legend_so_far, lang)};
    items[count++] = {ctx.palette.ideal_line, msg(Msg::legend_pace, lang)};
    if (forecast) items[count++] = {ctx.palette.forecast, msg(Msg::legend_forecast, lang)};
    const std::string per = msg(Msg::legend_per_step, lang, {{"step", step_word(in.steps, lang)}});
    const std::string target = msg(Msg::legend_target_per_step, lang, {{"step", step_word(in.steps, lang)}});
    items[count++] = {ctx.palette.bar, per.c_str()};
    if (in.seasonal) items[count++] = {ctx.palette.target_line, target.c_str()};
    // A flow: items wrap to the next line instead of running past the edge.
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float x = start.x, y = start.y;
    const float line = kit::line_of(caption) + space::xs;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < count; ++i) {
        const float w = 14.0f + space::xs + kit::width_of(caption, items[i].label);
        if (x > start.x && x + w > start.x + avail) {
            x = start.x;
            y += line;
        }
        const float mid = y + kit::line_of(caption) * 0.5f;
        draw->AddRectFilled(ImVec2(x, mid - 1.5f), ImVec2(x + 14.0f, mid + 1.5f), items[i].colour, 1.0f);
        kit::text(draw, caption, ImVec2(x + 14.0f + space::xs, y), ctx.palette.muted_text, items[i].label);
        x += w + space::m;
    }
    ImGui::Dummy(ImVec2(avail, y + line - start.y));
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry point
//-----------------------------------------------------------------------------

void draw_detail(ViewContext& ctx) {
    const int index = ctx.cache.find(ctx.state.selected_goal_id);
    if (index < 0) {
        ImGui::Dummy(ImVec2(0, space::s));
        wrapped_text(ctx.palette.muted_text, msg(Msg::detail_choose, ctx.frame.locale.lang));
        return;
    }
    const uint32_t i = uint32_t(index);
    const Goal& goal = ctx.data.goals[i];
    const GoalProgress& p = ctx.cache.progress(i);
    const ShownGoal& s = ctx.cache.shown(i);
    const Palette& pal = ctx.palette;
    const Lang lang = ctx.frame.locale.lang;
    const ImFont* title = ctx.fonts[TextRole::title];
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const ImFont* body = ctx.fonts[TextRole::body];
    const ImFont* readout = ctx.fonts[TextRole::readout];
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // The title and its chip; the title wraps rather than being cut.
    {
        const float chip_w = s.chip.empty() ? 0.0f : kit::chip_width(caption, s.chip) + space::s;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushFont(const_cast<ImFont*>(title));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - chip_w);
        coloured_text(pal.text_strong, s.title);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (!s.chip.empty()) {
            const int tone = int(s.tone) % kPaceStates;
            kit::chip(draw, caption, ImVec2(at.x + width - chip_w + space::s, at.y), s.chip, pal.chip_bg[tone], pal.chip_text[tone]);
        }
    }
    {
        // The vendor badge and what is measured for whom, on one line with the text centred on the badge.
        const std::string meta = std::string(metric_label(goal.metric.type, lang)) + " \xC2\xB7 " + assignee_label(goal.assignee, lang);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const char* vendor = vendor_label(goal.vendor);
        kit::chip(draw, caption, at, vendor, pal.vendor_bg[int(goal.vendor) % kVendors], pal.vendor_text[int(goal.vendor) % kVendors]);
        const float badge_w = kit::chip_width(caption, vendor) + space::s;
        kit::text(draw, caption, ImVec2(at.x + badge_w, at.y + space::xxs + 1.0f), pal.muted_text, meta,
                  kit::fit(caption, meta, width - badge_w));
        ImGui::Dummy(ImVec2(width, kit::chip_height(caption)));
    }
    draw_period_note(ctx);

    // The readout and the bar, as on the card but across the whole width.
    if (s.timing == GoalTiming::runs) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float figure_w = kit::width_of(readout, s.figure);
        kit::text(draw, readout, at, pal.text_strong, s.figure);
        const float suffix_y = at.y + (readout->Ascent - body->Ascent) * ImGui::GetIO().FontGlobalScale;
        const float room = width - figure_w - space::s - (s.percent_text.empty() ? 0.0f : kit::width_of(body, s.percent_text) + space::m);
        kit::text(draw, body, ImVec2(at.x + figure_w + space::s, suffix_y), pal.muted_text, s.figure_suffix,
                  kit::fit(body, s.figure_suffix, room));
        if (!s.percent_text.empty())
            kit::text(draw, body, ImVec2(at.x + width - kit::width_of(body, s.percent_text), suffix_y), pal.text, s.percent_text);
        ImGui::Dummy(ImVec2(width, kit::line_of(readout)));
        if (s.has_target) {
            const ImVec2 bar = ImGui::GetCursorScreenPos();
            const double fraction = p.target > 0 && !s.no_data ? std::clamp(p.value / p.target, 0.0, 1.0) : 0.0;
            kit::progress_bar(draw, ImVec2(bar.x, bar.y + kit::kBarMarkerOverhang),
                              ImVec2(bar.x + width, bar.y + kit::kBarMarkerOverhang + kit::kBarHeight),
                              float(fraction) * ctx.bar_reveal, status_colour(pal, s.tone), pal.track,
                              s.no_data ? std::nullopt : p.expected_fraction, pal.pace_marker);
            ImGui::Dummy(ImVec2(width, kit::kBarHeight + 2 * kit::kBarMarkerOverhang));
        }
    }
    if (!s.detail_line.empty()) wrapped_text(s.timing == GoalTiming::runs ? pal.muted_text : pal.text, s.detail_line);

    // The steps of the period (a vendor's total has none finer than its own intervals).
    std::vector<IntervalResult> steps = ctx.cache.steps(i);
    bool step_targets = ctx.cache.step_targets(i);
    if (steps.empty()) {
        steps = p.intervals;
        double sum = 0;
        for (const IntervalResult& r : steps) sum += r.target;
        step_targets = p.target > 0 && std::fabs(sum - p.target) <= 1e-6 * std::max(1.0, p.target);
    }
    const int last_begun = kit::last_step_begun(steps, ctx.today);
    const bool running = s.timing == GoalTiming::runs && !s.no_data && ctx.query.period.start <= ctx.today &&
                         ctx.today <= ctx.query.period.end;
    const Date until = forecast_end(p, ctx.query.period, ctx.today);
    const int forecast_step = last_step_by(steps, until);
    const std::optional<Range> range = running ? forecast_range(p, steps, last_begun, forecast_step) : std::nullopt;
    const bool forecast = running && p.forecast.has_value();
    if (forecast) {
        std::string line = msg(Msg::detail_forecast, lang, {{"value", format_goal_amount(goal, *p.forecast, ctx.frame.locale)},
                                                            {"day", format_day_short(until, ctx.frame.locale)}});
        if (range && range->high - range->low >= (counts_whole_things(goal) ? 1.0 : 0.01))
            line += " " + msg(Msg::detail_forecast_likely, lang, {{"low", format_goal_figure(goal, range->low, ctx.frame.locale)},
                                                                 {"high", format_goal_figure(goal, range->high, ctx.frame.locale)}});
        wrapped_text(pal.text, line);
    }
    if (p.reported_by_vendor || p.vendor_value) {
        // Whose figures these are; the vendor's own beside computed ones (HubSpot's hs_kpi_value).
        std::string whose = msg(Msg::detail_vendor_numbers, lang, {{"vendor", vendor_label(goal.vendor)}});
        if (!p.reported_by_vendor) {
            std::string value = format_goal_amount(goal, *p.vendor_value, ctx.frame.locale);
            if (p.vendor_percent) value += " (" + format_percent(*p.vendor_percent, ctx.frame.locale) + ")";
            whose = msg(Msg::detail_vendor_reports, lang, {{"vendor", vendor_label(goal.vendor)}, {"value", value}});
        }
        ImGui::PushFont(const_cast<ImFont*>(caption));
        wrapped_text(pal.muted_text, whose);
        ImGui::PopFont();
    }
    if (!goal.description.empty()) wrapped_text(pal.text, goal.description);

    if (s.timing == GoalTiming::runs && !s.no_data && !steps.empty()) {
        ImGui::Dummy(ImVec2(0, space::xs));
        const float height = std::clamp(ImGui::GetContentRegionAvail().y * 0.55f, 150.0f, 260.0f);
        const bool seasonal = step_targets && targets_vary(steps);
        const ChartInput in{goal, p, steps, step_targets, seasonal, s.no_data ? -1 : last_begun, forecast ? forecast_step : -1, range};
        const ImVec2 chart_min = ImGui::GetCursorScreenPos();
        const int pointed = draw_chart(ctx, in, height);
        if (pointed >= 0) {
            ctx.shown.tooltip = step_lines(ctx, in, pointed);
            const float slot = (width - 2 * space::m) / float(steps.size());
            draw_step_box(ctx, chart_min, ImVec2(chart_min.x + width, chart_min.y + height),
                          chart_min.x + space::m + slot * (float(pointed) + 0.5f), ctx.shown.tooltip);
        }
        draw_legend(ctx, in, forecast);
    }
    draw_intervals(ctx, goal, p);

    ctx.shown.detail = s;
    ctx.shown.detail_intervals = p.intervals;
    ctx.shown.detail_steps = steps;
    ctx.shown.detail_step_targets = step_targets;
    ctx.shown.detail_seasonal = step_targets && targets_vary(steps);
    ctx.shown.detail_forecast = p.forecast;
    if (range) {
        ctx.shown.detail_forecast_low = range->low;
        ctx.shown.detail_forecast_high = range->high;
    }
}

}  // namespace gp::ui::parts
