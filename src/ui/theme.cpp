#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace explorer::ui {
namespace {

ImVec4 vec(ImU32 colour, float alpha = 1.0f) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(colour);
    v.w *= alpha;
    return v;
}

double channel(unsigned value) {
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 colour) {
    const unsigned r = (colour >> IM_COL32_R_SHIFT) & 0xFF;
    const unsigned g = (colour >> IM_COL32_G_SHIFT) & 0xFF;
    const unsigned b = (colour >> IM_COL32_B_SHIFT) & 0xFF;
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

} // namespace

// The colours themselves are data in the core (core/palette.hpp), shared with the SVG export.
Palette paletteOf(const ColourScheme& scheme) {
    Palette p{};
    p.dark = scheme.dark;
    p.background = toImU32(scheme.background);
    p.surface = toImU32(scheme.surface);
    p.surfaceHover = toImU32(scheme.surfaceHover);
    p.border = toImU32(scheme.border);
    p.text = toImU32(scheme.text);
    p.textMuted = toImU32(scheme.textMuted);
    p.accent = toImU32(scheme.accent);
    p.accentText = toImU32(scheme.accentText);
    p.warning = toImU32(scheme.warning);
    for (std::size_t k = 0; k < kEntityKindCount; ++k) p.kind[k] = toImU32(scheme.kind[k]);
    p.edge = toImU32(scheme.edge);
    p.edgeStrong = toImU32(scheme.edgeStrong);
    p.link = toImU32(scheme.link);
    p.highContrast = scheme.highContrast;
    p.forced = scheme.forced;
    return p;
}

const Palette& palette(bool dark) {
    static const Palette kLight = paletteOf(colourScheme(false));
    static const Palette kDark = paletteOf(colourScheme(true));
    return dark ? kDark : kLight;
}

const Palette& palette(bool dark, bool moreContrast) {
    if (!moreContrast) return palette(dark);
    static const Palette kLightMore = paletteOf(colourScheme(false, true));
    static const Palette kDarkMore = paletteOf(colourScheme(true, true));
    return dark ? kDarkMore : kLightMore;
}

double contrastRatio(ImU32 a, ImU32 b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void applyStyle(const Palette& p) { applyStyle(p, 1.0f); }

void applyStyle(const Palette& p, float sizeScale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.CellPadding = ImVec2(6, 4);
    style.ScrollbarSize = 12;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 4;
    style.PopupRounding = 6;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;
    style.PopupBorderSize = 1;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = vec(p.text);
    c[ImGuiCol_TextDisabled] = vec(p.textMuted);
    c[ImGuiCol_WindowBg] = vec(p.background);
    c[ImGuiCol_ChildBg] = vec(p.background, 0.0f);
    c[ImGuiCol_PopupBg] = vec(p.background);
    c[ImGuiCol_Border] = vec(p.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = vec(p.background);
    c[ImGuiCol_FrameBgHovered] = vec(p.surfaceHover);
    c[ImGuiCol_FrameBgActive] = vec(p.surfaceHover);
    c[ImGuiCol_TitleBg] = vec(p.surface);
    c[ImGuiCol_TitleBgActive] = vec(p.surface);
    c[ImGuiCol_TitleBgCollapsed] = vec(p.surface);
    c[ImGuiCol_MenuBarBg] = vec(p.surface);
    c[ImGuiCol_ScrollbarBg] = vec(p.background, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = vec(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = vec(p.textMuted);
    c[ImGuiCol_ScrollbarGrabActive] = vec(p.textMuted);
    c[ImGuiCol_CheckMark] = vec(p.accent);
    c[ImGuiCol_SliderGrab] = vec(p.accent);
    c[ImGuiCol_SliderGrabActive] = vec(p.accent);
    c[ImGuiCol_Button] = vec(p.surface);
    c[ImGuiCol_ButtonHovered] = vec(p.surfaceHover);
    c[ImGuiCol_ButtonActive] = vec(p.border);
    c[ImGuiCol_Header] = vec(p.accent, 0.16f);
    c[ImGuiCol_HeaderHovered] = vec(p.accent, 0.24f);
    c[ImGuiCol_HeaderActive] = vec(p.accent, 0.32f);
    c[ImGuiCol_Separator] = vec(p.border);
    c[ImGuiCol_SeparatorHovered] = vec(p.accent);
    c[ImGuiCol_SeparatorActive] = vec(p.accent);
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripHovered] = vec(p.accent, 0.5f);
    c[ImGuiCol_ResizeGripActive] = vec(p.accent);
    c[ImGuiCol_Tab] = vec(p.surface);
    c[ImGuiCol_TabHovered] = vec(p.surfaceHover);
    c[ImGuiCol_TabActive] = vec(p.accent);
    c[ImGuiCol_TabUnfocused] = vec(p.surface);
    c[ImGuiCol_TabUnfocusedActive] = vec(p.accent);
    c[ImGuiCol_TableHeaderBg] = vec(p.surface);
    c[ImGuiCol_TableBorderStrong] = vec(p.border);
    c[ImGuiCol_TableBorderLight] = vec(p.border, 0.6f);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = vec(p.surface, 0.6f);
    c[ImGuiCol_TextSelectedBg] = vec(p.accent, 0.35f);
    c[ImGuiCol_NavHighlight] = vec(p.accent);
    c[ImGuiCol_ModalWindowDimBg] = vec(p.text, 0.35f);

    if (p.highContrast) {
        // A pressed button on the border colour would put text on a mid tone: stay on the hover
        // fill, whose contrast with the text is checked.
        c[ImGuiCol_ButtonActive] = vec(p.surfaceHover);
        c[ImGuiCol_ScrollbarGrab] = vec(p.textMuted);
        c[ImGuiCol_ScrollbarGrabHovered] = vec(p.text);
        c[ImGuiCol_ScrollbarGrabActive] = vec(p.text);
        c[ImGuiCol_TableBorderLight] = vec(p.border);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0);
        // Tab labels are drawn in the text colour, which does not read on the accent itself.
        c[ImGuiCol_TabActive] = vec(p.accent, 0.3f);
        c[ImGuiCol_TabUnfocusedActive] = vec(p.accent, 0.3f);
    }
    if (p.forced) {
        // System colours only: hover and press tint with Highlight over Canvas, as the system
        // marks what is under the pointer; no dimming behind a modal.
        c[ImGuiCol_FrameBgHovered] = vec(p.accent, 0.25f);
        c[ImGuiCol_FrameBgActive] = vec(p.accent, 0.4f);
        c[ImGuiCol_ButtonHovered] = vec(p.accent, 0.25f);
        c[ImGuiCol_ButtonActive] = vec(p.accent, 0.4f);
        c[ImGuiCol_TabHovered] = vec(p.accent, 0.25f);
        c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0);
    }
    if (sizeScale > 0.0f && std::isfinite(sizeScale) && sizeScale != 1.0f) style.ScaleAllSizes(sizeScale);
}

} // namespace explorer::ui
