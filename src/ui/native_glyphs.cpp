// The native glyph source (fonts.hpp, platformGlyphSource) of the tests and tools: Debian's Noto
// fonts read at run time with stb_truetype (scripts/setup.sh installs fonts-noto-core and
// fonts-noto-cjk). Not in the web build: the widget's glyphs come from the reader's browser, and
// the wasm holds neither a font nor a rasteriser.
//
// Runs are laid out glyph after glyph from left to right with the faces' advances: no shaping and
// no bidi (the browser does both in the widget; nothing native shows text to a reader), but the
// same picture sizes and the same code paths through the atlas.
#include "ui/fonts.hpp"
#include "ui/text_runs.hpp"

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include <imstb_truetype.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace explorer::ui {
namespace {

// First the face the UI is drawn in, then the Noto faces of the scripts it lacks.
constexpr const char* kRegularFiles[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};
constexpr const char* kBoldFiles[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
};

struct FaceFile {
    explicit FaceFile(std::string file) : path(std::move(file)) {}
    std::string path;
    bool tried = false;
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    bool ok = false;

    bool load() {
        if (tried) return ok;
        tried = true;
        std::ifstream in(path, std::ios::binary);
        if (!in) return false;
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (bytes.empty()) return false;
        const int offset = stbtt_GetFontOffsetForIndex(bytes.data(), 0);
        ok = offset >= 0 && stbtt_InitFont(&info, bytes.data(), offset) != 0;
        return ok;
    }
};

bool drawsNothing(char32_t c) {
    return c == 0x20 || c == 0xA0 || c == 0xAD || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
           (c >= 0x205F && c <= 0x206F) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F);
}

class NotoSource final : public GlyphSource {
public:
    NotoSource() {
        for (const char* path : kRegularFiles) faces_[0].push_back(std::make_unique<FaceFile>(path));
        for (const char* path : kBoldFiles) faces_[1].push_back(std::make_unique<FaceFile>(path));
    }

    FaceMetrics metrics(Face face, float lineHeight) override {
        FaceFile* primary = primaryOf(face);
        if (!primary) return FaceMetrics{lineHeight * 0.8f, lineHeight * 0.2f};
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&primary->info, &ascent, &descent, &gap);
        const float scale = stbtt_ScaleForPixelHeight(&primary->info, lineHeight);
        return FaceMetrics{static_cast<float>(ascent) * scale, static_cast<float>(-descent) * scale};
    }

    void rasterise(const std::vector<GlyphJob>& jobs, std::vector<GlyphImage>& out) override {
        out.clear();
        out.reserve(jobs.size());
        for (const GlyphJob& job : jobs) {
            out.push_back(job.run.empty() ? character(job.face, job.lineHeight, job.codepoint) : run(job));
        }
    }

private:
    FaceFile* primaryOf(Face face) {
        auto& list = faces_[face == Face::Bold ? 1 : 0];
        return !list.empty() && list.front()->load() ? list.front().get() : nullptr;
    }

    struct Found {
        FaceFile* face = nullptr;
        int glyph = 0;
        float scale = 0;
    };

    // The first face that has `c`, with the scale that gives it the primary face's em size.
    Found find(Face face, float lineHeight, char32_t c) {
        FaceFile* primary = primaryOf(face);
        if (!primary) return {};
        const float primaryScale = stbtt_ScaleForPixelHeight(&primary->info, lineHeight);
        const int unitsPerEm = [&] {
            const float s = stbtt_ScaleForMappingEmToPixels(&primary->info, 1.0f);
            return s > 0 ? static_cast<int>(std::lround(1.0f / s)) : 1000;
        }();
        const float emPixels = primaryScale * static_cast<float>(unitsPerEm);
        for (auto& file : faces_[face == Face::Bold ? 1 : 0]) {
            if (!file->load()) continue;
            const int glyph = stbtt_FindGlyphIndex(&file->info, static_cast<int>(c));
            if (glyph != 0) return {file.get(), glyph, stbtt_ScaleForMappingEmToPixels(&file->info, emPixels)};
        }
        return {primary, 0, primaryScale};
    }

    GlyphImage character(Face face, float lineHeight, char32_t c) {
        GlyphImage image;
        const Found found = find(face, lineHeight, c);
        if (!found.face) {
            image.missing = !drawsNothing(c);
            return image;
        }
        image.missing = found.glyph == 0 && !drawsNothing(c);
        if (found.glyph == 0 && drawsNothing(c)) return image;
        int advance = 0, bearing = 0;
        stbtt_GetGlyphHMetrics(&found.face->info, found.glyph, &advance, &bearing);
        image.advance = static_cast<float>(advance) * found.scale;
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetGlyphBitmapBox(&found.face->info, found.glyph, found.scale, found.scale, &x0, &y0, &x1, &y1);
        image.width = std::max(0, x1 - x0);
        image.height = std::max(0, y1 - y0);
        image.left = static_cast<float>(x0);
        image.top = static_cast<float>(y0);
        image.alpha.assign(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height), 0);
        if (image.width > 0 && image.height > 0)
            stbtt_MakeGlyphBitmap(&found.face->info, image.alpha.data(), image.width, image.height, image.width, found.scale,
                                  found.scale, found.glyph);
        return image;
    }

    GlyphImage run(const GlyphJob& job) {
        std::vector<GlyphImage> glyphs;
        std::vector<int> pens;
        float pen = 0;
        forEachCodepoint(job.run, [&](char32_t c) {
            glyphs.push_back(character(job.face, job.lineHeight, c));
            pens.push_back(static_cast<int>(std::lround(pen)));
            pen += glyphs.back().advance;
        });
        GlyphImage image;
        image.advance = pen;
        int minX = 0, minY = 0, maxX = 0, maxY = 0;
        bool any = false;
        for (std::size_t i = 0; i < glyphs.size(); ++i) {
            const GlyphImage& g = glyphs[i];
            if (g.width == 0 || g.height == 0) continue;
            const int x0 = pens[i] + static_cast<int>(g.left), y0 = static_cast<int>(g.top);
            if (!any) {
                minX = x0, minY = y0, maxX = x0 + g.width, maxY = y0 + g.height;
                any = true;
            }
            minX = std::min(minX, x0), minY = std::min(minY, y0);
            maxX = std::max(maxX, x0 + g.width), maxY = std::max(maxY, y0 + g.height);
        }
        if (!any) return image;
        image.left = static_cast<float>(minX);
        image.top = static_cast<float>(minY);
        image.width = maxX - minX;
        image.height = maxY - minY;
        image.alpha.assign(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height), 0);
        for (std::size_t i = 0; i < glyphs.size(); ++i) {
            const GlyphImage& g = glyphs[i];
            const int ox = pens[i] + static_cast<int>(g.left) - minX, oy = static_cast<int>(g.top) - minY;
            for (int y = 0; y < g.height; ++y)
                for (int x = 0; x < g.width; ++x) {
                    std::uint8_t& to = image.alpha[static_cast<std::size_t>((oy + y) * image.width + ox + x)];
                    to = std::max(to, g.alpha[static_cast<std::size_t>(y * g.width + x)]);
                }
        }
        return image;
    }

    std::vector<std::unique_ptr<FaceFile>> faces_[2];
};

} // namespace

GlyphSource& platformGlyphSource() {
    static NotoSource source;
    return source;
}

} // namespace explorer::ui
