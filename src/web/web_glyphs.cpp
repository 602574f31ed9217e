// The web glyph source (ui/fonts.hpp, platformGlyphSource): the reader's own fonts, rasterised by
// the page (web/host/glyphs.js, Module.explorerGlyphs) with Canvas 2D at the device pixel ratio.
//
// One call per batch: the jobs go out as an Int32Array view of wasm memory (and the runs' UTF-8
// text where they lie), the page draws the whole batch into one canvas, reads its pixels once, and
// writes the results into a block it allocates with malloc, which is freed here:
// Each job is 5 int32: face (bit 0: bold; bit 1: measure only), line height × 64, codepoint, text
// pointer and length. The answer,
//   per job 6 int32: width, height, left × 64, top × 64, advance × 64, missing; then the pixels of
//   every job in order (width × height bytes each).
#include "core/font_stack.hpp"
#include "ui/fonts.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

EM_JS(int, explorer_js_glyphs_ready, (const char* stack), {
    var glyphs = Module["explorerGlyphs"];
    if (!glyphs) return 0;
    try { glyphs.start(UTF8ToString(stack)); } catch (e) { console.error(e); return 0; }
    return 1;
});

EM_JS(void, explorer_js_glyph_metrics, (int bold, float lineHeight, float* out), {
    var m;
    try { m = Module["explorerGlyphs"].metrics(bold !== 0, lineHeight); } catch (e) { m = { ascent: lineHeight * 0.8, descent: lineHeight * 0.2 }; }
    HEAPF32[out >> 2] = m.ascent;
    HEAPF32[(out >> 2) + 1] = m.descent;
});

EM_JS(int, explorer_js_rasterise, (const int* jobs, int count), {
    var list = [];
    for (var i = 0; i < count; i++) {
        var at = (jobs >> 2) + i * 5;
        var textPointer = HEAP32[at + 3], textLength = HEAP32[at + 4];
        list.push({
            bold: (HEAP32[at] & 1) !== 0,
            measure: (HEAP32[at] & 2) !== 0,
            lineHeight: HEAP32[at + 1] / 64,
            codepoint: HEAP32[at + 2],
            run: textLength > 0 ? UTF8ToString(textPointer, textLength) : null
        });
    }
    var images;
    // A failing page script must not take the frame down with it: no glyphs this time.
    try { images = Module["explorerGlyphs"].rasterise(list); } catch (e) { console.error(e); return 0; }
    var bytes = count * 24;
    for (var j = 0; j < count; j++) bytes += images[j].width * images[j].height;
    var block = _malloc(bytes);
    if (!block) return 0;
    // malloc may have grown the memory: take the views afresh.
    var header = new Int32Array(HEAPU8.buffer, block, count * 6);
    var offset = block + count * 24;
    for (var k = 0; k < count; k++) {
        var image = images[k];
        header[k * 6] = image.width;
        header[k * 6 + 1] = image.height;
        header[k * 6 + 2] = Math.round(image.left * 64);
        header[k * 6 + 3] = Math.round(image.top * 64);
        header[k * 6 + 4] = Math.round(image.advance * 64);
        header[k * 6 + 5] = image.missing ? 1 : 0;
        if (image.width * image.height > 0) HEAPU8.set(image.alpha, offset);
        offset += image.width * image.height;
    }
    return block;
});

namespace explorer::ui {
namespace {

class BrowserGlyphs final : public GlyphSource {
public:
    FaceMetrics metrics(Face face, float lineHeight) override {
        if (!ready()) return FaceMetrics{lineHeight * 0.8f, lineHeight * 0.2f};
        float out[2] = {0, 0};
        explorer_js_glyph_metrics(face == Face::Bold ? 1 : 0, lineHeight, out);
        return FaceMetrics{out[0], out[1]};
    }

    void rasterise(const std::vector<GlyphJob>& jobs, std::vector<GlyphImage>& out) override {
        out.assign(jobs.size(), GlyphImage{});
        if (jobs.empty() || !ready()) return;
        std::vector<std::int32_t> packed(jobs.size() * 5);
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            const GlyphJob& job = jobs[i];
            std::int32_t* at = &packed[i * 5];
            at[0] = (job.face == Face::Bold ? 1 : 0) | (job.measureOnly ? 2 : 0);
            at[1] = static_cast<std::int32_t>(job.lineHeight * 64.0f);
            at[2] = static_cast<std::int32_t>(job.codepoint);
            at[3] = static_cast<std::int32_t>(reinterpret_cast<std::intptr_t>(job.run.data()));
            at[4] = static_cast<std::int32_t>(job.run.size());
        }
        auto* block = reinterpret_cast<std::uint8_t*>(
            static_cast<std::intptr_t>(explorer_js_rasterise(packed.data(), static_cast<int>(jobs.size()))));
        if (!block) return;
        const std::uint8_t* pixels = block + jobs.size() * 24;
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            std::int32_t h[6];
            std::memcpy(h, block + i * 24, sizeof h);
            GlyphImage& image = out[i];
            image.width = std::max(0, h[0]);
            image.height = std::max(0, h[1]);
            image.left = static_cast<float>(h[2]) / 64.0f;
            image.top = static_cast<float>(h[3]) / 64.0f;
            image.advance = static_cast<float>(h[4]) / 64.0f;
            image.missing = h[5] != 0;
            const std::size_t size = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
            image.alpha.assign(pixels, pixels + size);
            pixels += size;
        }
        std::free(block);
    }

private:
    // The page's glyph script is there from the module's start (web/host/start.js); without it
    // (a page that forgot it) the widget still runs, with blank text.
    bool ready() {
        if (!checked_) {
            checked_ = true;
            const std::string stack(kFontStack);
            ready_ = explorer_js_glyphs_ready(stack.c_str()) != 0;
        }
        return ready_;
    }
    bool checked_ = false, ready_ = false;
};

} // namespace

GlyphSource& platformGlyphSource() {
    static BrowserGlyphs source;
    return source;
}

} // namespace explorer::ui
