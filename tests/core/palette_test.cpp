// The colours as data (core/palette.hpp) and how the core writes them for SVG.
#include "core/palette.hpp"

#include <gtest/gtest.h>

namespace explorer {
namespace {

TEST(Palette, WritesCssColoursAndOpacities) {
    EXPECT_EQ(cssHex(Colour{0x0B5CAD}), "#0B5CAD");
    EXPECT_EQ(cssHex(Colour{0x000000}), "#000000");
    EXPECT_EQ(cssHex(Colour{0xFFFFFF, 0x10}), "#FFFFFF") << "the opacity is not part of the hex";
    EXPECT_EQ(cssOpacity(Colour{0, 0xFF}), "1.00");
    EXPECT_EQ(cssOpacity(Colour{0, 0x00}), "0.00");
    EXPECT_EQ(cssOpacity(Colour{0, 0x70}), "0.44");
    EXPECT_EQ(cssOpacity(Colour{0, 0x60}), "0.38");
    EXPECT_EQ(cssOpacity(Colour{0, 0x80}), "0.50");
}

TEST(Palette, MixesChannelByChannel) {
    EXPECT_EQ(mix(Colour{0x000000}, Colour{0xFFFFFF}, 0.0f), (Colour{0x000000}));
    EXPECT_EQ(mix(Colour{0x000000}, Colour{0xFFFFFF}, 1.0f), (Colour{0xFFFFFF}));
    EXPECT_EQ(mix(Colour{0x000000, 0x00}, Colour{0xFF0080, 0xFF}, 0.5f), (Colour{0x800040, 0x80}));
    EXPECT_EQ(mix(Colour{0x102030}, Colour{0xFFFFFF}, 7.0f), (Colour{0xFFFFFF})) << "t is clamped";
}

TEST(Palette, LightAndDarkSchemes) {
    const ColourScheme& light = colourScheme(false);
    const ColourScheme& dark = colourScheme(true);
    EXPECT_FALSE(light.dark);
    EXPECT_TRUE(dark.dark);
    EXPECT_EQ(light.background, (Colour{0xFFFFFF}));
    EXPECT_EQ(dark.background, (Colour{0x16181C}));
    // Kinds keep their order: project, organisation, model, initiative.
    EXPECT_EQ(light.kind[static_cast<std::size_t>(EntityKind::Project)], light.accent);
    EXPECT_EQ(dark.kind[static_cast<std::size_t>(EntityKind::Project)], dark.accent);
    for (const ColourScheme* scheme : {&light, &dark}) {
        EXPECT_EQ(scheme->text.alpha, 0xFF);
        EXPECT_LT(scheme->edge.alpha, 0xFF) << "edges are translucent";
        for (std::size_t i = 0; i < kEntityKindCount; ++i) {
            for (std::size_t j = i + 1; j < kEntityKindCount; ++j) {
                EXPECT_NE(scheme->kind[i], scheme->kind[j]);
            }
        }
    }
}

} // namespace
} // namespace explorer
