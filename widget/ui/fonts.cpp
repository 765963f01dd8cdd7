#include "ui/fonts.hpp"

#include <cmath>
#include <cstdio>

namespace gp::ui {

namespace generated {
extern const unsigned char kFontData[];
extern const size_t kFontSize;
extern const ImWchar kGlyphRanges[];
}  // namespace generated

EmbeddedFont embedded_font() { return {generated::kFontData, generated::kFontSize}; }

const ImWchar* font_glyph_ranges() { return generated::kGlyphRanges; }

float font_bake_ratio(float pixel_ratio) {
    // Browsers report ratios such as 1.25 or 2.625; bake at the rounded-up quarter so the atlas stays sharp
    // without rebuilding for every zoom step in between.
    return pixel_ratio > 0.0f ? std::ceil(pixel_ratio * 4.0f) / 4.0f : 1.0f;
}

void build_fonts(ImGuiIO& io, float pixel_ratio) {
    IM_ASSERT(pixel_ratio > 0.0f && "the platform layer passes devicePixelRatio, which is always positive");
    const float ratio = font_bake_ratio(pixel_ratio);
    ImFontAtlas& atlas = *io.Fonts;
    atlas.Clear();
    atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;  // the browser draws the cursor
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes are static data in the library
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    std::snprintf(config.Name, sizeof config.Name, "DejaVu Sans subset, %.2fx", double(ratio));
    EmbeddedFont font = embedded_font();
    atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(font.data), int(font.size), kBaseFontSize * ratio, &config,
                               font_glyph_ranges());
    atlas.Build();
    io.FontGlobalScale = 1.0f / ratio;
}

}  // namespace gp::ui
