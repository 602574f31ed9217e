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
};

unsigned mixChannel(unsigned a, unsigned b, float t) {
    const float value = static_cast<float>(a) + (static_cast<float>(b) - static_cast<float>(a)) * t;
    return static_cast<unsigned>(std::clamp(std::lround(value), 0L, 255L));
}

} // namespace

const ColourScheme& colourScheme(bool dark) { return dark ? kDark : kLight; }

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
