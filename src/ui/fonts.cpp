#include "ui/fonts.hpp"

#include <imgui.h>

#include <cstddef>

extern const unsigned char kUiFont_regular[];
extern const std::size_t kUiFont_regular_size;
extern const unsigned char kUiFont_bold[];
extern const std::size_t kUiFont_bold_size;

namespace explorer::ui {
namespace {

// Must match the subset cut by scripts/setup.sh; stb_truetype skips what the font lacks.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0,
};

ImFont* addFont(const unsigned char* data, std::size_t size, float cssPixels, float pixelRatio) {
    ImFontConfig config;
    // The bytes are static program data: the atlas must neither free nor copy-own them.
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(
        const_cast<unsigned char*>(data), static_cast<int>(size), cssPixels * pixelRatio, &config,
        kGlyphRanges);
    return font;
}

} // namespace

Fonts buildFonts(float pixelRatio) { return buildFonts(pixelRatio, 1.0f); }

Fonts buildFonts(float pixelRatio, float textScale) {
    const float scale = textScale >= 1.0f && textScale <= 3.0f ? textScale : 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    fonts.body = addFont(kUiFont_regular, kUiFont_regular_size, kBodySize * scale, pixelRatio);
    fonts.bold = addFont(kUiFont_bold, kUiFont_bold_size, kBodySize * scale, pixelRatio);
    fonts.heading = addFont(kUiFont_bold, kUiFont_bold_size, kHeadingSize * scale, pixelRatio);
    fonts.small = addFont(kUiFont_regular, kUiFont_regular_size, kSmallSize * scale, pixelRatio);
    io.Fonts->Build();
    io.FontDefault = fonts.body;
    io.FontGlobalScale = 1.0f / pixelRatio;
    return fonts;
}

} // namespace explorer::ui
