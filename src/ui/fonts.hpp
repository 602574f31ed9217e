// The explorer's fonts, drawn from the reader's own typefaces.
//
// No font travels in the page. ImGui's four fonts (body, bold, heading, small) are ImFont objects
// whose glyphs come from a GlyphSource: in the browser, the page's Canvas 2D in the page's font
// stack (src/web, web/host/glyphs.js); natively (tests, tools), stb_truetype on Debian's Noto
// fonts read at run time (native_glyphs.cpp). ImFontAtlas::Build() is never called, so neither
// stb_truetype nor a TTF is linked into the wasm: FontAtlas below packs the glyphs itself, into
// an alpha texture it owns and that grows while the reader's data asks for more characters.
//
// Two kinds of glyph:
//  - one per character (a base set at start, every character of a dataset when it loads, any
//    other the UI meets), for text that needs no shaping;
//  - one per *run*: a whole text that the browser must shape or lay out right to left (Arabic,
//    Hebrew, Indic scripts, Thai, combining marks…, text_runs.hpp), rasterised in one piece by
//    the browser and shown at a codepoint of the private use area. displayText() gives the
//    string to draw.
// The atlas changes only between frames (pump(), called by the platform before NewFrame), so the
// draw lists of a frame always match the texture the renderer holds.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace explorer::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
};

// Sizes in CSS pixels: the line height of each font. The atlas is rasterised at size × pixelRatio
// and drawn at 1/pixelRatio, so text stays sharp on HiDPI screens while layout keeps working in
// CSS pixels.
inline constexpr float kBodySize = 15.0f;
inline constexpr float kHeadingSize = 19.0f;
inline constexpr float kSmallSize = 13.0f;

// ---- Where glyphs come from

enum class Face : std::uint8_t { Regular, Bold };

// Vertical metrics of a face at a line height, in device pixels: ascent + descent = the line height.
struct FaceMetrics {
    float ascent = 0;
    float descent = 0;
};

// One glyph to rasterise: a character, or (run not empty) a whole text laid out and shaped as the
// browser does, as one picture.
struct GlyphJob {
    Face face = Face::Regular;
    float lineHeight = 0; // device pixels
    char32_t codepoint = 0;
    std::string run;
    bool measureOnly = false; // a run's advance only: no pixels
};

// A rasterised glyph. The bitmap's top-left corner is at (pen.x + left, baseline + top).
struct GlyphImage {
    int width = 0, height = 0;
    float left = 0, top = 0;
    float advance = 0;
    bool missing = false; // the source has no glyph for this character (it would draw a box)
    std::vector<std::uint8_t> alpha; // width × height coverage, rows top to bottom
};

class GlyphSource {
public:
    virtual ~GlyphSource() = default;
    virtual FaceMetrics metrics(Face face, float lineHeight) = 0;
    // One image per job, in order; as many jobs at once as possible (the browser reads the pixels
    // of a whole batch back in one go).
    virtual void rasterise(const std::vector<GlyphJob>& jobs, std::vector<GlyphImage>& out) = 0;
};

// The platform's source: the browser's fonts in the web build (src/web/web_glyphs.cpp), Debian's
// Noto fonts through stb_truetype in native builds (src/ui/native_glyphs.cpp).
GlyphSource& platformGlyphSource();

// ---- The atlas

// Places rectangles in a texture of fixed width whose height grows (doubling, up to a maximum):
// shelves of similar heights, each a list of free spans, so a freed rectangle (a run's glyph no
// longer shown) is reused.
class ShelfPacker {
public:
    struct Rect {
        int x = 0, y = 0, width = 0, height = 0;
    };
    ShelfPacker(int width, int height, int maxHeight);
    // A place for width × height, or false when the texture cannot hold it even at its maximum
    // height (or, !mayGrow, at its current height). May grow height().
    bool allocate(int width, int height, Rect& out, bool mayGrow = true);
    // Whether allocate would succeed, changing nothing.
    bool fits(int width, int height, bool mayGrow) const;
    void release(const Rect& rect);
    // Raises the ceiling (never below the current height).
    void setMaxHeight(int maxHeight) { maxHeight_ = std::max(maxHeight, height_); }
    int width() const { return width_; }
    int height() const { return height_; }
    int maxHeight() const { return maxHeight_; }
    // Rows used so far (the top of the free area).
    int usedHeight() const { return top_; }

private:
    struct Span {
        int x, width;
    };
    struct Shelf {
        int y, height;
        std::vector<Span> free; // sorted by x, merged
    };
    int width_, height_, maxHeight_;
    int top_ = 0;
    std::vector<Shelf> shelves_;
    // The shelf and span that would take width × height (-1: a new shelf), or false.
    bool find(int width, int height, bool mayGrow, int& shelf, std::size_t& span) const;
};

// What the renderer must send again: nothing, bands of rows, or the whole texture (it grew).
// Bands, not one span from the first row written to the last: glyphs land on shelves all over the
// texture, and one span would often be the whole of it, every frame (each upload of megabytes
// waits for the GPU to take the last one).
struct AtlasChange {
    struct Rows {
        int begin = 0, end = 0; // [begin, end)
    };
    bool whole = false;
    std::vector<Rows> rows; // sorted, disjoint, when !whole
    bool any() const { return whole || !rows.empty(); }
    void add(int begin, int end);
};

struct AtlasStats {
    std::size_t glyphs = 0;      // character glyphs in all fonts
    std::size_t runs = 0;        // runs cached (each with a glyph in one or more fonts)
    std::size_t queued = 0;      // jobs waiting for a later pump
    std::size_t rasterised = 0;  // jobs done since the atlas was built
    std::size_t evictedRuns = 0; // runs dropped to make room since the atlas was built
    double rasteriseMs = 0;      // time spent in the glyph source since the atlas was built
    int width = 0, height = 0;
};

class FontAtlas;

// The atlas of the current ImGui context (null before buildFonts, or once that context is gone).
FontAtlas* fontAtlas();

// (Re)builds the fonts of the current ImGui context for a device pixel ratio and a text scale
// (1 to 3; other values count as 1: ExplorerApp::textScale), with glyphs from `source` (the
// platform's when null): a new atlas (FontAtlas::serial), to be given the characters to show again
// (wantCharacters). Rasterises the base set at once. The renderer must upload the atlas texture afterwards.
Fonts buildFonts(float pixelRatio);
Fonts buildFonts(float pixelRatio, float textScale, GlyphSource* source = nullptr);

class FontAtlas {
public:
    ~FontAtlas();
    FontAtlas(const FontAtlas&) = delete;
    FontAtlas& operator=(const FontAtlas&) = delete;

    // The texture: one byte of coverage per texel, width() × height().
    const std::uint8_t* pixels() const;
    int width() const;
    int height() const;
    // What changed since the last call (the renderer uploads it).
    AtlasChange takeChange();

    // The largest texture the GPU takes (the renderer says; the default is WebGL 2's minimum).
    void setMaxTextureSize(int size);

    // Characters the UI will show (a dataset's names and texts): rasterised in every font by the
    // next pumps, and asked for again when the fonts are rebuilt.
    void wantCharacters(std::u32string_view characters);

    // Rasterises what is queued, for at most `budgetMs` (at least one batch when anything is
    // queued). True when the atlas changed (draw another frame). Between frames only.
    bool pump(double budgetMs);
    bool busy() const;

    // The string to draw for `text` in `font` (text_runs.hpp, displayText). Valid until the next
    // pump.
    std::string_view display(std::string_view text, const ImFont* font);

    // The width of `text` drawn in `font` (device px, at the font's size): as display() would draw
    // it, without drawing it (a shaped text is measured by the source, not rasterised; until then,
    // its unshaped width). For layouts that weigh many more texts than they show.
    float width(std::string_view text, const ImFont* font);

    // Characters given to wantCharacters that the glyph source cannot draw at all (checked in the
    // regular face, once each): missingGlyphs in the summary.
    std::size_t missingCharacters() const;
    std::u32string missingList() const;

    // Tells one atlas from the next (a rebuilt atlas may live at the same address).
    std::uint64_t serial() const;

    // Counts every change of a glyph (added, replaced, dropped): sizes measured before are stale.
    std::uint64_t generation() const;

    AtlasStats stats() const;
    const Fonts& fonts() const;
    ImFontAtlas* imguiAtlas() const;

    struct State;

private:
    friend Fonts buildFonts(float, float, GlyphSource*);
    explicit FontAtlas(State* state);
    State* s_;
};

} // namespace explorer::ui
