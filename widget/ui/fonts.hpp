// goalpost UI: the widget's font, baked at the screen's pixel ratio so that text stays crisp. Where the
// glyphs come from is the platform's choice (a FontBaker): the browser build draws them with the page's own
// font (wasm/browser_font.cpp); native builds and tests use a DejaVu Sans subset embedded at build time
// (fonts_embedded.hpp, a library of its own so that the browser download does not carry it).
#pragma once

#include <functional>

#include <imgui.h>

namespace gp::ui {

constexpr float kBaseFontSize = 15.0f;  // CSS pixels

// The code point ranges the UI bakes (pairs, zero-terminated): Latin, Greek, Cyrillic, punctuation,
// currency signs and U+FFFD, which ImGui draws for every character the atlas lacks, so nothing vanishes
// silently. One list for every baker (widget/ui/CMakeLists.txt, GP_FONT_RANGES).
const ImWchar* font_glyph_ranges();

// Adds the UI font to a cleared atlas at `size_pixels` for `ranges`, and builds the atlas. Returns false
// when it cannot (build_fonts then falls back to ImGui's own font, so text still shows).
using FontBaker = std::function<bool(ImFontAtlas& atlas, float size_pixels, const ImWchar* ranges)>;

// Replaces the atlas's fonts with the baker's at kBaseFontSize × pixel_ratio, and sets io.FontGlobalScale to
// 1 / pixel_ratio so that layout stays in CSS pixels. The caller uploads the texture again afterwards (its
// renderer backend owns it).
void build_fonts(ImGuiIO& io, float pixel_ratio, const FontBaker& baker);

// The ratio build_fonts() bakes at for a devicePixelRatio (rounded up to a quarter).
float font_bake_ratio(float pixel_ratio);

}  // namespace gp::ui
