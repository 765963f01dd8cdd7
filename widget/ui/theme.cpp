// goalpost UI: the palettes and the ImGui style made from them (theme.hpp).
//
// Index
// - [SECTION] Palettes
// - [SECTION] ImGui style
// - [SECTION] Contrast
#include "ui/theme.hpp"

#include <cmath>

namespace gp::ui {

namespace {

constexpr ImU32 rgb(uint32_t hex) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF);
}

ImVec4 vec(ImU32 c, float alpha = 1.0f) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w *= alpha;
    return v;
}

int state_index(PaceState s) { return int(s); }

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Palettes
//-----------------------------------------------------------------------------

bool resolve_dark(ThemeChoice choice, bool system_prefers_dark) {
    switch (choice) {
        case ThemeChoice::light: return false;
        case ThemeChoice::dark: return true;
        case ThemeChoice::follow_system: break;
    }
    return system_prefers_dark;
}

Palette make_palette(bool dark) {
    Palette p;
    p.dark = dark;
    const int unknown = state_index(PaceState::unknown), on_track = state_index(PaceState::on_track),
              behind = state_index(PaceState::behind), at_risk = state_index(PaceState::at_risk);
    if (!dark) {
        p.window = rgb(0xF4F6F9);
        p.card = rgb(0xFFFFFF);
        p.card_hover = rgb(0xF8FAFD);
        p.card_border = rgb(0xDDE2EA);
        p.divider = rgb(0xE3E7ED);
        p.track = rgb(0xEDF0F4);
        p.button = rgb(0xE8ECF2);
        p.button_hover = rgb(0xDCE2EB);
        p.field = rgb(0xFFFFFF);
        p.selected = rgb(0xDCE6FA);
        p.text = rgb(0x1F2937);
        p.text_strong = rgb(0x111827);
        p.muted_text = rgb(0x525C6C);
        p.error_text = rgb(0xB42318);
        p.accent = rgb(0x2459D6);
        p.on_accent = rgb(0xFFFFFF);
        p.status_fill[unknown] = rgb(0x737D90);
        p.status_fill[on_track] = rgb(0x1A8F47);
        p.status_fill[behind] = rgb(0xB86E00);
        p.status_fill[at_risk] = rgb(0xD92D20);
        p.chip_bg[unknown] = rgb(0xECEFF3);
        p.chip_text[unknown] = rgb(0x434B59);
        p.chip_bg[on_track] = rgb(0xE5F5EA);
        p.chip_text[on_track] = rgb(0x146C34);
        p.chip_bg[behind] = rgb(0xFCF0DB);
        p.chip_text[behind] = rgb(0x874A00);
        p.chip_bg[at_risk] = rgb(0xFCE8E6);
        p.chip_text[at_risk] = rgb(0xA3201D);
        p.vendor_bg[int(Vendor::unknown)] = rgb(0xECEFF3);
        p.vendor_text[int(Vendor::unknown)] = rgb(0x434B59);
        p.vendor_bg[int(Vendor::pipedrive)] = rgb(0xE5F5EA);
        p.vendor_text[int(Vendor::pipedrive)] = rgb(0x146C34);
        p.vendor_bg[int(Vendor::hubspot)] = rgb(0xFDEDE4);
        p.vendor_text[int(Vendor::hubspot)] = rgb(0xA63D12);
        p.vendor_bg[int(Vendor::giosg)] = rgb(0xE6EEFC);
        p.vendor_text[int(Vendor::giosg)] = rgb(0x1F4FB0);
        p.vendor_bg[int(Vendor::zendesk)] = rgb(0xE0F1F2);
        p.vendor_text[int(Vendor::zendesk)] = rgb(0x135E63);
        p.bar = rgb(0x3567D6);
        p.bar_later = rgb(0xC9D5F0);
        p.target_line = rgb(0x1F2937);
        p.ideal_line = rgb(0x737D90);
        p.burn_up = rgb(0x0B8A5F);
        p.forecast = rgb(0xC2410C);
        p.forecast_band = IM_COL32(0xC2, 0x41, 0x0C, 0x26);
        p.pace_marker = rgb(0x111827);
        p.grid = rgb(0xE3E7ED);
        p.tooltip_bg = rgb(0x1F2937);
        p.tooltip_text = rgb(0xF9FAFB);
    } else {
        p.window = rgb(0x0E131B);
        p.card = rgb(0x171D28);
        p.card_hover = rgb(0x1C2330);
        p.card_border = rgb(0x2A3342);
        p.divider = rgb(0x242C3A);
        p.track = rgb(0x262E3C);
        p.button = rgb(0x252D3B);
        p.button_hover = rgb(0x2F3849);
        p.field = rgb(0x131924);
        p.selected = rgb(0x22345A);
        p.text = rgb(0xE3E7ED);
        p.text_strong = rgb(0xF5F7FA);
        p.muted_text = rgb(0xA3ACBA);
        p.error_text = rgb(0xFF8A80);
        p.accent = rgb(0x6F9BF2);
        p.on_accent = rgb(0x0E131B);
        p.status_fill[unknown] = rgb(0x7D879A);
        p.status_fill[on_track] = rgb(0x34C46A);
        p.status_fill[behind] = rgb(0xF2A93B);
        p.status_fill[at_risk] = rgb(0xF2665A);
        p.chip_bg[unknown] = rgb(0x262D3A);
        p.chip_text[unknown] = rgb(0xC5CCD8);
        p.chip_bg[on_track] = rgb(0x173A26);
        p.chip_text[on_track] = rgb(0x7EE2A2);
        p.chip_bg[behind] = rgb(0x3D2E12);
        p.chip_text[behind] = rgb(0xF7C56E);
        p.chip_bg[at_risk] = rgb(0x43201F);
        p.chip_text[at_risk] = rgb(0xFF9C94);
        p.vendor_bg[int(Vendor::unknown)] = rgb(0x262D3A);
        p.vendor_text[int(Vendor::unknown)] = rgb(0xC5CCD8);
        p.vendor_bg[int(Vendor::pipedrive)] = rgb(0x173A26);
        p.vendor_text[int(Vendor::pipedrive)] = rgb(0x7EE2A2);
        p.vendor_bg[int(Vendor::hubspot)] = rgb(0x40251A);
        p.vendor_text[int(Vendor::hubspot)] = rgb(0xFFB08A);
        p.vendor_bg[int(Vendor::giosg)] = rgb(0x1B2A4A);
        p.vendor_text[int(Vendor::giosg)] = rgb(0x9DBBFF);
        p.vendor_bg[int(Vendor::zendesk)] = rgb(0x143536);
        p.vendor_text[int(Vendor::zendesk)] = rgb(0x7FD6D9);
        p.bar = rgb(0x6F9BF2);
        p.bar_later = rgb(0x33415C);
        p.target_line = rgb(0xE3E7ED);
        p.ideal_line = rgb(0x8A94A8);
        p.burn_up = rgb(0x34C49A);
        p.forecast = rgb(0xF59E4C);
        p.forecast_band = IM_COL32(0xF5, 0x9E, 0x4C, 0x2E);
        p.pace_marker = rgb(0xF5F7FA);
        p.grid = rgb(0x242C3A);
        p.tooltip_bg = rgb(0xE3E7ED);
        p.tooltip_text = rgb(0x111827);
    }
    return p;
}

//-----------------------------------------------------------------------------
// [SECTION] ImGui style
//-----------------------------------------------------------------------------

Palette apply_theme(bool dark, ImGuiStyle& style) {
    const Palette p = make_palette(dark);
    // Every colour is set from the palette below, so neither of ImGui's stock themes is needed (the light
    // one is 1.7 KB of wasm that the palette painted over).
    style = ImGuiStyle();
    // Sizes: controls are at least kTouchTarget tall (15 px text + 2 x 5 px padding).
    style.WindowPadding = ImVec2(space::m, space::s);
    style.FramePadding = ImVec2(space::s, 5.0f);
    style.ItemSpacing = ImVec2(space::s, space::s);
    style.ItemInnerSpacing = ImVec2(space::xs + space::xxs, space::xs);
    style.CellPadding = ImVec2(space::s, space::xs);
    style.IndentSpacing = space::l;
    style.ScrollbarSize = space::m;
    style.GrabMinSize = space::m;
    style.WindowRounding = 0.0f;
    style.ChildRounding = radius::card;
    style.FrameRounding = radius::control;
    style.PopupRounding = radius::card;
    style.ScrollbarRounding = radius::control;
    style.GrabRounding = radius::control;
    style.TabRounding = radius::control;
    style.WindowBorderSize = 0.0f;
    style.PopupBorderSize = 1.0f;
    style.FrameBorderSize = 1.0f;
    style.ChildBorderSize = 0.0f;
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = vec(p.text);
    c[ImGuiCol_TextDisabled] = vec(p.muted_text);
    c[ImGuiCol_WindowBg] = vec(p.window);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = vec(p.card);
    c[ImGuiCol_Border] = vec(p.card_border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = vec(p.field);
    c[ImGuiCol_FrameBgHovered] = vec(p.card_hover);
    c[ImGuiCol_FrameBgActive] = vec(p.card_hover);
    c[ImGuiCol_Button] = vec(p.button);
    c[ImGuiCol_ButtonHovered] = vec(p.button_hover);
    c[ImGuiCol_ButtonActive] = vec(p.selected);
    c[ImGuiCol_Header] = vec(p.selected);
    c[ImGuiCol_HeaderHovered] = vec(p.button);
    c[ImGuiCol_HeaderActive] = vec(p.selected);
    c[ImGuiCol_CheckMark] = vec(p.accent);
    c[ImGuiCol_SliderGrab] = vec(p.accent);
    c[ImGuiCol_SliderGrabActive] = vec(p.accent);
    c[ImGuiCol_Separator] = vec(p.divider);
    c[ImGuiCol_SeparatorHovered] = vec(p.accent);
    c[ImGuiCol_SeparatorActive] = vec(p.accent);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = vec(p.card_border);
    c[ImGuiCol_ScrollbarGrabHovered] = vec(p.muted_text, 0.6f);
    c[ImGuiCol_ScrollbarGrabActive] = vec(p.muted_text);
    c[ImGuiCol_TableHeaderBg] = vec(p.window);
    c[ImGuiCol_TableBorderStrong] = vec(p.card_border);
    c[ImGuiCol_TableBorderLight] = vec(p.divider);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TextSelectedBg] = vec(p.accent, 0.3f);
    c[ImGuiCol_NavHighlight] = vec(p.accent);
    c[ImGuiCol_PlotHistogram] = vec(p.bar);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.3f);
    // What the widget never draws (title and menu bars, resize grips, tabs, line plots, drag and drop, the
    // window switcher) still follows the theme, in case a later view uses it.
    c[ImGuiCol_TitleBg] = vec(p.window);
    c[ImGuiCol_TitleBgActive] = vec(p.card);
    c[ImGuiCol_TitleBgCollapsed] = vec(p.window);
    c[ImGuiCol_MenuBarBg] = vec(p.window);
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripHovered] = vec(p.accent, 0.6f);
    c[ImGuiCol_ResizeGripActive] = vec(p.accent);
    c[ImGuiCol_Tab] = vec(p.button);
    c[ImGuiCol_TabHovered] = vec(p.button_hover);
    c[ImGuiCol_TabActive] = vec(p.selected);
    c[ImGuiCol_TabUnfocused] = vec(p.button);
    c[ImGuiCol_TabUnfocusedActive] = vec(p.selected);
    c[ImGuiCol_PlotLines] = vec(p.bar);
    c[ImGuiCol_PlotLinesHovered] = vec(p.accent);
    c[ImGuiCol_PlotHistogramHovered] = vec(p.accent);
    c[ImGuiCol_DragDropTarget] = vec(p.accent);
    c[ImGuiCol_NavWindowingHighlight] = vec(p.accent);
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.3f);
    IM_STATIC_ASSERT(ImGuiCol_COUNT == 53);  // the 53 lines above: a colour a newer ImGui adds needs its own
    return p;
}

ImU32 status_colour(const Palette& palette, PaceState state) {
    const int i = int(state);
    return i >= 0 && i < kPaceStates ? palette.status_fill[i] : palette.status_fill[0];
}

ImU32 vendor_colour(const Palette& palette, Vendor vendor) {
    const int i = int(vendor);
    return i >= 0 && i < kVendors ? palette.vendor_text[i] : palette.vendor_text[0];
}

//-----------------------------------------------------------------------------
// [SECTION] Contrast
//-----------------------------------------------------------------------------

static double relative_luminance(ImU32 c) {
    const auto channel = [](unsigned v) {
        const double s = double(v) / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}

double contrast_ratio(ImU32 a, ImU32 b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

int colour_pairs(const Palette& p, ColourPair* out, int capacity) {
    int n = 0;
    const auto add = [&](const char* name, ImU32 fg, ImU32 bg, double needed) {
        if (n < capacity) out[n] = {name, fg, bg, needed};
        ++n;
    };
    struct Surface {
        const char* name;
        ImU32 colour;
    };
    const Surface surfaces[] = {{"window", p.window}, {"card", p.card},     {"card_hover", p.card_hover},
                                {"button", p.button}, {"button_hover", p.button_hover},
                                {"field", p.field},   {"selected", p.selected}};
    for (const Surface& s : surfaces) {
        add(s.name, p.text, s.colour, 4.5);
        add(s.name, p.text_strong, s.colour, 4.5);
        add(s.name, p.muted_text, s.colour, 4.5);
        add(s.name, p.error_text, s.colour, 4.5);
    }
    add("accent", p.on_accent, p.accent, 4.5);
    add("tooltip", p.tooltip_text, p.tooltip_bg, 4.5);
    for (int i = 0; i < kPaceStates; ++i) {
        add("status chip", p.chip_text[i], p.chip_bg[i], 4.5);
        add("status fill on track", p.status_fill[i], p.track, 3.0);
        add("status fill on card", p.status_fill[i], p.card, 3.0);
    }
    for (int i = 0; i < kVendors; ++i) add("vendor badge", p.vendor_text[i], p.vendor_bg[i], 4.5);
    add("accent on card (tab underline, focus)", p.accent, p.card, 3.0);
    add("accent on window", p.accent, p.window, 3.0);
    add("bar on card", p.bar, p.card, 3.0);
    add("pace marker on track", p.pace_marker, p.track, 3.0);
    add("target line on card", p.target_line, p.card, 3.0);
    add("burn-up on card", p.burn_up, p.card, 3.0);
    add("forecast on card", p.forecast, p.card, 3.0);
    add("ideal line on card", p.ideal_line, p.card, 3.0);
    return n;
}

}  // namespace gp::ui
