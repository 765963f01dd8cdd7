// The embedded font (native builds and tests): its coverage, the visible replacement for what it lacks, DPI
// rebuilds, and the fallback when a baker fails.
#include <catch2/catch.hpp>

#include <cstdio>

#include "headless.hpp"
#include "ui/fonts_embedded.hpp"

using gp::ui::test::Headless;

TEST_CASE("the subset covers Latin, Greek, Cyrillic and the symbols the widget prints", "[ui][font]") {
    Headless ui;
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (ImWchar c : {ImWchar('A'), ImWchar(0x00E9) /* é */, ImWchar(0x0151) /* ő */, ImWchar(0x03BB) /* λ */,
                      ImWchar(0x0416) /* Ж */, ImWchar(0x20AC) /* € */, ImWchar(0x00A3) /* £ */, ImWchar(0x00A5) /* ¥ */,
                      ImWchar(0x2014) /* — */, ImWchar(0x2026) /* … */, ImWchar(0x2013) /* – */, ImWchar(0x202F),
                      ImWchar(0x25AC)}) {
        INFO("U+" << std::hex << int(c));
        CHECK(font->FindGlyphNoFallback(c) != nullptr);
    }
}

TEST_CASE("characters the font lacks show as a visible replacement glyph", "[ui][font]") {
    Headless ui;
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    REQUIRE(font->FallbackGlyph != nullptr);
    CHECK(font->FallbackGlyph->Codepoint == 0xFFFD);
    CHECK(font->FallbackGlyph->Visible);
    CHECK(font->FindGlyphNoFallback(0x6F22) == nullptr);  // 漢
    CHECK(font->FindGlyph(0x6F22) == font->FallbackGlyph);
    // A title in a script the subset lacks still draws one glyph per character.
    const ImVec2 missing = font->CalcTextSizeA(font->FontSize, 1e9f, 0, "\xE6\xBC\xA2\xE5\xAD\x97");
    CHECK(missing.x >= 2 * font->FallbackGlyph->AdvanceX * 0.99f);
}

TEST_CASE("fonts are rebuilt at the pixel ratio and scaled back to CSS pixels", "[ui][font][dpi]") {
    Headless ui;
    ImGuiIO& io = ImGui::GetIO();
    CHECK_FALSE(ui.view.needs_fonts_rebuilt(1.0f));
    CHECK(ui.view.needs_fonts_rebuilt(2.0f));
    const float size_at_1 = io.Fonts->Fonts[0]->FontSize;
    ui.view.rebuild_fonts(2.0f);
    CHECK_FALSE(ui.view.needs_fonts_rebuilt(2.0f));
    CHECK(io.Fonts->Fonts[0]->FontSize == Approx(size_at_1 * 2));
    CHECK(io.FontGlobalScale == Approx(0.5f));
    // Ratios between quarters share one atlas.
    ui.view.rebuild_fonts(1.3f);
    CHECK_FALSE(ui.view.needs_fonts_rebuilt(1.45f));
    CHECK(ui.view.needs_fonts_rebuilt(1.6f));
    // The layout is in CSS pixels whatever the ratio: a frame is drawn with the same line height.
    gp::ui::WidgetData data;
    ui.view.rebuild_fonts(2.0f);
    ui.frame(data);
    const float height_at_2 = ImGui::GetTextLineHeight();
    ui.view.rebuild_fonts(1.0f);
    ui.frame(data);
    CHECK(ImGui::GetTextLineHeight() == Approx(height_at_2).epsilon(0.01));
}

TEST_CASE("the subset file stays small", "[ui][font][size]") {
    std::FILE* f = std::fopen(GP_FONT_SUBSET, "rb");
    REQUIRE(f);
    std::fseek(f, 0, SEEK_END);
    const long size = std::ftell(f);
    std::fclose(f);
    CHECK(size == long(gp::ui::embedded_font().size));
    CHECK(size < 100 * 1024);  // DejaVu Sans whole is 740 KB; the subset is only for native builds and tests
}

TEST_CASE("a baker that fails leaves ImGui's own font at the same size, and a new baker asks for a rebuild", "[ui][font]") {
    Headless ui;
    int calls = 0;
    ui.view.set_font_baker([&calls](ImFontAtlas&, const gp::ui::FontRequest*, int) {
        ++calls;
        return false;
    });
    CHECK(ui.view.needs_fonts_rebuilt(1.0f));
    ui.view.rebuild_fonts(2.0f);
    CHECK(calls == 1);
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    CHECK(ImGui::GetIO().Fonts->IsBuilt());
    CHECK(font->FontSize == Approx(gp::ui::kBaseFontSize * 2));
    CHECK(font->FindGlyphNoFallback('A') != nullptr);
    // Whatever a baker is given: one request per step of the type scale, at its size, with the UI's ranges
    // (the numbers-only step with the number ranges).
    std::vector<gp::ui::FontRequest> seen;
    ui.view.set_font_baker([&](ImFontAtlas& atlas, const gp::ui::FontRequest* requests, int count) {
        seen.assign(requests, requests + count);
        return gp::ui::bake_embedded_font(atlas, requests, count);
    });
    ui.view.rebuild_fonts(1.25f);
    REQUIRE(seen.size() == size_t(gp::ui::TextRole::count));
    for (size_t i = 0; i < seen.size(); ++i) {
        CHECK(seen[i].size_pixels == Approx(gp::ui::kTypeScale[i].size * 1.25f));
        CHECK(seen[i].ranges == (gp::ui::kTypeScale[i].numbers_only ? gp::ui::number_glyph_ranges() : gp::ui::font_glyph_ranges()));
    }
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x0416) != nullptr);  // Ж, from the subset
}

TEST_CASE("every step of the type scale has its own font at its own size, sharp at the pixel ratio", "[ui][font]") {
    Headless ui;
    ImGuiIO& io = ImGui::GetIO();
    REQUIRE(io.Fonts->Fonts.Size == int(gp::ui::TextRole::count));
    for (int i = 0; i < io.Fonts->Fonts.Size; ++i) CHECK(io.Fonts->Fonts[i]->FontSize == Approx(gp::ui::kTypeScale[i].size));
    CHECK(io.FontDefault == io.Fonts->Fonts[0]);
    // The readout's figures and signs are baked at the readout's size, not scaled from the body.
    const ImFont* readout = io.Fonts->Fonts[int(gp::ui::TextRole::readout)];
    for (ImWchar c : {ImWchar('0'), ImWchar('9'), ImWchar('%'), ImWchar(0x20AC), ImWchar(0x2014), ImWchar(0x202F), ImWchar(0x2026)})
        CHECK(readout->FindGlyphNoFallback(c) != nullptr);
    ui.view.rebuild_fonts(2.0f);
    CHECK(io.Fonts->Fonts[int(gp::ui::TextRole::readout)]->FontSize == Approx(gp::ui::kTypeScale[int(gp::ui::TextRole::readout)].size * 2));
}

TEST_CASE("the numbers-only ranges lie inside the UI's ranges", "[ui][font]") {
    const ImWchar* all = gp::ui::font_glyph_ranges();
    for (const ImWchar* r = gp::ui::number_glyph_ranges(); r[0]; r += 2) {
        bool inside = false;
        for (const ImWchar* a = all; a[0]; a += 2) inside |= a[0] <= r[0] && r[1] <= a[1];
        INFO("U+" << std::hex << int(r[0]) << "-" << int(r[1]));
        CHECK(inside);
    }
}
