#include "ui/fonts.hpp"

#include <cmath>

namespace gp::ui {

namespace generated {
extern const ImWchar kGlyphRanges[];
}  // namespace generated

const ImWchar* font_glyph_ranges() { return generated::kGlyphRanges; }

const ImWchar* number_glyph_ranges() {
    // Each pair lies inside GP_FONT_RANGES (tests/ui/test_ui_fonts.cpp checks it).
    static const ImWchar kNumbers[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x2000, 0x206F, 0x20A0, 0x20BF,
                                       0x2212, 0x2212, 0xFFFD, 0xFFFD, 0};
    return kNumbers;
}

float font_bake_ratio(float pixel_ratio) {
    // Browsers report ratios such as 1.25 or 2.625; bake at the rounded-up quarter so the atlas stays sharp
    // without rebuilding for every zoom step in between.
    return pixel_ratio > 0.0f ? std::ceil(pixel_ratio * 4.0f) / 4.0f : 1.0f;
}

FontSet build_fonts(ImGuiIO& io, float pixel_ratio, const FontBaker& baker) {
    IM_ASSERT(pixel_ratio > 0.0f && "the platform layer passes devicePixelRatio, which is always positive");
    const float ratio = font_bake_ratio(pixel_ratio);
    ImFontAtlas& atlas = *io.Fonts;
    atlas.Clear();
    atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;  // the browser draws the cursor
    constexpr int kRoles = int(TextRole::count);
    FontRequest requests[kRoles];
    for (int i = 0; i < kRoles; ++i)
        requests[i] = {kTypeScale[i].size * ratio, kTypeScale[i].numbers_only ? number_glyph_ranges() : font_glyph_ranges()};
    if (!baker || !baker(atlas, requests, kRoles) || atlas.Fonts.Size != kRoles) {
        atlas.Clear();
        for (const FontRequest& r : requests) {
            ImFontConfig fallback;
            fallback.SizePixels = r.size_pixels;
            atlas.AddFontDefault(&fallback);
        }
        atlas.Build();
    }
    IM_ASSERT(atlas.Fonts.Size == kRoles && "one font per step of the type scale, in kTypeScale's order");
    FontSet set;
    for (int i = 0; i < kRoles; ++i) set.role[i] = atlas.Fonts[i];
    io.FontDefault = set[TextRole::body];
    io.FontGlobalScale = 1.0f / ratio;
    return set;
}

}  // namespace gp::ui
