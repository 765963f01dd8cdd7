#include "ui/fonts.hpp"

#include <cmath>

namespace gp::ui {

namespace generated {
extern const ImWchar kGlyphRanges[];
}  // namespace generated

const ImWchar* font_glyph_ranges() { return generated::kGlyphRanges; }

float font_bake_ratio(float pixel_ratio) {
    // Browsers report ratios such as 1.25 or 2.625; bake at the rounded-up quarter so the atlas stays sharp
    // without rebuilding for every zoom step in between.
    return pixel_ratio > 0.0f ? std::ceil(pixel_ratio * 4.0f) / 4.0f : 1.0f;
}

void build_fonts(ImGuiIO& io, float pixel_ratio, const FontBaker& baker) {
    IM_ASSERT(pixel_ratio > 0.0f && "the platform layer passes devicePixelRatio, which is always positive");
    const float ratio = font_bake_ratio(pixel_ratio);
    ImFontAtlas& atlas = *io.Fonts;
    atlas.Clear();
    atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;  // the browser draws the cursor
    const float size = kBaseFontSize * ratio;
    if (!baker || !baker(atlas, size, font_glyph_ranges())) {
        atlas.Clear();
        ImFontConfig fallback;
        fallback.SizePixels = size;
        atlas.AddFontDefault(&fallback);
        atlas.Build();
    }
    io.FontGlobalScale = 1.0f / ratio;
}

}  // namespace gp::ui
