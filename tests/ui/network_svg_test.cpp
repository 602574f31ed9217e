// The network's SVG: what the widget's "SVG of the network" writes (the page's export path:
// ExplorerApp::networkNodes() handed to networkSvg, as src/web does) and what `explorer-data svg`
// writes for the same view state are the same bytes. The widget runs headless on the shipped
// dataset, its state set from a URL fragment as a shared link would; the command line runs as a
// separate process (EXPLORER_DATA_EXE, tests/CMakeLists.txt).
#include "core/data_export.hpp"
#include "core/network_layout.hpp"
#include "core/palette.hpp"
#include "core/view_state_codec.hpp"
#include "ui/explorer_app.hpp"
#include "ui/theme.hpp"

#include "support/headless_imgui.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace explorer;
using namespace explorer::ui;

// Standard output of a command, or nullopt when it cannot run or fails.
std::optional<std::string> commandOutput(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return std::nullopt;
    std::string out;
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, got);
    const int status = pclose(pipe);
    if (status != 0) return std::nullopt;
    return out;
}

// `text` inside single quotes for the shell.
std::string shellQuoted(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// What `explorer-data svg data/laureates.json --state HASH` writes.
std::string cliSvg(const std::string& hash) {
    const std::string command = shellQuoted(EXPLORER_DATA_EXE) + " svg " +
                                shellQuoted(std::string(EXPLORER_SOURCE_DIR) + "/data/laureates.json") + " --state " +
                                shellQuoted(hash) + " 2>/dev/null";
    const std::optional<std::string> out = commandOutput(command);
    EXPECT_TRUE(out.has_value()) << command;
    return out.value_or("");
}

class WidgetSvg : public test::HeadlessImGui {
protected:
    void SetUp() override {
        HeadlessImGui::SetUp();
        app.setFonts(fonts);
        ASSERT_TRUE(app.loadDataset(test::readSourceFile("data/laureates.json")).empty());
    }

    // The state a shared link gives (the page's defaults as base, then unknown ids dropped).
    void openLink(const std::string& hash) {
        HashDecode decoded = fromHash(hash, ViewState{});
        dropUnknownIds(decoded.state, app.dataset(), decoded.notices);
        EXPECT_TRUE(decoded.notices.empty()) << hash;
        app.dispatch(intent::ReplaceState{decoded.state, true});
    }

    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(960.0f, 640.0f);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        app.drawFrame();
        ImGui::Render();
    }

    // Frames until nothing moves; returns how many it took (limit + 1 when it never stops).
    int framesUntilStill(int limit) {
        for (int i = 1; i <= limit; ++i) {
            frame();
            if (!app.animating()) return i;
        }
        return limit + 1;
    }

    // The page's export, as src/web writes "network.svg": the nodes the app hands out, the title,
    // the attribution line, the theme, the width (960 CSS px here: 640 at least) and the
    // permalink (none here, as on the command line).
    std::string widgetSvg() const {
        const Dataset& dataset = app.dataset();
        const Lang lang = app.state().lang;
        std::vector<SvgNode> nodes;
        for (const auto& node : app.networkNodes()) nodes.push_back({node.entity, node.x, node.y, node.radius});
        SvgOptions options;
        options.title = dataset.title.get(lang);
        options.sourceLine = attributionLine(dataset, lang);
        options.permalink = "";
        options.dark = app.darkThemeActive();
        options.width = static_cast<int>(std::lround(std::max(640.0, 960.0)));
        return networkSvg(dataset, app.visible(), nodes, lang, options);
    }

    ExplorerApp app;
};

TEST_F(WidgetSvg, TheCommandLineWritesTheWidgetsSvgByteForByte) {
    for (const std::string hash : {"view=network&multi=1&lang=en", "view=network&lang=fr&theme=dark",
                                   "view=network&ax=models&role=lead,partner,develops&lang=en"}) {
        openLink(hash);
        EXPECT_LE(framesUntilStill(600), 600) << hash;
        const std::string widget = widgetSvg();
        const std::string cli = cliSvg(hash);
        ASSERT_FALSE(widget.empty());
        EXPECT_TRUE(widget == cli) << hash << "\n--- widget ---\n"
                                   << widget.substr(0, 3000) << "\n--- explorer-data ---\n"
                                   << cli.substr(0, 3000);
        // The core's own entry point (what the page can call without the UI's nodes) agrees too.
        SvgOptions options = networkSvgOptions(app.dataset(), app.state().lang, app.darkThemeActive());
        EXPECT_TRUE(networkSvg(app.dataset(), app.visible(), app.state().lang, options) == widget) << hash;
    }
}

TEST_F(WidgetSvg, TheStateAppliesFiltersLanguageAndTheme) {
    openLink("view=network&multi=1&lang=fr&theme=dark");
    framesUntilStill(600);
    const std::string svg = widgetSvg();
    EXPECT_NE(svg.find(">Projet</text>"), std::string::npos) << "French legend";
    EXPECT_NE(svg.find("fill=\"" + cssHex(colourScheme(true).background) + "\""), std::string::npos) << "dark";
    EXPECT_EQ(svg.find("#FFFFFF"), std::string::npos) << "no light colour in the dark picture";
    EXPECT_NE(svg.find(">Inria</text>"), std::string::npos) << "Inria is a member of two projects";
    EXPECT_EQ(svg.find("Mistral AI"), std::string::npos) << "a member of one project only";
}

// The export does not depend on where nodes are while they glide: right after a filter change,
// with the picture still moving, it already writes the settled places.
TEST_F(WidgetSvg, ExportWhileNodesGlideWritesTheSettledPicture) {
    openLink("view=network&lang=en");
    framesUntilStill(600);
    Filters multi = app.state().filters;
    multi.multiProjectOnly = true;
    app.dispatch(intent::SetFilters{multi});
    frame();
    ASSERT_TRUE(app.animating()) << "nodes are gliding to their new places";
    EXPECT_TRUE(widgetSvg() == cliSvg("view=network&multi=1&lang=en"));
}

// One table of colours: the widget's ImGui palette is the core's, converted.
TEST(Palette, TheWidgetsColoursAreTheCoresColours) {
    for (const bool dark : {false, true}) {
        const ColourScheme& core = colourScheme(dark);
        const Palette& ui = palette(dark);
        EXPECT_EQ(ui.dark, dark);
        EXPECT_EQ(ui.background, toImU32(core.background));
        EXPECT_EQ(ui.surface, toImU32(core.surface));
        EXPECT_EQ(ui.text, toImU32(core.text));
        EXPECT_EQ(ui.textMuted, toImU32(core.textMuted));
        EXPECT_EQ(ui.accent, toImU32(core.accent));
        EXPECT_EQ(ui.warning, toImU32(core.warning));
        EXPECT_EQ(ui.edge, toImU32(core.edge));
        EXPECT_EQ(ui.edgeStrong, toImU32(core.edgeStrong));
        for (std::size_t k = 0; k < kEntityKindCount; ++k) EXPECT_EQ(ui.kind[k], toImU32(core.kind[k]));
    }
    EXPECT_EQ(palette(false).edge, IM_COL32(0x50, 0x56, 0x5F, 0x70));
}

} // namespace
