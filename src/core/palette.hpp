// The explorer's colours as data: the one table of every colour the widget draws with, light and
// dark. ui/theme converts them to ImGui colours; the pictures the core draws itself (the network
// SVG of data_export.hpp) read them here too, so a colour is changed in one place.
//
// Text colours meet WCAG AA (4.5:1) on their backgrounds; tests/ui checks the ratios through
// ui::palette(), so an edit here cannot silently break readability.
#pragma once

#include "core/model.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace explorer {

// An sRGB colour and its opacity.
struct Colour {
    std::uint32_t rgb = 0;      // 0xRRGGBB
    std::uint8_t alpha = 0xFF;  // 0xFF: opaque
    constexpr unsigned red() const { return (rgb >> 16) & 0xFFU; }
    constexpr unsigned green() const { return (rgb >> 8) & 0xFFU; }
    constexpr unsigned blue() const { return rgb & 0xFFU; }
    bool operator==(const Colour&) const = default;
};

struct ColourScheme {
    bool dark = false;
    Colour background;   // the page, the network's canvas
    Colour surface;      // cards, panels, the legend
    Colour surfaceHover;
    Colour border;
    Colour text;
    Colour textMuted;
    Colour accent;       // links, selection
    Colour accentText;   // text drawn on accent
    Colour warning;      // conflicts, problems
    std::array<Colour, kEntityKindCount> kind; // node fill by entity kind (project, organisation, model, initiative)
    Colour edge;         // a relation line, translucent
    Colour edgeStrong;   // a relation line around the focus, and in legends
    Colour link;         // links (source and website links); the accent, except in forced colours
    // A reader's preference asks for strong colours (prefers-contrast: more, forced colours):
    // nothing that carries meaning is drawn translucent (edges, strokes).
    bool highContrast = false;
    // Built from the system's colours (forced-colors: active): every colour is one of them, so
    // nothing may be mixed from two (organisations' hollow fills take the background instead).
    bool forced = false;
};

// The system colours a page resolves in forced-colours mode (Windows high contrast): the CSS
// system colours of the same names.
struct SystemColours {
    Colour canvas;
    Colour canvasText;
    Colour linkText;
    Colour highlight;
    Colour highlightText;
    Colour grayText;
    Colour buttonFace;
    Colour buttonText;
    bool operator==(const SystemColours&) const = default;
};

// Organisation styles (network_layout.hpp, OrgStyle): a public body is a disc of the kind colour;
// companies, non-profits and the rest are hollow: a ring of the kind colour around a fill that is
// the kind colour mixed this far towards what lies behind (the canvas, or the legend's surface).
inline constexpr float kHollowFillMix = 0.72f;

// The light or the dark scheme.
const ColourScheme& colourScheme(bool dark);
// Their higher-contrast variants (prefers-contrast: more): text, links and edges at 7:1 or more
// on the background and the surface, opaque edges, borders at 3:1 or more.
const ColourScheme& colourScheme(bool dark, bool moreContrast);

// The scheme of forced-colours mode: background Canvas, text, edges, borders and every kind
// CanvasText (kinds stay apart by their shapes), muted text GrayText when it keeps 4.5:1 on Canvas
// (else CanvasText), selection and focus Highlight with HighlightText on it, links LinkText,
// panels and buttons ButtonFace when CanvasText keeps 4.5:1 on it (else Canvas).
// Every colour of it is one of `system` (some with an opacity: hover and selection tints).
ColourScheme forcedColourScheme(const SystemColours& system);

// WCAG 2 contrast ratio of two colours, their opacity ignored (1 to 21).
double contrastRatio(Colour a, Colour b);

// a + (b - a) * t, channel by channel (alpha included), rounded to the nearest integer; t is
// clamped to [0, 1].
Colour mix(Colour a, Colour b, float t);

// "#RRGGBB" (upper-case hexadecimal), the opacity left out.
std::string cssHex(Colour colour);
// The opacity with two decimals, '.' as separator whatever the locale: "0.44", "1.00".
std::string cssOpacity(Colour colour);

} // namespace explorer
