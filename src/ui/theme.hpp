// Light and dark palettes as ImGui colours. The colours themselves are data in the core
// (core/palette.hpp: one table for the widget and the SVG export); this is their ImU32 form. Text
// colours meet WCAG AA (4.5:1) on their backgrounds; the tests in tests/ui check the ratios so a
// palette edit cannot silently break readability.
#pragma once

#include "core/model.hpp"
#include "core/palette.hpp"

#include <imgui.h>

namespace explorer::ui {

struct Palette {
    bool dark = false;
    ImU32 background;
    ImU32 surface;      // cards, panels
    ImU32 surfaceHover;
    ImU32 border;
    ImU32 text;
    ImU32 textMuted;
    ImU32 accent;       // links, selection
    ImU32 accentText;   // text drawn on accent
    ImU32 warning;      // conflicts, problems
    ImU32 kind[kEntityKindCount]; // node fill by entity kind (project, organisation, model, initiative)
    ImU32 edge;
    ImU32 edgeStrong;
    ImU32 link;                // source and website links
    bool highContrast = false; // ColourScheme::highContrast: nothing meaningful drawn translucent
    bool forced = false;       // ColourScheme::forced: system colours only, never mixed
};

const Palette& palette(bool dark);
// The prefers-contrast: more variant (core/palette.hpp).
const Palette& palette(bool dark, bool moreContrast);
// Any core scheme as ImGui colours (forced colours are built at run time: forcedColourScheme).
Palette paletteOf(const ColourScheme& scheme);

// A core colour (core/palette.hpp) as ImGui packs it.
constexpr ImU32 toImU32(Colour colour) {
    return IM_COL32(colour.red(), colour.green(), colour.blue(), colour.alpha);
}

// Applies the palette to ImGui's style, with spacing scaled for the font size in CSS pixels.
void applyStyle(const Palette& palette);
// The same with every size (padding, spacing, rounding, scrollbars) times `sizeScale`, for text
// made larger than the default (the browser's minimum font size).
void applyStyle(const Palette& palette, float sizeScale);

// WCAG 2 contrast ratio between two opaque colours (1 to 21).
double contrastRatio(ImU32 a, ImU32 b);

} // namespace explorer::ui
