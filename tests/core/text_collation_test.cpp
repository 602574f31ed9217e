// The order of names for display (text_collation.hpp): one rule for every script, numbers by
// value, case and accents ignored, and a strict order whatever the names.
#include "core/text_collation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace explorer {
namespace {

std::vector<std::string> sorted(std::vector<std::string> names) {
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return nameLess(a, b); });
    return names;
}

using Names = std::vector<std::string>;

TEST(TextCollation, LatinIgnoresCaseAndAccents) {
    // By bytes, Ångström and Österreich would come after Zürich, and "ecole" after "Zeta".
    EXPECT_EQ(sorted({"Zürich", "Österreich", "Ångström", "Amsterdam", "zeta", "École", "ecole", "Ecole"}),
              (Names{"Amsterdam", "Ångström", "Ecole", "ecole", "École", "Österreich", "zeta", "Zürich"}));
}

TEST(TextCollation, GreekAndCyrillicFollowTheirAlphabets) {
    EXPECT_EQ(sorted({"Ωμέγα", "Βέροια", "άλφα", "Αθήνα", "Σπάρτη", "ςίγμα"}),
              (Names{"Αθήνα", "άλφα", "Βέροια", "ςίγμα", "Σπάρτη", "Ωμέγα"}));
    // ё sorts with е (by code point it would follow я); capitals with their small letters.
    EXPECT_EQ(sorted({"Жук", "Ель", "ёлка", "Абрикос", "яблоко", "Юла"}),
              (Names{"Абрикос", "ёлка", "Ель", "Жук", "Юла", "яблоко"}));
}

TEST(TextCollation, UkrainianSerbianAndKazakhLettersSitAfterTheLetterTheyGrowFrom) {
    // By code point ґ є і ї would all follow я; in the Ukrainian alphabet they follow г е и.
    EXPECT_EQ(sorted({"Ярослав", "Їжак", "Київ", "Іван", "Житомир", "Євген", "Дніпро", "Ґанок", "Гуцул", "Ерделі", "Ивано"}),
              (Names{"Гуцул", "Ґанок", "Дніпро", "Ерделі", "Євген", "Житомир", "Ивано", "Іван", "Їжак", "Київ", "Ярослав"}));
    // Serbian љ after л, њ after н, џ after ч; Kazakh қ after к, ө after о, ү after у.
    EXPECT_EQ(sorted({"Џак", "Њива", "Љубав", "Лука", "Мост", "Нова", "Чаша", "Ш"}),
              (Names{"Лука", "Љубав", "Мост", "Нова", "Њива", "Чаша", "Џак", "Ш"}));
    EXPECT_EQ(sorted({"Қала", "Кітап", "Өзен", "Орал", "Пар", "Үй", "Ум"}),
              (Names{"Кітап", "Қала", "Орал", "Өзен", "Пар", "Ум", "Үй"}));
    // Still a strict order: a capital and its small letter are tied only until the bytes decide.
    EXPECT_LT(compareNames("Євген", "євген"), 0);
    EXPECT_NE(compareNames("ґ", "г"), 0);
}

TEST(TextCollation, CjkAndHangulByCodePoint) {
    EXPECT_EQ(sorted({"清华大学", "東京大学", "北京大学"}), (Names{"北京大学", "東京大学", "清华大学"}));
    EXPECT_EQ(sorted({"서울대학교", "고려대학교", "연세대학교"}), (Names{"고려대학교", "서울대학교", "연세대학교"}));
    // Kana in gojūon order; a half-width name sits with its full-width spelling.
    EXPECT_EQ(sorted({"ｶﾀｶﾅ", "アイウ", "カタカナ"}), (Names{"アイウ", "カタカナ", "ｶﾀｶﾅ"}));
    // Hiragana and katakana interleave by syllable, as in a Japanese dictionary.
    EXPECT_EQ(sorted({"とうきょう", "カタカナ", "あいう", "トヨタ"}), (Names{"あいう", "カタカナ", "とうきょう", "トヨタ"}));
}

TEST(TextCollation, ScriptsFollowOneAnotherInUnicodeOrder) {
    EXPECT_EQ(sorted({"서울대학교", "東京大学", "Πανεπιστήμιο", "Київ", "אביב", "القاهرة", "भारतीय", "จุฬา", "Zeta", "Ωμέγα"}),
              (Names{"Zeta", "Πανεπιστήμιο", "Ωμέγα", "Київ", "אביב", "القاهرة", "भारतीय", "จุฬา", "東京大学",
                     "서울대학교"}));
}

TEST(TextCollation, NumbersCompareByValue) {
    EXPECT_EQ(sorted({"Lot 10", "Lot 9", "Lot 100", "Lot 09", "Lot 1a", "Lot", "Lot-2"}),
              (Names{"Lot", "Lot 1a", "Lot 09", "Lot 9", "Lot 10", "Lot 100", "Lot-2"}));
    // Full-width digits are digits once folded.
    EXPECT_LT(compareNames("Ｌｏｔ ９", "Lot 10"), 0);
    // Numbers longer than any integer type still compare by value.
    EXPECT_LT(compareNames("n 99999999999999999999999", "n 100000000000000000000000"), 0);
    EXPECT_GT(compareNames("n 000000000000000000000001", "n 0"), 0);
}

TEST(TextCollation, TwoDifferentNamesAreNeverEqual) {
    EXPECT_NE(compareNames("007", "7"), 0);
    EXPECT_NE(compareNames("École", "ecole"), 0);
    EXPECT_NE(compareNames("a\u00A0b", "a b"), 0);
    EXPECT_EQ(compareNames("Πανεπιστήμιο", "Πανεπιστήμιο"), 0);
    EXPECT_EQ(compareFoldedNames("", ""), 0);
    EXPECT_LT(compareFoldedNames("", "a"), 0);
}

// std::sort needs a strict weak order: irreflexive, antisymmetric and transitive on any names.
TEST(TextCollation, IsAStrictOrderOnTrickyNames) {
    const Names names = {"", "0", "00", "007", "7", "7a", "a7", "a07", "a 7", "a10", "A10", "ä10", "a1b",
                         "a01b", "-1", "~", "Ωμέγα", "ωμεγα", "東京", "ｶ", "カ", "a\xff", "9999999999", "10000000000"};
    for (const std::string& a : names) {
        EXPECT_EQ(compareNames(a, a), 0);
        for (const std::string& b : names) {
            EXPECT_EQ(compareNames(a, b) < 0, compareNames(b, a) > 0) << a << " | " << b;
            for (const std::string& c : names) {
                if (compareNames(a, b) < 0 && compareNames(b, c) < 0) {
                    EXPECT_LT(compareNames(a, c), 0) << a << " < " << b << " < " << c;
                }
            }
        }
    }
}

} // namespace
} // namespace explorer
