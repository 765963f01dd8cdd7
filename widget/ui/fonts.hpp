// goalpost UI: the widget's fonts, baked at the screen's pixel ratio so that text stays crisp, one per step of
// the type scale (theme.hpp, TextRole). Where the glyphs come from is the platform's choice (a FontBaker): the
// browser build draws them with the page's own font (wasm/browser_font.cpp); native builds and tests use a
// DejaVu Sans subset embedded at build time (fonts_embedded.hpp, a library of its own so that the browser
// download does not carry it).
#pragma once

#include <functional>

#include <imgui.h>

#include "ui/theme.hpp"

namespace gp::ui {

constexpr float kBaseFontSize = kTypeScale[int(TextRole::body)].size;  // CSS pixels

// The code point ranges the UI bakes (pairs, zero-terminated): Latin, Greek, Cyrillic, punctuation,
// currency signs and U+FFFD, which ImGui draws for every character the atlas lacks, so nothing vanishes
// silently. One list for every baker (widget/ui/CMakeLists.txt, GP_FONT_RANGES).
const ImWchar* font_glyph_ranges();
// The part of those ranges a numbers-only step (the readout) needs: Basic Latin, Latin-1, general
// punctuation (group separators), currency signs, the minus sign and U+FFFD.
const ImWchar* number_glyph_ranges();

// One font the baker adds: its size in atlas pixels and its code points.
struct FontRequest {
    float size_pixels = 0;
    const ImWchar* ranges = nullptr;
};

// Adds one font per request to a cleared atlas, in the order given, and builds the atlas once. Returns
// false when it cannot (build_fonts then falls back to ImGui's own font, so text still shows).
using FontBaker = std::function<bool(ImFontAtlas& atlas, const FontRequest* requests, int count)>;

// The atlas's font for each step of the type scale, after build_fonts().
struct FontSet {
    ImFont* role[int(TextRole::count)] = {};
    ImFont* operator[](TextRole r) const { return role[int(r)]; }
};

// Replaces the atlas's fonts with the baker's, one per step of kTypeScale at its size × pixel_ratio (the
// body first, so it is ImGui's default), and sets io.FontGlobalScale to 1 / pixel_ratio so that layout
// stays in CSS pixels. The caller uploads the texture again afterwards (its renderer backend owns it).
FontSet build_fonts(ImGuiIO& io, float pixel_ratio, const FontBaker& baker);

// The ratio build_fonts() bakes at for a devicePixelRatio (rounded up to a quarter).
float font_bake_ratio(float pixel_ratio);

}  // namespace gp::ui
