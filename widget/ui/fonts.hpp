// goalpost UI: the widget's font, a subset of DejaVu Sans made at build time (widget/ui/CMakeLists.txt)
// and embedded in the library, baked at the screen's pixel ratio so that text stays crisp.
#pragma once

#include <cstddef>

#include <imgui.h>

namespace gp::ui {

constexpr float kBaseFontSize = 15.0f;  // CSS pixels

struct EmbeddedFont {
    const unsigned char* data = nullptr;
    size_t size = 0;
};
EmbeddedFont embedded_font();

// The code point ranges the subset covers (pairs, zero-terminated), U+FFFD among them: ImGui draws that
// replacement glyph for every character the font lacks, so nothing vanishes silently.
const ImWchar* font_glyph_ranges();

// Replaces the atlas's fonts with the embedded font rasterised at kBaseFontSize × pixel_ratio, and sets
// io.FontGlobalScale to 1 / pixel_ratio so that layout stays in CSS pixels. The caller uploads the
// texture again afterwards (its renderer backend owns it).
void build_fonts(ImGuiIO& io, float pixel_ratio);

// The ratio build_fonts() bakes at for a devicePixelRatio (rounded up to a quarter).
float font_bake_ratio(float pixel_ratio);

}  // namespace gp::ui
