// The widget's font, drawn by the browser: the page's own font family (the element's computed
// font-family, passed in by the loader), rasterised with a 2D canvas into ImGui's atlas. So the widget's
// text matches the page it sits in, and no font file is downloaded.
#pragma once

#include <string>

#include <imgui.h>

#include "ui/fonts.hpp"

namespace gp::web {

class BrowserFont {
public:
    // `family` is a CSS font-family list; one the canvas does not accept falls back to sans-serif.
    explicit BrowserFont(std::string family) : family_(std::move(family)) {}

    // A gp::ui::FontBaker: for each request (a size of the type scale and its code points) measures every
    // code point, lets ImGui pack them all, then draws them into the atlas. False when the page offers no 2D
    // canvas (the view then falls back to ImGui's font).
    bool bake(ImFontAtlas& atlas, const gp::ui::FontRequest* requests, int count);

    // What the last bake used, for the inspection call: the CSS font of the body text, the glyphs packed
    // over every size, and how many of them the canvas put ink in (a space has none; a broken canvas gives
    // zero).
    const std::string& css_font() const { return css_font_; }
    int glyphs() const { return glyphs_; }
    int inked_glyphs() const { return inked_glyphs_; }

private:
    std::string family_;
    std::string css_font_;
    int glyphs_ = 0;
    int inked_glyphs_ = 0;
};

}  // namespace gp::web
