// The explorer's fonts: Noto Sans regular and bold, subset to the glyphs French and English need
// (scripts/setup.sh), compiled into the program so the page loads no font file.
#pragma once

struct ImFont;

namespace explorer::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
};

// Sizes in CSS pixels. The atlas is rasterised at size × pixelRatio and drawn at 1/pixelRatio, so
// text stays sharp on HiDPI screens while layout keeps working in CSS pixels.
inline constexpr float kBodySize = 15.0f;
inline constexpr float kHeadingSize = 19.0f;
inline constexpr float kSmallSize = 13.0f;

// (Re)builds the font atlas of the current ImGui context for a device pixel ratio. The renderer
// must re-upload the atlas texture afterwards.
Fonts buildFonts(float pixelRatio);
// The same with every size times `textScale` (1 to 3; other values count as 1): the browser's
// minimum font size (ExplorerApp::textScale).
Fonts buildFonts(float pixelRatio, float textScale);

} // namespace explorer::ui
