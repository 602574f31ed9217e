// The reader's preferences as the page passes them (core/reader_preferences.hpp): what is read,
// what is refused (hostile input changes nothing), and the palettes they select
// (core/palette.hpp): the forced-colours scheme made of the system's colours only, the
// high-contrast schemes at their ratios.
#include "core/palette.hpp"
#include "core/reader_preferences.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace explorer {
namespace {

constexpr const char* kForcedJson = R"({"reducedMotion": true, "contrast": "no-preference", "forcedColors": {
    "canvas": "#000000", "canvasText": "#FFFFFF", "linkText": "#ffff00", "highlight": "#1AEBFF",
    "highlightText": "#000000", "grayText": "#3FF23F", "buttonFace": "#000000", "buttonText": "#FFFFFF"},
    "minimumFontSize": 0})";

SystemColours highContrastBlack() {
    return SystemColours{{0x000000}, {0xFFFFFF}, {0xFFFF00}, {0x1AEBFF}, {0x000000}, {0x3FF23F}, {0x000000}, {0xFFFFFF}};
}

TEST(ReaderPreferences, ReadsWhatThePageSends) {
    const auto plain = readerPreferencesFromJson(R"({"reducedMotion": false, "contrast": "no-preference", "forcedColors": null})");
    ASSERT_TRUE(plain);
    EXPECT_EQ(*plain, ReaderPreferences{});

    const auto forced = readerPreferencesFromJson(kForcedJson);
    ASSERT_TRUE(forced);
    EXPECT_TRUE(forced->reducedMotion);
    EXPECT_FALSE(forced->moreContrast);
    ASSERT_TRUE(forced->forcedColours);
    EXPECT_EQ(*forced->forcedColours, highContrastBlack()) << "hex digits in either case";

    const auto more = readerPreferencesFromJson(R"({"contrast": "more", "minimumFontSize": 18.5})");
    ASSERT_TRUE(more);
    EXPECT_TRUE(more->moreContrast);
    EXPECT_FALSE(more->reducedMotion) << "missing keys take the defaults";
    EXPECT_FLOAT_EQ(more->minimumFontSize, 18.5f);

    const auto huge = readerPreferencesFromJson(R"({"minimumFontSize": 1e300, "future": [1, 2]})");
    ASSERT_TRUE(huge) << "unknown keys are ignored";
    EXPECT_FLOAT_EQ(huge->minimumFontSize, kMaxMinimumFontSize);
}

TEST(ReaderPreferences, HostileInputIsRefusedWhole) {
    const char* refused[] = {
        "",
        "null",
        "[]",
        "\"more\"",
        "{",
        R"({"reducedMotion": "yes"})",
        R"({"reducedMotion": 1})",
        R"({"contrast": "less"})",
        R"({"contrast": true})",
        R"({"forcedColors": true})",
        R"({"forcedColors": {}})",
        R"({"minimumFontSize": -1})",
        R"({"minimumFontSize": "16px"})",
        R"({"reducedMotion": true, "forcedColors": {"canvas": "#000000"}})",
    };
    for (const char* text : refused) EXPECT_FALSE(readerPreferencesFromJson(text)) << text;

    // One bad colour refuses the whole object, whatever else it says.
    const std::string good = kForcedJson;
    for (const char* bad : {"\"#FFF\"", "\"#FFFFFFF\"", "\"FFFFFF\"", "\"#GGGGGG\"", "\"rgb(255, 255, 255)\"",
                            "\"white\"", "\"#FFFF\\u0000F\"", "null", "16777215"}) {
        std::string text = good;
        text.replace(text.find("\"#FFFFFF\""), 9, bad);
        EXPECT_FALSE(readerPreferencesFromJson(text)) << bad;
    }
}

TEST(ReaderPreferences, CssHexColours) {
    EXPECT_EQ(colourFromCssHex("#0b5cad"), (Colour{0x0B5CAD}));
    EXPECT_EQ(colourFromCssHex("#0B5CAD"), (Colour{0x0B5CAD}));
    EXPECT_FALSE(colourFromCssHex("#0B5CA"));
    EXPECT_FALSE(colourFromCssHex("0B5CADX"));
    EXPECT_FALSE(colourFromCssHex("#0B5CA-"));
    EXPECT_FALSE(colourFromCssHex(std::string_view("#0B5C\0D", 7)));
}

TEST(ForcedColours, TheSchemeUsesExactlyTheSystemColours) {
    const SystemColours system = highContrastBlack();
    const ColourScheme scheme = forcedColourScheme(system);
    EXPECT_TRUE(scheme.forced);
    EXPECT_TRUE(scheme.highContrast);
    EXPECT_TRUE(scheme.dark) << "a dark Canvas";
    EXPECT_EQ(scheme.background, system.canvas);
    EXPECT_EQ(scheme.text, system.canvasText);
    EXPECT_EQ(scheme.textMuted, system.grayText) << "GrayText reads on this Canvas";
    EXPECT_EQ(scheme.edge, system.canvasText);
    EXPECT_EQ(scheme.edgeStrong, system.canvasText);
    EXPECT_EQ(scheme.border, system.canvasText);
    EXPECT_EQ(scheme.accent, system.highlight);
    EXPECT_EQ(scheme.accentText, system.highlightText);
    EXPECT_EQ(scheme.link, system.linkText);
    for (const Colour& kind : scheme.kind) EXPECT_EQ(kind, system.canvasText) << "kinds differ by shape only";

    const std::set<std::uint32_t> given{system.canvas.rgb,      system.canvasText.rgb,    system.linkText.rgb,
                                        system.highlight.rgb,   system.highlightText.rgb, system.grayText.rgb,
                                        system.buttonFace.rgb,  system.buttonText.rgb};
    const Colour all[] = {scheme.background, scheme.surface, scheme.surfaceHover, scheme.border, scheme.text,
                          scheme.textMuted,  scheme.accent,  scheme.accentText,   scheme.warning, scheme.edge,
                          scheme.edgeStrong, scheme.link,    scheme.kind[0],      scheme.kind[1], scheme.kind[2],
                          scheme.kind[3]};
    for (const Colour& colour : all) EXPECT_TRUE(given.count(colour.rgb)) << cssHex(colour);
    for (const Colour& colour : {scheme.text, scheme.edge, scheme.edgeStrong, scheme.border, scheme.textMuted})
        EXPECT_EQ(colour.alpha, 0xFF) << "nothing that carries meaning is translucent";
}

TEST(ForcedColours, FaintGrayTextAndAnUnreadableButtonFaceAreNotUsed) {
    // "High contrast white" with a GrayText too faint for text, and a ButtonFace CanvasText does
    // not read on.
    SystemColours system{{0xFFFFFF}, {0x000000}, {0x00009F}, {0x37006E}, {0xFFFFFF}, {0xAAAAAA}, {0x202020}, {0xFFFFFF}};
    const ColourScheme scheme = forcedColourScheme(system);
    EXPECT_FALSE(scheme.dark);
    EXPECT_EQ(scheme.textMuted, system.canvasText);
    EXPECT_EQ(scheme.surface, system.canvas);
    // A readable ButtonFace is the panels' and buttons' colour.
    system.buttonFace = Colour{0xF0F0F0};
    EXPECT_EQ(forcedColourScheme(system).surface, system.buttonFace);
}

TEST(MoreContrast, TextLinksAndEdgesReachSevenToOneBordersThree) {
    for (bool dark : {false, true}) {
        const ColourScheme& scheme = colourScheme(dark, true);
        EXPECT_TRUE(scheme.highContrast);
        EXPECT_EQ(scheme.dark, dark);
        EXPECT_NE(&scheme, &colourScheme(dark)) << "a scheme of its own";
        EXPECT_EQ(&colourScheme(dark, false), &colourScheme(dark));
        for (const Colour& back : {scheme.background, scheme.surface}) {
            for (const Colour& ink : {scheme.text, scheme.textMuted, scheme.link, scheme.accent, scheme.warning,
                                      scheme.edge, scheme.edgeStrong, scheme.kind[0], scheme.kind[1], scheme.kind[2],
                                      scheme.kind[3]})
                EXPECT_GE(contrastRatio(ink, back), 7.0) << dark << " " << cssHex(ink) << " on " << cssHex(back);
            EXPECT_GE(contrastRatio(scheme.border, back), 3.0) << dark;
        }
        EXPECT_GE(contrastRatio(scheme.text, scheme.surfaceHover), 7.0) << dark;
        EXPECT_GE(contrastRatio(scheme.accentText, scheme.accent), 7.0) << dark;
        EXPECT_EQ(scheme.edge.alpha, 0xFF) << "opaque edges";
        EXPECT_EQ(scheme.edgeStrong.alpha, 0xFF);
        // Stronger borders than the ordinary scheme's.
        EXPECT_GT(contrastRatio(scheme.border, scheme.background),
                  contrastRatio(colourScheme(dark).border, colourScheme(dark).background));
    }
}

TEST(ContrastRatio, MatchesWcag) {
    EXPECT_DOUBLE_EQ(contrastRatio(Colour{0x000000}, Colour{0xFFFFFF}), 21.0);
    EXPECT_DOUBLE_EQ(contrastRatio(Colour{0x777777}, Colour{0x777777}), 1.0);
    EXPECT_NEAR(contrastRatio(Colour{0x767676}, Colour{0xFFFFFF}), 4.54, 0.01);
}

} // namespace
} // namespace explorer
