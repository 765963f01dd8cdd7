// goalpost UI: the design tokens (spacing, radii, type scale, touch size) and the light and dark palettes.
// docs/ui.md ("Design") says how they are used; every colour and size the views draw with comes from here.
//
// Index
// - [SECTION] Spacing, radii, touch targets
// - [SECTION] Type scale
// - [SECTION] Palette
// - [SECTION] Contrast (WCAG 2 relative luminance)
#pragma once

#include <cstdint>

#include <imgui.h>

// imgui_internal.h has it; the UI sees imgui.h only.
#ifndef IM_STATIC_ASSERT
#define IM_STATIC_ASSERT(_COND) static_assert(_COND, #_COND)
#endif

#include "core/model.hpp"
#include "ui/widget_data.hpp"

namespace gp::ui {

//-----------------------------------------------------------------------------
// [SECTION] Spacing, radii, touch targets (CSS pixels)
//-----------------------------------------------------------------------------

// One scale for every gap and padding: 2, 4, 8, 12, 16, 24.
namespace space {
constexpr float xxs = 2.0f, xs = 4.0f, s = 8.0f, m = 12.0f, l = 16.0f, xl = 24.0f;
}  // namespace space

namespace radius {
constexpr float chip = 4.0f;     // badges and status chips
constexpr float control = 6.0f;  // buttons, fields, tabs
constexpr float card = 8.0f;     // cards, popups, tooltips
}  // namespace radius

// Every control a finger can press is at least this tall and wide.
constexpr float kTouchTarget = 24.0f;

// Container classes by width: narrow (a phone, a sidebar), medium (half a page), wide.
enum class WidthClass : uint8_t { narrow, medium, wide };
constexpr float kNarrowMax = 400.0f;  // at most this: narrow
constexpr float kMediumMax = 720.0f;  // at most this: medium; wider: wide
inline WidthClass width_class(float width) {
    return width <= kNarrowMax ? WidthClass::narrow : width <= kMediumMax ? WidthClass::medium : WidthClass::wide;
}
// Below this height the overview switches to its compact form (one line per goal).
constexpr float kCompactHeight = 280.0f;

//-----------------------------------------------------------------------------
// [SECTION] Type scale
//-----------------------------------------------------------------------------

// ImGui 1.86 draws one font per atlas size, so every step of the scale is baked into the atlas at its
// own size (fonts.cpp) instead of scaling a glyph up or down, which would blur it.
enum class TextRole : uint8_t {
    body,     // controls, tables, sentences: ImGui's default font (first in the atlas)
    caption,  // meta lines, chips, axis labels
    title,    // a goal's title on its card and in the detail view
    readout,  // the big value on a card
    count
};

struct TypeStep {
    float size;         // CSS pixels
    bool numbers_only;  // baked for digits, Latin, punctuation and currency signs only (readout)
};

inline constexpr TypeStep kTypeScale[] = {
    {15.0f, false},  // body
    {12.0f, false},  // caption
    {16.0f, false},  // title
    {24.0f, true},   // readout
};
IM_STATIC_ASSERT(IM_ARRAYSIZE(kTypeScale) == int(TextRole::count));

//-----------------------------------------------------------------------------
// [SECTION] Palette
//-----------------------------------------------------------------------------

constexpr int kPaceStates = 4;  // PaceState: unknown, on_track, behind, at_risk
constexpr int kVendors = 5;     // Vendor: unknown, pipedrive, hubspot, giosg, zendesk

struct Palette {
    bool dark = false;
    // Surfaces.
    ImU32 window = 0, card = 0, card_hover = 0, card_border = 0, divider = 0, track = 0;
    ImU32 button = 0, button_hover = 0, field = 0, selected = 0;
    // Text, on any surface above.
    ImU32 text = 0, text_strong = 0, muted_text = 0, error_text = 0;
    ImU32 accent = 0, on_accent = 0;  // the chosen tab, the primary button, focus
    // Status (by PaceState): the bar's fill, and the chip's background and text.
    ImU32 status_fill[kPaceStates] = {}, chip_bg[kPaceStates] = {}, chip_text[kPaceStates] = {};
    // Vendor badges (by Vendor).
    ImU32 vendor_bg[kVendors] = {}, vendor_text[kVendors] = {};
    // Charts.
    ImU32 bar = 0, bar_later = 0, target_line = 0, ideal_line = 0, burn_up = 0, forecast = 0, forecast_band = 0;
    ImU32 pace_marker = 0, grid = 0, tooltip_bg = 0, tooltip_text = 0;
};

bool resolve_dark(ThemeChoice choice, bool system_prefers_dark);

// The palette of a theme, and the ImGui style made from it (apply_theme sets both).
Palette make_palette(bool dark);
Palette apply_theme(bool dark, ImGuiStyle& style);

ImU32 status_colour(const Palette& palette, PaceState state);  // the fill
ImU32 vendor_colour(const Palette& palette, Vendor vendor);     // the badge's text

//-----------------------------------------------------------------------------
// [SECTION] Contrast
//-----------------------------------------------------------------------------

// The WCAG 2 contrast ratio of two opaque colours, 1..21. AA asks 4.5 for text, 3 for large text and UI
// parts (bars, markers, borders that carry meaning).
double contrast_ratio(ImU32 a, ImU32 b);

// Every pair of the palette where the first colour is drawn on the second: text (needs 4.5) and
// meaningful non-text parts (need 3). The contrast test walks this list; a new pair belongs here.
struct ColourPair {
    const char* name;
    ImU32 fg, bg;
    double needed;
};
int colour_pairs(const Palette& palette, ColourPair* out, int capacity);

}  // namespace gp::ui
