// The font atlas (src/ui/fonts.hpp) and the runs of shaped text (src/ui/text_runs.hpp), on the
// native glyph source: Debian's Noto fonts through stb_truetype (src/ui/native_glyphs.cpp).
#include "core/csv_import.hpp"
#include "ui/explorer_app.hpp"
#include "ui/fonts.hpp"
#include "ui/text_runs.hpp"

#include "support/headless_imgui.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <set>
#include <string>

namespace {

using namespace explorer;
using namespace explorer::ui;

// ---- packer

TEST(ShelfPacker, RectanglesNeverOverlapAndStayInsideTheTexture) {
    ShelfPacker packer(256, 64, 1024);
    std::vector<ShelfPacker::Rect> placed;
    for (int i = 0; i < 300; ++i) {
        ShelfPacker::Rect r;
        const int w = 5 + (i * 7) % 23, h = 8 + (i * 5) % 17;
        ASSERT_TRUE(packer.allocate(w, h, r)) << i;
        EXPECT_EQ(r.width, w);
        EXPECT_EQ(r.height, h);
        EXPECT_GE(r.x, 0);
        EXPECT_LE(r.x + r.width, packer.width());
        EXPECT_LE(r.y + r.height, packer.height());
        for (const auto& o : placed) {
            const bool apart = r.x + r.width <= o.x || o.x + o.width <= r.x || r.y + r.height <= o.y || o.y + o.height <= r.y;
            ASSERT_TRUE(apart) << i;
        }
        placed.push_back(r);
    }
    EXPECT_GT(packer.height(), 64) << "the texture grew";
    EXPECT_EQ(packer.height() & (packer.height() - 1), 0) << "by doubling";
}

TEST(ShelfPacker, RefusesWhatCannotFitAndReusesWhatIsReleased) {
    ShelfPacker packer(64, 32, 64);
    ShelfPacker::Rect r;
    EXPECT_FALSE(packer.allocate(65, 10, r)) << "wider than the texture";
    EXPECT_FALSE(packer.allocate(10, 65, r)) << "taller than its ceiling";
    EXPECT_FALSE(packer.allocate(0, 10, r));
    std::vector<ShelfPacker::Rect> all;
    while (packer.allocate(16, 16, r)) all.push_back(r);
    EXPECT_EQ(all.size(), 16u) << "64 × 64 holds sixteen 16 × 16";
    EXPECT_EQ(packer.height(), 64);
    packer.release(all[5]);
    ASSERT_TRUE(packer.allocate(16, 16, r));
    EXPECT_EQ(r.x, all[5].x);
    EXPECT_EQ(r.y, all[5].y);
    EXPECT_FALSE(packer.allocate(16, 16, r));
}

TEST(AtlasChange, RowsWrittenAreKeptAsFewDisjointBands) {
    AtlasChange change;
    EXPECT_FALSE(change.any());
    change.add(100, 120);
    change.add(10, 20);
    change.add(500, 510);
    change.add(21, 30); // a row apart from 10–20: one band
    change.add(115, 130);
    change.add(40, 40); // nothing
    ASSERT_EQ(change.rows.size(), 3u);
    EXPECT_EQ(change.rows[0].begin, 10);
    EXPECT_EQ(change.rows[0].end, 30);
    EXPECT_EQ(change.rows[1].begin, 100);
    EXPECT_EQ(change.rows[1].end, 130);
    EXPECT_EQ(change.rows[2].begin, 500);
    change.add(0, 600);
    ASSERT_EQ(change.rows.size(), 1u);
    EXPECT_EQ(change.rows[0].end, 600);
}

// ---- which texts are runs

TEST(TextRuns, ScriptsThatNeedTheBrowsersShapingAreRuns) {
    for (const char* text : {"جامعة القاهرة", "אוניברסיטת תל אביב", "भारतीय विज्ञान संस्थान", "จุฬาลงกรณ์มหาวิทยาลัย",
                             "جامعة القاهرة (Cairo University)", "e\u0301cole", "a\u200Db", "\u202Eabc", "emoji 😀"}) {
        EXPECT_TRUE(needsShaping(text)) << text;
    }
    for (const char* text : {"Inria", "Πανεπιστήμιο Αθηνών", "Київський політехнічний інститут", "東京大学", "서울대학교",
                             "KTH Royal Institute of Technology — Kungliga Tekniska högskolan", "", "\xC3\x28 invalid"}) {
        EXPECT_FALSE(needsShaping(text)) << text;
    }
    EXPECT_TRUE(startsRightToLeft("جامعة القاهرة (Cairo University)"));
    EXPECT_TRUE(startsRightToLeft("« אוניברסיטה »"));
    EXPECT_FALSE(startsRightToLeft("Cairo University (جامعة القاهرة)"));
}

// ---- the atlas

class Atlas : public test::HeadlessImGui {
protected:
    static const ImFontGlyph* glyph(const ImFont* font, char32_t c) {
        return font->FindGlyphNoFallback(static_cast<ImWchar>(c));
    }
    static char32_t single(std::string_view shown) {
        std::size_t at = 0;
        const char32_t c = decodeOne(shown, at);
        return at == shown.size() ? c : 0;
    }
    // The coverage under a glyph's UVs: what the renderer will sample.
    static unsigned ink(const FontAtlas& atlas, const ImFontGlyph& g) {
        unsigned sum = 0;
        const int x0 = static_cast<int>(g.U0 * static_cast<float>(atlas.width()) + 0.5f);
        const int x1 = static_cast<int>(g.U1 * static_cast<float>(atlas.width()) + 0.5f);
        const int y0 = static_cast<int>(g.V0 * static_cast<float>(atlas.height()) + 0.5f);
        const int y1 = static_cast<int>(g.V1 * static_cast<float>(atlas.height()) + 0.5f);
        EXPECT_EQ(x1 - x0, static_cast<int>(g.X1 - g.X0));
        EXPECT_EQ(y1 - y0, static_cast<int>(g.Y1 - g.Y0));
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) sum += atlas.pixels()[y * atlas.width() + x];
        return sum;
    }
};

TEST_F(Atlas, TheBaseSetIsInEveryFontWithoutATrueTypeBuild) {
    FontAtlas* atlas = fontAtlas();
    ASSERT_NE(atlas, nullptr);
    ImFontAtlas* imgui = ImGui::GetIO().Fonts;
    EXPECT_TRUE(imgui->IsBuilt());
    EXPECT_TRUE(imgui->ConfigData.empty()) << "ImFontAtlas::Build never ran";
    EXPECT_TRUE(imgui->Flags & ImFontAtlasFlags_NoBakedLines);
    for (ImFont* font : {fonts.body, fonts.bold, fonts.heading, fonts.small}) {
        for (char32_t c : {U'A', U'é', U'œ', U'’', U'…', U'€', U'→', U'−', U'×'}) {
            const ImFontGlyph* g = glyph(font, c);
            ASSERT_NE(g, nullptr) << static_cast<unsigned>(c);
            EXPECT_GT(g->AdvanceX, 0.0f);
            EXPECT_GT(ink(*atlas, *g), 0u) << "its texels are drawn: U+" << std::hex << static_cast<unsigned>(c);
        }
        EXPECT_EQ(font->EllipsisChar, 0x2026);
        ASSERT_NE(font->FallbackGlyph, nullptr);
        EXPECT_EQ(font->ContainerAtlas, imgui);
    }
    EXPECT_GT(fonts.heading->FontSize, fonts.body->FontSize);
    EXPECT_GT(fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0.0f, "Inria").x, 10.0f);
    // The white texel of ImGui's shapes.
    const ImVec2 white = imgui->TexUvWhitePixel;
    const int wx = static_cast<int>(white.x * static_cast<float>(atlas->width()));
    const int wy = static_cast<int>(white.y * static_cast<float>(atlas->height()));
    EXPECT_EQ(atlas->pixels()[wy * atlas->width() + wx], 255);
}

TEST_F(Atlas, AShapedTextBecomesOneGlyphPerFontAtOnePrivateUseCodepoint) {
    ImGui::GetIO().DisplaySize = ImVec2(800, 600);
    FontAtlas* atlas = fontAtlas();
    atlas->pump(0);
    ImGui::NewFrame();
    const std::string cairo = "جامعة القاهرة";
    const std::string_view inBody = displayText(cairo, fonts.body);
    const char32_t c = single(inBody);
    ASSERT_GE(c, 0xE000u);
    ASSERT_LE(c, 0xF8FFu);
    EXPECT_EQ(displayText(cairo, fonts.body), inBody) << "cached";
    EXPECT_EQ(displayText(cairo, fonts.bold), inBody) << "one codepoint for all fonts";
    const ImFontGlyph* body = glyph(fonts.body, c);
    const ImFontGlyph* bold = glyph(fonts.bold, c);
    ASSERT_NE(body, nullptr);
    ASSERT_NE(bold, nullptr);
    EXPECT_GT(body->AdvanceX, 30.0f);
    EXPECT_GT(ink(*atlas, *body), 1000u);
    EXPECT_NE(body, bold);
    EXPECT_EQ(displayText("Inria", fonts.body).data(), std::string_view("Inria").data());
    const std::string greek = "Πανεπιστήμιο";
    EXPECT_EQ(displayText(greek, fonts.body), greek) << "no run for scripts drawn glyph by glyph";
    ImGui::EndFrame();
    // Width measuring works on the run's glyph.
    EXPECT_FLOAT_EQ(fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, inBody.data(), inBody.data() + inBody.size()).x,
                    body->AdvanceX);
}

TEST_F(Atlas, AShapedTextIsMeasuredWithoutBeingDrawn) {
    FontAtlas* atlas = fontAtlas();
    const std::string hebrew = "אוניברסיטת תל אביב";
    const float before = atlas->width(hebrew, fonts.small);
    EXPECT_TRUE(atlas->busy()) << "a measure job waits for the next pump";
    while (atlas->busy()) atlas->pump(1e9);
    const float measured = atlas->width(hebrew, fonts.small);
    EXPECT_GT(measured, 20.0f);
    EXPECT_EQ(atlas->stats().runs, 0u) << "measured, not drawn: no codepoint, no texels";
    (void)before;
    // Drawn, it is as wide as measured.
    ImGui::GetIO().DisplaySize = ImVec2(800, 600);
    ImGui::NewFrame();
    const std::string_view shown = displayText(hebrew, fonts.small);
    ImGui::EndFrame();
    ASSERT_NE(single(shown), 0u);
    EXPECT_FLOAT_EQ(glyph(fonts.small, single(shown))->AdvanceX, measured);
    EXPECT_EQ(atlas->stats().runs, 1u);
    EXPECT_FLOAT_EQ(displaySize(hebrew, fonts.small, fonts.small->FontSize).x, measured);
}

TEST_F(Atlas, ADatasetsCharactersArriveOverPumpsAndTheTextureGrows) {
    FontAtlas* atlas = fontAtlas();
    const int height = atlas->height();
    atlas->takeChange();
    std::u32string han;
    for (char32_t c = 0x4E00; c < 0x4E00 + 600; ++c) han.push_back(c);
    atlas->wantCharacters(han);
    EXPECT_TRUE(atlas->busy());
    int pumps = 0;
    while (atlas->busy() && pumps < 1000) {
        atlas->pump(1.0);
        ++pumps;
    }
    EXPECT_GT(pumps, 1) << "a budget of 1 ms spreads 2,400 glyphs over several pumps";
    EXPECT_FALSE(atlas->busy());
    EXPECT_GT(atlas->height(), height);
    EXPECT_TRUE(atlas->takeChange().whole) << "a grown texture is sent whole";
    for (ImFont* font : {fonts.body, fonts.bold, fonts.heading, fonts.small}) {
        for (char32_t c : {U'一', U'丁', static_cast<char32_t>(0x4E00 + 599)}) {
            const ImFontGlyph* g = glyph(font, c);
            ASSERT_NE(g, nullptr);
            EXPECT_GT(ink(*atlas, *g), 0u) << "UVs follow the texture's new height";
        }
        const ImFontGlyph* a = glyph(font, 'A');
        ASSERT_NE(a, nullptr);
        EXPECT_GT(ink(*atlas, *a), 0u) << "older glyphs too";
    }
    EXPECT_EQ(atlas->missingCharacters(), 0u);
}

TEST_F(Atlas, CharactersNoFontHasAreCountedOnce) {
    FontAtlas* atlas = fontAtlas();
    // U+0378 is unassigned; U+10FFFD is private use of plane 16: no Noto font draws either.
    atlas->wantCharacters(U"\u0378\U0010FFFD\u0378 a\u00A0");
    while (atlas->busy()) atlas->pump(100);
    EXPECT_EQ(atlas->missingCharacters(), 2u);
    const std::u32string missing = atlas->missingList();
    EXPECT_EQ(missing, std::u32string(U"\u0378\U0010FFFD"));
}

TEST_F(Atlas, OldRunsMakeRoomForNewOnesWithoutTouchingThoseOfTheFrame) {
    ImGui::GetIO().DisplaySize = ImVec2(800, 600);
    FontAtlas* atlas = fontAtlas();
    std::set<char32_t> codepoints;
    std::string first;
    for (int frame = 0; frame < 140; ++frame) {
        atlas->pump(1e9);
        ImGui::NewFrame();
        for (int i = 0; i < 50; ++i) {
            const std::string text = "שם " + std::to_string(frame * 50 + i);
            const std::string_view shown = displayText(text, fonts.small);
            if (frame == 0 && i == 0) first = std::string(shown);
            if (single(shown)) codepoints.insert(single(shown));
        }
        ImGui::EndFrame();
    }
    while (atlas->busy()) atlas->pump(1e9);
    const AtlasStats stats = atlas->stats();
    EXPECT_GT(stats.evictedRuns, 0u) << "7,000 runs for 6,400 private-use codepoints";
    EXPECT_LE(stats.runs, 6400u);
    EXPECT_GT(codepoints.size(), 100u) << "runs drawn in the frames that first showed them";
    // The runs of the last frame are all there, each with its own glyph and texels.
    atlas->pump(1e9);
    ImGui::NewFrame();
    std::set<char32_t> last;
    for (int i = 0; i < 50; ++i) {
        const std::string text = "שם " + std::to_string(139 * 50 + i);
        const char32_t c = single(displayText(text, fonts.small));
        ASSERT_NE(c, 0u) << text;
        const ImFontGlyph* g = glyph(fonts.small, c);
        ASSERT_NE(g, nullptr);
        EXPECT_GT(ink(*atlas, *g), 0u);
        last.insert(c);
    }
    EXPECT_EQ(last.size(), 50u);
    // The oldest run was dropped: shown again, it is a run again (drawn anew, or queued).
    const std::string_view again = displayText("שם 0", fonts.small);
    ImGui::EndFrame();
    EXPECT_TRUE(single(again) != 0 || again == "שם 0");
    EXPECT_NE(std::string(again), first) << "its old codepoint went to another run";
}

TEST_F(Atlas, TheNineScriptsOfTheFixtureAreAllDrawnAndNoneIsMissing) {
    ExplorerApp app;
    app.setFonts(fonts);
    ASSERT_TRUE(app.useLoaded(loadCsvDataset(test::readSourceFile("tests/fixtures/csv/world-scripts.csv"))).empty());
    const std::u32string characters = datasetCharacters(app.dataset());
    for (char32_t c : {U'Π', U'К', U'ج', U'א', U'भ', U'จ', U'東', U'서'}) {
        EXPECT_NE(characters.find(c), std::u32string::npos) << static_cast<unsigned>(c);
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1000, 700);
    io.DeltaTime = 1.0f / 60.0f;
    FontAtlas* atlas = fontAtlas();
    for (int frame = 0; frame < 400 && (frame < 3 || atlas->busy()); ++frame) {
        atlas->pump(6.0);
        ImGui::NewFrame();
        app.drawFrame();
        ImGui::Render();
    }
    EXPECT_FALSE(atlas->busy());
    std::string missing;
    for (char32_t c : atlas->missingList()) missing += " U+" + std::to_string(static_cast<unsigned>(c));
    EXPECT_EQ(app.summary().missingGlyphs, 0u) << missing;
    // Every shaped name the network labels is a run ready in the labels' fonts by now.
    ImGui::NewFrame();
    for (const Entity& entity : app.dataset().entities) {
        if (!needsShaping(entity.name)) continue;
        const ImFont* font = entity.kind == EntityKind::Project ? fonts.bold : fonts.small;
        const std::string_view shown = displayText(entity.name, font);
        EXPECT_NE(single(shown), 0u) << entity.name;
    }
    ImGui::EndFrame();
    EXPECT_GT(atlas->stats().runs, 0u) << "the network's Arabic, Hebrew, Hindi and Thai labels are runs";
}

} // namespace
