// See browser_font.hpp. The JavaScript halves are EM_JS functions: they run in the module's glue, touch
// no global of the page, and leave nothing behind (the canvases are never attached to the document).
#include "browser_font.hpp"

#include <emscripten.h>

#include <cmath>
#include <cstdio>
#include <vector>

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
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
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

std::string css_font_of(float size_pixels, const std::string& family) {
    char size[32];
    std::snprintf(size, sizeof size, "%.2fpx ", double(size_pixels));
    return size + (family.empty() ? std::string("sans-serif") : family);
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

        // The atlas needs one font object to hang the glyphs on: ImGui's own, with only its space baked. Every
        // code point below, the space included, replaces what that font has.
        static const ImWchar kSpaceOnly[] = {0x20, 0x20, 0};
        ImFontConfig config;
        config.SizePixels = size_pixels;
        config.GlyphRanges = kSpaceOnly;
        std::snprintf(config.Name, sizeof config.Name, "page font, %.1f px", double(size_pixels));
        ImFont* font = atlas.AddFontDefault(&config);
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
