// See browser_font.hpp. The JavaScript halves are EM_JS functions: they run in the module's glue, touch
// no global of the page, and leave nothing behind (the canvases are never attached to the document).
#include "browser_font.hpp"

#include <emscripten.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

#include <imgui_internal.h>

#include "core/cold_sort.hpp"

namespace {

// Measures each code point in the CSS `font`: five floats per glyph into `out` (bitmap width and height,
// advance, and the bitmap's offset from the pen at the line's top-left), all in atlas pixels. Returns the
// baseline's distance from the line top, or 0 when there is no 2D canvas or the canvas refused `font`.
// Drawing text is slow (about a quarter of a second for the UI's 918 code points in headless Chromium), so
// the results are kept in the loader's page-wide Module.glyphCache, by font and code point count: other
// widgets with the same font reuse them. Glyphs drawn while the page's web fonts were still loading may
// be a fallback font's: they are not reused once the fonts are in.
// clang-format off
EM_JS(int, gp_measure_glyphs, (const char* font, float size, const unsigned* code_points, int count, float* out), {
  const cache = Module['glyphCache'];
  const key = UTF8ToString(font) + '|' + count;
  const fontsLoading = typeof document === 'object' && document.fonts && document.fonts.status === 'loading';
  const known = cache && cache.get(key);
  if (known && (fontsLoading || !known.provisional)) {
    HEAPF32.set(known.metrics, out >> 2);
    return known.baseline;
  }
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  const wanted = UTF8ToString(font);
  ctx.font = wanted;
  // An unparseable font is ignored: the context keeps its default.
  if (ctx.font === '10px sans-serif' && !/^10px sans-serif$/.test(wanted)) return 0;
  const line = ctx.measureText('Hg');
  const ascent = line.fontBoundingBoxAscent || line.actualBoundingBoxAscent;
  const descent = line.fontBoundingBoxDescent || line.actualBoundingBoxDescent;
  if (!(ascent > 0)) return 0;
  const baseline = Math.max(1, Math.round(size * ascent / (ascent + descent)));
  for (let i = 0; i < count; ++i) {
    const m = ctx.measureText(String.fromCodePoint(HEAPU32[(code_points >> 2) + i]));
    // One pixel of margin on every side: antialiasing reaches past the measured box.
    const x0 = Math.floor(-m.actualBoundingBoxLeft) - 1;
    const x1 = Math.ceil(m.actualBoundingBoxRight) + 1;
    const y0 = Math.floor(baseline - m.actualBoundingBoxAscent) - 1;
    const y1 = Math.ceil(baseline + m.actualBoundingBoxDescent) + 1;
    const o = (out >> 2) + i * 5;
    HEAPF32[o] = Math.max(1, x1 - x0);
    HEAPF32[o + 1] = Math.max(1, y1 - y0);
    HEAPF32[o + 2] = Math.round(m.width);  // whole pixels keep glyphs on the texel grid
    HEAPF32[o + 3] = x0;
    HEAPF32[o + 4] = y0;
  }
  if (cache) {
    const metrics = HEAPF32.slice(out >> 2, (out >> 2) + count * 5);
    cache.set(key, { baseline, metrics, bitmaps: null, provisional: fontsLoading });
  }
  return baseline;
});

// Draws each code point white into its packed rectangle (six ints per glyph: x, y, width, height, and the
// bitmap's offset from the pen) and copies the coverage into the atlas's 8-bit pixels; glyphs another
// widget already drew with this font (Module.glyphCache) are copied, not drawn. Returns the number of
// glyphs that got any ink, or -1 without a 2D canvas.
EM_JS(int, gp_draw_glyphs, (const char* font, int baseline, const unsigned* code_points, const int* rects, int count,
                            unsigned char* pixels, int width, int height), {
  const cache = Module['glyphCache'];
  const entry = cache && cache.get(UTF8ToString(font) + '|' + count);
  let bitmaps = entry && entry.bitmaps;
  if (!bitmaps) {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    // Quoted: Closure (the glue is minified in ADVANCED mode) renames an unquoted key its externs do not know.
    const ctx = canvas.getContext('2d', { 'willReadFrequently': true });
    if (!ctx) return -1;
    ctx.font = UTF8ToString(font);
    ctx.fillStyle = '#fff';
    ctx.textBaseline = 'alphabetic';
    for (let i = 0; i < count; ++i) {
      const r = (rects >> 2) + i * 6;
      const x = HEAP32[r], y = HEAP32[r + 1], w = HEAP32[r + 2], h = HEAP32[r + 3];
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, w, h);
      ctx.clip();
      ctx.fillText(String.fromCodePoint(HEAPU32[(code_points >> 2) + i]), x - HEAP32[r + 4], y - HEAP32[r + 5] + baseline);
      ctx.restore();
    }
    const image = ctx.getImageData(0, 0, width, height).data;
    bitmaps = [];
    for (let i = 0; i < count; ++i) {
      const r = (rects >> 2) + i * 6;
      const x = HEAP32[r], y = HEAP32[r + 1], w = HEAP32[r + 2], h = HEAP32[r + 3];
      const bitmap = new Uint8Array(w * h);
      for (let row = 0; row < h; ++row)
        for (let col = 0; col < w; ++col) bitmap[row * w + col] = image[((y + row) * width + x + col) * 4 + 3];
      bitmaps.push(bitmap);
    }
    if (entry) entry.bitmaps = bitmaps;
  }
  let inked = 0;
  for (let i = 0; i < count; ++i) {
    const r = (rects >> 2) + i * 6;
    const x = HEAP32[r], y = HEAP32[r + 1], w = HEAP32[r + 2];
    const bitmap = bitmaps[i];
    for (let row = 0; row * w < bitmap.length; ++row)
      HEAPU8.set(bitmap.subarray(row * w, (row + 1) * w), pixels + (y + row) * width + x);
    if (bitmap.some((alpha) => alpha !== 0)) ++inked;
  }
  return inked;
});
// clang-format on

// "13.50px family": hundredths of a pixel, written without printf (whose float formatting would be the only
// reason for the C library's to be in the wasm).
std::string css_font_of(float size_pixels, const std::string& family) {
    const long hundredths = std::lround(double(size_pixels) * 100.0);
    char text[24];
    char* end = std::to_chars(text, text + sizeof text, hundredths / 100).ptr;
    *end++ = '.';
    *end++ = char('0' + hundredths % 100 / 10);
    *end++ = char('0' + hundredths % 10);
    return std::string(text, end) + "px " + (family.empty() ? std::string("sans-serif") : family);
}

// [SECTION] The atlas builder: the page's canvas draws every glyph, so the atlas only packs rectangles.
// ImGui's own builder reads TrueType files with stb_truetype and falls back to its built-in ProggyClean font;
// neither is of use here, and the widget's link wraps both to this builder (wasm/CMakeLists.txt), which keeps
// their code and the font's data out of the download.

// Shelves, tallest rectangles first: the glyphs of one font differ little in height.
bool pack_custom_rects(ImFontAtlas* atlas) {
    ImVector<ImFontAtlasCustomRect>& rects = atlas->CustomRects;
    const int pad = atlas->TexGlyphPadding;
    int surface = 0;
    std::vector<int> order(size_t(rects.Size));
    for (int i = 0; i < rects.Size; ++i) {
        order[size_t(i)] = i;
        surface += (rects[i].Width + pad) * (rects[i].Height + pad);
    }
    const int side = int(std::sqrt(float(surface))) + 1;
    const int width = atlas->TexDesiredWidth > 0 ? atlas->TexDesiredWidth
                      : side >= 4096 * 0.7f      ? 4096
                      : side >= 2048 * 0.7f      ? 2048
                      : side >= 1024 * 0.7f      ? 1024
                                                 : 512;
    gp::cold_sort(order, [&](int a, int b) { return rects[a].Height > rects[b].Height; });
    int x = pad, y = pad, shelf = 0;
    for (int i : order) {
        ImFontAtlasCustomRect& r = rects[i];
        if (r.Width + 2 * pad > width) return false;
        if (x + r.Width + pad > width) {
            x = pad;
            y += shelf + pad;
            shelf = 0;
        }
        r.X = static_cast<unsigned short>(x);
        r.Y = static_cast<unsigned short>(y);
        x += r.Width + pad;
        shelf = std::max(shelf, int(r.Height));
    }
    const int used = y + shelf + pad;
    atlas->TexWidth = width;
    atlas->TexHeight = (atlas->Flags & ImFontAtlasFlags_NoPowerOfTwoHeight) ? used : ImUpperPowerOfTwo(used);
    return true;
}

bool build_page_font_atlas(ImFontAtlas* atlas) {
    ImFontAtlasBuildInit(atlas);
    atlas->TexID = ImTextureID();
    atlas->TexWidth = atlas->TexHeight = 0;
    atlas->TexUvScale = ImVec2(0.0f, 0.0f);
    atlas->TexUvWhitePixel = ImVec2(0.0f, 0.0f);
    atlas->ClearTexData();
    // Ascent and descent only matter to ImGui's own fonts; the glyphs carry their offsets from the line top.
    for (ImFontConfig& config : atlas->ConfigData)
        ImFontAtlasBuildSetupFont(atlas, config.DstFont, &config, config.SizePixels, 0.0f);
    // ImGui wants a glyph in every font (its fallback glyph): a font built before the page's glyphs are
    // measured (the backend's first texture upload) gets an empty space.
    for (ImFont* font : atlas->Fonts) {
        const bool has_glyphs = std::any_of(atlas->CustomRects.begin(), atlas->CustomRects.end(),
                                            [&](const ImFontAtlasCustomRect& r) { return r.Font == font && r.GlyphID; });
        if (!has_glyphs) font->AddGlyph(nullptr, ' ', 0, 0, 0, 0, 0, 0, 0, 0, font->FontSize * 0.25f);
    }
    if (!pack_custom_rects(atlas)) return false;
    atlas->TexUvScale = ImVec2(1.0f / float(atlas->TexWidth), 1.0f / float(atlas->TexHeight));
    atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(size_t(atlas->TexWidth) * size_t(atlas->TexHeight)));
    std::memset(atlas->TexPixelsAlpha8, 0, size_t(atlas->TexWidth) * size_t(atlas->TexHeight));
    ImFontAtlasBuildFinish(atlas);
    return true;
}

const ImFontBuilderIO kPageFontBuilder = {build_page_font_atlas};

// A font object with no glyphs of its own, for the page's glyphs to hang on. ImGui wants some font data
// with every config; this builder never reads it.
ImFont* add_page_font(ImFontAtlas& atlas, float size_pixels) {
    static const unsigned char kNoFontFile[1] = {0};
    ImFontConfig config;
    config.FontData = const_cast<unsigned char*>(kNoFontFile);
    config.FontDataSize = int(sizeof kNoFontFile);
    config.FontDataOwnedByAtlas = false;
    config.SizePixels = size_pixels;
    std::strcpy(config.Name, "page font");
    atlas.FontBuilderIO = &kPageFontBuilder;
    return atlas.AddFont(&config);
}

}  // namespace

namespace gp::web {

bool BrowserFont::bake(ImFontAtlas& atlas, const gp::ui::FontRequest* requests, int count) {
    // Each request is measured, hung on a font object of its own, and drawn after one Build() packs them all.
    struct Baked {
        std::vector<unsigned> code_points;
        std::vector<float> metrics;
        std::vector<int> ids;
        std::string css;
        int baseline = 0;
        ImFont* font = nullptr;
    };
    std::vector<Baked> baked(size_t(count > 0 ? count : 0));
    glyphs_ = inked_glyphs_ = 0;
    for (int k = 0; k < count; ++k) {
        Baked& b = baked[size_t(k)];
        const float size_pixels = requests[k].size_pixels;
        for (const ImWchar* r = requests[k].ranges; r[0] && r[1]; r += 2)
            for (unsigned c = r[0]; c <= r[1]; ++c) b.code_points.push_back(c);
        const int n = static_cast<int>(b.code_points.size());
        b.metrics.resize(b.code_points.size() * 5);
        b.css = css_font_of(size_pixels, family_);
        b.baseline = gp_measure_glyphs(b.css.c_str(), size_pixels, b.code_points.data(), n, b.metrics.data());
        if (b.baseline <= 0 && !family_.empty()) {
            b.css = css_font_of(size_pixels, "");
            b.baseline = gp_measure_glyphs(b.css.c_str(), size_pixels, b.code_points.data(), n, b.metrics.data());
        }
        if (b.baseline <= 0) return false;
        if (k == 0) css_font_ = b.css;

        ImFont* font = b.font = add_page_font(atlas, size_pixels);
        b.ids.resize(b.code_points.size());
        for (size_t i = 0; i < b.code_points.size(); ++i) {
            const float* m = &b.metrics[i * 5];
            b.ids[i] = atlas.AddCustomRectFontGlyph(font, static_cast<ImWchar>(b.code_points[i]), int(m[0]), int(m[1]),
                                                    m[2], ImVec2(m[3], m[4]));
        }
    }
    if (!atlas.Build()) return false;

    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);  // built above: returns the atlas's own pixels
    for (Baked& b : baked) {
        // The views line up text of two sizes by their fonts' ascents: the browser's baseline is the ascent.
        b.font->Ascent = float(b.baseline);
        b.font->Descent = float(b.baseline) - b.font->FontSize;
        std::vector<int> rects(b.code_points.size() * 6);
        for (size_t i = 0; i < b.code_points.size(); ++i) {
            const ImFontAtlasCustomRect* r = atlas.GetCustomRectByIndex(b.ids[i]);
            IM_ASSERT(r && r->IsPacked() && "Build() packs every custom rectangle or fails");
            const float* m = &b.metrics[i * 5];
            int* out = &rects[i * 6];
            out[0] = r->X;
            out[1] = r->Y;
            out[2] = r->Width;
            out[3] = r->Height;
            out[4] = int(m[3]);
            out[5] = int(m[4]);
        }
        const int inked = gp_draw_glyphs(b.css.c_str(), b.baseline, b.code_points.data(), rects.data(),
                                         static_cast<int>(b.code_points.size()), pixels, width, height);
        if (inked < 0) return false;
        glyphs_ += static_cast<int>(b.code_points.size());
        inked_glyphs_ += inked;
    }
    return true;
}

}  // namespace gp::web

// The link's --wrap targets (wasm/CMakeLists.txt). ImFontAtlas::Build() chooses ImGui's stb_truetype builder
// when no builder is set, and adds ImGui's ProggyClean font when the atlas has none; the compiler inlines
// that choice into Build() and Build() into GetTexDataAsAlpha8(), so both are replaced here, with the
// page-font builder as the default, and the TrueType rasteriser and the font's data leave the wasm.
// A widget whose canvas cannot draw text (gp::ui::build_fonts' fallback) gets a font with no glyphs.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas* atlas, const ImFontConfig* config) {
    return add_page_font(*atlas, config && config->SizePixels > 0.0f ? config->SizePixels : 13.0f);
}

extern "C" bool __wrap__ZN11ImFontAtlas5BuildEv(ImFontAtlas* atlas) {
    IM_ASSERT(!atlas->Locked && "the atlas cannot change between NewFrame() and Render()");
    if (atlas->ConfigData.Size == 0) add_page_font(*atlas, 13.0f);
    const ImFontBuilderIO* builder = atlas->FontBuilderIO ? atlas->FontBuilderIO : &kPageFontBuilder;
    return builder->FontBuilder_Build(atlas);
}

extern "C" void __wrap__ZN11ImFontAtlas18GetTexDataAsAlpha8EPPhPiS2_S2_(ImFontAtlas* atlas, unsigned char** pixels, int* width,
                                                                    int* height, int* bytes_per_pixel) {
    if (!atlas->TexPixelsAlpha8) __wrap__ZN11ImFontAtlas5BuildEv(atlas);
    *pixels = atlas->TexPixelsAlpha8;
    if (width) *width = atlas->TexWidth;
    if (height) *height = atlas->TexHeight;
    if (bytes_per_pixel) *bytes_per_pixel = 1;
}
