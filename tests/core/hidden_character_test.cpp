// Names that could pass for others (dataset_loader.hpp, findHiddenCharacter): control and bidi
// override characters are refused by both loaders with their place and a message that says why;
// the direction marks mixed-script names need are allowed.
#include "core/csv_import.hpp"
#include "core/dataset_loader.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace explorer {
namespace {

struct Expected {
    std::string pointer;
    int line;
    int column;
    std::string value;
    std::size_t number;
};

void expectProblems(const LoadResult& result, const std::vector<Expected>& expected) {
    EXPECT_FALSE(result.dataset.has_value());
    ASSERT_EQ(result.problems.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Problem& problem = result.problems[i];
        SCOPED_TRACE(describe(problem, Lang::En));
        EXPECT_EQ(problem.code, ProblemCode::HiddenCharacter);
        EXPECT_EQ(problem.pointer, expected[i].pointer);
        EXPECT_EQ(problem.line, expected[i].line);
        EXPECT_EQ(problem.column, expected[i].column);
        EXPECT_EQ(problem.value, expected[i].value);
        EXPECT_EQ(problem.number, expected[i].number);
    }
}

TEST(HiddenCharacter, FindsControlsAndBidiOverridesButNotDirectionMarks) {
    EXPECT_FALSE(findHiddenCharacter("Inria"));
    EXPECT_FALSE(findHiddenCharacter("מיזם\u200F (Hebrew) \u200EKTH")); // RLM, LRM
    EXPECT_FALSE(findHiddenCharacter("two\nlines\tand\r\na tab"));        // shown as spaces
    EXPECT_FALSE(findHiddenCharacter("bad \xff byte"));                    // InvalidUtf8's job, before
    for (const char32_t c : {0x01U, 0x1BU, 0x7FU, 0x80U, 0x85U, 0x9FU, 0x202AU, 0x202BU, 0x202CU, 0x202DU, 0x202EU,
                             0x2066U, 0x2067U, 0x2068U, 0x2069U}) {
        std::string text = "Ab\xc3\xa9";
        if (c < 0x80) {
            text.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            text.push_back(static_cast<char>(0xC0 | (c >> 6)));
            text.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            text.push_back(static_cast<char>(0xE0 | (c >> 12)));
            text.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            text.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
        const auto found = findHiddenCharacter(text + "x");
        ASSERT_TRUE(found) << std::hex << static_cast<unsigned>(c);
        EXPECT_EQ(found->codePoint, c);
        EXPECT_EQ(found->index, 4U); // counted in characters, not bytes
    }
    for (const char32_t c : {0x200BU, 0x2029U, 0x2065U, 0x206AU, 0x2029U, 0xA0U}) {
        EXPECT_FALSE(findHiddenCharacter("a" + std::string(c == 0xA0U ? "\xc2\xa0" : "\xe2\x80\x8b")))
            << std::hex << static_cast<unsigned>(c);
    }
    EXPECT_EQ(codePointName(0x202E), "U+202E");
    EXPECT_EQ(codePointName(0x7), "U+0007");
    EXPECT_EQ(codePointName(0x10FFFF), "U+10FFFF");
}

TEST(HiddenCharacter, TheJsonLoaderReportsEveryTextWithItsPlace) {
    // Names, aliases, descriptions and a source's title, written as JSON escapes; "Alpha \u200f(א)"
    // holds an RLM and is valid.
    expectProblems(loadDataset(test::readSourceFile("tests/fixtures/hidden_character.json")),
                   {
                       {"/sources/0/title", 9, 57, "U+2066", 13},
                       {"/entities/1/name", 13, 93, "U+202E", 9},
                       {"/entities/1/aliases/0", 13, 127, "U+0007", 5},
                       {"/entities/1/description/fr", 13, 189, "U+0085", 11},
                   });
}

TEST(HiddenCharacter, TheCsvLoaderReportsNamesAndRolesWithLineAndField) {
    expectProblems(loadCsvDataset(test::readSourceFile("tests/fixtures/csv/hidden_character.csv")),
                   {
                       {"target", 2, 2, "U+202E", 5},
                       {"role", 3, 3, "U+0007", 5},
                       {"source", 4, 1, "U+2067", 7}, // a quoted name over two lines: its first line
                       {"source", 7, 1, "U+0085", 8},
                   });
}

TEST(HiddenCharacter, TheMessageSaysWhyInBothLanguages) {
    Problem bidi;
    bidi.code = ProblemCode::HiddenCharacter;
    bidi.pointer = "/entities/1/name";
    bidi.line = 13;
    bidi.column = 110;
    bidi.value = "U+202E";
    bidi.number = 9;
    EXPECT_EQ(describe(bidi, Lang::En),
              "/entities/1/name: character 9 of this text is U+202E, an invisible bidirectional control: it can "
              "reorder what is shown and make one name look like another; remove it (line 13, column 110)");
    EXPECT_EQ(describe(bidi, Lang::Fr),
              "/entities/1/name : le caractère 9 de ce texte est U+202E, une commande de sens d’écriture invisible : "
              "elle peut réordonner l’affichage et faire passer un nom pour un autre ; retirez-la (ligne 13, "
              "colonne 110)");
    Problem control = bidi;
    control.value = "U+0007";
    EXPECT_NE(problemMessage(control, Lang::En).find("an invisible control character: it can make one name look like "
                                                      "another"),
              std::string::npos);
    EXPECT_NE(problemMessage(control, Lang::Fr).find("un caractère de contrôle invisible"), std::string::npos);
    EXPECT_EQ(toString(ProblemCode::HiddenCharacter), "hidden_character");
}

// A hidden character is not a reason to stop reading: the other problems of the file are listed too.
TEST(HiddenCharacter, OtherProblemsAreStillReported) {
    const LoadResult result = loadCsvDataset("source,target,role\nA\u202E,B,lead\nC,C,lead\n");
    ASSERT_EQ(result.problems.size(), 2U);
    EXPECT_EQ(result.problems[0].code, ProblemCode::HiddenCharacter);
    EXPECT_EQ(result.problems[1].code, ProblemCode::SelfRelation);
}

} // namespace
} // namespace explorer
