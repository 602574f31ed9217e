// The headless Dear ImGui fixture of the UI tests: a real ImGui context with no window and no
// renderer. The UI code runs for real; tests set DisplaySize and DeltaTime themselves, drive the
// pointer and keys through ImGuiIO, and read what was drawn from the draw data or ImGui's own
// structures (imgui_internal.h).
//
// Every test gets a fresh context (no imgui.ini), the explorer's fonts built into the atlas at
// pixel ratio 1, and the light style; the context is destroyed after the test. IM_ASSERT aborts
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
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ASSERT_NE(pixels, nullptr) << "the font atlas did not build";
        ui::applyStyle(ui::palette(false));
    }
    void TearDown() override { ImGui::DestroyContext(); }

    ui::Fonts fonts;
};

} // namespace explorer::test
