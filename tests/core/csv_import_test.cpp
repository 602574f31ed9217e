// Bring-your-own-data from CSV: what a journalist's spreadsheet export turns into (entities by
// name, kinds, roles, sources), every way such a file goes wrong reported at its line and field,
// and the limits that keep the widget responsive.
#include "core/csv_import.hpp"
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

std::string csvFixture(const std::string& name) { return test::readSourceFile("tests/fixtures/csv/" + name); }

std::string listProblems(const LoadResult& result) {
    std::string listed;
    for (const Problem& problem : result.problems) listed += "\n  " + describe(problem, Lang::En);
    return listed;
}

Dataset loaded(std::string_view text) {
    LoadResult result = loadCsvDataset(text);
    EXPECT_TRUE(result.problems.empty()) << listProblems(result);
    EXPECT_TRUE(result.dataset.has_value());
    return result.dataset ? std::move(*result.dataset) : Dataset{};
}

// The one problem a text has; fails the test when there are none or several.
Problem onlyProblem(std::string_view text) {
    const LoadResult result = loadCsvDataset(text);
    EXPECT_FALSE(result.dataset.has_value());
    EXPECT_EQ(result.problems.size(), 1U) << listProblems(result);
    return result.problems.empty() ? Problem{} : result.problems.front();
}

const Entity* byName(const Dataset& dataset, std::string_view name) {
    const auto found = std::find_if(dataset.entities.begin(), dataset.entities.end(),
                                    [name](const Entity& entity) { return entity.name == name; });
    return found == dataset.entities.end() ? nullptr : &*found;
}

bool isValidId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != ':' && c != '.' && c != '_' && c != '-'))) return false;
    }
    return true;
}

// The relation "source role target", by entity names; nullptr when absent.
const Relation* relation(const Dataset& dataset, std::string_view source, std::string_view role,
                         std::string_view target) {
    for (const Relation& candidate : dataset.relations) {
        if (dataset.entities[candidate.source].name == source && candidate.role == role &&
            dataset.entities[candidate.target].name == target) {
            return &candidate;
        }
    }
    return nullptr;
}

// Properties every imported dataset has, whatever the file.
void expectWellFormed(const Dataset& dataset) {
    EXPECT_EQ(dataset.title.fr, "Données importées");
    EXPECT_EQ(dataset.title.en, "Imported data");
    std::set<std::string> ids;
    for (const Entity& entity : dataset.entities) {
        EXPECT_TRUE(isValidId(entity.id)) << entity.id;
        EXPECT_TRUE(ids.insert(entity.id).second) << "id given twice: " << entity.id;
        EXPECT_FALSE(entity.sources.empty()) << entity.name << " cites no source";
        EXPECT_EQ(dataset.findEntity(entity.id), static_cast<std::size_t>(&entity - dataset.entities.data()))
            << "buildIndex was not called";
    }
    for (const Relation& relation : dataset.relations) {
        EXPECT_NE(relation.source, relation.target);
        EXPECT_FALSE(relation.sources.empty());
        EXPECT_NE(dataset.findTerm(dataset.roles, relation.role), nullptr) << relation.role << " is not declared";
    }
    for (const Source& source : dataset.sources) EXPECT_TRUE(isValidId(source.id)) << source.id;
}

// ------------------------------------------------------------------------------ valid files

TEST(CsvImport, ReadsNamesInAnyScriptAndMergesTheirSpellings) {
    const Dataset dataset = loaded(csvFixture("unicode_names.csv"));
    expectWellFormed(dataset);
    ASSERT_EQ(dataset.entities.size(), 4U);
    EXPECT_EQ(dataset.relations.size(), 4U);

    const Entity* societe = byName(dataset, "Société Générale d’Œuvres");
    ASSERT_NE(societe, nullptr);
    EXPECT_EQ(societe->kind, EntityKind::Organisation);
    EXPECT_EQ(societe->type, "company");
    EXPECT_EQ(societe->id, "org:societe-generale-d-oeuvres");
    EXPECT_EQ(societe->aliases, std::vector<std::string>{"société générale d'oeuvres"})
        << "another spelling of the same name is the same entity, and search finds that spelling";

    const Entity* eclair = byName(dataset, "Projet Éclair");
    ASSERT_NE(eclair, nullptr);
    EXPECT_EQ(eclair->kind, EntityKind::Project);
    EXPECT_EQ(eclair->id, "project:projet-eclair");

    const Entity* beida = byName(dataset, "北京大学");
    ASSERT_NE(beida, nullptr);
    EXPECT_EQ(beida->kind, EntityKind::Organisation)
        << "typed in one line, in the source column of another: the type wins over the column";
    EXPECT_EQ(beida->type, "university");
    EXPECT_EQ(beida->id.rfind("org:", 0), 0U);
    EXPECT_EQ(beida->id.size(), 4U + 8U) << "a name without Latin letters gets a hash: " << beida->id;

    EXPECT_NE(relation(dataset, "Œuvre commune", "lead", "Projet Éclair"), nullptr);
    EXPECT_NE(relation(dataset, "北京大学", "partner", "Société Générale d’Œuvres"), nullptr)
        << "two organisations: the line is kept as written, source first";
    EXPECT_EQ(relation(dataset, "Société Générale d’Œuvres", "partner", "北京大学"), nullptr);
}

TEST(CsvImport, AnEmptyFileHasNoRelation) {
    const Problem problem = onlyProblem(csvFixture("empty.csv"));
    EXPECT_EQ(problem.code, ProblemCode::CsvNoRows);
    EXPECT_EQ(problem.line, 1);
    EXPECT_EQ(onlyProblem(" \n\r\n\t\n").code, ProblemCode::CsvNoRows) << "blank lines only";
    EXPECT_EQ(onlyProblem("\xEF\xBB\xBF").code, ProblemCode::CsvNoRows) << "a byte order mark only";
}

TEST(CsvImport, AHeaderAloneHasNoRelation) {
    const Problem problem = onlyProblem("target,source,role\n\n,,\n");
    EXPECT_EQ(problem.code, ProblemCode::CsvNoRows);
    EXPECT_EQ(problem.line, 1);
}

TEST(CsvImport, SkipsAByteOrderMark) {
    const Dataset dataset = loaded(csvFixture("bom.csv"));
    expectWellFormed(dataset);
    EXPECT_EQ(dataset.entities.size(), 3U);
    EXPECT_NE(relation(dataset, "Inria", "lead", "Scribe"), nullptr);
}

TEST(CsvImport, ReadsCrlfLineEndsAndLineBreaksInsideQuotes) {
    const std::string text = csvFixture("crlf.csv");
    ASSERT_NE(text.find("\r\n"), std::string::npos) << "the fixture must keep its CRLF line ends";
    const Dataset dataset = loaded(text);
    expectWellFormed(dataset);
    EXPECT_EQ(dataset.entities.size(), 4U);
    for (const Entity& entity : dataset.entities) {
        EXPECT_EQ(entity.name.find('\r'), std::string::npos) << entity.name;
        EXPECT_EQ(entity.name.find('\n'), std::string::npos) << entity.name;
    }
    EXPECT_NE(relation(dataset, "Conseil national du numérique", "supporter", "Scribe"), nullptr)
        << "a name over two lines is shown on one";
    ASSERT_EQ(dataset.sources.size(), 2U);
    EXPECT_EQ(dataset.sources[0].url, "https://example.org/scribe") << "one source per URL";
}

TEST(CsvImport, CountsLinesWithCrlfCrAndLineBreaksInsideQuotes) {
    // The bad type is on line 5 in every variant: line 3 holds a field spanning lines 3 and 4.
    for (const std::string_view end : {"\n", "\r\n", "\r"}) {
        std::string text = "target,source,role,target_type";
        for (const std::string_view line :
             {"A,P,lead,org", "\"B", "b\",P,lead,org", "C,P,lead,planet"}) {
            text += std::string(end) + std::string(line);
        }
        const Problem problem = onlyProblem(text);
        EXPECT_EQ(problem.code, ProblemCode::UnknownKind);
        EXPECT_EQ(problem.line, 5) << "line ends " << (end == "\n" ? "LF" : end == "\r" ? "CR" : "CRLF");
        EXPECT_EQ(problem.column, 4);
        EXPECT_EQ(problem.value, "planet");
    }
}

TEST(CsvImport, ReadsSemicolonSeparatedFilesFromFrenchSpreadsheets) {
    const Dataset dataset = loaded(csvFixture("semicolon.csv"));
    expectWellFormed(dataset);
    ASSERT_EQ(dataset.entities.size(), 4U);
    const Entity* dupont = byName(dataset, "Dupont, Durand et associés");
    ASSERT_NE(dupont, nullptr) << "a comma is ordinary text in a semicolon-separated file";
    EXPECT_EQ(dupont->type, "company");
    EXPECT_EQ(byName(dataset, "Éducation nationale")->type, "ministry") << "a type by its French label";
    EXPECT_NE(byName(dataset, "Acme; filiale"), nullptr);
    EXPECT_NE(relation(dataset, "Dupont, Durand et associés", "lead", "Projet Alpha"), nullptr);
    EXPECT_NE(relation(dataset, "Éducation nationale", "beneficiary", "Projet Alpha"), nullptr);
}

TEST(CsvImport, ReadsTabSeparatedTextPastedFromASpreadsheet) {
    const Dataset dataset = loaded("target\tsource\trole\nMistral AI, SAS\tArGiMi\tpartner\n");
    ASSERT_NE(byName(dataset, "Mistral AI, SAS"), nullptr);
    EXPECT_NE(relation(dataset, "Mistral AI, SAS", "partner", "ArGiMi"), nullptr);
}

TEST(CsvImport, MergesDuplicateLinesAndKeepsAllTheirSources) {
    const Dataset dataset = loaded(csvFixture("duplicate_rows.csv"));
    expectWellFormed(dataset);
    EXPECT_EQ(dataset.entities.size(), 3U);
    ASSERT_EQ(dataset.relations.size(), 2U) << "four lines say LightOn is a partner of Scribe";

    const Relation* lighton = relation(dataset, "LightOn", "partner", "Scribe");
    ASSERT_NE(lighton, nullptr);
    std::vector<std::string> urls;
    for (const std::size_t source : lighton->sources) urls.push_back(dataset.sources[source].url);
    EXPECT_EQ(urls, (std::vector<std::string>{"https://example.org/a", "https://example.org/b"}));

    const Relation* inria = relation(dataset, "Inria", "partner", "Scribe");
    ASSERT_NE(inria, nullptr);
    ASSERT_EQ(inria->sources.size(), 1U);
    const Source& shared = dataset.sources[inria->sources.front()];
    EXPECT_EQ(shared.id, "import") << "a relation without URL cites the imported file";
    EXPECT_EQ(shared.layer, "external");
    EXPECT_FALSE(shared.outlet.empty());
    EXPECT_EQ(dataset.sources.size(), 3U);

    const Source& first = dataset.sources[lighton->sources.front()];
    EXPECT_EQ(first.id, "url-1");
    EXPECT_EQ(first.outlet, "example.org");
    EXPECT_EQ(first.title, "https://example.org/a");
    EXPECT_EQ(first.layer, "external");
    EXPECT_TRUE(first.date.empty());

    const Entity* scribe = byName(dataset, "Scribe");
    ASSERT_NE(scribe, nullptr);
    EXPECT_EQ(scribe->sources.size(), 3U) << "an entity cites the sources of its relations";
}

TEST(CsvImport, NoSharedSourceWhenEveryRelationHasAUrl) {
    const Dataset dataset = loaded("target,source,role,source_url\nA,P,lead,http://Example.ORG:8080/x?y#z\n");
    ASSERT_EQ(dataset.sources.size(), 1U);
    EXPECT_EQ(dataset.sources[0].outlet, "example.org");
    EXPECT_FALSE(dataset.findSource("import").has_value());
}

TEST(CsvImport, ReadsQuotedFieldsWithSeparatorsQuotesAndLineBreaks) {
    const Dataset dataset = loaded(csvFixture("quoted_fields.csv"));
    expectWellFormed(dataset);
    EXPECT_EQ(dataset.entities.size(), 4U);
    EXPECT_NE(relation(dataset, "Dupont, Durand & \"Associés\"", "partner", "Projet Alpha"), nullptr);
    EXPECT_NE(relation(dataset, "Laboratoire d'informatique", "lead", "Projet Alpha"), nullptr);
    EXPECT_NE(relation(dataset, "Acme", "partner", "Projet Alpha"), nullptr) << "spaces around quotes are ignored";
}

TEST(CsvImport, KeepsQuotesInsideUnquotedFields) {
    const Dataset dataset = loaded("target,source,role\nÉcran 27\",P,partner\n");
    EXPECT_NE(byName(dataset, "Écran 27\""), nullptr);
}

TEST(CsvImport, MapsUsualRoleWordsAndKeepsOthersAsRolesOfTheirOwn) {
    const Dataset dataset = loaded(csvFixture("free_text_roles.csv"));
    expectWellFormed(dataset);
    EXPECT_NE(relation(dataset, "Umbrella", "scientific_council", "Projet Alpha"), nullptr);
    EXPECT_NE(relation(dataset, "Hooli", "founding_member", "Projet Alpha"), nullptr);
    EXPECT_NE(relation(dataset, "Stark", "investor", "Projet Alpha"), nullptr);
    EXPECT_NE(relation(dataset, "Wayne", "lead", "Projet Alpha"), nullptr);
    EXPECT_NE(relation(dataset, "Tyrell", "partner", "Projet Alpha"), nullptr);
    EXPECT_NE(relation(dataset, "Cyberdyne", "supporter", "Projet Alpha"), nullptr);

    ASSERT_EQ(dataset.roles.size(), builtinRoles().size() + 2) << "two roles that are not built in";
    const Term& subcontractor = dataset.roles[builtinRoles().size()];
    EXPECT_EQ(subcontractor.id, "sous-traitant");
    EXPECT_EQ(subcontractor.label.fr, "Sous-traitant") << "the text as first written";
    EXPECT_EQ(subcontractor.label.en, "Sous-traitant");
    EXPECT_NE(relation(dataset, "Acme", "sous-traitant", "Projet Alpha"), nullptr);
    EXPECT_NE(relation(dataset, "Globex", "sous-traitant", "Projet Alpha"), nullptr)
        << "\"sous traitant\" is the same role as \"Sous-traitant\"";
    const Term& patron = dataset.roles.back();
    EXPECT_EQ(patron.id, "mecene");
    EXPECT_EQ(patron.label.en, "Mécène");
    EXPECT_EQ(roleReading(dataset, "mecene", Lang::En), "Mécène") << "the details panel can name it";
}

TEST(CsvImport, RecognisesEveryBuiltInRoleByIdAndByLabel) {
    for (const BuiltinRole& role : builtinRoles()) {
        for (const std::string_view written : {role.id, role.label.fr, role.label.en}) {
            const std::string text = "target,source,role\nA,B,\"" + std::string(written) + "\"\n";
            const Dataset dataset = loaded(text);
            ASSERT_EQ(dataset.relations.size(), 1U);
            EXPECT_EQ(dataset.relations[0].role, role.id) << written;
            EXPECT_EQ(dataset.roles.size(), builtinRoles().size()) << written << " made a new role";
        }
    }
}

TEST(CsvImport, AFreeRoleNeverTakesTheIdOfABuiltInOne) {
    const Dataset dataset = loaded("target,source,role\nA,B,lead!?\nC,B,leads\nD,B,寄付\n");
    // "lead!?" is the built-in lead (punctuation is ignored); "leads" is not.
    EXPECT_EQ(dataset.relations[0].role, "lead");
    EXPECT_EQ(dataset.relations[1].role, "leads");
    const std::string cjk = dataset.relations[2].role;
    EXPECT_TRUE(isValidId(cjk)) << cjk;
    EXPECT_EQ(dataset.findTerm(dataset.roles, cjk)->label.fr, "寄付");
}

TEST(CsvImport, SourcesAreProjectsAndTargetsOrganisationsUnlessTyped) {
    const Dataset dataset = loaded(
        "target,source,role,target_type,source_type\n"
        "ALMAnaCH,Inria,team_of,,\n"
        "Inria,Scribe,partner,,\n"
        "Claire,Mistral 7B,based_on,model,model\n"
        "Software Heritage,Inria,programme_of,initiative,organization\n"
        "CNRS,Scribe,partner,Org,\n"
        "Sorbonne,Scribe,partner,organisation,\n"
        "Sorbonne,AI for Democracy,partner,University,Projet\n");
    expectWellFormed(dataset);
    EXPECT_EQ(byName(dataset, "ALMAnaCH")->kind, EntityKind::Organisation);
    EXPECT_EQ(byName(dataset, "Inria")->kind, EntityKind::Organisation) << "typed `organization` on one line";
    EXPECT_EQ(byName(dataset, "Inria")->type, "") << "no type given: none invented";
    EXPECT_EQ(byName(dataset, "Scribe")->kind, EntityKind::Project) << "untyped, in the source column";
    EXPECT_EQ(byName(dataset, "Scribe")->id, "project:scribe");
    EXPECT_EQ(byName(dataset, "Claire")->kind, EntityKind::Model);
    EXPECT_EQ(byName(dataset, "Claire")->id, "model:claire");
    EXPECT_EQ(byName(dataset, "Mistral 7B")->kind, EntityKind::Model);
    EXPECT_EQ(byName(dataset, "Software Heritage")->kind, EntityKind::Initiative);
    EXPECT_EQ(byName(dataset, "Software Heritage")->id, "initiative:software-heritage");
    EXPECT_EQ(byName(dataset, "CNRS")->kind, EntityKind::Organisation);
    EXPECT_EQ(byName(dataset, "Sorbonne")->type, "university") << "organisation, then more precisely university";
    EXPECT_EQ(byName(dataset, "AI for Democracy")->kind, EntityKind::Project);
    // buildIndex ran: participation is known.
    const auto inria = dataset.findEntity(byName(dataset, "Inria")->id);
    ASSERT_TRUE(inria.has_value());
    EXPECT_EQ(dataset.memberProjects(*inria).size(), 1U);
}

TEST(CsvImport, MakesIdsUniqueWhenSlugsCollide) {
    const Dataset dataset = loaded("source,target,role\nP,A.B,partner\nP,A B,partner\nP,A-B,partner\n");
    std::vector<std::string> ids;
    for (const Entity& entity : dataset.entities) ids.push_back(entity.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"project:p", "org:a-b", "org:a-b-2", "org:a-b-3"}));
}

TEST(CsvImport, TrimsNamesAndAcceptsFlexibleHeaderNames) {
    const Dataset dataset = loaded(" Source , TARGET ,Rôle,Source Type,target-type,SOURCE_URL\n"
                                   "  LightOn  ,Scribe,partner,startup,project,https://example.org/\n"
                                   "LightOn,Scribe ,lead,,,\n");
    EXPECT_EQ(dataset.entities.size(), 2U);
    EXPECT_EQ(byName(dataset, "LightOn")->type, "startup");
    EXPECT_EQ(dataset.relations.size(), 2U);
}

TEST(CsvImport, ReadsAProjectParticipantRoleTableWithoutTypes) {
    const Dataset dataset = loaded("source,target,role\nScribe,LightOn,partenaire\nOpenLLM-France,Lucie-7B,develops\n");
    expectWellFormed(dataset);
    ASSERT_EQ(dataset.entities.size(), 4U);
    for (const std::string_view project : {"Scribe", "OpenLLM-France"}) {
        const Entity* entity = byName(dataset, project);
        ASSERT_NE(entity, nullptr) << project;
        EXPECT_EQ(entity->kind, EntityKind::Project) << project << " is in the source column";
    }
    for (const std::string_view organisation : {"LightOn", "Lucie-7B"}) {
        const Entity* entity = byName(dataset, organisation);
        ASSERT_NE(entity, nullptr) << organisation;
        EXPECT_EQ(entity->kind, EntityKind::Organisation) << organisation << " is only ever a target";
        EXPECT_EQ(entity->type, "") << "no type given: none invented";
    }
    EXPECT_EQ(byName(dataset, "Scribe")->id, "project:scribe");
    EXPECT_EQ(byName(dataset, "LightOn")->id, "org:lighton");

    ASSERT_EQ(dataset.relations.size(), 2U);
    EXPECT_NE(relation(dataset, "LightOn", "partner", "Scribe"), nullptr) << "participant first, as the dataset reads";
    EXPECT_EQ(relation(dataset, "Scribe", "partner", "LightOn"), nullptr);
    EXPECT_NE(relation(dataset, "OpenLLM-France", "develops", "Lucie-7B"), nullptr)
        << "a project acting on something stays as written";
    EXPECT_EQ(relation(dataset, "Lucie-7B", "develops", "OpenLLM-France"), nullptr);
    EXPECT_EQ(dataset.memberProjects(*dataset.findEntity("org:lighton")).size(), 1U) << "LightOn takes part in Scribe";
}

TEST(CsvImport, ExplicitTypesWinOverTheColumns) {
    const Dataset dataset = loaded("source,target,role,source_type,target_type\n"
                                   "LightOn,Scribe,partner,organisation,project\n"
                                   "Pleias,Common Corpus,lead,start-up,projet\n");
    expectWellFormed(dataset);
    EXPECT_EQ(byName(dataset, "LightOn")->kind, EntityKind::Organisation) << "typed, though in the source column";
    EXPECT_EQ(byName(dataset, "Scribe")->kind, EntityKind::Project) << "typed, though in the target column";
    EXPECT_EQ(byName(dataset, "Scribe")->id, "project:scribe");
    EXPECT_EQ(byName(dataset, "Pleias")->type, "startup");
    ASSERT_EQ(dataset.relations.size(), 2U);
    EXPECT_NE(relation(dataset, "LightOn", "partner", "Scribe"), nullptr) << "an organisation first: stored as written";
    EXPECT_EQ(relation(dataset, "Scribe", "partner", "LightOn"), nullptr);
    EXPECT_NE(relation(dataset, "Pleias", "lead", "Common Corpus"), nullptr);
}

// ------------------------------------------------------------------------------ problems

TEST(CsvImport, ASelfRelationIsAProblemAtItsTarget) {
    const Problem problem = onlyProblem(csvFixture("self_relation.csv"));
    EXPECT_EQ(problem.code, ProblemCode::SelfRelation);
    EXPECT_EQ(problem.line, 3);
    EXPECT_EQ(problem.column, 1) << "the target is the first column of this file";
    EXPECT_EQ(problem.pointer, "target");
    EXPECT_EQ(problem.value, "INRIA") << "the name as the source cell spells it, trimmed";
    EXPECT_EQ(describe(problem, Lang::En), "target: the relation links \"INRIA\" to itself (line 3, column 1)");
}

TEST(CsvImport, AMissingRequiredColumnIsAProblem) {
    const Problem problem = onlyProblem(csvFixture("missing_column.csv"));
    EXPECT_EQ(problem.code, ProblemCode::MissingField);
    EXPECT_EQ(problem.value, "role");
    EXPECT_EQ(problem.pointer, "role");
    EXPECT_EQ(problem.line, 1);
}

TEST(CsvImport, AFileWithoutHeaderGetsOnlyTheMissingColumns) {
    const LoadResult result = loadCsvDataset("LightOn,Scribe,partner\nInria,Scribe,lead\n");
    EXPECT_FALSE(result.dataset.has_value());
    ASSERT_EQ(result.problems.size(), 3U) << listProblems(result);
    for (const Problem& problem : result.problems) EXPECT_EQ(problem.code, ProblemCode::MissingField);
}

TEST(CsvImport, UnknownAndRepeatedColumnsAreProblems) {
    const LoadResult result = loadCsvDataset("target,source,role,souce_url,,Role\nA,B,lead,x,,y\n");
    EXPECT_FALSE(result.dataset.has_value());
    ASSERT_EQ(result.problems.size(), 2U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::UnknownField);
    EXPECT_EQ(result.problems[0].value, "souce_url");
    EXPECT_EQ(result.problems[0].column, 4);
    EXPECT_EQ(result.problems[1].code, ProblemCode::DuplicateKey) << "an empty header (column 5) is ignored";
    EXPECT_EQ(result.problems[1].value, "role");
    EXPECT_EQ(result.problems[1].column, 6);
}

TEST(CsvImport, AnUnknownTypeIsAProblemAtItsCell) {
    const Problem problem = onlyProblem(csvFixture("unknown_type.csv"));
    EXPECT_EQ(problem.code, ProblemCode::UnknownKind);
    EXPECT_EQ(problem.line, 3);
    EXPECT_EQ(problem.column, 4);
    EXPECT_EQ(problem.pointer, "target_type");
    EXPECT_EQ(problem.value, "banana");
}

TEST(CsvImport, TwoDifferentTypesForOneEntityAreAProblem) {
    const Problem problem = onlyProblem("target,source,role,target_type,source_type\n"
                                        "Inria,Scribe,partner,public_research,\n"
                                        "ALMAnaCH,INRIA,team_of,,university\n");
    EXPECT_EQ(problem.code, ProblemCode::CsvTypeConflict);
    EXPECT_EQ(problem.line, 3);
    EXPECT_EQ(problem.column, 5);
    EXPECT_EQ(problem.value, "university");
    EXPECT_EQ(problem.detail, "public_research");
    EXPECT_EQ(problem.number, 2U);
    EXPECT_EQ(problemMessage(problem, Lang::En),
              "\"university\" contradicts the type \"public_research\" given to the same entity on line 2");

    EXPECT_EQ(onlyProblem("target,source,role,target_type,source_type\nA,B,lead,model,\nC,A,lead,,project\n").code,
              ProblemCode::CsvTypeConflict)
        << "a model cannot also be a project";
}

TEST(CsvImport, ALineWithTooFewFieldsIsAProblem) {
    const Problem problem = onlyProblem(csvFixture("too_few_fields.csv"));
    EXPECT_EQ(problem.code, ProblemCode::CsvFieldCount);
    EXPECT_EQ(problem.line, 3);
    EXPECT_EQ(problem.value, "2");
    EXPECT_EQ(problem.number, 3U);
    EXPECT_EQ(toString(problem.code), "csv_field_count");
}

TEST(CsvImport, ExtraFieldsAreAProblemOnlyWhenTheyHoldSomething) {
    const Dataset dataset = loaded("target,source,role\nA,B,lead,,\n");
    EXPECT_EQ(dataset.relations.size(), 1U);
    const Problem problem = onlyProblem("target,source,role\nDupont, Durand,B,lead\n");
    EXPECT_EQ(problem.code, ProblemCode::CsvFieldCount) << "an unquoted comma in a name";
    EXPECT_EQ(problem.column, 4);
    EXPECT_EQ(problem.value, "4");
}

TEST(CsvImport, EmptyCellsWhereANameOrRoleIsRequiredAreProblems) {
    const LoadResult result = loadCsvDataset("target,source,role\n,B,lead\nA,\"  \",partner\nA,B,\n");
    EXPECT_FALSE(result.dataset.has_value());
    ASSERT_EQ(result.problems.size(), 3U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::EmptyString);
    EXPECT_EQ(result.problems[0].pointer, "target");
    EXPECT_EQ(result.problems[0].line, 2);
    EXPECT_EQ(result.problems[0].column, 1);
    EXPECT_EQ(result.problems[1].pointer, "source");
    EXPECT_EQ(result.problems[1].line, 3);
    EXPECT_EQ(result.problems[1].column, 2);
    EXPECT_EQ(result.problems[2].pointer, "role");
    EXPECT_EQ(result.problems[2].column, 3);
}

TEST(CsvImport, OnlyWebAddressesAreSources) {
    const Problem problem = onlyProblem("target,source,role,source_url\nA,B,lead,javascript:alert(1)\n");
    EXPECT_EQ(problem.code, ProblemCode::InvalidUrl);
    EXPECT_EQ(problem.column, 4);
    EXPECT_EQ(problem.value, "javascript:alert(1)");
}

TEST(CsvImport, ABadlyQuotedFieldIsTheOnlyProblemReported) {
    const Problem unclosed = onlyProblem("target,source,role\nA,B,lead\nC,\"D,partner\nE,F,lead\n");
    EXPECT_EQ(unclosed.code, ProblemCode::CsvBadQuote);
    EXPECT_EQ(unclosed.line, 3) << "where the quote opens";
    EXPECT_EQ(unclosed.column, 2);

    const Problem textAfter = onlyProblem("target,source,role\n,,\nA,\"B\"x,lead\n");
    EXPECT_EQ(textAfter.code, ProblemCode::CsvBadQuote);
    EXPECT_EQ(textAfter.line, 3);
    EXPECT_EQ(textAfter.column, 2);
    EXPECT_NE(problemMessage(textAfter, Lang::Fr), problemMessage(textAfter, Lang::En));
}

TEST(CsvImport, EncodingProblemsArePlacedAtTheirLineAndField) {
    const Problem invalid = onlyProblem("target,source,role\nA,B,lead\nC,Caf\xE9,lead\n");
    EXPECT_EQ(invalid.code, ProblemCode::InvalidUtf8);
    EXPECT_EQ(invalid.line, 3);
    EXPECT_EQ(invalid.column, 2);

    const Problem nul = onlyProblem(std::string_view("target,source,role\nA,B,le\0ad\n", 29));
    EXPECT_EQ(nul.code, ProblemCode::NulByte);
    EXPECT_EQ(nul.line, 2);
    EXPECT_EQ(nul.column, 3);

    EXPECT_EQ(onlyProblem("\xFF\xFEs\0o\0").code, ProblemCode::Utf16Encoding);
}

TEST(CsvImport, AllProblemsOfAFileAreListedInFileOrder) {
    const LoadResult result = loadCsvDataset("target,source,role,target_type\n"
                                             "A,A,lead,\n"
                                             "B,C,lead,rock\n"
                                             "D,E\n");
    ASSERT_EQ(result.problems.size(), 3U) << listProblems(result);
    EXPECT_EQ(result.problems[0].code, ProblemCode::SelfRelation);
    EXPECT_EQ(result.problems[1].code, ProblemCode::UnknownKind);
    EXPECT_EQ(result.problems[2].code, ProblemCode::CsvFieldCount);
    EXPECT_FALSE(result.dataset.has_value()) << "never half-loaded";
}

TEST(CsvImport, ListsAtMostTheProblemLimitThenSaysHowManyMore) {
    std::string text = "target,source,role\n";
    for (std::size_t i = 0; i < kMaxProblems + 5; ++i) text += "X" + std::to_string(i) + ",x" + std::to_string(i) + ",lead\n";
    const LoadResult result = loadCsvDataset(text);
    ASSERT_EQ(result.problems.size(), kMaxProblems + 1);
    EXPECT_EQ(result.problems.back().code, ProblemCode::TooManyProblems);
    EXPECT_EQ(result.problems.back().number, 5U);
}

TEST(CsvImport, NewProblemCodesHaveMessagesInBothLanguages) {
    for (const ProblemCode code : {ProblemCode::CsvBadQuote, ProblemCode::CsvNoRows, ProblemCode::CsvFieldCount,
                                   ProblemCode::CsvTypeConflict}) {
        Problem problem;
        problem.code = code;
        const std::string fr = problemMessage(problem, Lang::Fr);
        const std::string en = problemMessage(problem, Lang::En);
        EXPECT_FALSE(fr.empty());
        EXPECT_NE(fr, en);
        EXPECT_NE(en, toString(code)) << "the message falls back to the code name";
        EXPECT_EQ(toString(code).substr(0, 4), "csv_");
    }
}

// ------------------------------------------------------------------------------ limits

TEST(CsvImport, RefusesTooLargeAFile) {
    const std::string text(kMaxInputBytes + 1, 'a');
    const Problem problem = onlyProblem(text);
    EXPECT_EQ(problem.code, ProblemCode::InputTooLarge);
    EXPECT_EQ(problem.detail, std::to_string(kMaxInputBytes + 1));
}

TEST(CsvImport, RefusesTooManyRelations) {
    std::string text = "target,source,role\n";
    for (std::size_t i = 0; i <= kMaxRelations; ++i) text += "o" + std::to_string(i % 100) + ",p,lead\n";
    const Problem problem = onlyProblem(text);
    EXPECT_EQ(problem.code, ProblemCode::TooManyRelations);
    EXPECT_EQ(problem.detail, std::to_string(kMaxRelations + 1));
    EXPECT_EQ(problem.line, static_cast<int>(kMaxRelations + 2)) << "the first line over the limit";
}

TEST(CsvImport, RefusesTooManyEntities) {
    std::string text = "target,source,role\n";
    const std::size_t lines = kMaxEntities / 2 + 1;
    for (std::size_t i = 0; i < lines; ++i) text += "org " + std::to_string(i) + ",project " + std::to_string(i) + ",lead\n";
    const Problem problem = onlyProblem(text);
    EXPECT_EQ(problem.code, ProblemCode::TooManyEntities);
    EXPECT_EQ(problem.detail, std::to_string(2 * lines));
}

TEST(CsvImport, LoadsAFiveMegabyteFile) {
    // 90,000 lines (about 5 MB), every tenth one repeating the line before: 81,000 relations,
    // each a different pair of one of 18,000 organisations and one of 600 projects, citing one of
    // 3,000 URLs.
    constexpr std::size_t kLines = 90'000;
    constexpr std::size_t kOrganisations = 18'000;
    constexpr std::size_t kProjects = 600;
    std::string text = "target,source,role,target_type,source_type,source_url\r\n";
    std::size_t distinct = 0;
    std::string previous;
    for (std::size_t i = 0; i < kLines; ++i) {
        if (i % 10 == 9) {
            text += previous;
            continue;
        }
        const std::size_t k = distinct++;
        const std::size_t project = (k % kProjects + k / kOrganisations) % kProjects;
        previous = "\"Organisation n° " + std::to_string(k % kOrganisations) + ", Société\",Projet commun " +
                   std::to_string(project) + " – édition spéciale," + (k % 3 == 0 ? "partenaire" : "lead") +
                   ",startup,project,https://example.org/sources/" + std::to_string(k % 3000) + "/article.html\r\n";
        text += previous;
    }
    const std::size_t expectedRelations = distinct;
    ASSERT_GT(text.size(), 5'000'000U);
    const Dataset dataset = loaded(text);
    EXPECT_EQ(dataset.entities.size(), kOrganisations + kProjects);
    EXPECT_EQ(dataset.count(EntityKind::Project), kProjects);
    EXPECT_EQ(dataset.relations.size(), expectedRelations);
    EXPECT_EQ(dataset.sources.size(), 3000U);
}

TEST(CsvImport, StaysLinearWhenOneRelationIsRepeatedWithManyUrls) {
    constexpr std::size_t kLines = 60'000;
    std::string text = "target,source,role,source_url\n";
    for (std::size_t i = 0; i < kLines; ++i) text += "LightOn,Scribe,partner,https://example.org/" + std::to_string(i) + "\n";
    text += "LightOn,Scribe,partner,https://example.org/0\n";
    const Dataset dataset = loaded(text);
    ASSERT_EQ(dataset.relations.size(), 1U);
    EXPECT_EQ(dataset.relations[0].sources.size(), kLines);
    EXPECT_EQ(dataset.sources[dataset.relations[0].sources[1]].url, "https://example.org/1") << "in file order";
}

TEST(CsvImport, StaysLinearWhenOneNameIsSpeltInManyWays) {
    // 60,000 spellings of one name, differing only by case: one entity, a few aliases.
    constexpr std::size_t kLines = 60'000;
    const std::string name = "organisationdutest";
    std::string text = "target,source,role\n";
    for (std::size_t i = 0; i < kLines; ++i) {
        std::string spelling = name;
        for (std::size_t bit = 0; bit < 17; ++bit) {
            if ((i >> bit) & 1U) spelling[bit] = static_cast<char>(spelling[bit] - 'a' + 'A');
        }
        text += spelling + ",Projet,partner\n";
    }
    const Dataset dataset = loaded(text);
    ASSERT_EQ(dataset.entities.size(), 2U);
    const Entity* organisation = byName(dataset, name);
    ASSERT_NE(organisation, nullptr) << "shown with the spelling met first";
    EXPECT_EQ(organisation->kind, EntityKind::Organisation);
    EXPECT_EQ(organisation->aliases.size(), 16U);
    EXPECT_EQ(dataset.relations.size(), 1U);
}

// ------------------------------------------------------------------------------ choosing a loader

TEST(CsvImport, TellsJsonFromCsv) {
    EXPECT_TRUE(looksLikeJson("\xEF\xBB\xBF  \n{\"format\": 1}"));
    EXPECT_TRUE(looksLikeJson("[1]"));
    EXPECT_FALSE(looksLikeJson("target,source,role\n"));
    EXPECT_FALSE(looksLikeJson(""));
}

} // namespace
} // namespace explorer
