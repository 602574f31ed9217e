// The typeface the widget draws its text in: the reader's own fonts, named by one CSS font stack.
// The canvas rasterises every glyph through the browser (src/web, web/host/glyphs.js) in this
// stack, unless the page gives another (the `font` option, or the CSS variable --explorer-font of
// the widget's container); exports that write text as text (the network's SVG) name the same
// stack so that a picture opened elsewhere shows the same face, or the system's nearest one.
#pragma once

#include <string_view>

namespace explorer {

// System faces first (each platform's UI font covers its own language's scripts and falls back to
// the system's fonts for the others), then the common cross-platform ones, then the generic family.
inline constexpr std::string_view kFontStack =
    R"(system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif)";

} // namespace explorer
