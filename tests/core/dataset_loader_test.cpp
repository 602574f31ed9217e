// Loading and validating datasets: every rule of the format reported with the pointer and the
// line:column a person editing the file would look at, whole-or-nothing loading, and the
// raw-text failures (syntax, encoding, size, depth) that must never crash the widget.
#include "core/dataset_loader.hpp"
#include "core/json_positions.hpp"
#include "core/vocabulary.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace explorer {
namespace {

using test::readSourceFile;

std::string fixture(const std::string& name) { return readSourceFile("tests/fixtures/" + name); }

std::string listProblems(const LoadResult& result) {
    std::string listed;
    for (const Problem& problem : result.problems) listed += "\n  " + describe(problem, Lang::En);
    return listed;
}

// The one problem a text has; fails the test when there are none or several.
Problem onlyProblem(std::string_view text) {
    const LoadResult result = loadDataset(text);
    EXPECT_FALSE(result.dataset.has_value());
    EXPECT_EQ(result.problems.size(), 1U) << listProblems(result);
    return result.problems.empty() ? Problem{} : result.problems.front();
}

// ------------------------------------------------------------------------------ valid files

TEST(DatasetLoader, LoadsTheSmallFixtureWithEveryPart) {
    const LoadResult result = loadDataset(fixture("valid_small.json"));
    ASSERT_TRUE(result.problems.empty()) << listProblems(result);
    ASSERT_TRUE(result.dataset.has_value());
    const Dataset& dataset = *result.dataset;

    EXPECT_EQ(dataset.title.fr, "Petit jeu d'essai");
    EXPECT_EQ(dataset.title.en, "Small test dataset");
    EXPECT_EQ(dataset.entities.size(), 9U);
    EXPECT_EQ(dataset.relations.size(), 10U);
    EXPECT_EQ(dataset.sources.size(), 2U);
    EXPECT_EQ(dataset.count(EntityKind::Project), 2U);
    EXPECT_EQ(dataset.count(EntityKind::Organisation), 5U);

    const auto acme = dataset.findEntity("org:acme");
    ASSERT_TRUE(acme.has_value());
    EXPECT_EQ(dataset.entities[*acme].name, "Acme, \"Le Labo\"");
    EXPECT_EQ(dataset.entities[*acme].type, "company");
    EXPECT_EQ(dataset.entities[*acme].aliases, std::vector<std::string>{"Acme"});
    EXPECT_EQ(dataset.entities[*acme].url, "https://example.org/acme");

    const Entity& alpha = dataset.entities[*dataset.findEntity("project:alpha")];
    EXPECT_EQ(alpha.kind, EntityKind::Project);
    EXPECT_EQ(alpha.axes, std::vector<std::string>{"models"});
    EXPECT_EQ(alpha.durationMonths, 24);
    EXPECT_EQ(alpha.size.en, "€3M");

    const Entity& model = dataset.entities[*dataset.findEntity("model:m1")];
    ASSERT_EQ(model.facts.size(), 2U);
    EXPECT_EQ(model.facts[0].conflict, "round");
    EXPECT_EQ(model.facts[1].sources, std::vector<std::size_t>{*dataset.findSource("registre-2024")});
    EXPECT_EQ(model.licences, std::vector<std::string>{"Apache-2.0"});

    const Relation& second = dataset.relations[1];
    EXPECT_EQ(dataset.entities[second.source].id, "org:lab-x");
    EXPECT_EQ(second.role, "partner");
    EXPECT_EQ(dataset.entities[second.target].id, "project:alpha");
    EXPECT_EQ(second.note.fr, "Pour l'évaluation.");
    EXPECT_EQ(second.sources.size(), 2U);
    EXPECT_EQ(dataset.relations[6].conflict, "lead-beta");

    ASSERT_TRUE(dataset.call.has_value());
    EXPECT_EQ(dataset.call->launchedBy, "org:institut");
    EXPECT_EQ(dataset.call->announced, "2024-05-21");
    EXPECT_EQ(dataset.sources[0].layer, "article");
    EXPECT_EQ(dataset.sources[1].date, "2024");
    EXPECT_EQ(dataset.entities[*dataset.findEntity("org:institut")].description.en, "An institute.");
    EXPECT_EQ(dataset.entities[*dataset.findEntity("org:coop")].country, "") << "no country applies";
}

TEST(DatasetLoader, TypesAndRolesAreTheBuiltInsThenTheDeclaredOnes) {
    const LoadResult result = loadDataset(fixture("valid_small.json"));
    ASSERT_TRUE(result.dataset.has_value()) << listProblems(result);
    const Dataset& dataset = *result.dataset;
    ASSERT_EQ(dataset.types.size(), builtinTypes().size() + 1);
    ASSERT_EQ(dataset.roles.size(), builtinRoles().size() + 1);
    EXPECT_EQ(dataset.types.front().id, "company");
    EXPECT_EQ(dataset.types.back().id, "cooperative");
    EXPECT_EQ(dataset.types.back().label.fr, "Coopérative");
    EXPECT_EQ(dataset.roles.back().id, "advises");
    EXPECT_NE(dataset.findTerm(dataset.roles, "scientific_council"), nullptr);
    EXPECT_EQ(dataset.axes.size(), 2U);
    EXPECT_EQ(dataset.sectors.size(), 1U);
}

TEST(DatasetLoader, AcceptsAndSkipsAUtf8ByteOrderMark) {
    const LoadResult result = loadDataset(fixture("bom.json"));
    EXPECT_TRUE(result.problems.empty()) << listProblems(result);
    EXPECT_TRUE(result.dataset.has_value());
}

TEST(DatasetLoader, ColumnsAfterAByteOrderMarkDoNotCountIt) {
    const Problem problem = onlyProblem("\xEF\xBB\xBF{\"format\": 1,}");
    EXPECT_EQ(problem.code, ProblemCode::JsonTrailingComma);
    EXPECT_EQ(problem.line, 1);
    EXPECT_EQ(problem.column, 13);
}

TEST(DatasetLoader, TheShippedDatasetIsValid) {
    const LoadResult result = loadDataset(readSourceFile("data/laureates.json"));
    EXPECT_TRUE(result.problems.empty()) << listProblems(result);
    ASSERT_TRUE(result.dataset.has_value());
    EXPECT_EQ(result.dataset->count(EntityKind::Project), 7U) << "the call has seven laureates";
}

// Which organisations sit in several projects is computed from the relations, never listed by
// hand, and counts members only: CNRS and Inria (AI for Democracy and Scribe). Mistral AI and
// GENCI are members of one project each and only connected to OpenLLM-France: through Mistral 7B,
// which a variant of Claire is based on, and through Lucie-7B, which the project develops.
TEST(DatasetLoader, TheShippedDatasetMakesCnrsAndInriaMembersOfSeveralProjects) {
    const LoadResult result = loadDataset(readSourceFile("data/laureates.json"));
    ASSERT_TRUE(result.dataset.has_value()) << listProblems(result);
    const Dataset& dataset = *result.dataset;

    std::set<std::string> inSeveral;
    for (std::size_t i = 0; i < dataset.entities.size(); ++i) {
        if (dataset.entities[i].kind == EntityKind::Organisation && dataset.memberProjects(i).size() >= 2) {
            inSeveral.insert(dataset.entities[i].name);
        }
    }
    EXPECT_EQ(inSeveral, (std::set<std::string>{"CNRS", "Inria"}));

    const auto members = [&](const char* id) {
        std::set<std::string> projects;
        for (std::size_t p : dataset.memberProjects(*dataset.findEntity(id))) projects.insert(dataset.entities[p].name);
        return projects;
    };
    const auto connected = [&](const char* id) {
        std::set<std::string> projects;
        for (const Dataset::Connection& c : dataset.connectionsOf(*dataset.findEntity(id))) {
            projects.insert(dataset.entities[c.project].name);
        }
        return projects;
    };
    EXPECT_EQ(members("org:cnrs"), (std::set<std::string>{"AI for Democracy", "Scribe"}));
    EXPECT_EQ(members("org:inria"), (std::set<std::string>{"AI for Democracy", "Scribe"}));
    EXPECT_EQ(connected("org:inria"), (std::set<std::string>{"CC-SWH"})) << "through Software Heritage";
    EXPECT_EQ(members("org:mistral-ai"), (std::set<std::string>{"ArGiMi"}));
    EXPECT_EQ(connected("org:mistral-ai"), (std::set<std::string>{"OpenLLM-France"})) << "through Mistral 7B";
    EXPECT_EQ(members("org:genci"), (std::set<std::string>{"AI for Democracy"}));
    EXPECT_EQ(connected("org:genci"), (std::set<std::string>{"OpenLLM-France"})) << "through Lucie-7B";
    EXPECT_TRUE(members("org:sciences-po").empty()) << "a founder of the programme AI for Democracy is part of";
    EXPECT_EQ(connected("org:sciences-po"), (std::set<std::string>{"AI for Democracy"}));
    EXPECT_TRUE(members("org:sequoia-capital").empty()) << "an investor in Dust is not in PODRIA";
    EXPECT_TRUE(connected("org:sequoia-capital").empty());

    // Mistral AI's connection reads from Mistral AI to OpenLLM-France, through Mistral 7B.
    const std::size_t mistral = *dataset.findEntity("org:mistral-ai");
    const std::vector<Dataset::Connection> connections = dataset.connectionsOf(mistral);
    ASSERT_EQ(connections.size(), 1U);
    const auto via = connectionVia(dataset, mistral, connections[0]);
    ASSERT_TRUE(via.has_value());
    EXPECT_EQ(dataset.entities[*via].id, "model:mistral-7b");
    EXPECT_NE(connectionChain(dataset, connections[0], Lang::En).find("Mistral AI develops Mistral 7B"), std::string::npos)
        << connectionChain(dataset, connections[0], Lang::En);
}

// ------------------------------------------------------------------------------ one test per rule

struct RuleCase {
    const char* fixture; // tests/fixtures/<fixture>.json, the small valid file with one fault
    ProblemCode code;
    const char* pointer;
    int line;
    int column; // in characters: "Société Acmé" before a value counts 12, not 14
    const char* value;
};

// Places computed from the fixture text, independently of the loader.
const RuleCase kRuleCases[] = {
    {"wrong_format", ProblemCode::WrongFormat, "/format", 2, 13, "communs-explorer/2"},
    {"missing_field", ProblemCode::MissingField, "/relations/0/role", 16, 5, "role"},
    {"wrong_type", ProblemCode::WrongType, "/entities/1/name", 13, 93, "number"},
    {"empty_name", ProblemCode::EmptyString, "/entities/1/name", 13, 93, ""},
    {"invalid_id", ProblemCode::InvalidId, "/entities/1/id", 13, 13, "org acme"},
    {"duplicate_entity_id", ProblemCode::DuplicateEntityId, "/entities/2/id", 14, 13, "org:acme"},
    {"duplicate_source_id", ProblemCode::DuplicateSourceId, "/sources/1/id", 10, 13, "gazette"},
    {"duplicate_term_id", ProblemCode::DuplicateTermId, "/vocabulary/axes/1/id", 5, 88, "models"},
    {"builtin_term_redeclared", ProblemCode::DuplicateTermId, "/vocabulary/roles/0/id", 7, 23, "lead"},
    {"unknown_kind", ProblemCode::UnknownKind, "/entities/1/kind", 13, 33, "person"},
    {"organisation_without_type", ProblemCode::MissingOrganisationType, "/entities/1/type", 13, 5, ""},
    {"unknown_type", ProblemCode::UnknownType, "/entities/1/type", 13, 57, "corporation"},
    {"unknown_role", ProblemCode::UnknownRole, "/relations/0/role", 16, 37, "leads"},
    {"unknown_entity", ProblemCode::UnknownEntity, "/relations/0/target", 16, 55, "project:gamma"},
    {"self_relation", ProblemCode::SelfRelation, "/relations/0/target", 16, 55, "org:acme"},
    {"unknown_source", ProblemCode::UnknownSource, "/entities/0/sources/0", 12, 141, "gazete"},
    {"empty_sources", ProblemCode::EmptySourceList, "/relations/0/sources", 16, 83, ""},
    {"missing_translation", ProblemCode::MissingTranslation, "/title/en", 3, 12, "en"},
    {"translation_not_string", ProblemCode::WrongType, "/title/en", 3, 35, "array"},
    {"empty_translation", ProblemCode::EmptyString, "/title/fr", 3, 20, ""},
    {"unknown_axis", ProblemCode::UnknownAxis, "/entities/0/axes/0", 12, 75, "model"},
    {"unknown_sector", ProblemCode::UnknownSector, "/entities/0/sectors/0", 12, 98, "health"},
    {"unknown_launcher", ProblemCode::UnknownEntity, "/call/launched_by", 10, 20, "org:etat"},
    {"unknown_field", ProblemCode::UnknownField, "/entities/1/colour", 13, 85, "colour"},
    {"duplicate_key", ProblemCode::DuplicateKey, "/entities/1/name", 13, 109, "name"},
    {"field_not_for_kind", ProblemCode::FieldNotForKind, "/entities/1/duration_months", 13, 85, "duration_months"},
    {"invalid_date", ProblemCode::InvalidDate, "/sources/0/date", 9, 81, "2024-13"},
    {"invalid_approximate_date", ProblemCode::InvalidDate, "/sources/0/date", 9, 81, "~2024"},
    {"inference_certainty", ProblemCode::InferenceNotStored, "/relations/0/certainty", 16, 72, "certainty"},
    {"relation_without_sources", ProblemCode::MissingField, "/relations/0/sources", 16, 5, "sources"},
    {"fact_without_sources", ProblemCode::MissingField, "/entities/1/facts/0/sources", 13, 214, "sources"},
    {"invalid_url", ProblemCode::InvalidUrl, "/sources/0/url", 9, 99, "javascript:alert(1)"},
    {"invalid_country", ProblemCode::InvalidCountry, "/entities/1/country", 13, 79, "France"},
    {"invalid_duration", ProblemCode::InvalidDuration, "/entities/0/duration_months", 12, 125, "0"},
    {"unknown_layer", ProblemCode::UnknownLayer, "/sources/0/layer", 9, 132, "blog"},
    {"duplicate_relation", ProblemCode::DuplicateRelation, "/relations/1", 17, 5, ""},
    {"duplicate_item", ProblemCode::DuplicateItem, "/relations/0/sources/1", 16, 95, "gazette"},
    {"invalid_licence", ProblemCode::InvalidLicence, "/entities/2/licences/0", 14, 69, "Apache 2.0"},
    {"invalid_conflict_key", ProblemCode::InvalidId, "/relations/0/conflict", 16, 84, "chef de file"},
};

class DatasetRule : public ::testing::TestWithParam<RuleCase> {};

TEST_P(DatasetRule, ReportsTheFaultAtItsPlaceAndLoadsNothing) {
    const RuleCase& rule = GetParam();
    const LoadResult result = loadDataset(fixture(std::string(rule.fixture) + ".json"));
    EXPECT_FALSE(result.dataset.has_value()) << "a file with a problem must not load, even in part";
    ASSERT_EQ(result.problems.size(), 1U) << listProblems(result);
    const Problem& problem = result.problems.front();
    EXPECT_EQ(toString(problem.code), toString(rule.code));
    EXPECT_EQ(problem.pointer, rule.pointer);
    EXPECT_EQ(problem.line, rule.line);
    EXPECT_EQ(problem.column, rule.column);
    EXPECT_EQ(problem.value, rule.value);
}

INSTANTIATE_TEST_SUITE_P(EveryRule, DatasetRule, ::testing::ValuesIn(kRuleCases),
                         [](const ::testing::TestParamInfo<RuleCase>& rule) { return std::string(rule.param.fixture); });

TEST(DatasetLoader, TheMinimalFixtureEveryRuleStartsFromIsValid) {
    const LoadResult result = loadDataset(fixture("valid_minimal.json"));
    EXPECT_TRUE(result.problems.empty()) << listProblems(result);
}

TEST(DatasetLoader, DatesMustExistAndLinksMustBeWebAddresses) {
    const auto sourceWith = [](const std::string& field, const std::string& from, const std::string& to) {
        std::string text = fixture("valid_minimal.json");
        const std::string old = "\"" + field + "\": \"" + from + "\"";
        text.replace(text.find(old), old.size(), "\"" + field + "\": \"" + to + "\"");
        return loadDataset(text);
    };
    EXPECT_TRUE(sourceWith("date", "2024-06", "2024-02-29").dataset.has_value()) << "2024 is a leap year";
    EXPECT_TRUE(sourceWith("date", "2024-06", "2024").dataset.has_value());
    for (const char* date : {"2023-02-29", "2024-04-31", "2024-00", "24-06", "2024/06", "2024-6"}) {
        const LoadResult result = sourceWith("date", "2024-06", date);
        ASSERT_EQ(result.problems.size(), 1U) << date;
        EXPECT_EQ(result.problems.front().code, ProblemCode::InvalidDate) << date;
    }
    EXPECT_TRUE(sourceWith("url", "https://example.org/", "http://example.org/a?b=c#d").dataset.has_value());
    for (const char* url : {"https://", "ftp://example.org", "example.org", "https://exa mple.org", "javascript:x"}) {
        const LoadResult result = sourceWith("url", "https://example.org/", url);
        ASSERT_EQ(result.problems.size(), 1U) << url;
        EXPECT_EQ(result.problems.front().code, ProblemCode::InvalidUrl) << url;
    }
}

TEST(DatasetLoader, DuplicatesNameTheirFirstOccurrence) {
    EXPECT_EQ(onlyProblem(fixture("duplicate_entity_id.json")).detail, "/entities/1");
    EXPECT_EQ(onlyProblem(fixture("duplicate_source_id.json")).detail, "/sources/0");
    EXPECT_EQ(onlyProblem(fixture("duplicate_term_id.json")).detail, "/vocabulary/axes/0");
    EXPECT_EQ(onlyProblem(fixture("duplicate_relation.json")).detail, "/relations/0");
    EXPECT_EQ(onlyProblem(fixture("duplicate_item.json")).detail, "/relations/0/sources/0");
    EXPECT_EQ(onlyProblem(fixture("builtin_term_redeclared.json")).detail, "") << "built in, not declared twice";
}

TEST(DatasetLoader, WrongTypeSaysWhatWasExpected) {
    const Problem name = onlyProblem(fixture("wrong_type.json"));
    EXPECT_EQ(name.detail, "string");
    EXPECT_EQ(describe(name, Lang::En),
              "/entities/1/name: expected a string, found a number (line 13, column 93)");

    std::string text = fixture("valid_minimal.json");
    text.replace(text.find("\"duration_months\": 24"), 21, "\"duration_months\": 24.5");
    const Problem duration = onlyProblem(text);
    EXPECT_EQ(duration.code, ProblemCode::WrongType);
    EXPECT_EQ(duration.detail, "whole_number");

    text = fixture("valid_minimal.json");
    text.replace(text.find("\"entities\": ["), 13, "\"entities\": {}, \"x\": [");
    const LoadResult result = loadDataset(text);
    ASSERT_FALSE(result.problems.empty());
    EXPECT_EQ(result.problems.front().code, ProblemCode::WrongType);
    EXPECT_EQ(result.problems.front().pointer, "/entities");
    EXPECT_EQ(result.problems.front().detail, "array");
    EXPECT_EQ(result.problems.front().value, "object");
}

TEST(DatasetLoader, ReportsEveryProblemAtOnceInDocumentOrder) {
    const LoadResult result = loadDataset(fixture("several_problems.json"));
    EXPECT_FALSE(result.dataset.has_value());
    ASSERT_EQ(result.problems.size(), 4U) << listProblems(result);
    const Problem& unknownField = result.problems[0];
    EXPECT_EQ(unknownField.code, ProblemCode::UnknownField);
    EXPECT_EQ(unknownField.pointer, "/comment");
    EXPECT_EQ(std::pair(unknownField.line, unknownField.column), std::pair(4, 3));
    const Problem& unknownSource = result.problems[1];
    EXPECT_EQ(unknownSource.code, ProblemCode::UnknownSource);
    EXPECT_EQ(unknownSource.pointer, "/entities/0/sources/0");
    EXPECT_EQ(std::pair(unknownSource.line, unknownSource.column), std::pair(13, 141));
    const Problem& missingName = result.problems[2];
    EXPECT_EQ(missingName.code, ProblemCode::MissingField);
    EXPECT_EQ(missingName.pointer, "/entities/1/name");
    EXPECT_EQ(std::pair(missingName.line, missingName.column), std::pair(14, 5)) << "the object that lacks it";
    const Problem& unknownRole = result.problems[3];
    EXPECT_EQ(unknownRole.code, ProblemCode::UnknownRole);
    EXPECT_EQ(std::pair(unknownRole.line, unknownRole.column), std::pair(17, 37));
}

TEST(DatasetLoader, AListThatCannotBeReadIsReportedOnceNotAtEveryReference) {
    std::string text = fixture("valid_minimal.json");
    text.replace(text.find("\"sources\": ["), 12, "\"sourcez\": [");
    LoadResult result = loadDataset(text);
    ASSERT_EQ(result.problems.size(), 2U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::MissingField);
    EXPECT_EQ(result.problems[0].pointer, "/sources");
    EXPECT_EQ(result.problems[1].code, ProblemCode::UnknownField);

    text = fixture("valid_minimal.json");
    text.replace(text.find("\"entities\": ["), 13, "\"entities\": 3, \"e\": [");
    result = loadDataset(text);
    ASSERT_EQ(result.problems.size(), 2U) << listProblems(result) << "\n(no unknown relation ends)";
    EXPECT_EQ(result.problems[0].pointer, "/entities");
    EXPECT_EQ(result.problems[1].pointer, "/e");
}

TEST(DatasetLoader, CapsTheListAndSaysHowManyMoreThereAre) {
    std::string relations;
    for (int i = 0; i < 300; ++i) {
        relations += std::string(i > 0 ? ",\n" : "") + R"({"source": "org:acme", "role": "lead", "target": "project:x)" +
                     std::to_string(i) + R"(", "sources": ["gazette"]})";
    }
    std::string text = fixture("valid_minimal.json");
    const std::size_t start = text.find("\"relations\": [") + 14;
    text.replace(start, text.find("\n  ]", start) - start, relations);
    const LoadResult result = loadDataset(text);
    ASSERT_EQ(result.problems.size(), kMaxProblems + 1) << listProblems(result);
    const Problem& last = result.problems.back();
    EXPECT_EQ(last.code, ProblemCode::TooManyProblems);
    EXPECT_EQ(last.number, 100U);
    EXPECT_EQ(last.line, 0);
    EXPECT_EQ(describe(last, Lang::En), "and 100 more problems");
    EXPECT_EQ(describe(last, Lang::Fr), "et 100 autres problèmes");
}

TEST(DatasetLoader, UnknownFieldsAreProblemsButSchemaIsAllowed) {
    std::string text = fixture("valid_minimal.json");
    text.insert(text.find('{') + 1, "\n  \"$schema\": \"./schema.json\",");
    EXPECT_TRUE(loadDataset(text).problems.empty());

    text = fixture("valid_minimal.json");
    text.insert(text.find('{') + 1, "\n  \"a/b~c\": 1,");
    const Problem problem = onlyProblem(text);
    EXPECT_EQ(problem.code, ProblemCode::UnknownField);
    EXPECT_EQ(problem.pointer, "/a~1b~0c") << "RFC 6901 escaping";
    EXPECT_EQ(std::pair(problem.line, problem.column), std::pair(2, 3));
}

TEST(DatasetLoader, FindsMembersWhoseNamesAreWrittenWithEscapes) {
    std::string text = fixture("valid_minimal.json");
    const std::string acme = "\"Société Acmé\"";
    text.replace(text.find("\"name\": " + acme), 6, "\"n\\u0061me\"");
    text.replace(text.find(acme), acme.size(), "7");
    const Problem problem = onlyProblem(text);
    EXPECT_EQ(problem.code, ProblemCode::WrongType);
    EXPECT_EQ(problem.pointer, "/entities/1/name");
    EXPECT_EQ(problem.line, 13);
    EXPECT_EQ(problem.column, 98);
}

TEST(DatasetLoader, AcceptsWholeOrRejectsWhole) {
    // Nine good relations and one bad: no dataset with nine relations, no dataset at all.
    std::string text = fixture("valid_small.json");
    text.replace(text.find("\"target\": \"initiative:commons\", \"sources\": [\"registre-2024\"] }\n  ]"), 31,
                 "\"target\": \"initiative:nowhere\",");
    const LoadResult result = loadDataset(text);
    EXPECT_FALSE(result.dataset.has_value());
    ASSERT_EQ(result.problems.size(), 1U) << listProblems(result);
    EXPECT_EQ(result.problems.front().pointer, "/relations/9/target");

    for (const RuleCase& rule : kRuleCases) {
        EXPECT_FALSE(loadDataset(fixture(std::string(rule.fixture) + ".json")).dataset.has_value()) << rule.fixture;
    }
}

// ------------------------------------------------------------------------------ raw text

TEST(DatasetLoader, MalformedJsonIsReportedAtItsLineAndColumn) {
    const Problem problem = onlyProblem(fixture("malformed_json.json"));
    EXPECT_EQ(problem.code, ProblemCode::JsonMissingComma);
    EXPECT_EQ(problem.pointer, "");
    EXPECT_EQ(problem.line, 13);
    EXPECT_EQ(problem.column, 67);
}

struct SyntaxCase {
    const char* name;
    const char* text;
    ProblemCode code;
    int line;
    int column;
};

const SyntaxCase kSyntaxCases[] = {
    {"trailing_comma", "{\n  \"a\": [1, 2,]\n}", ProblemCode::JsonTrailingComma, 2, 13},
    {"unexpected_end", "{\n  \"a\": [1, 2", ProblemCode::JsonUnexpectedEnd, 2, 13},
    {"unclosed_string", "{\"a\": \"abc", ProblemCode::JsonUnexpectedEnd, 1, 11},
    {"missing_colon", "{\"a\" 1}", ProblemCode::JsonMissingColon, 1, 6},
    {"missing_comma", "{\"é\": 1\n \"b\": 2}", ProblemCode::JsonMissingComma, 2, 2},
    {"comment", "{\n  // note\n}", ProblemCode::JsonComment, 2, 3},
    {"single_quote", "{'a': 1}", ProblemCode::JsonSingleQuote, 1, 2},
    {"control_character", "{\"a\": \"x\ty\"}", ProblemCode::JsonControlCharacter, 1, 9},
    {"raw_line_break", "{\"a\": \"ligne\nsuite\"}", ProblemCode::JsonControlCharacter, 1, 13},
    {"bad_escape", "{\"a\": \"C:\\dossier\"}", ProblemCode::JsonBadEscape, 1, 10},
    {"bad_unicode_escape", "{\"a\": \"\\u12G4\"}", ProblemCode::JsonBadEscape, 1, 8},
    {"bare_word", "{\"a\": True}", ProblemCode::JsonBareWord, 1, 7},
    {"truncated_literal", "{\"a\": tru}", ProblemCode::JsonBareWord, 1, 7},
    {"unquoted_name", "{name: 1}", ProblemCode::JsonBareWord, 1, 2},
    {"bad_number", "{\"a\": 01}", ProblemCode::JsonBadNumber, 1, 7},
    {"number_too_large", "{\"a\": 1e999}", ProblemCode::JsonNumberOutOfRange, 1, 7},
    {"trailing_content", "{}\n{}", ProblemCode::JsonTrailingContent, 2, 1},
    {"unexpected_token", "{\"a\": ]}", ProblemCode::JsonUnexpectedToken, 1, 7},
};

class JsonSyntax : public ::testing::TestWithParam<SyntaxCase> {};

TEST_P(JsonSyntax, ExplainsTheErrorWhereItIs) {
    const SyntaxCase& syntax = GetParam();
    const Problem problem = onlyProblem(syntax.text);
    EXPECT_EQ(toString(problem.code), toString(syntax.code));
    EXPECT_EQ(problem.pointer, "");
    EXPECT_EQ(problem.line, syntax.line);
    EXPECT_EQ(problem.column, syntax.column);
    EXPECT_FALSE(problemMessage(problem, Lang::En).empty());
}

INSTANTIATE_TEST_SUITE_P(Errors, JsonSyntax, ::testing::ValuesIn(kSyntaxCases),
                         [](const ::testing::TestParamInfo<SyntaxCase>& syntax) { return std::string(syntax.param.name); });

TEST(DatasetLoader, QuotesTheOffendingWordShortened) {
    EXPECT_EQ(onlyProblem("{\"a\": True}").value, "True");
    EXPECT_EQ(onlyProblem("{\"a\": abcdefghijklmnopqrstuvwxyzabcdef}").value, "abcdefghijklmnopqrstuvwx…");
    EXPECT_EQ(onlyProblem("{\"a\": \"x\ty\"}").value, "U+0009");
}

TEST(DatasetLoader, EmptyInputIsAProblemNotACrash) {
    const Problem empty = onlyProblem(fixture("empty.json"));
    EXPECT_EQ(empty.code, ProblemCode::EmptyInput);
    EXPECT_EQ(std::pair(empty.line, empty.column), std::pair(1, 1));
    EXPECT_EQ(onlyProblem(" \n\t\r\n").code, ProblemCode::EmptyInput);
    EXPECT_EQ(onlyProblem("\xEF\xBB\xBF").code, ProblemCode::EmptyInput);
}

TEST(DatasetLoader, ATopLevelValueOtherThanAnObjectIsRefused) {
    const Problem problem = onlyProblem(fixture("not_an_object.json"));
    EXPECT_EQ(problem.code, ProblemCode::NotAnObject);
    EXPECT_EQ(problem.value, "array");
    EXPECT_EQ(std::pair(problem.line, problem.column), std::pair(2, 3));
    EXPECT_EQ(onlyProblem("42").value, "number");
    EXPECT_EQ(onlyProblem("null").value, "null");
}

TEST(DatasetLoader, InvalidUtf8IsReportedAtTheBadByte) {
    const Problem problem = onlyProblem(fixture("invalid_utf8.json"));
    EXPECT_EQ(problem.code, ProblemCode::InvalidUtf8);
    EXPECT_EQ(std::pair(problem.line, problem.column), std::pair(13, 98));
    EXPECT_EQ(onlyProblem("{\"a\": \"\xED\xA0\x80\"}").code, ProblemCode::InvalidUtf8) << "an encoded surrogate";
    EXPECT_EQ(onlyProblem("{\"a\": \"\xC0\xAF\"}").code, ProblemCode::InvalidUtf8) << "an overlong form";
    EXPECT_EQ(onlyProblem("{\"a\": \"\xE2\x82\"}").code, ProblemCode::InvalidUtf8) << "a cut sequence";
}

TEST(DatasetLoader, NulBytesAndUtf16AreRefusedWithTheirOwnMessage) {
    const Problem nul = onlyProblem(fixture("nul_byte.json"));
    EXPECT_EQ(nul.code, ProblemCode::NulByte);
    EXPECT_EQ(std::pair(nul.line, nul.column), std::pair(12, 60));
    EXPECT_EQ(onlyProblem(std::string("\xFF\xFE{\0\"\0", 6)).code, ProblemCode::Utf16Encoding);
    EXPECT_EQ(onlyProblem(std::string("{\0\"\0a\0", 6)).code, ProblemCode::NulByte);
}

TEST(DatasetLoader, DeepNestingIsRefusedBeforeItCanOverflowAnything) {
    const std::string justDeepEnough = std::string(kMaxNestingDepth, '[') + std::string(kMaxNestingDepth, ']');
    EXPECT_EQ(onlyProblem(justDeepEnough).code, ProblemCode::NotAnObject);

    const std::string tooDeep = std::string(kMaxNestingDepth + 1, '[') + std::string(kMaxNestingDepth + 1, ']');
    const Problem problem = onlyProblem(tooDeep);
    EXPECT_EQ(problem.code, ProblemCode::TooDeep);
    EXPECT_EQ(problem.column, static_cast<int>(kMaxNestingDepth) + 1) << "at the bracket one level too deep";

    std::string objects;
    for (int i = 0; i < 200000; ++i) objects += "{\"a\":";
    EXPECT_EQ(onlyProblem(objects).code, ProblemCode::TooDeep) << "even unclosed, even huge";
    EXPECT_EQ(onlyProblem("{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"").code,
              ProblemCode::JsonUnexpectedEnd)
        << "brackets inside a string do not nest";
}

TEST(DatasetLoader, RefusesInputOverTheSizeLimit) {
    std::string text = fixture("valid_minimal.json");
    text.insert(text.size() - 2, std::string(kMaxInputBytes, ' '));
    const LoadResult result = loadDataset(text);
    EXPECT_FALSE(result.dataset.has_value());
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems.front().code, ProblemCode::InputTooLarge);
    EXPECT_EQ(result.problems.front().detail, std::to_string(text.size()));
}

TEST(DatasetLoader, RefusesMoreEntitiesOrRelationsThanTheLimits) {
    std::string entities;
    for (std::size_t i = 0; i <= kMaxEntities; ++i) {
        entities += (i > 0 ? "," : "") + std::string(R"({"id":"e)") + std::to_string(i) +
                    R"(","kind":"initiative","name":"E","sources":["gazette"]})";
    }
    std::string text = fixture("valid_minimal.json");
    std::size_t start = text.find("\"entities\": [") + 13;
    text.replace(start, text.find("\n  ]", start) - start, entities);
    Problem problem = onlyProblem(text);
    EXPECT_EQ(problem.code, ProblemCode::TooManyEntities);
    EXPECT_EQ(problem.pointer, "/entities");
    EXPECT_EQ(problem.number, kMaxEntities);

    std::string relations;
    for (std::size_t i = 0; i <= kMaxRelations; ++i) relations += (i > 0 ? ",1" : "1");
    text = fixture("valid_minimal.json");
    start = text.find("\"relations\": [") + 14;
    text.replace(start, text.find("\n  ]", start) - start, relations);
    problem = onlyProblem(text);
    EXPECT_EQ(problem.code, ProblemCode::TooManyRelations);
    EXPECT_EQ(problem.number, kMaxRelations);
}

// ------------------------------------------------------------------------------ messages

TEST(DatasetLoader, DescribesAProblemInEnglishAndInFrench) {
    const Problem problem = onlyProblem(fixture("unknown_entity.json"));
    EXPECT_EQ(describe(problem, Lang::En),
              "/relations/0/target: \"project:gamma\" is not a known entity id (line 16, column 55)");
    EXPECT_EQ(describe(problem, Lang::Fr),
              "/relations/0/target : « project:gamma » n’est l’identifiant d’aucune entité (ligne 16, colonne 55)");
    EXPECT_EQ(problemMessage(problem, Lang::En), "\"project:gamma\" is not a known entity id");

    const Problem syntax = onlyProblem(fixture("malformed_json.json"));
    EXPECT_EQ(describe(syntax, Lang::En), "(root): a comma is missing before this value (line 13, column 67)");
    EXPECT_EQ(describe(syntax, Lang::Fr), "(racine) : il manque une virgule avant cette valeur (ligne 13, colonne 67)");
}

TEST(DatasetLoader, EveryCodeHasItsOwnNameAndAMessageInBothLanguages) {
    std::set<std::string> names;
    for (int code = 0; code <= static_cast<int>(ProblemCode::HiddenCharacter); ++code) {
        Problem problem;
        problem.code = static_cast<ProblemCode>(code);
        problem.value = "x";
        problem.detail = "string";
        const std::string name(toString(problem.code));
        EXPECT_TRUE(names.insert(name).second) << "two codes named " << name;
        EXPECT_NE(name, "unknown");
        const std::string english = problemMessage(problem, Lang::En);
        const std::string french = problemMessage(problem, Lang::Fr);
        EXPECT_FALSE(english.empty()) << name;
        EXPECT_NE(english, french) << name << " is not translated";
    }
}

// ------------------------------------------------------------------------------ positions

TEST(JsonPositions, CountsLinesAndCharactersNotBytes) {
    const std::string text = "ab\r\nçé\n\tx€y";
    const std::vector<TextPosition> positions = textPositions(text, {text.find('y'), 0, text.find("é"), text.size()});
    EXPECT_EQ(positions[0], (TextPosition{3, 4}));
    EXPECT_EQ(positions[1], (TextPosition{1, 1}));
    EXPECT_EQ(positions[2], (TextPosition{2, 2}));
    EXPECT_EQ(positions[3], (TextPosition{3, 5}));
}

TEST(JsonPositions, SplitsAndEscapesPointers) {
    EXPECT_EQ(escapePointerToken("a/b~c"), "a~1b~0c");
    EXPECT_EQ(appendToPointer("/entities", 3), "/entities/3");
    EXPECT_EQ(splitPointer("/a~1b~0c/0"), (std::vector<std::string>{"a/b~c", "0"}));
    EXPECT_EQ(splitPointer(""), std::vector<std::string>{});
    EXPECT_FALSE(splitPointer("entities").has_value());
    EXPECT_FALSE(splitPointer("/a~2").has_value());
}

TEST(JsonPositions, LocatesValuesKeysAndTheNearestExistingAncestor) {
    const std::string json = "{\"a\": [10, {\"b/c\": true}],\n \"d\": {}}";
    const std::vector<PointerLocation> found = locatePointers(json, {"/a/1/b~1c", "/d/missing", "", "/a/7", "bad"});
    EXPECT_EQ(found[0].valueOffset, json.find("true"));
    EXPECT_EQ(found[0].keyOffset, json.find("\"b/c\""));
    EXPECT_TRUE(found[0].exact);
    EXPECT_EQ(found[1].valueOffset, json.find("{}"));
    EXPECT_FALSE(found[1].exact);
    EXPECT_EQ(found[2].valueOffset, 0U);
    EXPECT_TRUE(found[2].exact);
    EXPECT_EQ(found[3].valueOffset, json.find('['));
    EXPECT_FALSE(found[3].exact);
    EXPECT_EQ(found[4].valueOffset, 0U);
    EXPECT_FALSE(found[4].exact);
}

// ------------------------------------------------------------------------------ vocabulary

TEST(Vocabulary, HasTheBuiltInTypesAndRolesOfTheFormat) {
    const std::vector<std::string> types = {"company",       "startup",          "investor",           "university",
                                            "public_research", "research_team",  "public_institution", "nonprofit",
                                            "community",     "intergovernmental", "ministry"};
    const std::vector<std::string> roles = {
        "lead",      "founding_member", "partner",      "public_partner", "private_partner", "joint_research_team",
        "supporter", "scientific_council", "beneficiary", "investor",      "team_of",        "programme_of",
        "develops",  "builds_on",       "based_on",     "trained_on",     "part_of"};
    ASSERT_EQ(builtinTypes().size(), types.size());
    ASSERT_EQ(builtinRoles().size(), roles.size());
    for (std::size_t i = 0; i < types.size(); ++i) {
        const BuiltinType& type = builtinTypes()[i];
        EXPECT_EQ(type.id, types[i]);
        EXPECT_FALSE(type.label.fr.empty() || type.label.en.empty() || type.plural.fr.empty() || type.plural.en.empty());
    }
    for (std::size_t i = 0; i < roles.size(); ++i) {
        const BuiltinRole& role = builtinRoles()[i];
        EXPECT_EQ(role.id, roles[i]);
        EXPECT_FALSE(role.label.fr.empty() || role.label.en.empty() || role.reads.fr.empty() ||
                     role.reads.en.empty() || role.readBy.fr.empty() || role.readBy.en.empty());
    }
}

TEST(Vocabulary, ReadsARelationFromEitherEnd) {
    const LoadResult result = loadDataset(fixture("valid_small.json"));
    ASSERT_TRUE(result.dataset.has_value());
    const Dataset& dataset = *result.dataset;
    EXPECT_EQ(roleReading(dataset, "lead", Lang::En), "leads");
    EXPECT_EQ(roleReading(dataset, "lead", Lang::Fr), "est chef de file de");
    EXPECT_EQ(roleReadingFromTarget(dataset, "lead", Lang::En), "is led by");
    EXPECT_EQ(roleReading(dataset, "advises", Lang::Fr), "Conseille") << "a declared role reads as its label";
    EXPECT_EQ(roleReading(dataset, "nonsense", Lang::En), "nonsense");
    EXPECT_EQ(findBuiltinType("public_research")->label.get(Lang::Fr), "Organisme public de recherche");
    EXPECT_EQ(findBuiltinRole("cooperative"), nullptr);
}

} // namespace
} // namespace explorer
