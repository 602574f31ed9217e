// Headless UI smoke tests: the real UI code runs for many frames on an ImGui context with no
// renderer and no window (DisplaySize and DeltaTime set by hand), on the shipped dataset.
#include "core/semantic_tree.hpp"
#include "core/view_state_codec.hpp"
#include "ui/explorer_app.hpp"
#include "ui/fonts.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"

#include "support/headless_imgui.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace explorer;
using namespace explorer::ui;


std::string shippedDataset() { return test::readSourceFile("data/laureates.json"); }

class HeadlessUi : public test::HeadlessImGui {
protected:
    void SetUp() override {
        HeadlessImGui::SetUp();
        app.setFonts(fonts);
    }

    // Runs frames at a given size; returns the vertices drawn by the last one.
    int runFrames(int count, float width, float height) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        int vertices = 0;
        for (int i = 0; i < count; ++i) {
            ImGui::NewFrame();
            app.drawFrame();
            ImGui::Render();
            vertices = ImGui::GetDrawData()->TotalVtxCount;
        }
        return vertices;
    }

    ExplorerApp app;
};

TEST_F(HeadlessUi, ShippedDatasetLoadsAndDrawsAtPhoneTabletAndDesktopWidths) {
    ASSERT_TRUE(app.loadDataset(shippedDataset()).empty());
    EXPECT_EQ(app.summary().projects, 7u);
    for (float width : {320.0f, 640.0f, 1200.0f}) {
        const int vertices = runFrames(10, width, 700.0f);
        EXPECT_GT(vertices, 1000) << "width " << width;
    }
}

TEST_F(HeadlessUi, BothLanguagesAndThemesDraw) {
    ASSERT_TRUE(app.loadDataset(shippedDataset()).empty());
    for (Lang lang : {Lang::Fr, Lang::En}) {
        for (Theme theme : {Theme::Light, Theme::Dark}) {
            app.dispatch(intent::SetLang{lang});
            app.dispatch(intent::SetTheme{theme});
            EXPECT_GT(runFrames(4, 900.0f, 700.0f), 1000);
            EXPECT_EQ(app.darkThemeActive(), theme == Theme::Dark);
        }
    }
}

TEST_F(HeadlessUi, RejectedDatasetKeepsTheCurrentOneAndListsProblems) {
    ASSERT_TRUE(app.loadDataset(shippedDataset()).empty());
    const auto problems = app.loadDataset("{\"format\": \"communs-explorer/1\", \"entities\": [");
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(app.summary().projects, 7u) << "the reader keeps what they had";
    runFrames(3, 640.0f, 480.0f);
    // The problems panel is a window of its own on top of the explorer.
    bool panelShown = false;
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
        if (window->Active && std::string(window->Name).find("###problems") != std::string::npos) panelShown = true;
    }
    EXPECT_TRUE(panelShown);
}

TEST_F(HeadlessUi, EmptyStartShowsAMessageInsteadOfCrashing) {
    EXPECT_GT(runFrames(3, 320.0f, 320.0f), 10);
    EXPECT_EQ(app.summary().projects, 0u);
}

TEST_F(HeadlessUi, FontsHaveEveryGlyphFrenchTextNeeds) {
    // ImGui's built-in font lacks these; a missing glyph would show as '?' in the widget.
    const char32_t needed[] = {U'é', U'è', U'ê', U'à', U'â', U'ç', U'ô', U'î', U'ù', U'œ', U'Œ', U'É',
                               U'’', U'«', U'»', U'–', U'—', U'…', U'€', U'\u00A0', U'×', U'•'};
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts) {
        for (char32_t c : needed) {
            EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
                << "U+" << std::hex << static_cast<unsigned>(c);
        }
    }
}

TEST(Strings, EveryInterfaceStringHasBothLanguages) {
    for (std::size_t i = 0; i < static_cast<std::size_t>(Str::Count); ++i) {
        const auto id = static_cast<Str>(i);
        EXPECT_STRNE(tr(id, Lang::Fr), "") << i;
        EXPECT_STRNE(tr(id, Lang::En), "") << i;
    }
}

TEST(Theme, TextMeetsWcagAaInBothThemes) {
    for (bool dark : {false, true}) {
        const Palette& p = palette(dark);
        EXPECT_GE(contrastRatio(p.text, p.background), 4.5) << dark;
        EXPECT_GE(contrastRatio(p.text, p.surface), 4.5) << dark;
        EXPECT_GE(contrastRatio(p.textMuted, p.background), 4.5) << dark;
        EXPECT_GE(contrastRatio(p.textMuted, p.surface), 4.5) << dark;
        EXPECT_GE(contrastRatio(p.accent, p.background), 4.5) << dark;
        EXPECT_GE(contrastRatio(p.accentText, p.accent), 4.5) << dark;
        EXPECT_GE(contrastRatio(p.warning, p.background), 4.5) << dark;
    }
}

} // namespace

namespace {

// "/" then typing at once: the first letters, which arrive before the field has taken the focus,
// must end up in the search text, not be lost.
TEST_F(HeadlessUi, SlashFocusesSearchAndFastTypingLosesNothing) {
    ASSERT_TRUE(app.loadDataset(shippedDataset()).empty());
    runFrames(2, 1200.0f, 800.0f);
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiKey_Slash, true);
    io.AddInputCharacter('/');
    io.AddKeyEvent(ImGuiKey_Slash, false);
    for (char c : std::string("oecd")) {
        const ImGuiKey key = static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
        io.AddKeyEvent(key, true);
        io.AddInputCharacter(static_cast<unsigned>(c));
        io.AddKeyEvent(key, false);
    }
    runFrames(20, 1200.0f, 800.0f);
    EXPECT_EQ(app.state().search, "oecd");
    io.AddKeyEvent(ImGuiKey_Enter, true);
    io.AddKeyEvent(ImGuiKey_Enter, false);
    runFrames(4, 1200.0f, 800.0f);
    EXPECT_EQ(app.state().selection, "org:oecd") << "Enter selects the first result";
}

} // namespace

namespace {
using namespace explorer;
using namespace explorer::ui;

// Every view has a name links and the host use, a tab, a draw function that shows the data, and
// its part of the semantic tree: a view added to View without one of them fails here.
TEST_F(HeadlessUi, EveryViewIsNamedReachableDrawnAndDescribed) {
    ASSERT_TRUE(app.loadDataset(shippedDataset()).empty());
    for (std::size_t v = 0; v < kViewCount; ++v) {
        const View view = static_cast<View>(v);
        const std::string name(toString(view));
        EXPECT_EQ(viewFromString(name), view) << name << ": give it a name in view_state.cpp";
        app.dispatch(intent::ShowView{view});
        runFrames(4, 1200.0f, 2400.0f);
        EXPECT_TRUE(app.locate("org:inria").has_value() || app.locate("project:ai-for-democracy").has_value())
            << name << ": the view draws the data (views.hpp) and records where (locateLastItem)";
        const SemanticNode tree = buildSemanticTree(app.dataset(), app.state(), app.visible());
        EXPECT_NE(findSemanticNode(tree, "view/" + name), nullptr) << name << ": describe it in semantic_tree.cpp";
    }
}
} // namespace
