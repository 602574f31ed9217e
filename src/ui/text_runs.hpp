// Text the browser must lay out: runs of shaped or right-to-left writing, and the one function
// every place that draws a dataset's text calls.
//
// ImGui draws a string glyph after glyph, left to right: right for Latin, Greek, Cyrillic, CJK and
// Hangul, wrong for Arabic and Hebrew (order, joining) and for scripts whose marks and conjuncts
// need shaping (Devanagari and the other Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer…).
// Such a text is drawn as one *run*: the browser lays the whole string out (bidi, shaping,
// fallback fonts) into the atlas as a single glyph at a private-use codepoint (fonts.hpp), and
// displayText returns that one character instead. Widths (CalcTextSize, ellipses) then measure
// the browser's own layout.
#pragma once

#include "core/model.hpp"

#include <imgui.h>

#include <string>
#include <string_view>

namespace explorer::ui {

// Whether a character is only right inside a run: joined or right-to-left scripts, scripts with
// reordering or stacking marks, combining marks, joiners and bidi controls, the private use area
// (the runs' own codepoints), and anything beyond the BMP (ImGui's glyphs are 16-bit).
bool characterNeedsShaping(char32_t c);
// Whether a text holds such a character (invalid UTF-8 counts as not: ImGui shows U+FFFD).
bool needsShaping(std::string_view text);

// The string to draw for `text` in the current font (ImGui::GetFont()) or in `font`: `text`
// itself, or a run's private-use character once the browser has drawn it (usually in the same
// frame; meanwhile `text`). Valid until the next frame. Safe without fonts (returns `text`).
std::string_view displayText(std::string_view text);
std::string_view displayText(std::string_view text, const ImFont* font);
// The size of one line of `text` drawn through displayText in `font` at `size` (as
// ImFont::CalcTextSizeA measures), without drawing it: a shaped text is measured by the browser,
// not rasterised (until then, its unshaped width). For layouts that weigh more texts than they show.
ImVec2 displaySize(std::string_view text, const ImFont* font, float size);
// The same as a NUL-terminated string, for ImGui calls that take one (valid until the next call).
const char* displayCString(std::string_view text);

// Text wrapped at the current wrap position (ImGui::PushTextWrapPos), as ImGui::TextUnformatted
// draws it, for a dataset's text: a text that needs shaping is broken into lines first (in logical
// order, at spaces, as the browser breaks a paragraph) and each line is drawn as one run; the lines
// of a right-to-left paragraph are aligned to the right. One item (a group) for IsItemHovered.
void wrappedText(std::string_view text);
// Whether a text's first strong character is right-to-left (its paragraph direction).
bool startsRightToLeft(std::string_view text);

// Every character of the texts the UI can show from `dataset` (names, aliases, titles,
// descriptions, facts, labels of terms, sources), for the atlas (FontAtlas::wantCharacters).
std::u32string datasetCharacters(const Dataset& dataset);

// UTF-8 helpers shared with fonts.cpp (invalid sequences are skipped one byte at a time).
template <typename F>
void forEachCodepoint(std::string_view text, F&& f);
void utf8Append(std::string& out, char32_t c);
char32_t decodeOne(std::string_view text, std::size_t& pos); // 0 when invalid (pos still advances)

template <typename F>
void forEachCodepoint(std::string_view text, F&& f) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = decodeOne(text, pos);
        if (c) f(c);
    }
}

} // namespace explorer::ui
