// Search folding beyond Latin (text_fold.hpp): what readers of Greek, Cyrillic, Armenian,
// Georgian, Vietnamese, Japanese, Arabic and Hebrew type, and the generated table read back
// code point by code point. (The Latin rules, typography and invalid UTF-8: search_test.cpp.)
#include "core/text_fold.hpp"
#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace explorer {
namespace {

std::string utf8Of(char32_t c) {
    std::string out;
    utf8::append(out, c);
    return out;
}

struct FoldCase {
    std::string input;
    std::string expected;
};

void expectFolds(const std::vector<FoldCase>& cases) {
    for (const FoldCase& c : cases) EXPECT_EQ(foldForSearch(c.input), c.expected) << "input: " << c.input;
}

TEST(TextFold, GreekLosesCaseTonosDialytikaAndFinalSigma) {
    expectFolds({
        {"Πανεπιστήμιο Αθηνών", "πανεπιστημιο αθηνων"},
        {"ΑΘΗΝΩΝ", "αθηνων"},
        {"Σίσυφος ΣΊΣΥΦΟΣ", "σισυφοσ σισυφοσ"}, // final sigma ς and capital Σ are σ
        {"Ελληνικής Γλώσσας", "ελληνικησ γλωσσασ"},
        {"Ϊ ϊ ΐ Ϋ ϋ ΰ", "ι ι ι υ υ υ"},         // dialytika, with or without tonos
        {"Ἀθῆναι ᾨδή", "αθηναι ωδη"},          // polytonic: breathings, perispomeni, iota subscript
        {"Ω\u0301μέγα", "ωμεγα"},               // decomposed tonos
    });
    // What a reader types finds the name as written.
    EXPECT_NE(foldForSearch("Πανεπιστήμιο Αθηνών").find(foldForSearch("αθηνων")), std::string::npos);
}

TEST(TextFold, CyrillicLosesCaseAndDiacritics) {
    expectFolds({
        {"Київський політехнічний інститут", "киівськии політехнічнии інститут"},
        {"КИЇВ", "киів"},
        {"Ёлка ёж", "елка еж"},    // ё is searched as е, the way Russian prints it
        {"Йошкар-Ола", "иошкар-ола"},
        {"Ґанок Ў Ѓ Ќ", "ґанок у г к"},
        {"ЂЉЊЋЏ ӨҮҺ", "ђљњћџ өүһ"}, // letters without decomposition only lose case
    });
    EXPECT_NE(foldForSearch("Київський політехнічний інститут").find(foldForSearch("київ")), std::string::npos);
}

TEST(TextFold, ArmenianAndGeorgianLoseCase) {
    expectFolds({
        {"ԵՐԵՎԱՆ Երևան", "երեվան երեւան"}, // և is the ligature of ե and ւ
        {"ﬓﬔ", "մնմե"},                    // Armenian ligatures spell out
        {"ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ საქართველო", "საქართველო საქართველო"}, // Mtavruli → Mkhedruli
        {"ႠႡ", "ⴀⴁ"},                        // Asomtavruli → Nuskhuri
    });
}

TEST(TextFold, VietnameseAndOtherLatinLoseEveryMark) {
    expectFolds({
        {"Đại học Quốc gia Hà Nội", "dai hoc quoc gia ha noi"},
        {"Trường Đại học Bách khoa", "truong dai hoc bach khoa"},
        {"ỆỄỂ ỰỮ Ỹ", "eee uu y"},
        {"Ǆemal ǅ ǆ", "dzemal dz dz"},
        {"ƀ Ɓ ɓ Ø", "b b b o"}, // stroke and hook; ɓ typed directly folds as Ɓ does
        {"Ǣ ǽ", "ae ae"},
        {"İstanbul", "istanbul"},
    });
}

TEST(TextFold, WidthFormsFoldToTheirUsualForms) {
    expectFolds({
        {"ＯＥＣＤ　２０２４！", "oecd 2024!"}, // full-width ASCII and ideographic space
        {"ｔｏｋｙｏ", "tokyo"},
        {"ﾄｳｷｮｳ", "とうきょう"},              // half-width katakana, as hiragana (below)
        {"ｶﾞｷﾞ ﾊﾟ", foldForSearch("ガギ パ")}, // and their voicing marks meet the composed kana
        {"ﾍﾞｰﾀ", foldForSearch("ベータ")},
        {"ﾡﾤ", "ㄱㄴ"},                        // half-width Hangul jamo
    });
    EXPECT_EQ(foldForSearch("ガ"), "か\u3099");
    EXPECT_EQ(foldForSearch("が"), "か\u3099");
}

// A Japanese reader may type a name in either kana: "とうきょう" finds "トウキョウ" and back.
TEST(TextFold, KatakanaAndHiraganaFoldAlike) {
    expectFolds({
        {"トウキョウ", "とうきょう"},
        {"パリ", foldForSearch("ぱり")},
        {"ヴ", "う\u3099"},          // ヴ has a hiragana twin (ゔ)
        {"ヽヾ", "ゝゝ\u3099"},        // iteration marks (the voiced one decomposed, as ゞ is)
        {"ー", "ー"},                // the prolonged sound mark has none: it stays
        {"ヷ", "わ\u3099"},           // nor has ヷ: its decomposition meets わ + voicing mark
    });
    EXPECT_EQ(foldForSearch("ソフトウェア・ヘリテージ"), foldForSearch("そふとうぇあ・へりてーじ"));
}

TEST(TextFold, ArabicTashkeelAndHebrewPointsAreRemoved) {
    expectFolds({
        {"جَامِعَةُ القَاهِرَة", "جامعة القاهرة"},
        {"أحمد إبراهيم آمنة", "احمد ابراهيم امنة"}, // hamza and madda carriers → bare alef
        {"جامعـــة", "جامعة"},                     // tatweel
        {"אוּנִיבֶרְסִיטָה", "אוניברסיטה"},
    });
}

TEST(TextFold, ScriptsWithoutCaseAreKeptAsTheyAre) {
    for (const std::string text : {"東京大学", "清华大学", "서울대학교", "भारतीय विज्ञान संस्थान", "จุฬาลงกรณ์มหาวิทยาลัย",
                                    "अ\u093C", "กิ"}) {
        EXPECT_EQ(foldForSearch(text), text);
    }
}

TEST(TextFold, InvisibleCharactersVanish) {
    EXPECT_EQ(foldForSearch("Ab\u202Ecd\u202C \u2066x\u2069\u200Fy\u200E"), "abcd xy");
    EXPECT_EQ(foldForSearch("\u202E \u202E"), "");
}

// The generated list (the generator's own answer for every code point it folds, written beside
// the table) read back through foldForSearch: the run encoding and its binary search give the
// same answer for each, and every code point not listed is left alone.
TEST(TextFold, TheTableGivesTheGeneratorsAnswerForEveryCodePoint) {
    std::ifstream file(EXPLORER_FOLD_EXPECTED);
    ASSERT_TRUE(file) << EXPLORER_FOLD_EXPECTED;
    std::map<char32_t, std::string> expected;
    std::string line;
    while (std::getline(file, line)) {
        std::istringstream fields(line);
        std::string hex;
        fields >> hex;
        const auto from = static_cast<char32_t>(std::stoul(hex, nullptr, 16));
        std::string to;
        while (fields >> hex) utf8::append(to, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
        expected[from] = to;
    }
    ASSERT_GT(expected.size(), 1500U);
    std::size_t checked = 0;
    for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const std::string input = "a" + utf8Of(c) + "a";
        const std::string folded = foldForSearch(input);
        const auto found = expected.find(c);
        if (found != expected.end()) {
            ASSERT_EQ(folded, "a" + found->second + "a") << std::hex << static_cast<unsigned>(c);
            ++checked;
        } else if (c > 0xA0 && c != 0x1680 && !(c >= 0x2000 && c <= 0x200A) && c != 0x2028 && c != 0x2029 &&
                   c != 0x202F && c != 0x205F && c != 0x3000) {
            ASSERT_EQ(folded, input) << std::hex << static_cast<unsigned>(c);
        }
        ASSERT_EQ(foldForSearch(folded), folded) << std::hex << static_cast<unsigned>(c); // idempotent
    }
    EXPECT_EQ(checked, expected.size());
    EXPECT_FALSE(foldUnicodeVersion().empty());
}

// An independent check of the generator's rule where it should be nothing but Unicode's: for
// every letter of Greek, Cyrillic, Armenian, Georgian and Vietnamese, case folding then
// canonical decomposition without the marks, as Python computes it.
TEST(TextFold, LettersFoldAsCasefoldThenDecompositionWithoutMarks) {
    const char* script =
        "python3 -c \"import unicodedata as u\n"
        "def s(t): return ''.join(x for x in u.normalize('NFD', t) if u.category(x) != 'Mn')\n"
        "for a, b in ((0x370, 0x3FF), (0x1F00, 0x1FFF), (0x400, 0x52F), (0x531, 0x587), (0x10A0, 0x10FF), "
        "(0x1C90, 0x1CBF), (0x1EA0, 0x1EF9)):\n"
        "  for c in range(a, b + 1):\n"
        "    ch = chr(c)\n"
        "    if u.category(ch) in ('Lu', 'Ll', 'Lt'): print(c, s(s(ch).casefold()))\" 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(script, "r"), pclose);
    if (!pipe) GTEST_SKIP() << "python3 is not available";
    std::string output;
    char buffer[4096];
    while (const std::size_t read = fread(buffer, 1, sizeof buffer, pipe.get())) output.append(buffer, read);
    std::istringstream lines(output);
    std::string line;
    std::size_t checked = 0;
    while (std::getline(lines, line)) {
        const std::size_t space = line.find(' ');
        ASSERT_NE(space, std::string::npos) << line;
        const auto c = static_cast<char32_t>(std::stoul(line.substr(0, space)));
        EXPECT_EQ(foldForSearch(utf8Of(c)), line.substr(space + 1)) << std::hex << static_cast<unsigned>(c);
        ++checked;
    }
    if (checked == 0) GTEST_SKIP() << "python3 is not available";
    EXPECT_GT(checked, 900U);
}

} // namespace
} // namespace explorer
