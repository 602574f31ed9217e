// What the reader asked their browser for, as the page reads it from media queries and passes it
// in (web/host/preferences.js, bridge.cpp explorer_set_preferences_json): less motion, more
// contrast, the system's own colours (forced colours, Windows high contrast), a minimum font size.
// The UI honours them: ExplorerApp::setPreferences.
#pragma once

#include "core/palette.hpp"

#include <optional>
#include <string_view>

namespace explorer {

struct ReaderPreferences {
    bool reducedMotion = false;                 // prefers-reduced-motion: reduce
    bool moreContrast = false;                  // prefers-contrast: more
    std::optional<SystemColours> forcedColours; // forced-colors: active, with the system's colours
    float minimumFontSize = 0.0f;               // CSS px the browser draws no text below; 0: none
    bool operator==(const ReaderPreferences&) const = default;
};

// The largest minimum font size taken into account (CSS px): past it the UI could not fit.
inline constexpr float kMaxMinimumFontSize = 32.0f;

// Reads the page's JSON:
//   {"reducedMotion": bool, "contrast": "more" | "no-preference",
//    "forcedColors": null | {"canvas", "canvasText", "linkText", "highlight", "highlightText",
//                            "grayText", "buttonFace", "buttonText"} (each "#rrggbb"),
//    "minimumFontSize": number (CSS px)}
// Missing keys take the defaults; unknown keys are ignored. Anything else (not JSON, not an
// object, a wrong type, a colour missing or not "#rrggbb", a negative or non-finite size) gives
// nullopt: the caller keeps what it had. A size above kMaxMinimumFontSize counts as that.
std::optional<ReaderPreferences> readerPreferencesFromJson(std::string_view json);

// "#rrggbb" (either case) as an opaque colour; nullopt for anything else.
std::optional<Colour> colourFromCssHex(std::string_view text);

} // namespace explorer
