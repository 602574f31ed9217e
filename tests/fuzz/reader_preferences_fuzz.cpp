// libFuzzer target: the reader's preferences as the page sends them (src/core/reader_preferences.hpp,
// readerPreferencesFromJson; bridge.cpp explorer_set_preferences_json). The page builds that JSON
// from media queries, but a host script can call the export with anything. Any text is refused or
// gives preferences within bounds, and the forced-colours scheme built from them draws only with
// the system's colours. Seeds in corpus/reader_preferences.
#include "fuzz_support.hpp"

#include "core/palette.hpp"
#include "core/reader_preferences.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using explorer::Colour;
using explorer::fuzz::require;

bool isSystemColour(const explorer::SystemColours& s, Colour c) {
    const std::uint32_t rgb = c.rgb;
    for (const Colour& system : {s.canvas, s.canvasText, s.linkText, s.highlight, s.highlightText, s.grayText,
                                 s.buttonFace, s.buttonText}) {
        if (system.rgb == rgb) return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto preferences = explorer::readerPreferencesFromJson(input);
    if (!preferences) return 0;
    require(std::isfinite(preferences->minimumFontSize));
    require(preferences->minimumFontSize >= 0.0f && preferences->minimumFontSize <= explorer::kMaxMinimumFontSize);
    if (preferences->forcedColours) {
        const explorer::SystemColours& system = *preferences->forcedColours;
        const explorer::ColourScheme scheme = explorer::forcedColourScheme(system);
        require(scheme.forced);
        for (const Colour& c : {scheme.background, scheme.surface, scheme.text, scheme.textMuted, scheme.accent,
                                scheme.accentText, scheme.edge, scheme.edgeStrong, scheme.link}) {
            require(isSystemColour(system, c));
        }
        for (const Colour& c : scheme.kind) require(isSystemColour(system, c));
    }
    // The same text read twice gives the same preferences.
    require(explorer::readerPreferencesFromJson(input) == preferences);
    return 0;
}
