#include "core/palette.hpp"

#include <algorithm>
#include <cmath>

namespace explorer {
namespace {

// Colours picked for a news page: quiet neutrals, one blue accent, kind colours that stay
// distinguishable for common colour-vision deficiencies (blue / orange / teal / purple).
constexpr ColourScheme kLight{
    .dark = false,
    .background = {0xFFFFFF},
    .surface = {0xF4F5F7},
    .surfaceHover = {0xE8EAEE},
    .border = {0xC9CDD3},
    .text = {0x1B1E23},
    .textMuted = {0x50565F},
    .accent = {0x0B5CAD},
    .accentText = {0xFFFFFF},
    .warning = {0x9A4A00},
    .kind = {{{0x0B5CAD}, {0xD9730D}, {0x0F7B6C}, {0x7A3E9D}}},
    .edge = {0x50565F, 0x70},
    .edgeStrong = {0x1B1E23, 0xD0},
    .link = {0x0B5CAD},
};

constexpr ColourScheme kDark{
    .dark = true,
    .background = {0x16181C},
    .surface = {0x22252B},
    .surfaceHover = {0x2E323A},
    .border = {0x3E434C},
    .text = {0xECEEF1},
    .textMuted = {0xA9AFB8},
    .accent = {0x6CB2FF},
    .accentText = {0x0B1420},
    .warning = {0xF2A65A},
    .kind = {{{0x6CB2FF}, {0xF2A65A}, {0x4CC9B0}, {0xC39BE0}}},
    .edge = {0xA9AFB8, 0x60},
    .edgeStrong = {0xECEEF1, 0xD0},
    .link = {0x6CB2FF},
};

// prefers-contrast: more. The same hues, darker (light) or lighter (dark), so that every colour
// used as text or as a line reaches 7:1 on the background and the surface; borders reach 3:1.
constexpr ColourScheme kLightMore{
    .dark = false,
    .background = {0xFFFFFF},
    .surface = {0xF2F3F5},
    .surfaceHover = {0xE1E4E8},
    .border = {0x5C636D},
    .text = {0x000000},
    .textMuted = {0x33383F},
    .accent = {0x003D7A},
    .accentText = {0xFFFFFF},
    .warning = {0x6B3300},
    .kind = {{{0x003D7A}, {0x7A3300}, {0x00574C}, {0x5A2678}}},
    .edge = {0x33383F},
    .edgeStrong = {0x000000},
    .link = {0x003D7A},
    .highContrast = true,
};

constexpr ColourScheme kDarkMore{
    .dark = true,
    .background = {0x000000},
    .surface = {0x16181C},
    .surfaceHover = {0x2A2E35},
    .border = {0x9AA1AB},
    .text = {0xFFFFFF},
    .textMuted = {0xD0D5DC},
    .accent = {0x9FD0FF},
    .accentText = {0x000000},
    .warning = {0xFFC285},
    .kind = {{{0x9FD0FF}, {0xFFB877}, {0x7FE8D2}, {0xDDBEF5}}},
    .edge = {0xD0D5DC},
    .edgeStrong = {0xFFFFFF},
    .link = {0x9FD0FF},
    .highContrast = true,
};

double linearChannel(unsigned value) {
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double relativeLuminance(Colour colour) {
    return 0.2126 * linearChannel(colour.red()) + 0.7152 * linearChannel(colour.green())
           + 0.0722 * linearChannel(colour.blue());
}

Colour withOpacity(Colour colour, std::uint8_t alpha) { return Colour{colour.rgb, alpha}; }

unsigned mixChannel(unsigned a, unsigned b, float t) {
    const float value = static_cast<float>(a) + (static_cast<float>(b) - static_cast<float>(a)) * t;
    return static_cast<unsigned>(std::clamp(std::lround(value), 0L, 255L));
}

} // namespace

const ColourScheme& colourScheme(bool dark) { return dark ? kDark : kLight; }

const ColourScheme& colourScheme(bool dark, bool moreContrast) {
    if (!moreContrast) return colourScheme(dark);
    return dark ? kDarkMore : kLightMore;
}

double contrastRatio(Colour a, Colour b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ColourScheme forcedColourScheme(const SystemColours& system) {
    // Only opaque system colours: the page resolves them as rgb(), but a hand-made call may not.
    const auto opaque = [](Colour colour) { return Colour{colour.rgb & 0xFFFFFFU, 0xFF}; };
    const Colour canvas = opaque(system.canvas);
    const Colour ink = opaque(system.canvasText);
    const Colour highlight = opaque(system.highlight);
    ColourScheme scheme;
    scheme.dark = relativeLuminance(canvas) < relativeLuminance(ink);
    scheme.background = canvas;
    // Panels, cards and buttons on ButtonFace, as the system draws its own, unless CanvasText
    // (the one text colour) would not read on it.
    const Colour face = opaque(system.buttonFace);
    scheme.surface = contrastRatio(ink, face) >= 4.5 ? face : canvas;
    // GrayText is often too faint (it is meant for disabled controls): muted text falls back to
    // CanvasText rather than become unreadable on the background or on a panel.
    const Colour gray = opaque(system.grayText);
    const bool grayReads = contrastRatio(gray, canvas) >= 4.5 && contrastRatio(gray, scheme.surface) >= 4.5;
    const Colour muted = grayReads ? gray : ink;
    scheme.surfaceHover = withOpacity(highlight, 0x40);
    scheme.border = ink;
    scheme.text = ink;
    scheme.textMuted = muted;
    scheme.accent = highlight;
    scheme.accentText = opaque(system.highlightText);
    scheme.warning = ink;
    scheme.kind.fill(ink);
    scheme.edge = ink;
    scheme.edgeStrong = ink;
    scheme.link = opaque(system.linkText);
    scheme.highContrast = true;
    scheme.forced = true;
    return scheme;
}

Colour mix(Colour a, Colour b, float t) {
    t = std::isfinite(t) ? std::clamp(t, 0.0f, 1.0f) : 0.0f;
    const unsigned red = mixChannel(a.red(), b.red(), t);
    const unsigned green = mixChannel(a.green(), b.green(), t);
    const unsigned blue = mixChannel(a.blue(), b.blue(), t);
    return Colour{(red << 16) | (green << 8) | blue, static_cast<std::uint8_t>(mixChannel(a.alpha, b.alpha, t))};
}

std::string cssHex(Colour colour) {
    constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string text = "#";
    for (int shift = 20; shift >= 0; shift -= 4) text.push_back(kHex[(colour.rgb >> shift) & 0xFU]);
    return text;
}

std::string cssOpacity(Colour colour) {
    const unsigned hundredths = (colour.alpha * 100U + 127U) / 255U; // rounded to the nearest
    std::string text = std::to_string(hundredths / 100U) + ".";
    text.push_back(static_cast<char>('0' + (hundredths % 100U) / 10U));
    text.push_back(static_cast<char>('0' + hundredths % 10U));
    return text;
}

} // namespace explorer
