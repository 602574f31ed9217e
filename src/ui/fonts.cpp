// The font atlas of fonts.hpp: ImGui fonts filled from a GlyphSource, packed by ourselves.
//
// [SECTION] shelf packer
// [SECTION] atlas state
// [SECTION] glyphs in ImGui's fonts
// [SECTION] rasterising and placing
// [SECTION] runs
// [SECTION] building the fonts
#include "ui/fonts.hpp"

#include "core/sorting.hpp"
#include "ui/text_runs.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>
#include <utility>

namespace explorer::ui {

//-----------------------------------------------------------------------------------------------
// [SECTION] shelf packer
//-----------------------------------------------------------------------------------------------

ShelfPacker::ShelfPacker(int width, int height, int maxHeight)
    : width_(std::max(width, 1)), height_(std::max(height, 1)), maxHeight_(std::max(maxHeight, std::max(height, 1))) {}

bool ShelfPacker::find(int width, int height, bool mayGrow, int& shelf, std::size_t& span) const {
    if (width <= 0 || height <= 0 || width > width_ || height > maxHeight_) return false;
    // The shelf that wastes the least height among those tall enough and not much taller (a
    // shelf of CJK glyphs must not fill up with commas).
    shelf = -1;
    for (std::size_t i = 0; i < shelves_.size(); ++i) {
        const Shelf& candidate = shelves_[i];
        if (candidate.height < height || candidate.height > height + height / 3 + 2) continue;
        if (shelf >= 0 && candidate.height >= shelves_[static_cast<std::size_t>(shelf)].height) continue;
        for (std::size_t k = 0; k < candidate.free.size(); ++k) {
            if (candidate.free[k].width >= width) {
                shelf = static_cast<int>(i);
                span = k;
                break;
            }
        }
    }
    if (shelf >= 0) return true;
    return top_ + height <= (mayGrow ? maxHeight_ : height_);
}

bool ShelfPacker::fits(int width, int height, bool mayGrow) const {
    int shelf = -1;
    std::size_t span = 0;
    return find(width, height, mayGrow, shelf, span);
}

bool ShelfPacker::allocate(int width, int height, Rect& out, bool mayGrow) {
    int found = -1;
    std::size_t spanIndex = 0;
    if (!find(width, height, mayGrow, found, spanIndex)) return false;
    if (found < 0) {
        while (top_ + height > height_) height_ = std::min(height_ * 2, maxHeight_);
        shelves_.push_back(Shelf{top_, height, {Span{0, width_}}});
        top_ += height;
        found = static_cast<int>(shelves_.size()) - 1;
        spanIndex = 0;
    }
    Shelf& shelf = shelves_[static_cast<std::size_t>(found)];
    Span& span = shelf.free[spanIndex];
    out = Rect{span.x, shelf.y, width, height};
    span.x += width;
    span.width -= width;
    if (span.width == 0) shelf.free.erase(shelf.free.begin() + static_cast<std::ptrdiff_t>(spanIndex));
    return true;
}

void ShelfPacker::release(const Rect& rect) {
    for (Shelf& shelf : shelves_) {
        if (shelf.y != rect.y) continue;
        auto at = std::lower_bound(shelf.free.begin(), shelf.free.end(), rect.x,
                                   [](const Span& s, int x) { return s.x < x; });
        at = shelf.free.insert(at, Span{rect.x, rect.width});
        // Merge with the neighbours.
        if (at + 1 != shelf.free.end() && at->x + at->width == (at + 1)->x) {
            at->width += (at + 1)->width;
            shelf.free.erase(at + 1);
        }
        if (at != shelf.free.begin() && (at - 1)->x + (at - 1)->width == at->x) {
            (at - 1)->width += at->width;
            shelf.free.erase(at);
        }
        return;
    }
}

void AtlasChange::add(int begin, int end) {
    if (end <= begin) return;
    // Merged with the bands it touches (or nearly: a row apart costs less than another call).
    auto at = std::lower_bound(rows.begin(), rows.end(), begin, [](const Rows& r, int b) { return r.end + 1 < b; });
    Rows merged{begin, end};
    auto last = at;
    while (last != rows.end() && last->begin <= end + 1) {
        merged.begin = std::min(merged.begin, last->begin);
        merged.end = std::max(merged.end, last->end);
        ++last;
    }
    at = rows.erase(at, last);
    rows.insert(at, merged);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] atlas state
//-----------------------------------------------------------------------------------------------

namespace {

constexpr int kAtlasWidth = 1024;
constexpr int kAtlasStartHeight = 512;
// WebGL 2 guarantees 2048; the renderer raises it to what the GPU takes (setMaxTextureSize).
constexpr int kDefaultMaxTexture = 2048;
constexpr int kSlots = 4; // body, bold, heading, small
// Pre-shaped runs live at codepoints of the BMP's private use area (text_runs.hpp).
constexpr char32_t kRunFirst = 0xE000;
constexpr char32_t kRunLast = 0xF8FF;
constexpr std::size_t kRunCodepoints = kRunLast - kRunFirst + 1;
// Runs rasterised inside a frame, on first use, before the time below is spent; the rest wait for
// the next pump (a dataset of 10k Arabic names must not freeze the page).
constexpr double kSyncBudgetMs = 4.0;
constexpr std::size_t kBatch = 128;
// A run wider than this (device px) is cut: a paragraph is not a label.
constexpr float kMaxRunWidth = 2000.0f;

// What the UI's own strings need (strings.cpp and the views: French and English, arrows, the
// minus sign, the multiplication sign of close buttons), plus U+FFFD for ImGui's fallback.
constexpr char32_t kBaseRanges[][2] = {
    {0x0020, 0x007E}, {0x00A0, 0x017F}, {0x2010, 0x2027}, {0x2030, 0x203A}, {0x20AC, 0x20AC},
    {0x2190, 0x2193}, {0x2212, 0x2212}, {0x25B2, 0x25B2}, {0x25BC, 0x25BC}, {0xFFFD, 0xFFFD},
};

double nowMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

FontAtlas*& currentAtlas() {
    static FontAtlas* atlas = nullptr;
    return atlas;
}

std::unique_ptr<FontAtlas>& ownedAtlas() {
    static std::unique_ptr<FontAtlas> owned;
    return owned;
}

} // namespace

struct FontAtlas::State {
    struct Slot {
        ImFont* font = nullptr;
        Face face = Face::Regular;
        float lineHeight = 0;
        float baseline = 0; // rounded ascent: glyph Y0 = baseline + image.top
        std::vector<int> freeGlyphs; // indices of glyphs of evicted runs, reused
    };
    struct RunSlot {
        bool ready = false, queued = false;
        int glyph = -1;
        ShelfPacker::Rect rect{};
    };
    // A text drawn as one picture. It gets a private-use codepoint only while it has glyphs:
    // texts that are measured but never drawn (labels the network weighs and does not place) cost
    // a width, not a codepoint or texels. Entries are never erased while the atlas lives (jobs
    // point at them); a dropped run keeps its widths.
    struct Run {
        std::string text;
        std::string display; // the private-use character, UTF-8 (empty while it has none)
        char32_t codepoint = 0;
        std::uint64_t lastUsed = 0;
        RunSlot slot[kSlots];
        float width[kSlots] = {-1, -1, -1, -1}; // measured by the source, device px
        bool measuring[kSlots] = {false, false, false, false};
    };
    struct Job {
        int slot = 0;
        char32_t codepoint = 0; // a character (run == null)
        Run* run = nullptr;
        bool measure = false;   // the run's width only
    };

    ImFontAtlas* imgui = nullptr;
    GlyphSource* source = nullptr;
    ShelfPacker packer{kAtlasWidth, kAtlasStartHeight, kDefaultMaxTexture};
    std::vector<std::uint8_t> pixels;
    AtlasChange change;
    Fonts fonts;
    Slot slots[kSlots];
    std::deque<Job> queue;
    std::vector<std::uint64_t> queuedChars[kSlots]; // bit sets over the BMP + a set for the rest
    std::unordered_map<char32_t, bool> checked;     // character → missing (regular face, body size)
    std::vector<char32_t> wanted;                   // sorted, unique
    std::unordered_map<std::string, Run, TextHash, std::equal_to<>> runs;
    std::vector<char32_t> freeCodepoints; // private-use codepoints without a run, last = next
    std::size_t runsWithCodepoint = 0;
    std::uint64_t frame = 1;
    std::uint64_t generation = 0;
    std::uint64_t serial = 0;
    double syncSpentMs = 0;
    std::size_t rasterised = 0, evicted = 0;
    double rasteriseMs = 0;
    bool atlasFull = false;

    bool queued(int slot, char32_t c) const {
        const auto& bits = queuedChars[slot];
        const std::size_t word = c / 64;
        return word < bits.size() && (bits[word] >> (c % 64) & 1u);
    }
    void markQueued(int slot, char32_t c) {
        auto& bits = queuedChars[slot];
        const std::size_t word = c / 64;
        if (word >= bits.size()) bits.resize(word + 1, 0);
        bits[word] |= std::uint64_t{1} << (c % 64);
    }
};

FontAtlas* fontAtlas() {
    FontAtlas* atlas = currentAtlas();
    // The atlas belongs to one ImGui context's io.Fonts: another context (a test's next one) has
    // other fonts.
    if (!atlas || !ImGui::GetCurrentContext() || ImGui::GetIO().Fonts != atlas->imguiAtlas()) return nullptr;
    return atlas;
}

FontAtlas::FontAtlas(State* state) : s_(state) {}
FontAtlas::~FontAtlas() {
    if (currentAtlas() == this) currentAtlas() = nullptr;
    delete s_;
}

const std::uint8_t* FontAtlas::pixels() const { return s_->pixels.data(); }
int FontAtlas::width() const { return s_->packer.width(); }
int FontAtlas::height() const { return s_->packer.height(); }
AtlasChange FontAtlas::takeChange() { return std::exchange(s_->change, AtlasChange{}); }
bool FontAtlas::busy() const { return !s_->queue.empty(); }
std::uint64_t FontAtlas::generation() const { return s_->generation; }
std::uint64_t FontAtlas::serial() const { return s_->serial; }
const Fonts& FontAtlas::fonts() const { return s_->fonts; }
ImFontAtlas* FontAtlas::imguiAtlas() const { return s_->imgui; }

void FontAtlas::setMaxTextureSize(int size) {
    // Past 8192 rows an alpha texture is 8 MB per 1024 columns: enough for any dataset's labels.
    s_->packer.setMaxHeight(std::clamp(size, kDefaultMaxTexture, 8192));
}

std::size_t FontAtlas::missingCharacters() const { return missingList().size(); }

std::u32string FontAtlas::missingList() const {
    std::u32string list;
    for (const char32_t c : s_->wanted) {
        const auto it = s_->checked.find(c);
        if (it != s_->checked.end() && it->second) list.push_back(c);
    }
    return list;
}

AtlasStats FontAtlas::stats() const {
    AtlasStats stats;
    for (const State::Slot& slot : s_->slots) {
        if (slot.font) stats.glyphs += static_cast<std::size_t>(slot.font->Glyphs.Size) - slot.freeGlyphs.size();
    }
    stats.runs = s_->runsWithCodepoint;
    stats.queued = s_->queue.size();
    stats.rasterised = s_->rasterised;
    stats.evictedRuns = s_->evicted;
    stats.rasteriseMs = s_->rasteriseMs;
    stats.width = width();
    stats.height = height();
    return stats;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] glyphs in ImGui's fonts
//-----------------------------------------------------------------------------------------------

namespace {

// Sets glyph `c` of `font` without ImFont::BuildLookupTable (a full pass over 64k codepoints per
// font; runs are added one by one inside frames). `index` < 0 appends a glyph.
int putGlyph(ImFont* font, int index, char32_t c, const ImFontGlyph& glyph) {
    if (index < 0) {
        font->Glyphs.push_back(glyph);
        index = font->Glyphs.Size - 1;
        // push_back may have moved the glyphs: FallbackGlyph points into them.
        if (font->IndexLookup.Size > 0) font->FallbackGlyph = font->FindGlyphNoFallback(font->FallbackChar);
    } else {
        font->Glyphs[index] = glyph;
    }
    font->Glyphs[index].Codepoint = static_cast<unsigned>(c) & 0x3FFFFFFFu;
    if (font->IndexLookup.Size > 0) { // after the first BuildLookupTable
        const int old = font->IndexLookup.Size;
        if (static_cast<int>(c) >= old) {
            font->IndexAdvanceX.resize(static_cast<int>(c) + 1, font->FallbackAdvanceX);
            font->IndexLookup.resize(static_cast<int>(c) + 1, static_cast<ImWchar>(-1));
        }
        font->IndexLookup[static_cast<int>(c)] = static_cast<ImWchar>(index);
        font->IndexAdvanceX[static_cast<int>(c)] = glyph.AdvanceX;
        const unsigned page = static_cast<unsigned>(c) / 4096;
        font->Used4kPagesMap[page >> 3] |= static_cast<ImU8>(1u << (page & 7));
    }
    return index;
}

void dropGlyph(ImFont* font, int index, char32_t c) {
    if (index < 0 || index >= font->Glyphs.Size) return;
    font->Glyphs[index].Visible = 0;
    font->Glyphs[index].Codepoint = 0xFFFF; // a noncharacter: no text asks for it
    if (static_cast<int>(c) < font->IndexLookup.Size) {
        font->IndexLookup[static_cast<int>(c)] = static_cast<ImWchar>(-1);
        font->IndexAdvanceX[static_cast<int>(c)] = font->FallbackAdvanceX;
    }
}

} // namespace

//-----------------------------------------------------------------------------------------------
// [SECTION] rasterising and placing
//-----------------------------------------------------------------------------------------------

namespace {

// Puts `image` in the texture and makes it glyph `c` of slot `slot` (reusing `glyphIndex` when
// >= 0). False when the texture has no room (allowGrow: it may grow to its ceiling).
bool placeImage(FontAtlas::State& s, int slotIndex, char32_t c, const GlyphImage& image, bool allowGrow, int& glyphIndex,
                ShelfPacker::Rect& rect) {
    FontAtlas::State::Slot& slot = s.slots[slotIndex];
    ImFontGlyph glyph{};
    // As the source measured it: the browser's source rounds to whole device pixels (glyphs then
    // sit on the pixel grid it drew them on); stb's is exact, as ImGui's own build was.
    glyph.AdvanceX = std::max(image.advance, 0.0f);
    rect = ShelfPacker::Rect{};
    const bool visible = image.width > 0 && image.height > 0 &&
                         image.alpha.size() >= static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    if (visible) {
        const int oldHeight = s.packer.height();
        // One empty column and row after each glyph: bilinear sampling must not reach the next.
        if (!s.packer.allocate(image.width + 1, image.height + 1, rect, allowGrow)) return false;
        const int width = s.packer.width();
        if (s.packer.height() != oldHeight) {
            s.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(s.packer.height()), 0);
            // Every glyph's V and the white texel move with the texture's height.
            const float ratio = static_cast<float>(oldHeight) / static_cast<float>(s.packer.height());
            for (const FontAtlas::State::Slot& other : s.slots) {
                if (!other.font) continue;
                for (ImFontGlyph& g : other.font->Glyphs) {
                    g.V0 *= ratio;
                    g.V1 *= ratio;
                }
            }
            s.imgui->TexUvWhitePixel.y *= ratio;
            s.imgui->TexHeight = s.packer.height();
            s.imgui->TexUvScale = ImVec2(1.0f / static_cast<float>(width), 1.0f / static_cast<float>(s.packer.height()));
            s.change.whole = true;
        }
        for (int row = 0; row < image.height; ++row) {
            std::memcpy(&s.pixels[static_cast<std::size_t>(rect.y + row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(rect.x)],
                        &image.alpha[static_cast<std::size_t>(row) * static_cast<std::size_t>(image.width)],
                        static_cast<std::size_t>(image.width));
        }
        if (!s.change.whole) s.change.add(rect.y, rect.y + image.height);
        const float w = static_cast<float>(width), h = static_cast<float>(s.packer.height());
        glyph.X0 = std::round(image.left);
        glyph.Y0 = slot.baseline + std::round(image.top);
        glyph.X1 = glyph.X0 + static_cast<float>(image.width);
        glyph.Y1 = glyph.Y0 + static_cast<float>(image.height);
        glyph.U0 = static_cast<float>(rect.x) / w;
        glyph.V0 = static_cast<float>(rect.y) / h;
        glyph.U1 = static_cast<float>(rect.x + image.width) / w;
        glyph.V1 = static_cast<float>(rect.y + image.height) / h;
        glyph.Visible = 1;
    }
    glyphIndex = putGlyph(slot.font, glyphIndex, c, glyph);
    ++s.generation;
    return true;
}

GlyphJob sourceJob(const FontAtlas::State& s, const FontAtlas::State::Job& job) {
    GlyphJob out;
    out.face = s.slots[job.slot].face;
    out.lineHeight = s.slots[job.slot].lineHeight;
    if (job.run) out.run = job.run->text;
    else out.codepoint = job.codepoint;
    out.measureOnly = job.measure;
    return out;
}

// Drops the glyphs of runs not drawn in this frame, least recently used first: at least `atLeast`
// of them, then until `enough` says stop. Their texels and codepoints are reused; a run drawn this
// frame is never touched (its texels are in this frame's vertices), nor one a queued job waits for.
bool evictRuns(FontAtlas::State& s, std::size_t atLeast, const std::function<bool()>& enough) {
    std::vector<FontAtlas::State::Run*> old;
    for (auto& [text, run] : s.runs) {
        if (run.codepoint == 0 || run.lastUsed >= s.frame) continue;
        bool queued = false;
        for (int k = 0; k < kSlots; ++k) queued = queued || run.slot[k].queued;
        if (!queued) old.push_back(&run);
    }
    sortBy(old, [](const auto* a, const auto* b) { return a->lastUsed < b->lastUsed; });
    std::size_t dropped = 0;
    for (FontAtlas::State::Run* run : old) {
        if (dropped >= atLeast && enough()) break;
        for (int k = 0; k < kSlots; ++k) {
            FontAtlas::State::RunSlot& rs = run->slot[k];
            if (rs.glyph >= 0) {
                dropGlyph(s.slots[k].font, rs.glyph, run->codepoint);
                s.slots[k].freeGlyphs.push_back(rs.glyph);
            }
            if (rs.rect.width > 0) s.packer.release(rs.rect);
            rs = FontAtlas::State::RunSlot{};
        }
        s.freeCodepoints.push_back(run->codepoint);
        run->codepoint = 0;
        run->display.clear();
        --s.runsWithCodepoint;
        ++s.generation;
        ++s.evicted;
        ++dropped;
    }
    return dropped > 0;
}

// Gives a run its private-use codepoint (the first time one of its glyphs is placed).
bool giveCodepoint(FontAtlas::State& s, FontAtlas::State::Run& run) {
    if (run.codepoint) return true;
    // Codepoints run out with 6,400 runs drawn: the oldest eighth goes at once rather than one by
    // one (each eviction sorts the runs).
    if (s.freeCodepoints.empty()) evictRuns(s, kRunCodepoints / 8, [] { return true; });
    if (s.freeCodepoints.empty()) return false;
    run.codepoint = s.freeCodepoints.back();
    s.freeCodepoints.pop_back();
    utf8Append(run.display, run.codepoint);
    ++s.runsWithCodepoint;
    return true;
}

// Places a rasterised job. False only when the texture is full even after evicting old runs.
bool placeJob(FontAtlas::State& s, const FontAtlas::State::Job& job, GlyphImage& image, bool allowGrow) {
    if (!job.run) {
        if (job.slot == 0) s.checked[job.codepoint] = image.missing;
        // Characters beyond the BMP are only checked: ImGui (16-bit ImWchar) draws them in runs.
        if (job.codepoint > 0xFFFF || job.codepoint == 0) return true;
        int index = -1;
        ShelfPacker::Rect rect;
        if (placeImage(s, job.slot, job.codepoint, image, allowGrow, index, rect)) return true;
        if (evictRuns(s, 1, [&] { return s.packer.fits(image.width + 1, image.height + 1, false); }) &&
            placeImage(s, job.slot, job.codepoint, image, allowGrow, index, rect))
            return true;
        s.atlasFull = true;
        return false;
    }
    if (job.measure) {
        job.run->width[job.slot] = std::max(image.advance, 0.0f);
        ++s.generation;
        return true;
    }
    FontAtlas::State::RunSlot& rs = job.run->slot[job.slot];
    job.run->width[job.slot] = std::max(image.advance, 0.0f);
    if (!giveCodepoint(s, *job.run)) return false;
    // A paragraph-long run is cut to what a texture row holds.
    if (image.width > static_cast<int>(kMaxRunWidth)) {
        GlyphImage cut;
        cut.width = static_cast<int>(kMaxRunWidth);
        cut.height = image.height;
        cut.left = image.left;
        cut.top = image.top;
        cut.advance = kMaxRunWidth;
        cut.alpha.resize(static_cast<std::size_t>(cut.width) * static_cast<std::size_t>(cut.height));
        for (int row = 0; row < image.height; ++row)
            std::memcpy(&cut.alpha[static_cast<std::size_t>(row * cut.width)], &image.alpha[static_cast<std::size_t>(row * image.width)],
                        static_cast<std::size_t>(cut.width));
        image = std::move(cut);
    }
    int index = rs.glyph;
    if (index < 0 && !s.slots[job.slot].freeGlyphs.empty()) {
        index = s.slots[job.slot].freeGlyphs.back();
        s.slots[job.slot].freeGlyphs.pop_back();
    }
    bool placed = placeImage(s, job.slot, job.run->codepoint, image, allowGrow, index, rs.rect);
    if (!placed) {
        evictRuns(s, 1, [&] { return s.packer.fits(image.width + 1, image.height + 1, allowGrow); });
        placed = placeImage(s, job.slot, job.run->codepoint, image, allowGrow, index, rs.rect);
    }
    if (!placed) {
        if (index >= 0 && rs.glyph < 0) s.slots[job.slot].freeGlyphs.push_back(index);
        return false;
    }
    rs.glyph = index;
    rs.ready = true;
    return true;
}

} // namespace

bool FontAtlas::pump(double budgetMs) {
    State& s = *s_;
    ++s.frame;
    s.syncSpentMs = 0;
    if (s.queue.empty()) return false;
    const double start = nowMs();
    std::vector<GlyphJob> jobs;
    std::vector<GlyphImage> images;
    std::vector<State::Job> taken;
    bool changed = false;
    while (!s.queue.empty()) {
        taken.clear();
        jobs.clear();
        while (!s.queue.empty() && taken.size() < kBatch) {
            taken.push_back(s.queue.front());
            s.queue.pop_front();
            jobs.push_back(sourceJob(s, taken.back()));
        }
        images.clear();
        const double before = nowMs();
        s.source->rasterise(jobs, images);
        s.rasteriseMs += nowMs() - before;
        s.rasterised += jobs.size();
        images.resize(jobs.size());
        for (std::size_t i = 0; i < taken.size(); ++i) {
            const State::Job& job = taken[i];
            placeJob(s, job, images[i], true);
            if (job.run && job.measure) job.run->measuring[job.slot] = false;
            else if (job.run) job.run->slot[job.slot].queued = false;
            changed = true;
        }
        if (nowMs() - start >= budgetMs) break;
    }
    return changed;
}

void FontAtlas::wantCharacters(std::u32string_view characters) {
    State& s = *s_;
    std::vector<char32_t> added;
    for (const char32_t c : characters) {
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c > 0x10FFFF) continue;
        // Every new run asks for its characters: most are known already (no allocation then).
        if (std::binary_search(s.wanted.begin(), s.wanted.end(), c)) continue;
        added.push_back(c);
    }
    if (added.empty()) return;
    sortBy(added);
    added.erase(std::unique(added.begin(), added.end()), added.end());
    std::vector<char32_t> merged;
    std::set_union(s.wanted.begin(), s.wanted.end(), added.begin(), added.end(), std::back_inserter(merged));
    s.wanted.swap(merged);
    for (const char32_t c : added) {
        // Characters that are only ever drawn inside runs need no glyph of their own but in the
        // body font: it checks that the browser has them, and shows them while their run waits.
        const int slots = characterNeedsShaping(c) ? 1 : kSlots;
        for (int k = 0; k < slots; ++k) {
            if (s.queued(k, c) || (c <= 0xFFFF && s.slots[k].font->FindGlyphNoFallback(static_cast<ImWchar>(c)))) continue;
            s.markQueued(k, c);
            s.queue.push_back(State::Job{k, c, nullptr});
        }
    }
}

//-----------------------------------------------------------------------------------------------
// [SECTION] runs
//-----------------------------------------------------------------------------------------------

namespace {

FontAtlas::State::Run& runFor(FontAtlas& atlas, FontAtlas::State& s, std::string_view text) {
    using State = FontAtlas::State;
    auto found = s.runs.find(text);
    if (found != s.runs.end()) return found->second;
    found = s.runs.emplace(std::string(text), State::Run{}).first;
    State::Run& run = found->second;
    run.text = found->first;
    // Its characters, for missingGlyphs and for the frames before the run is ready.
    std::u32string characters;
    forEachCodepoint(text, [&](char32_t c) { characters.push_back(c); });
    atlas.wantCharacters(characters);
    return run;
}

} // namespace

float FontAtlas::width(std::string_view text, const ImFont* font) {
    State& s = *s_;
    int slot = -1;
    for (int k = 0; k < kSlots; ++k) {
        if (s.slots[k].font == font) slot = k;
    }
    const auto plain = [&] { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x; };
    if (slot < 0 || !needsShaping(text)) return plain();
    State::Run& run = runFor(*this, s, text);
    if (run.width[slot] >= 0.0f) return run.width[slot];
    // Measured by the next pump (the browser's measureText: no pixels); meanwhile the unshaped width.
    if (!run.measuring[slot] && !run.slot[slot].queued) {
        run.measuring[slot] = true;
        s.queue.push_back(State::Job{slot, 0, &run, true});
    }
    return plain();
}

std::string_view FontAtlas::display(std::string_view text, const ImFont* font) {
    State& s = *s_;
    bool ascii = true;
    for (const char ch : text) {
        if (static_cast<unsigned char>(ch) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) return text;
    int slot = -1;
    for (int k = 0; k < kSlots; ++k) {
        if (s.slots[k].font == font) slot = k;
    }
    if (slot < 0) return text;
    if (!needsShaping(text)) {
        // A character nobody asked for (typed, or from a string outside the dataset): in the atlas
        // by the next frame.
        std::u32string unseen;
        forEachCodepoint(text, [&](char32_t c) {
            if (c <= 0xFFFF && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)) && !s.queued(slot, c)) unseen.push_back(c);
        });
        if (!unseen.empty()) wantCharacters(unseen);
        return text;
    }
    State::Run& run = runFor(*this, s, text);
    run.lastUsed = s.frame;
    State::RunSlot& rs = run.slot[slot];
    if (rs.ready) return run.display;
    if (rs.queued) return text;
    // First use: rasterised now while this frame's budget lasts, without growing the texture
    // (the vertices drawn so far hold UVs of its current height); otherwise by the next pump.
    if (s.syncSpentMs < kSyncBudgetMs) {
        const double before = nowMs();
        std::vector<GlyphJob> jobs{sourceJob(s, State::Job{slot, 0, &run})};
        std::vector<GlyphImage> images;
        s.source->rasterise(jobs, images);
        const double spent = nowMs() - before;
        s.syncSpentMs += spent;
        s.rasteriseMs += spent;
        ++s.rasterised;
        images.resize(1);
        if (placeJob(s, State::Job{slot, 0, &run}, images[0], false)) return run.display;
    }
    rs.queued = true;
    s.queue.push_front(State::Job{slot, 0, &run});
    return text;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] building the fonts
//-----------------------------------------------------------------------------------------------

namespace {

ImFont* newFont(FontAtlas::State& s, int slotIndex, Face face, float lineHeight) {
    FontAtlas::State::Slot& slot = s.slots[slotIndex];
    const FaceMetrics metrics = s.source->metrics(face, lineHeight);
    ImFont* font = IM_NEW(ImFont);
    font->FontSize = lineHeight;
    font->ContainerAtlas = s.imgui;
    font->ConfigData = nullptr; // no ImFontConfig: ImGui only reads it in debug tools (disabled)
    font->ConfigDataCount = 0;
    font->Ascent = std::round(metrics.ascent);
    font->Descent = -std::round(metrics.descent);
    font->Glyphs.reserve(512);
    s.imgui->Fonts.push_back(font);
    slot.font = font;
    slot.face = face;
    slot.lineHeight = lineHeight;
    slot.baseline = std::round(metrics.ascent);
    return font;
}

} // namespace

Fonts buildFonts(float pixelRatio) { return buildFonts(pixelRatio, 1.0f); }

Fonts buildFonts(float pixelRatio, float textScale, GlyphSource* source) {
    const float scale = textScale >= 1.0f && textScale <= 3.0f ? textScale : 1.0f;
    const float ratio = std::isfinite(pixelRatio) && pixelRatio > 0.0f ? pixelRatio : 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    static std::uint64_t serials = 0;
    int maxTexture = kDefaultMaxTexture;
    if (FontAtlas* previous = fontAtlas()) maxTexture = previous->s_->packer.maxHeight();
    ownedAtlas().reset();
    io.Fonts->Clear();

    auto* state = new FontAtlas::State();
    FontAtlas::State& s = *state;
    s.imgui = io.Fonts;
    s.serial = ++serials;
    s.source = source ? source : &platformGlyphSource();
    s.packer.setMaxHeight(maxTexture);
    s.pixels.assign(static_cast<std::size_t>(s.packer.width()) * static_cast<std::size_t>(s.packer.height()), 0);
    for (char32_t c = kRunLast + 1; c-- > kRunFirst;) s.freeCodepoints.push_back(c);
    ownedAtlas().reset(new FontAtlas(state));
    currentAtlas() = ownedAtlas().get();

    // ImGui's own atlas describes ours; ImFontAtlas::Build is never called.
    ImFontAtlas& atlas = *io.Fonts;
    atlas.Flags |= ImFontAtlasFlags_NoBakedLines | ImFontAtlasFlags_NoMouseCursors;
    atlas.TexWidth = s.packer.width();
    atlas.TexHeight = s.packer.height();
    atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(atlas.TexWidth), 1.0f / static_cast<float>(atlas.TexHeight));
    // A white block for ImGui's shapes: its centre texel is sampled, its border absorbs filtering.
    ShelfPacker::Rect white;
    s.packer.allocate(4, 4, white);
    for (int y = 0; y < 3; ++y)
        std::memset(&s.pixels[static_cast<std::size_t>(white.y + y) * static_cast<std::size_t>(s.packer.width()) + static_cast<std::size_t>(white.x)], 0xFF, 3);
    atlas.TexUvWhitePixel = ImVec2((static_cast<float>(white.x) + 1.5f) * atlas.TexUvScale.x,
                                   (static_cast<float>(white.y) + 1.5f) * atlas.TexUvScale.y);
    s.change.whole = true;

    Fonts& fonts = s.fonts;
    fonts.body = newFont(s, 0, Face::Regular, kBodySize * scale * ratio);
    fonts.bold = newFont(s, 1, Face::Bold, kBodySize * scale * ratio);
    fonts.heading = newFont(s, 2, Face::Bold, kHeadingSize * scale * ratio);
    fonts.small = newFont(s, 3, Face::Regular, kSmallSize * scale * ratio);

    // The base set, at once (the first frame shows it), then ImGui's lookup tables.
    std::u32string base;
    for (const auto& range : kBaseRanges) {
        for (char32_t c = range[0]; c <= range[1]; ++c) base.push_back(c);
    }
    FontAtlas& result = *ownedAtlas();
    result.wantCharacters(base);
    result.pump(1e9);
    for (const FontAtlas::State::Slot& slot : s.slots) {
        if (slot.font->Glyphs.empty()) {
            // A source that drew nothing (no font at all): one blank glyph so ImGui can run.
            ImFontGlyph blank{};
            blank.AdvanceX = std::round(slot.lineHeight * 0.3f);
            putGlyph(slot.font, -1, ' ', blank);
        }
        slot.font->BuildLookupTable();
    }
    // The base set is not the dataset's: missingGlyphs counts only what wantCharacters is given.
    s.wanted.clear();
    atlas.TexReady = true;
    io.FontDefault = fonts.body;
    io.FontGlobalScale = 1.0f / ratio;
    return fonts;
}

} // namespace explorer::ui
