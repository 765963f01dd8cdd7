// goalpost UI: the drawing kit (view_parts.hpp, kit::): text that fits its space, chips, the progress bar
// with its pace marker, sparklines, and buttons of touch size. Everything here draws with ImDrawList in the
// design's tokens (theme.hpp); the views compose it.
//
// Index
// - [SECTION] Text
// - [SECTION] Chips
// - [SECTION] Bars and sparklines
// - [SECTION] Buttons
#include <algorithm>
#include <cmath>

#include "ui/view_parts.hpp"

namespace gp::ui::parts::kit {

//-----------------------------------------------------------------------------
// [SECTION] Text
//-----------------------------------------------------------------------------

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026, in every step of the type scale

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

float size_of(const ImFont* font) { return font->FontSize * ImGui::GetIO().FontGlobalScale; }

float line_of(const ImFont* font) { return std::floor(size_of(font) + 0.5f); }

float width_of(const ImFont* font, std::string_view s) {
    if (s.empty()) return 0.0f;
    return font->CalcTextSizeA(size_of(font), FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

size_t fit(const ImFont* font, std::string_view s, float max_width) {
    if (width_of(font, s) <= max_width) return s.size();
    const float room = max_width - width_of(font, kEllipsis);
    if (room <= 0) return 0;
    // The longest prefix, cut at a character boundary, that leaves room for the ellipsis.
    size_t lo = 0, hi = s.size();
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        while (mid > lo && mid < s.size() && is_continuation(s[mid])) --mid;
        if (mid == lo) break;
        if (width_of(font, s.substr(0, mid)) <= room) lo = mid;
        else hi = mid - 1;
    }
    while (lo > 0 && lo < s.size() && is_continuation(s[lo])) --lo;
    // No dangling space before the ellipsis.
    while (lo > 0 && s[lo - 1] == ' ') --lo;
    return lo;
}

float text(ImDrawList* draw, const ImFont* font, ImVec2 at, ImU32 colour, std::string_view s, size_t bytes) {
    const float size = size_of(font);
    at = ImVec2(std::floor(at.x + 0.5f), std::floor(at.y + 0.5f));
    if (bytes >= s.size()) {
        draw->AddText(font, size, at, colour, s.data(), s.data() + s.size());
        return width_of(font, s);
    }
    const std::string_view head = s.substr(0, bytes);
    draw->AddText(font, size, at, colour, head.data(), head.data() + head.size());
    const float w = width_of(font, head);
    draw->AddText(font, size, ImVec2(at.x + w, at.y), colour, kEllipsis.data(), kEllipsis.data() + kEllipsis.size());
    return w + width_of(font, kEllipsis);
}

//-----------------------------------------------------------------------------
// [SECTION] Chips
//-----------------------------------------------------------------------------

float chip_width(const ImFont* font, std::string_view label) { return width_of(font, label) + 2 * space::s; }

float chip_height(const ImFont* font) { return line_of(font) + 2 * space::xxs + 2.0f; }

void chip(ImDrawList* draw, const ImFont* font, ImVec2 at, std::string_view label, ImU32 bg, ImU32 fg) {
    const ImVec2 end(at.x + chip_width(font, label), at.y + chip_height(font));
    draw->AddRectFilled(at, end, bg, radius::chip);
    text(draw, font, ImVec2(at.x + space::s, at.y + space::xxs + 1.0f), fg, label);
}

//-----------------------------------------------------------------------------
// [SECTION] Bars and sparklines
//-----------------------------------------------------------------------------

void progress_bar(ImDrawList* draw, ImVec2 min, ImVec2 max, float fraction, ImU32 fill, ImU32 track,
                  const std::optional<double>& marker, ImU32 marker_colour) {
    const float round = (max.y - min.y) * 0.5f;
    draw->AddRectFilled(min, max, track, round);
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    if (fraction > 0.0f) {
        // A sliver of progress still shows as a dot, never as nothing.
        const float w = std::max((max.x - min.x) * fraction, max.y - min.y);
        draw->AddRectFilled(min, ImVec2(min.x + w, max.y), fill, round);
    }
    if (marker) {
        const float x = std::floor(min.x + (max.x - min.x) * float(std::clamp(*marker, 0.0, 1.0)) + 0.5f);
        const float x0 = std::clamp(x - 1.0f, min.x, max.x - 2.0f);
        draw->AddRectFilled(ImVec2(x0, min.y - kBarMarkerOverhang), ImVec2(x0 + 2.0f, max.y + kBarMarkerOverhang),
                            marker_colour, 1.0f);
    }
}

int last_step_begun(const std::vector<IntervalResult>& steps, Date today) {
    int last = -1;
    for (size_t i = 0; i < steps.size(); ++i)
        if (steps[i].range.start <= today) last = int(i);
    return last;
}

void sparkline(ImDrawList* draw, ImVec2 min, ImVec2 max, const std::vector<IntervalResult>& steps, int last_step,
               ImU32 bar, ImU32 later) {
    const size_t n = steps.size();
    if (n == 0) return;
    double top = 0;
    for (const IntervalResult& s : steps) top = std::max(top, s.value);
    const float slot = (max.x - min.x) / float(n);
    const float gap = slot >= 4.0f ? 1.0f : 0.0f;
    const float height = max.y - min.y;
    for (size_t i = 0; i < n; ++i) {
        const float x0 = min.x + slot * float(i), x1 = x0 + slot - gap;
        if (int(i) > last_step) {
            draw->AddRectFilled(ImVec2(x0, max.y - 2.0f), ImVec2(x1, max.y), later);
            continue;
        }
        const float h = top > 0 ? std::max(2.0f, height * float(steps[i].value / top)) : 2.0f;
        draw->AddRectFilled(ImVec2(x0, max.y - h), ImVec2(x1, max.y), steps[i].value > 0 ? bar : later, 1.0f);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Buttons
//-----------------------------------------------------------------------------

bool button(const char* label, float width) {
    const ImVec2 size(std::max(width, kTouchTarget), std::max(ImGui::GetFrameHeight(), kTouchTarget));
    if (width <= 0) return ImGui::Button(label, ImVec2(0, size.y));
    return ImGui::Button(label, size);
}

bool tab_button(const char* label, bool selected, const Palette& palette, float width) {
    const float height = std::max(ImGui::GetFrameHeight(), kTouchTarget) + space::xs;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (hovered && !selected)
        draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height - 3.0f), palette.button, radius::control);
    // The label without its "##id" part, centred.
    const char* end = label;
    while (*end && !(end[0] == '#' && end[1] == '#')) ++end;
    const ImFont* font = ImGui::GetFont();
    const std::string_view shown(label, size_t(end - label));
    const float w = width_of(font, shown);
    const float line = line_of(font);
    text(draw, font, ImVec2(at.x + (width - w) * 0.5f, at.y + (height - 3.0f - line) * 0.5f),
         selected ? palette.text_strong : palette.muted_text, shown);
    if (selected)
        draw->AddRectFilled(ImVec2(at.x + space::xs, at.y + height - 3.0f), ImVec2(at.x + width - space::xs, at.y + height),
                            palette.accent, 1.5f);
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible)
        draw->AddRect(at, ImVec2(at.x + width, at.y + height), palette.accent, radius::control, 0, 2.0f);
    return pressed;
}

void heading(const ViewContext& ctx, std::string_view label) {
    ImGui::PushFont(ctx.fonts[TextRole::caption]);
    coloured_text(ctx.palette.muted_text, label);
    ImGui::PopFont();
}

}  // namespace gp::ui::parts::kit
