#include "ui/fonts_embedded.hpp"

#include <cstdio>

namespace gp::ui {

namespace generated {
extern const unsigned char kFontData[];
extern const size_t kFontSize;
}  // namespace generated

EmbeddedFont embedded_font() { return {generated::kFontData, generated::kFontSize}; }

bool bake_embedded_font(ImFontAtlas& atlas, const FontRequest* requests, int count) {
    const EmbeddedFont font = embedded_font();
    for (int i = 0; i < count; ++i) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;  // the bytes are static data in the library
        config.OversampleH = 2;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        std::snprintf(config.Name, sizeof config.Name, "DejaVu Sans subset, %.1f px", double(requests[i].size_pixels));
        if (!atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(font.data), int(font.size), requests[i].size_pixels,
                                        &config, requests[i].ranges))
            return false;
    }
    return atlas.Build();
}

}  // namespace gp::ui
