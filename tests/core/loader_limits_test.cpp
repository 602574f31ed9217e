// The worst inputs the two loaders accept to read (dataset_loader.hpp, csv_import.hpp), built in
// memory at the documented limits: 128 MiB, 200,000 entities, 1,000,000 relations, 10,000,000
// JSON values, depth 64, 1,000 free-text roles, 1,000 CSV fields. Each test asserts what the loader returns, never how long
// it took (timed tests flake); the loaders' headers give the costs, and the figures measured on
// these very inputs.
#include "core/csv_import.hpp"
#include "core/dataset_loader.hpp"
#include "core/problem_collector.hpp"
#include "core/vocabulary.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace explorer {
namespace {

std::string listProblems(const LoadResult& result) {
    std::string listed;
    for (std::size_t i = 0; i < result.problems.size() && i < 5; ++i) {
        listed += "\n  " + describe(result.problems[i], Lang::En).substr(0, 300);
    }
    return listed;
}

// Asserts the capped list: kMaxProblems problems of `code` in file order, then TooManyProblems
// counting the other `total - kMaxProblems`.
void expectCappedList(const LoadResult& result, ProblemCode code, std::size_t total) {
    EXPECT_FALSE(result.dataset.has_value());
    ASSERT_EQ(result.problems.size(), kMaxProblems + 1) << listProblems(result);
    for (std::size_t i = 0; i < kMaxProblems; ++i) {
        const Problem& problem = result.problems[i];
        EXPECT_EQ(problem.code, code) << i << ": " << describe(problem, Lang::En).substr(0, 300);
        EXPECT_GE(problem.line, 1) << i;
        EXPECT_GE(problem.column, 1) << i;
        if (i > 0) {
            const Problem& before = result.problems[i - 1];
            EXPECT_LE(std::pair(before.line, before.column), std::pair(problem.line, problem.column)) << i;
        }
    }
    const Problem& last = result.problems.back();
    EXPECT_EQ(last.code, ProblemCode::TooManyProblems);
    EXPECT_EQ(last.number, total - kMaxProblems);
}

// ============================================================================== JSON

// Pieces of a valid `communs-explorer/1` document, all on one line.
constexpr std::string_view kHead =
    R"({"format":"communs-explorer/1","title":{"fr":"T","en":"T"},)"
    R"("sources":[{"id":"s","outlet":"O","title":"T","date":"2024","url":"https://example.org/","layer":"article"}],)";

std::string organisationJson(std::size_t i, const std::string& description = "d") {
    const std::string n = std::to_string(i);
    return R"({"id":"org:o)" + n + R"(","kind":"organisation","type":"company","name":"Organisation )" + n +
           R"(","description":{"fr":")" + description + R"(","en":")" + description + R"("},"sources":["s"]})";
}

std::string projectJson(std::size_t i, const std::string& description = "d") {
    const std::string n = std::to_string(i);
    return R"({"id":"project:p)" + n + R"(","kind":"project","name":"Projet )" + n + R"(","description":{"fr":")" +
           description + R"(","en":")" + description + R"("},"sources":["s"]})";
}

std::string relationJson(const std::string& source, const std::string& role, const std::string& target,
                         const std::string& sources = R"(["s"])") {
    return R"({"source":")" + source + R"(","role":")" + role + R"(","target":")" + target + R"(","sources":)" +
           sources + "}";
}

// A document with these entities and relations (JSON array items, joined with commas).
std::string documentJson(const std::vector<std::string>& entities, const std::vector<std::string>& relations,
                         std::string_view extraMembers = {}) {
    std::string text(kHead);
    text += extraMembers;
    text += R"("entities":[)";
    for (std::size_t i = 0; i < entities.size(); ++i) {
        if (i > 0) text.push_back(',');
        text += entities[i];
    }
    text += R"(],"relations":[)";
    for (std::size_t i = 0; i < relations.size(); ++i) {
        if (i > 0) text.push_back(',');
        text += relations[i];
    }
    text += "]}";
    return text;
}

constexpr std::size_t kProjects = 1'000;
constexpr std::size_t kOrganisations = kMaxEntities - kProjects;

// 200,000 entities and 1,000,000 distinct relations, every description padded so that the whole
// document, on one single line, is just under 128 MiB.
std::string largestValidDocument(const std::string& lastRole = "partner") {
    std::vector<std::string> relations;
    relations.reserve(kMaxRelations);
    for (std::size_t i = 0; i < kMaxRelations; ++i) {
        // (i mod 199,000, i div 199,000) is a different pair for every i.
        const std::string role = i + 1 == kMaxRelations ? lastRole : "partner";
        relations.push_back(relationJson("org:o" + std::to_string(i % kOrganisations), role,
                                         "project:p" + std::to_string(i / kOrganisations)));
    }
    const auto entitiesWith = [](const std::string& description) {
        std::vector<std::string> entities;
        entities.reserve(kMaxEntities);
        for (std::size_t i = 0; i < kProjects; ++i) entities.push_back(projectJson(i, description));
        for (std::size_t i = 0; i < kOrganisations; ++i) entities.push_back(organisationJson(i, description));
        return entities;
    };
    const std::size_t unpadded = documentJson(entitiesWith("d"), relations).size();
    const std::size_t pad = (kMaxInputBytes - unpadded - 64) / (2 * kMaxEntities);
    return documentJson(entitiesWith(std::string(pad + 1, 'x')), relations);
}

TEST(DatasetLoaderLimits, LoadsTheLargestDatasetOnOneLineAtTheByteLimit) {
    const std::string text = largestValidDocument();
    ASSERT_LE(text.size(), kMaxInputBytes);
    ASSERT_GT(text.size(), kMaxInputBytes - 100'000);
    ASSERT_EQ(text.find('\n'), std::string::npos);
    const LoadResult result = loadDataset(text);
    ASSERT_TRUE(result.dataset.has_value()) << listProblems(result);
    EXPECT_EQ(result.dataset->entities.size(), kMaxEntities);
    EXPECT_EQ(result.dataset->relations.size(), kMaxRelations);
    EXPECT_EQ(result.dataset->count(EntityKind::Project), kProjects);
}

TEST(DatasetLoaderLimits, PlacesAProblemAtTheEndOfALineAtTheByteLimit) {
    const std::string text = largestValidDocument("leader");
    const LoadResult result = loadDataset(text);
    ASSERT_EQ(result.problems.size(), 1U) << listProblems(result);
    const Problem& problem = result.problems.front();
    EXPECT_EQ(problem.code, ProblemCode::UnknownRole);
    EXPECT_EQ(problem.pointer, "/relations/" + std::to_string(kMaxRelations - 1) + "/role");
    EXPECT_EQ(problem.line, 1);
    EXPECT_EQ(static_cast<std::size_t>(problem.column), text.rfind("\"leader\"") + 1) << "ASCII: columns are bytes + 1";
}

TEST(DatasetLoaderLimits, LoadsOneTextOfNearlyTheByteLimit) {
    const std::string description((kMaxInputBytes - 1'000) / 2, 'x'); // in French and in English
    const LoadResult result = loadDataset(documentJson({organisationJson(1, description)}, {}));
    ASSERT_TRUE(result.dataset.has_value()) << listProblems(result);
    EXPECT_EQ(result.dataset->entities.front().description.en.size(), description.size());
}

// ---- the problem list at its cap, one kind of problem at a time

struct JsonFlood {
    const char* name;
    ProblemCode code;
    std::function<std::pair<std::string, std::size_t>()> make; // the document, and its number of problems
};

// Items repeated to fill about `bytes` (each followed by a comma but the last).
std::pair<std::string, std::size_t> repeated(std::string_view item, std::size_t bytes) {
    std::string items;
    std::size_t count = 0;
    while (items.size() + item.size() + 1 < bytes) {
        if (count++ > 0) items.push_back(',');
        items += item;
    }
    return {items, count};
}

const JsonFlood kJsonFloods[] = {
    {"unknown_field_on_every_entity", ProblemCode::UnknownField,
     [] {
         std::vector<std::string> entities;
         for (std::size_t i = 0; i < kMaxEntities; ++i) {
             std::string entity = organisationJson(i);
             entity.insert(entity.size() - 1, R"(,"souces":["s"])");
             entities.push_back(std::move(entity));
         }
         return std::pair(documentJson(entities, {}), kMaxEntities);
     }},
    {"unknown_entity_in_every_relation", ProblemCode::UnknownEntity,
     [] {
         std::vector<std::string> relations;
         for (std::size_t i = 0; i < kMaxRelations; ++i) relations.push_back(relationJson("org:o1", "partner", "project:none"));
         return std::pair(documentJson({organisationJson(1)}, relations), kMaxRelations);
     }},
    {"the_same_relation_every_time", ProblemCode::DuplicateRelation,
     [] {
         std::vector<std::string> relations(kMaxRelations, relationJson("org:o1", "partner", "project:p1"));
         return std::pair(documentJson({organisationJson(1), projectJson(1)}, relations), kMaxRelations - 1);
     }},
    {"unknown_source_in_every_relation", ProblemCode::UnknownSource,
     [] {
         std::vector<std::string> entities;
         for (std::size_t i = 0; i < kMaxEntities; ++i) entities.push_back(organisationJson(i));
         std::vector<std::string> relations;
         for (std::size_t i = 0; i < kMaxRelations; ++i) {
             // A different pair each time: (a, a + 1 + i div 200,000).
             const std::size_t a = i % kMaxEntities;
             const std::size_t b = (a + 1 + i / kMaxEntities) % kMaxEntities;
             relations.push_back(relationJson("org:o" + std::to_string(a), "partner", "org:o" + std::to_string(b),
                                              R"(["nowhere"])"));
         }
         return std::pair(documentJson(entities, relations), kMaxRelations);
     }},
    {"every_relation_a_number", ProblemCode::WrongType,
     [] {
         const std::vector<std::string> relations(kMaxRelations, "1");
         return std::pair(documentJson({}, relations), kMaxRelations);
     }},
    {"an_invalid_date_in_every_source_up_to_the_byte_limit", ProblemCode::InvalidDate,
     [] {
         std::string sources;
         std::size_t count = 0;
         while (sources.size() + 200 < kMaxInputBytes - 1'000) {
             if (count > 0) sources.push_back(',');
             sources += R"({"id":"s)" + std::to_string(count++) +
                        R"(","outlet":"O","title":"T","date":"2024-02-30","url":"https://example.org/","layer":"external"})";
         }
         std::string text(kHead);
         text.replace(text.find(R"("sources":[)"), std::string::npos, R"("sources":[)" + sources + R"(],"entities":[],"relations":[]})");
         return std::pair(text, count);
     }},
    {"one_alias_repeated_over_five_mebibytes", ProblemCode::DuplicateItem,
     [] {
         const auto [aliases, count] = repeated(R"("a")", 5U * 1024U * 1024U);
         std::string entity = organisationJson(1);
         entity.insert(entity.size() - 1, R"(,"aliases":[)" + aliases + "]");
         return std::pair(documentJson({entity}, {}), count - 1);
     }},
    // About ten million repeats: as many as kMaxJsonValues lets through (each repeat is one value).
    {"one_key_repeated_up_to_the_value_limit", ProblemCode::DuplicateKey,
     [] {
         const auto [members, count] = repeated(R"("a":0)", 6U * (kMaxJsonValues - 100));
         return std::pair(documentJson({}, {}, R"("$schema":{)" + members + "},"), count - 1);
     }},
};

class JsonFloodTest : public ::testing::TestWithParam<JsonFlood> {};

TEST_P(JsonFloodTest, KeepsTheFirstProblemsAndCountsTheRest) {
    const auto [text, total] = GetParam().make();
    ASSERT_LE(text.size(), kMaxInputBytes);
    expectCappedList(loadDataset(text), GetParam().code, total);
}

INSTANTIATE_TEST_SUITE_P(DatasetLoaderLimits, JsonFloodTest, ::testing::ValuesIn(kJsonFloods),
                         [](const auto& test) { return std::string(test.param.name); });

// ---- duplicate keys under a very long member name

TEST(DatasetLoaderLimits, ManyDuplicateKeysUnderAVeryLongNameStayLinear) {
    // {"$schema": {"kkk…(64 MiB)": {"a":0, "a":0, … ten million times}}, …}: each problem's
    // pointer holds the 64 MiB name. Only the problems that are kept build it, and the kept ones
    // hold at most kMaxProblemTextBytes together, the first one excepted. (The repeats stop at
    // kMaxJsonValues, the name takes the rest of the byte limit.)
    const std::string name(64U * 1024U * 1024U, 'k');
    const std::string head = R"("$schema":{")" + name + R"(":{)";
    const auto [members, count] =
        repeated(R"("a":0)", std::min<std::size_t>(kMaxInputBytes - head.size() - 1'000, 6U * (kMaxJsonValues - 100)));
    const std::string text = documentJson({}, {}, head + members + "}},");
    ASSERT_LE(text.size(), kMaxInputBytes);
    const LoadResult result = loadDataset(text);
    ASSERT_EQ(result.problems.size(), 2U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::DuplicateKey);
    EXPECT_EQ(result.problems[0].pointer, "/$schema/" + name + "/a");
    EXPECT_EQ(result.problems[0].line, 1);
    EXPECT_EQ(static_cast<std::size_t>(result.problems[0].column), text.rfind(R"("a":0)") + 1)
        << "one pointer for all the repeats: placed at the last, the one a JSON parser keeps";
    EXPECT_EQ(result.problems[1].code, ProblemCode::TooManyProblems);
    EXPECT_EQ(result.problems[1].number, count - 2);
}

// ---- nesting

TEST(DatasetLoaderLimits, AcceptsArraysNestedToTheLimitAndRefusesOneLevelMore) {
    // "$schema" (the one member the loader does not read) holds arrays nested down to level 64,
    // the root object being level 1, over and over: 2 MiB of them, a DOM of a million arrays.
    // (Up to kMaxJsonValues, the same shape's cost is in dataset_loader.hpp.)
    const std::string deepest = std::string(kMaxNestingDepth - 2, '[') + std::string(kMaxNestingDepth - 2, ']');
    const auto [arrays, count] = repeated(deepest, 2U * 1024U * 1024U);
    std::string text = documentJson({organisationJson(1)}, {}, R"("$schema":[)" + arrays + "],");
    LoadResult result = loadDataset(text);
    EXPECT_TRUE(result.dataset.has_value()) << listProblems(result);

    // One level more, in the last of them.
    const std::size_t last = text.rfind(deepest);
    text.insert(last + deepest.size() / 2, "[]");
    result = loadDataset(text);
    ASSERT_EQ(result.problems.size(), 1U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::TooDeep);
    EXPECT_EQ(static_cast<std::size_t>(result.problems[0].column), last + deepest.size() / 2 + 1);
}

TEST(DatasetLoaderLimits, DuplicateKeysAtTheDeepestLevelArePlaced) {
    // 62 nested objects, each under a 100,000-byte name, then 200,000 repeated keys.
    std::string names;
    std::string pointer = "/$schema";
    for (std::size_t level = 0; level < kMaxNestingDepth - 2; ++level) {
        const std::string name = std::to_string(level) + std::string(100'000, 'n');
        names += "{\"" + name + "\":";
        pointer += "/" + name;
    }
    const auto [members, count] = repeated(R"("a":0)", 200'000U * 6U);
    const std::string text =
        documentJson({}, {}, R"("$schema":)" + names + "{" + members + "}" + std::string(kMaxNestingDepth - 2, '}') + ",");
    ASSERT_LE(text.size(), kMaxInputBytes);
    const LoadResult result = loadDataset(text);
    ASSERT_GE(result.problems.size(), 2U);
    EXPECT_EQ(result.problems[0].code, ProblemCode::DuplicateKey);
    EXPECT_EQ(result.problems[0].pointer, pointer + "/a");
    EXPECT_EQ(result.problems.back().code, ProblemCode::TooManyProblems);
    // Each pointer is 6 MB long: the first is kept, the others counted.
    EXPECT_EQ(result.problems.size(), 2U);
    EXPECT_EQ(result.problems.back().number, count - 2);
}

// ============================================================================== CSV

std::string csvLines(std::size_t count, const std::function<std::string(std::size_t)>& line,
                     std::string header = "source,target,role\n") {
    std::string text = std::move(header);
    for (std::size_t i = 0; i < count; ++i) text += line(i);
    return text;
}

TEST(CsvImportLimits, LoadsTheLargestFileWithEveryLimitReached) {
    // 1,000,000 relations between 1,000 projects and 199,000 organisations, under 1,000 free-text
    // roles, each citing its own URL, padded to just under 128 MiB.
    // Line i: project i mod 1,000 and organisation 199 (i div 1,000) + i mod 199, a different
    // pair for every i, and every project and organisation met.
    const auto line = [](std::size_t i, std::size_t pad) {
        const std::size_t organisation = i / kProjects * 199 + i % 199;
        return "Projet " + std::to_string(i % kProjects) + ",Organisation " + std::to_string(organisation) +
               ",rôle libre " + std::to_string(i % kMaxCsvFreeRoles) + ",project,organisation,https://example.org/" +
               std::to_string(i) + "/" + std::string(pad, 'p') + "\n";
    };
    const std::string header = "source,target,role,source_type,target_type,source_url\n";
    const std::size_t unpadded = csvLines(kMaxRelations, [&](std::size_t i) { return line(i, 0); }, header).size();
    const std::size_t pad = (kMaxInputBytes - unpadded) / kMaxRelations;
    const std::string text = csvLines(kMaxRelations, [&](std::size_t i) { return line(i, pad); }, header);
    ASSERT_LE(text.size(), kMaxInputBytes);
    ASSERT_GT(text.size(), kMaxInputBytes - kMaxRelations);
    const LoadResult result = loadCsvDataset(text);
    ASSERT_TRUE(result.dataset.has_value()) << listProblems(result);
    EXPECT_EQ(result.dataset->relations.size(), kMaxRelations);
    EXPECT_EQ(result.dataset->sources.size(), kMaxRelations);
    EXPECT_EQ(result.dataset->roles.size(), builtinRoles().size() + kMaxCsvFreeRoles);
    EXPECT_EQ(result.dataset->count(EntityKind::Organisation), kOrganisations);
    EXPECT_EQ(result.dataset->count(EntityKind::Project), kProjects);
}

TEST(CsvImportLimits, LoadsAsManyEntitiesAsTheLimit) {
    const std::string text = csvLines(kMaxEntities / 2, [](std::size_t i) {
        return "Projet " + std::to_string(i) + ",Organisation " + std::to_string(i) + ",lead\n";
    });
    const LoadResult result = loadCsvDataset(text);
    ASSERT_TRUE(result.dataset.has_value()) << listProblems(result);
    EXPECT_EQ(result.dataset->entities.size(), kMaxEntities);
}

TEST(CsvImportLimits, AThousandFreeTextRolesAreReadAndOneMoreIsRefused) {
    const auto line = [](std::size_t i) { return "Projet,Organisation " + std::to_string(i) + ",rôle n° " + std::to_string(i) + "\n"; };
    LoadResult result = loadCsvDataset(csvLines(kMaxCsvFreeRoles, line));
    ASSERT_TRUE(result.dataset.has_value()) << listProblems(result);
    EXPECT_EQ(result.dataset->roles.size(), builtinRoles().size() + kMaxCsvFreeRoles);

    result = loadCsvDataset(csvLines(kMaxCsvFreeRoles + 1, line));
    ASSERT_EQ(result.problems.size(), 1U) << listProblems(result);
    const Problem& problem = result.problems.front();
    EXPECT_EQ(problem.code, ProblemCode::CsvTooManyRoles);
    EXPECT_EQ(problem.line, static_cast<int>(kMaxCsvFreeRoles) + 2) << "the header, then 1,000 lines";
    EXPECT_EQ(problem.column, 3);
    EXPECT_EQ(problem.pointer, "role");
    EXPECT_EQ(problem.value, "rôle n° 1000");
    EXPECT_EQ(problem.detail, "1001");
    EXPECT_EQ(problem.number, kMaxCsvFreeRoles);
    EXPECT_EQ(describe(problem, Lang::En),
              "role: 1001 different roles written as free text: the explorer reads at most 1000; use the built-in "
              "roles (lead, partner…) where they fit (line 1002, column 3)");
    EXPECT_NE(problemMessage(problem, Lang::Fr), problemMessage(problem, Lang::En));
}

TEST(CsvImportLimits, AMillionLinesEachWithANewRoleMakeOneProblem) {
    // Every line introduces a role, and spellings of one role count once ("Rôle 7" = "role 7").
    const std::string text = csvLines(kMaxRelations, [](std::size_t i) {
        return "Projet " + std::to_string(i % 7) + ",Organisation " + std::to_string(i % 5000) + "," +
               (i % 2 == 0 ? "Rôle " : "role ") + std::to_string(i / 2) + "\n";
    });
    const LoadResult result = loadCsvDataset(text);
    ASSERT_EQ(result.problems.size(), 1U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::CsvTooManyRoles);
    EXPECT_EQ(result.problems[0].detail, std::to_string(kMaxRelations / 2));
    EXPECT_EQ(result.problems[0].line, static_cast<int>(2 * kMaxCsvFreeRoles) + 2);
}

// ---- the problem list at its cap, one kind of problem at a time

struct CsvFlood {
    const char* name;
    ProblemCode code;
    std::string header;
    std::function<std::string(std::size_t)> line;
};

const CsvFlood kCsvFloods[] = {
    {"self_relation", ProblemCode::SelfRelation, "source,target,role\n",
     [](std::size_t i) { return "E" + std::to_string(i % 1000) + ",e" + std::to_string(i % 1000) + ",lead\n"; }},
    {"unknown_kind", ProblemCode::UnknownKind, "source,target,role,target_type\n",
     [](std::size_t i) { return "P,O" + std::to_string(i % 1000) + ",lead,rock\n"; }},
    {"invalid_url", ProblemCode::InvalidUrl, "source,target,role,source_url\n",
     [](std::size_t i) { return "P,O" + std::to_string(i % 100) + ",lead,javascript:alert(" + std::to_string(i) + ")\n"; }},
    {"field_count", ProblemCode::CsvFieldCount, "source,target,role\n",
     [](std::size_t i) { return "P,O" + std::to_string(i) + "\n"; }},
    {"empty_name", ProblemCode::EmptyString, "source,target,role\n", [](std::size_t) { return "P, ,lead\n"; }},
    {"type_conflict", ProblemCode::CsvTypeConflict, "source,target,role,target_type\n",
     [](std::size_t i) { return std::string("P,O,lead,") + (i == 0 ? "model" : "university") + "\n"; }},
};

class CsvFloodTest : public ::testing::TestWithParam<CsvFlood> {};

TEST_P(CsvFloodTest, KeepsTheFirstProblemsAndCountsTheRest) {
    const CsvFlood& flood = GetParam();
    const LoadResult result = loadCsvDataset(csvLines(kMaxRelations, flood.line, flood.header));
    // Every line is faulty, but for the type conflicts: the first line gives the first type.
    expectCappedList(result, flood.code, flood.code == ProblemCode::CsvTypeConflict ? kMaxRelations - 1 : kMaxRelations);
}

INSTANTIATE_TEST_SUITE_P(CsvImportLimits, CsvFloodTest, ::testing::ValuesIn(kCsvFloods),
                         [](const auto& test) { return std::string(test.param.name); });

// ---- the longest lines

TEST(CsvImportLimits, ReadsAQuotedNameOfNearlyTheByteLimit) {
    // One field with quotes written twice and line breaks, the whole file but a few bytes.
    std::string name;
    while (name.size() < kMaxInputBytes - 100) name += "ab\"\"c\r\n";
    const std::string text = "source,target,role\nP,\"" + name + "\",lead\nQ,R,lead\n";
    ASSERT_LE(text.size(), kMaxInputBytes);
    const LoadResult result = loadCsvDataset(text);
    ASSERT_TRUE(result.dataset.has_value()) << listProblems(result);
    ASSERT_EQ(result.dataset->entities.size(), 4U);
    EXPECT_EQ(result.dataset->entities[1].name.substr(0, 9), "ab\"c ab\"c") << "line breaks become spaces";
    EXPECT_LE(result.dataset->entities[1].id.size(), std::string("org:").size() + 44U) << "the slug is cut";
}

TEST(CsvImportLimits, ALineOfEmptyFieldsUpToTheByteLimitCostsNoMemory) {
    // Trailing empty columns, as spreadsheets export them: read, counted, not kept.
    const std::string separators(kMaxInputBytes - 100, ',');
    LoadResult result = loadCsvDataset("source,target,role\nP,O,lead" + separators + "\n");
    ASSERT_TRUE(result.dataset.has_value()) << listProblems(result);
    EXPECT_EQ(result.dataset->relations.size(), 1U);

    // On the header they make every line too short.
    result = loadCsvDataset("source,target,role" + separators + "\nP,O,lead\n");
    ASSERT_EQ(result.problems.size(), 1U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::CsvFieldCount);
    EXPECT_EQ(result.problems[0].value, "3");
    EXPECT_EQ(result.problems[0].number, separators.size() + 3);

    // Text far past the header is placed at its field, however far.
    result = loadCsvDataset("source,target,role\nP,O,lead" + separators + "x\n");
    ASSERT_EQ(result.problems.size(), 1U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::CsvFieldCount);
    EXPECT_EQ(result.problems[0].line, 2);
    EXPECT_EQ(static_cast<std::size_t>(result.problems[0].column), separators.size() + 3);

    // An invalid byte there too.
    result = loadCsvDataset("source,target,role\nP,O,lead" + separators + "\xFF\n");
    ASSERT_EQ(result.problems.size(), 1U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::InvalidUtf8);
    EXPECT_EQ(static_cast<std::size_t>(result.problems[0].column), separators.size() + 3);
}

TEST(CsvImportLimits, AHeaderReadsAThousandFieldsAndNamesNoColumnPastThem) {
    std::string header = "source,target,role";
    for (std::size_t i = 3; i < kMaxCsvFields; ++i) header += ",";
    LoadResult result = loadCsvDataset(header + "\nP,O,lead\n");
    EXPECT_EQ(result.problems.size(), 1U) << "too few fields on the line, nothing else" << listProblems(result);

    result = loadCsvDataset(header + ",source_url\nP,O,lead\n");
    ASSERT_GE(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].code, ProblemCode::CsvTooManyFields);
    EXPECT_EQ(result.problems[0].line, 1);
    EXPECT_EQ(static_cast<std::size_t>(result.problems[0].column), kMaxCsvFields + 1);
    EXPECT_EQ(result.problems[0].value, std::to_string(kMaxCsvFields + 1));
    EXPECT_EQ(result.problems[0].number, kMaxCsvFields);
    EXPECT_NE(problemMessage(result.problems[0], Lang::Fr), problemMessage(result.problems[0], Lang::En));
}

TEST(CsvImportLimits, BlankLinesUpToTheByteLimitHoldNoRelation) {
    LoadResult result = loadCsvDataset(std::string(kMaxInputBytes, '\n'));
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].code, ProblemCode::CsvNoRows);

    std::string commas;
    while (commas.size() + 3 <= kMaxInputBytes) commas += ",,\n";
    result = loadCsvDataset(commas);
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].code, ProblemCode::CsvNoRows);
}

// ============================================================================== both

TEST(LoaderLimits, TheProblemCollectorKeepsTheFirstProblemsWithinItsTextBudget) {
    ProblemCollector problems;
    problems.addAt(ProblemCode::UnknownField, 1, 1, {}, std::string(kMaxProblemTextBytes * 2, 'x'));
    problems.addAt(ProblemCode::UnknownField, 2, 1, {}, "small");
    problems.addAt(ProblemCode::UnknownField, 3, 1, {}, "small");
    const std::vector<Problem> taken = problems.take();
    ASSERT_EQ(taken.size(), 2U) << "the first is always kept; once one is left out, so are the later ones";
    EXPECT_EQ(taken[0].line, 1);
    EXPECT_EQ(taken[1].code, ProblemCode::TooManyProblems);
    EXPECT_EQ(taken[1].number, 2U);
}

TEST(LoaderLimits, BothLoadersRefuseTheSameBytesWithTheSameProblem) {
    const std::string tooLarge(kMaxInputBytes + 1, ' ');
    for (const auto& load : {loadDataset, loadCsvDataset}) {
        EXPECT_EQ(load(tooLarge).problems.at(0).code, ProblemCode::InputTooLarge);
        EXPECT_EQ(load(std::string_view("\xFE\xFF\0{", 4)).problems.at(0).code, ProblemCode::Utf16Encoding);
        const Problem nul = load(std::string_view("\xEF\xBB\xBF" "ab\0c\xFF", 8)).problems.at(0);
        EXPECT_EQ(nul.code, ProblemCode::NulByte);
        EXPECT_EQ(nul.line, 1);
        const Problem invalid = load("\xEF\xBB\xBF" "ab\xC0\xAF").problems.at(0);
        EXPECT_EQ(invalid.code, ProblemCode::InvalidUtf8) << "an overlong form";
    }
    EXPECT_EQ(loadDataset(" \r\n\t").problems.at(0).code, ProblemCode::EmptyInput);
    EXPECT_EQ(loadCsvDataset(" \r\n\t").problems.at(0).code, ProblemCode::CsvNoRows);
}

} // namespace
} // namespace explorer

namespace explorer {
namespace {

// Tiny values packed into the byte limit would make a DOM thirty times the text: the SAX pass
// stops at kMaxJsonValues, before any DOM is built, with one problem.
TEST(LoaderLimits, MoreJsonValuesThanTheLimitAreRefusedBeforeTheDomIsBuilt) {
    std::string text = "{\"format\": \"communs-explorer/1\", \"x\": [";
    text.reserve(text.size() + 2 * kMaxJsonValues + 8);
    for (std::size_t i = 0; i < kMaxJsonValues; ++i) text += "0,";
    text += "0]}";
    const LoadResult result = loadDataset(text);
    ASSERT_FALSE(result.dataset.has_value());
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].code, ProblemCode::TooManyValues);
    EXPECT_EQ(result.problems[0].number, kMaxJsonValues);
    EXPECT_NE(describe(result.problems[0], Lang::En).find(std::to_string(kMaxJsonValues)), std::string::npos)
        << describe(result.problems[0], Lang::En);
}

// Millions of distinct member names in one object cost seconds and a gigabyte before any rule
// could refuse them: the SAX pass stops at the first name past kMaxObjectMembers, and the problem
// names the object, with its line and column. Up to the limit, the names are read (and each
// refused later as an unknown field, which is not this test's concern).
TEST(LoaderLimits, AnObjectWithMoreDistinctMembersThanTheLimitIsRefusedWhereItStarts) {
    const auto objectWith = [](std::size_t members) {
        std::string text = "{\"format\": \"communs-explorer/1\",\n \"entities\": [{\"id\": \"org:a\"}, {";
        for (std::size_t i = 0; i < members; ++i) text += (i ? ",\"m" : "\"m") + std::to_string(i) + "\": 0";
        // Repeats of a name already there are duplicates, not new members.
        text += ", \"m0\": 1}]}";
        return text;
    };
    const LoadResult over = loadDataset(objectWith(kMaxObjectMembers + 1));
    ASSERT_FALSE(over.dataset.has_value());
    ASSERT_EQ(over.problems.size(), 1U);
    EXPECT_EQ(over.problems[0].code, ProblemCode::TooManyMembers);
    EXPECT_EQ(over.problems[0].pointer, "/entities/1");
    EXPECT_EQ(over.problems[0].line, 2);
    EXPECT_EQ(over.problems[0].column, 32); // the "{" that opens it
    EXPECT_NE(describe(over.problems[0], Lang::Fr).find("1000"), std::string::npos) << describe(over.problems[0], Lang::Fr);

    const LoadResult at = loadDataset(objectWith(kMaxObjectMembers));
    ASSERT_FALSE(at.problems.empty());
    for (const Problem& problem : at.problems) EXPECT_NE(problem.code, ProblemCode::TooManyMembers);
    EXPECT_TRUE(std::any_of(at.problems.begin(), at.problems.end(),
                            [](const Problem& p) { return p.code == ProblemCode::DuplicateKey; }));
}

TEST(LoaderLimits, TheShippedDatasetIsFarBelowTheValueLimit) {
    const std::string text = test::readSourceFile("data/laureates.json");
    EXPECT_TRUE(loadDataset(text).dataset.has_value());
    // A rough upper bound of its values: every comma, colon and bracket starts at most one.
    std::size_t separators = 0;
    for (const char c : text) separators += (c == ',' || c == ':' || c == '[' || c == '{') ? 1 : 0;
    EXPECT_LT(separators, kMaxJsonValues / 100);
}

} // namespace
} // namespace explorer
