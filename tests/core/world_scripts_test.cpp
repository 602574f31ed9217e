// Names in nine writing systems (tests/fixtures/csv/world-scripts.csv: Greek, Cyrillic, Arabic,
// Hebrew, Devanagari, Thai, Chinese, Japanese, Korean, and Latin with accents) loaded from a
// newsroom's CSV, searched as readers of those scripts type them, and exported: every export
// keeps every name byte for byte, and the SVG writes them as text in the widget's font stack.
#include "core/csv_import.hpp"
#include "core/data_export.hpp"
#include "core/filters.hpp"
#include "core/font_stack.hpp"
#include "core/search.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace explorer {
namespace {

Dataset worldScripts() {
    LoadResult result = loadCsvDataset(test::readSourceFile("tests/fixtures/csv/world-scripts.csv"));
    EXPECT_TRUE(result.problems.empty());
    return result.dataset ? std::move(*result.dataset) : Dataset{};
}

// RFC 4180 rows of a CSV text (quotes, doubled quotes, commas and line breaks inside quotes).
std::vector<std::vector<std::string>> csvRows(std::string_view text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                rows.back().back().push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                rows.back().back().push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\n') {
            rows.emplace_back(1);
        } else {
            rows.back().back().push_back(c);
        }
    }
    if (rows.back().size() == 1 && rows.back().front().empty()) rows.pop_back();
    return rows;
}

// The names as the fixture spells them, read from its source and target columns.
std::set<std::string> fixtureNames() {
    std::set<std::string> names;
    const auto rows = csvRows(test::readSourceFile("tests/fixtures/csv/world-scripts.csv"));
    for (std::size_t r = 1; r < rows.size(); ++r) {
        names.insert(rows[r].at(0));
        names.insert(rows[r].at(1));
    }
    return names;
}

std::string topName(const Dataset& dataset, std::string_view query) {
    const std::vector<SearchHit> hits = search(dataset, query, Lang::En, 5);
    return hits.empty() ? std::string("(nothing)") : dataset.entities[hits.front().entity].name;
}

TEST(WorldScripts, TheFixtureLoadsWithEveryNameAsWritten) {
    const Dataset dataset = worldScripts();
    std::set<std::string> loaded;
    for (const Entity& entity : dataset.entities) loaded.insert(entity.name);
    EXPECT_EQ(loaded, fixtureNames());
    EXPECT_EQ(dataset.entities.size(), 20U); // 9 projects, 11 organisations
}

TEST(WorldScripts, ReadersFindNamesAsTheyTypeThem) {
    const Dataset dataset = worldScripts();
    // Greek: no tonos, lower case, final sigma typed as σ.
    EXPECT_EQ(topName(dataset, "αθηνων"), "Πανεπιστήμιο Αθηνών");
    EXPECT_EQ(topName(dataset, "ΑΘΗΝΩΝ"), "Πανεπιστήμιο Αθηνών");
    EXPECT_EQ(topName(dataset, "ελληνικησ γλωσσασ"), "Πρόγραμμα Ελληνικής Γλώσσας");
    // Cyrillic: lower case, the start of a word.
    EXPECT_EQ(topName(dataset, "київ"), "Київський політехнічний інститут");
    EXPECT_EQ(topName(dataset, "ПОЛІТЕХНІЧНИЙ"), "Київський політехнічний інститут");
    EXPECT_EQ(topName(dataset, "мовна модель"), "Мовна модель для всіх");
    // Chinese, Japanese, Korean: no case; a part of the name.
    EXPECT_EQ(topName(dataset, "東京"), "東京大学");
    EXPECT_EQ(topName(dataset, "清华"), "清华大学");
    EXPECT_EQ(topName(dataset, "서울"), "서울대학교");
    EXPECT_EQ(topName(dataset, "ｋｔｈ"), "KTH Royal Institute of Technology — Kungliga Tekniska högskolan"); // full width
    // Arabic with and without tashkeel, Hebrew with and without points.
    EXPECT_EQ(topName(dataset, "جامعة القاهرة"), "جامعة القاهرة");
    EXPECT_EQ(topName(dataset, "جَامِعَة القَاهِرَة"), "جامعة القاهرة");
    EXPECT_EQ(topName(dataset, "תל אביב"), "אוניברסיטת תל אביב");
    EXPECT_EQ(topName(dataset, "תֵּל אָבִיב"), "אוניברסיטת תל אביב");
    // Latin with accents, typed without.
    EXPECT_EQ(topName(dataset, "hogskolan"), "KTH Royal Institute of Technology — Kungliga Tekniska högskolan");
    // Mixed: the Latin part of an Arabic name.
    EXPECT_EQ(topName(dataset, "cairo"), "جامعة القاهرة (Cairo University)");
}

TEST(WorldScripts, CsvAndJsonExportsKeepEveryNameByteForByte) {
    const Dataset dataset = worldScripts();
    const VisibleSet visible = applyFilters(dataset, Filters{});
    // Relations: source_id,source_name,target_id,target_name,…
    const auto relations = csvRows(relationsCsv(dataset, visible, Lang::En));
    ASSERT_EQ(relations.size(), dataset.relations.size() + 1);
    for (std::size_t r = 1; r < relations.size(); ++r) {
        for (const std::size_t column : {std::size_t{0}, std::size_t{2}}) {
            const auto entity = dataset.findEntity(relations[r].at(column));
            ASSERT_TRUE(entity.has_value()) << relations[r].at(column);
            EXPECT_EQ(relations[r].at(column + 1), dataset.entities[*entity].name);
        }
    }
    // Entities: id,kind,name,…
    const auto entities = csvRows(entitiesCsv(dataset, visible, Lang::En));
    ASSERT_EQ(entities.size(), dataset.entities.size() + 1);
    std::set<std::string> exported;
    for (std::size_t r = 1; r < entities.size(); ++r) exported.insert(entities[r].at(2));
    EXPECT_EQ(exported, fixtureNames());

    // The dataset file: names as JSON strings, in UTF-8 as written (not \u escapes).
    const std::string json = visibleDatasetJson(dataset, visible);
    const nlohmann::json document = nlohmann::json::parse(json, nullptr, false);
    ASSERT_FALSE(document.is_discarded());
    std::set<std::string> inJson;
    for (const auto& entity : document.at("entities")) inJson.insert(entity.at("name").get<std::string>());
    EXPECT_EQ(inJson, fixtureNames());
    for (const std::string& name : fixtureNames()) EXPECT_NE(json.find("\"" + name + "\""), std::string::npos) << name;
}

TEST(WorldScripts, TheSvgWritesNamesAsTextInTheWidgetsFontStack) {
    const Dataset dataset = worldScripts();
    const std::string svg = networkSvg(dataset, applyFilters(dataset, Filters{}), Lang::En,
                                       networkSvgOptions(dataset, Lang::En, false));
    // The stack, XML-escaped in its attribute, ends with the generic family.
    EXPECT_EQ(std::string(kFontStack).substr(kFontStack.size() - 10), "sans-serif");
    std::string attribute;
    for (const char c : kFontStack) attribute += c == '"' ? std::string("&quot;") : std::string(1, c);
    EXPECT_NE(svg.find("font-family=\"" + attribute + "\""), std::string::npos);
    // Every name, 40 characters at most, is the content of a <text> element (and of its node's
    // <title> tooltip in full), byte for byte; no glyph is drawn as a path.
    for (const Entity& entity : dataset.entities) {
        EXPECT_NE(svg.find("<title>" + entity.name + "</title>"), std::string::npos) << entity.name;
        std::size_t characters = 0;
        for (const char c : entity.name) characters += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
        if (characters <= 40) {
            EXPECT_NE(svg.find("\">" + entity.name + "</text>"), std::string::npos) << entity.name;
        }
    }
    EXPECT_EQ(svg.find("<path"), std::string::npos);
}

} // namespace
} // namespace explorer
