#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace explorer::ui {
namespace {

constexpr ImU32 rgb(unsigned hex) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF);
}

// Colours picked for a news page: quiet neutrals, one blue accent, kind colours that stay
// distinguishable for common colour-vision deficiencies (blue / orange / teal / purple).
const Palette kLight{
    .dark = false,
    .background = rgb(0xFFFFFF),
    .surface = rgb(0xF4F5F7),
    .surfaceHover = rgb(0xE8EAEE),
    .border = rgb(0xC9CDD3),
    .text = rgb(0x1B1E23),
    .textMuted = rgb(0x50565F),
    .accent = rgb(0x0B5CAD),
    .accentText = rgb(0xFFFFFF),
    .warning = rgb(0x9A4A00),
    .kind = {rgb(0x0B5CAD), rgb(0xD9730D), rgb(0x0F7B6C), rgb(0x7A3E9D)},
    .edge = IM_COL32(0x50, 0x56, 0x5F, 0x70),
    .edgeStrong = IM_COL32(0x1B, 0x1E, 0x23, 0xD0),
};

const Palette kDark{
    .dark = true,
    .background = rgb(0x16181C),
    .surface = rgb(0x22252B),
    .surfaceHover = rgb(0x2E323A),
    .border = rgb(0x3E434C),
    .text = rgb(0xECEEF1),
    .textMuted = rgb(0xA9AFB8),
    .accent = rgb(0x6CB2FF),
    .accentText = rgb(0x0B1420),
    .warning = rgb(0xF2A65A),
    .kind = {rgb(0x6CB2FF), rgb(0xF2A65A), rgb(0x4CC9B0), rgb(0xC39BE0)},
    .edge = IM_COL32(0xA9, 0xAF, 0xB8, 0x60),
    .edgeStrong = IM_COL32(0xEC, 0xEE, 0xF1, 0xD0),
};

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

const Palette& palette(bool dark) { return dark ? kDark : kLight; }

double contrastRatio(ImU32 a, ImU32 b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void applyStyle(const Palette& p) {
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
}

} // namespace explorer::ui
