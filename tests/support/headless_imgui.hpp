// The headless Dear ImGui fixture of the UI tests: a real ImGui context with no window and no
// renderer. The UI code runs for real; tests set DisplaySize and DeltaTime themselves, drive the
// pointer and keys through ImGuiIO, and read what was drawn from the draw data or ImGui's own
// structures (imgui_internal.h).
//
// Every test gets a fresh context (no imgui.ini), the explorer's fonts built into the atlas at
// pixel ratio 1 (from Debian's Noto fonts, src/ui/native_glyphs.cpp), and the light style; the context is destroyed after the test. IM_ASSERT aborts
// in native builds (src/ui/imgui_config/explorer_imconfig.h), so misusing ImGui fails the test.
#pragma once

#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

namespace explorer::test {

class HeadlessImGui : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        fonts = ui::buildFonts(1.0f);
        // The atlas is ours (fonts.hpp): ImGui's Build() is never called.
        ASSERT_TRUE(io.Fonts->IsBuilt()) << "the font atlas did not build";
        ASSERT_NE(ui::fontAtlas(), nullptr);
        const ImFontGlyph* a = fonts.body->FindGlyphNoFallback('A');
        ASSERT_TRUE(a && a->Visible) << "no glyphs: Debian's Noto fonts are missing (scripts/setup.sh installs fonts-noto-core)";
        ui::applyStyle(ui::palette(false));
    }
    void TearDown() override { ImGui::DestroyContext(); }

    ui::Fonts fonts;
};

} // namespace explorer::test
