// The DejaVu Sans subset embedded at build time (widget/ui/CMakeLists.txt): the font of native builds and
// the headless tests. The browser build draws with the page's font instead and does not link this.
#pragma once

#include <cstddef>

#include "ui/fonts.hpp"

namespace gp::ui {

struct EmbeddedFont {
    const unsigned char* data = nullptr;
    size_t size = 0;
};
EmbeddedFont embedded_font();

// A FontBaker (fonts.hpp) over the embedded subset: one font per request, from the same bytes.
bool bake_embedded_font(ImFontAtlas& atlas, const FontRequest* requests, int count);

}  // namespace gp::ui
