// Reader preferences as the UI honours them (ExplorerApp::setPreferences, UiContext::reducedMotion):
// the forced-colours palette draws with the system's colours and nothing else, the high-contrast
// palettes reach their ratios through ui::palette, a minimum font size scales the text, and a
// reduced-motion network is drawn settled from its very first frame and snaps on every change.
#include "core/dataset_loader.hpp"
#include "core/filters.hpp"
#include "core/palette.hpp"
#include "core/reader_preferences.hpp"
#include "ui/explorer_app.hpp"
#include "ui/fonts.hpp"
#include "ui/network_scene.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

#include "support/hand_built.hpp"
#include "support/headless_imgui.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace explorer;
using namespace explorer::ui;

SystemColours highContrastBlack() {
    return SystemColours{{0x000000}, {0xFFFFFF}, {0xFFFF00}, {0x1AEBFF}, {0x000000}, {0x3FF23F}, {0x000000}, {0xFFFFFF}};
}

unsigned rgbOf(ImU32 colour) {
    return (((colour >> IM_COL32_R_SHIFT) & 0xFFU) << 16) | (((colour >> IM_COL32_G_SHIFT) & 0xFFU) << 8)
           | ((colour >> IM_COL32_B_SHIFT) & 0xFFU);
}

TEST(PalettePreferences, ForcedPaletteUsesExactlyTheGivenColours) {
    const SystemColours system = highContrastBlack();
    const Palette p = paletteOf(forcedColourScheme(system));
    EXPECT_TRUE(p.forced);
    EXPECT_EQ(p.background, toImU32(system.canvas));
    EXPECT_EQ(p.text, toImU32(system.canvasText));
    EXPECT_EQ(p.textMuted, toImU32(system.grayText));
    EXPECT_EQ(p.edge, toImU32(system.canvasText));
    EXPECT_EQ(p.edgeStrong, toImU32(system.canvasText));
    EXPECT_EQ(p.accent, toImU32(system.highlight));
    EXPECT_EQ(p.accentText, toImU32(system.highlightText));
    EXPECT_EQ(p.link, toImU32(system.linkText));
    for (ImU32 kind : p.kind) EXPECT_EQ(kind, toImU32(system.canvasText));
    EXPECT_GE(contrastRatio(p.text, p.background), 7.0);
}

TEST(PalettePreferences, HighContrastPalettesReachSevenToOneForTextAndEdges) {
    for (bool dark : {false, true}) {
        const Palette& p = palette(dark, true);
        EXPECT_TRUE(p.highContrast);
        EXPECT_EQ(&palette(dark, false), &palette(dark));
        for (ImU32 back : {p.background, p.surface}) {
            for (ImU32 ink : {p.text, p.textMuted, p.link, p.accent, p.kind[0], p.kind[1], p.kind[2], p.kind[3]})
                EXPECT_GE(contrastRatio(ink, back), 7.0) << dark;
            EXPECT_GE(contrastRatio(p.edge, back), 7.0) << dark;
            EXPECT_GE(contrastRatio(p.edgeStrong, back), 7.0) << dark;
            EXPECT_GE(contrastRatio(p.border, back), 3.0) << dark;
        }
        EXPECT_EQ((p.edge >> IM_COL32_A_SHIFT) & 0xFFU, 0xFFU) << "opaque edges";
        EXPECT_GE(contrastRatio(p.accentText, p.accent), 7.0) << dark;
        // The ordinary palettes, for comparison, keep their translucent edges.
        EXPECT_LT((palette(dark).edge >> IM_COL32_A_SHIFT) & 0xFFU, 0xFFU);
    }
}

// ---- The whole app, headless

class PreferencesApp : public test::HeadlessImGui {
protected:
    void SetUp() override {
        HeadlessImGui::SetUp();
        app.setFonts(fonts);
        ASSERT_TRUE(app.loadDataset(test::readSourceFile("data/laureates.json")).empty());
    }
    // Runs frames; returns the RGB of every vertex the last one drew.
    std::set<unsigned> frames(int count, float width = 1200.0f, float height = 800.0f) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        std::set<unsigned> colours;
        for (int i = 0; i < count; ++i) {
            ImGui::NewFrame();
            app.drawFrame();
            ImGui::Render();
        }
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l)
            for (const ImDrawVert& vertex : data->CmdLists[l]->VtxBuffer) colours.insert(rgbOf(vertex.col));
        return colours;
    }
    ExplorerApp app;
};

TEST_F(PreferencesApp, ForcedColoursDrawEveryViewWithTheSystemColoursOnly) {
    const SystemColours system = highContrastBlack();
    ReaderPreferences preferences;
    preferences.forcedColours = system;
    app.setPreferences(preferences);
    EXPECT_TRUE(app.activePalette().forced);
    EXPECT_EQ(app.activePalette().background, toImU32(system.canvas));
    const std::set<unsigned> allowed{system.canvas.rgb,    system.canvasText.rgb,    system.linkText.rgb,
                                     system.highlight.rgb, system.highlightText.rgb, system.grayText.rgb,
                                     system.buttonFace.rgb, system.buttonText.rgb};
    for (const char* view : {"network", "matrix", "table", "projects"}) {
        for (const char* selection : {"", "org:inria"}) {
            app.dispatch(intent::ShowView{*viewFromString(view)});
            app.select(selection);
            for (unsigned rgb : frames(4))
                EXPECT_TRUE(allowed.count(rgb)) << view << " " << selection << ": #" << std::hex << rgb;
        }
    }
    // Leaving forced colours brings the theme's palette back.
    app.setPreferences(ReaderPreferences{});
    EXPECT_EQ(&app.activePalette(), &palette(app.darkThemeActive()));
}

TEST_F(PreferencesApp, MoreContrastSelectsTheHighContrastPaletteOfTheTheme) {
    ReaderPreferences preferences;
    preferences.moreContrast = true;
    app.setPreferences(preferences);
    for (Theme theme : {Theme::Light, Theme::Dark}) {
        app.dispatch(intent::SetTheme{theme});
        frames(2);
        EXPECT_EQ(&app.activePalette(), &palette(theme == Theme::Dark, true));
        EXPECT_EQ(ImGui::GetColorU32(ImGuiCol_Text), palette(theme == Theme::Dark, true).text) << "the style follows";
    }
}

TEST_F(PreferencesApp, AMinimumFontSizeScalesTheTextUp) {
    EXPECT_FLOAT_EQ(app.textScale(), 1.0f);
    ReaderPreferences preferences;
    preferences.minimumFontSize = 10.0f; // below every size the UI uses: nothing to do
    app.setPreferences(preferences);
    EXPECT_FLOAT_EQ(app.textScale(), 1.0f);
    preferences.minimumFontSize = 19.5f;
    app.setPreferences(preferences);
    EXPECT_FLOAT_EQ(app.textScale(), 19.5f / kSmallSize) << "the smallest text reaches the minimum";
    const float padding = ImGui::GetStyle().FramePadding.x;
    frames(1);
    EXPECT_FLOAT_EQ(ImGui::GetStyle().FramePadding.x, padding * 19.5f / kSmallSize) << "sizes follow the text";
}

// ---- The network under reduced motion

class ReducedMotionNetwork : public test::HeadlessImGui {
protected:
    void use(Dataset d) {
        dataset = std::move(d);
        scene.reset();
        visible = applyFilters(dataset, state.filters);
    }
    // One frame; returns the centre of every node located in it, by entity.
    std::map<std::size_t, std::pair<float, float>> frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1400.0f, 1000.0f);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        located.clear();
        hovered = -1;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##root", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        Intents intents(state, &dataset);
        UiContext ui{fonts, palette(false), state.lang, visible, located, gestures, hovered, intents};
        ui.reducedMotion = reducedMotion;
        drawNetworkView(dataset, scene, state, ui);
        ImGui::End();
        ImGui::Render();
        std::map<std::size_t, std::pair<float, float>> centres;
        for (const auto& [entity, rect] : located)
            centres[entity] = {rect.x + rect.width * 0.5f, rect.y + rect.height * 0.5f};
        return centres;
    }

    Dataset dataset;
    ViewState state;
    VisibleSet visible;
    LocatedEntities located;
    GestureInput gestures;
    long long hovered = -1;
    NetworkScene scene;
    bool reducedMotion = true;
};

TEST_F(ReducedMotionNetwork, ALargeNetworkIsNeverDrawnMoving) {
    // More entities than are laid out at once whatever the clock (kSettleAtOnceEntities): without
    // reduced motion its first frames show the layout moving. With it, a frame shows the settled
    // places or no node at all (a still progress bar while the layout outlasts its budget): which
    // of the two the first frame shows depends on the machine's speed (about 40 ms natively, more
    // under the sanitizers), what is drawn never does.
    use(test::ecosystem(20, 20)); // 420 entities
    ASSERT_GT(dataset.entities.size(), kSettleAtOnceEntities);
    std::vector<std::map<std::size_t, std::pair<float, float>>> drawn;
    for (int i = 0; i < 2000 && (drawn.empty() || scene.animating()); ++i) {
        auto places = frame();
        if (scene.lastFrame().nodesDrawn > 0) drawn.push_back(std::move(places));
    }
    ASSERT_TRUE(scene.layout().settled());
    EXPECT_FALSE(scene.animating()) << "nothing left to move: no further frame is asked for";
    ASSERT_FALSE(drawn.empty());
    EXPECT_EQ(scene.lastFrame().nodesDrawn, dataset.entities.size());
    EXPECT_GT(drawn.front().size(), dataset.entities.size() / 2);
    for (const auto& places : drawn) EXPECT_EQ(places, drawn.back()) << "a frame showed nodes before their places";
    std::map<std::size_t, std::pair<float, float>> fiftieth;
    for (int i = 0; i < 50; ++i) fiftieth = frame();
    EXPECT_EQ(drawn.front(), fiftieth) << "the first picture drawn and the one 50 frames later show the same places";
}

TEST_F(ReducedMotionNetwork, FiltersAndDatasetsSnapWithoutGliding) {
    const LoadResult loaded = loadDataset(test::readSourceFile("data/laureates.json"));
    ASSERT_TRUE(loaded.dataset);
    for (bool reduced : {false, true}) {
        reducedMotion = reduced;
        use(*loaded.dataset);
        const auto first = frame();
        EXPECT_FALSE(scene.animating()) << reduced;
        EXPECT_EQ(first, frame()) << reduced;
        // A filter that hides most of the graph: the rest moves to its own layout.
        state.filters.multiProjectOnly = true;
        visible = applyFilters(dataset, state.filters);
        const auto filtered = frame();
        if (reduced) {
            EXPECT_FALSE(scene.animating()) << "snapped: nothing glides";
            std::map<std::size_t, std::pair<float, float>> later;
            for (int i = 0; i < 49; ++i) later = frame();
            EXPECT_EQ(filtered, later);
        } else {
            EXPECT_TRUE(scene.animating()) << "without the preference, nodes glide to their new places";
        }
        state.filters = Filters{};
        visible = applyFilters(dataset, state.filters);
        const auto back = frame();
        if (reduced) {
            EXPECT_EQ(back, first) << "back at the whole dataset's places at once";
        }
    }
}

TEST_F(ReducedMotionNetwork, ALayoutPastTheCapShowsProgressNotMovingNodes) {
    // Far more work than the reduced-motion cap allows in one frame.
    use(test::ecosystem(100, 40));
    frame();
    if (scene.layout().settled()) GTEST_SKIP() << "this machine laid 4,100 nodes out within the cap";
    EXPECT_EQ(scene.lastFrame().nodesDrawn, 0u) << "a layout that moves is not drawn";
    EXPECT_EQ(scene.lastFrame().edgesDrawn, 0u);
    EXPECT_TRUE(located.empty());
    EXPECT_TRUE(scene.animating()) << "the work goes on over the next frames";
    const float before = scene.layout().progress();
    EXPECT_GT(before, 0.0f);
    EXPECT_LT(before, 1.0f);
    frame();
    EXPECT_GT(scene.layout().progress(), before);
    EXPECT_EQ(scene.lastFrame().nodesDrawn, 0u);
}

} // namespace
