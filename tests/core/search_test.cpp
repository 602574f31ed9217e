// Folding and search: what a reader types in the search box and what the explorer finds.
#include "core/search.hpp"
#include "core/text_fold.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#if __has_include("core/dataset_loader.hpp")
#include "core/dataset_loader.hpp"
#define EXPLORER_HAS_LOADER 1
#endif

namespace explorer {
namespace {

// ---------------------------------------------------------------- folding

struct FoldCase {
    std::string input;
    std::string expected;
};

TEST(FoldForSearch, FoldsCaseAccentsAndTypography) {
    const std::vector<FoldCase> cases = {
        {"Éducation nationale", "education nationale"},
        {"é è ê ë É È Ê Ë", "e e e e e e e e"},
        {"à â ä À Â Ä", "a a a a a a"},
        {"ç Ç", "c c"},
        {"ô ö Ô Ö", "o o o o"},
        {"î ï Î Ï", "i i i i"},
        {"ù û ü Ù Û Ü", "u u u u u u"},
        {"ÿ Ÿ", "y y"},
        {"œuvre Œuvre", "oeuvre oeuvre"},
        {"Æther æ", "aether ae"},
        {"Straße STRAẞE", "strasse strasse"},
        {"Łódź", "lodz"},
        {"España Ñ", "espana n"},
        {"Kadıköy Şişli", "kadikoy sisli"},
        {"Timișoara Țara", "timisoara tara"},
        {"Dvořák Čapek Ĳssel", "dvorak capek ijssel"},
        {"l’IA ‘ok’", "l'ia 'ok'"},
        {"« Communs »", "\" communs \""},
        {"“quoted”", "\"quoted\""},
        {"2023–2024 — fin", "2023-2024 - fin"},
        {"10\u00a0000\u202fvoix", "10 000 voix"},
        {"  many \t\n  spaces  ", "many spaces"},
        {"e\u0301cole", "ecole"},         // decomposed accent
        {"ﬁlm ﬂeur", "film fleur"},       // ligatures
        {"auto\u00admatique", "automatique"}, // soft hyphen
        {"ＡBC", "abc"},                   // full-width forms (tests/core/text_fold_test.cpp: other scripts)
        {"Ωμέγα", "ωμεγα"},
        {"東京大学 서울대학교", "東京大学 서울대학교"}, // scripts without case are kept as they are
        {"", ""},
    };
    for (const FoldCase& c : cases) {
        EXPECT_EQ(foldForSearch(c.input), c.expected) << "input: " << c.input;
    }
}

TEST(FoldForSearch, IsIdempotent) {
    const std::string samples[] = {"Éducation « nationale » — l’IA", "ŒUVRE ß Ĳ", "Ωμέγα ×÷"};
    for (const std::string& sample : samples) {
        const std::string once = foldForSearch(sample);
        EXPECT_EQ(foldForSearch(once), once);
    }
}

TEST(FoldForSearch, DropsInvalidUtf8BytesAndKeepsTheRest) {
    EXPECT_EQ(foldForSearch("\xff\xfeInria"), "inria");        // stray bytes
    EXPECT_EQ(foldForSearch("caf\xe9"), "caf");                // Latin-1 é, not UTF-8
    EXPECT_EQ(foldForSearch("ab\xc3"), "ab");                  // truncated sequence at the end
    EXPECT_EQ(foldForSearch("a\xc3(b"), "a(b");                // lead byte without continuation
    EXPECT_EQ(foldForSearch("\xc0\xafx"), "x");                // overlong encoding of '/'
    EXPECT_EQ(foldForSearch("\xed\xa0\x80y"), "y");            // UTF-16 surrogate
    EXPECT_EQ(foldForSearch("\xf4\x90\x80\x80z"), "z");        // above U+10FFFF
    EXPECT_EQ(foldForSearch("\x80\x80\x80"), "");
    EXPECT_EQ(foldForSearch(std::string("a\0b", 3)), "ab");    // control characters vanish
}

TEST(FoldForSearch, ResultIsAlwaysValidUtf8) {
    // Every two-byte combination, folded, must re-fold to itself: anything invalid would be
    // dropped the second time and change the text.
    for (int first = 0; first < 256; ++first) {
        for (int second = 0; second < 256; second += 7) {
            std::string input{static_cast<char>(first), static_cast<char>(second), 'x'};
            const std::string folded = foldForSearch(input);
            ASSERT_EQ(foldForSearch(folded), folded) << first << ' ' << second;
        }
    }
}

// ---------------------------------------------------------------- search

Entity makeEntity(std::string id, EntityKind kind, std::string name, std::vector<std::string> aliases = {},
                  std::string type = {}, LocalText description = {}) {
    Entity entity;
    entity.id = std::move(id);
    entity.kind = kind;
    entity.name = std::move(name);
    entity.aliases = std::move(aliases);
    entity.type = std::move(type);
    entity.description = std::move(description);
    return entity;
}

// A small world shaped like the laureates dataset.
Dataset makeLaureatesLike() {
    Dataset dataset;
    dataset.types = {{"startup", {"Start-up", "Start-up"}},
                     {"public_research", {"Recherche publique", "Public research"}},
                     {"university", {"Université", "University"}},
                     {"intergovernmental", {"Organisation intergouvernementale", "Intergovernmental organisation"}},
                     {"public_institution", {"Établissement public", "Public institution"}},
                     {"ministry", {"Ministère", "Ministry"}}};
    dataset.axes = {{"evaluation", {"Évaluation", "Evaluation"}}};
    dataset.entities = {
        makeEntity("org:ocde", EntityKind::Organisation, "OCDE", {"OECD"}, "intergovernmental",
                   {"Organisation de coopération et de développement économiques.",
                    "Organisation for Economic Co-operation and Development."}),
        makeEntity("org:bnf", EntityKind::Organisation, "Bibliothèque nationale de France", {"BnF"},
                   "public_institution", {"Bibliothèque publique nationale.", "The national library."}),
        makeEntity("org:educnat", EntityKind::Organisation, "Éducation nationale", {}, "ministry",
                   {"Le ministère chargé des écoles.", "The ministry in charge of schools."}),
        makeEntity("org:sorbonne", EntityKind::Organisation, "Sorbonne Université", {}, "university",
                   {"Université parisienne.", "A university in Paris."}),
        makeEntity("org:mistral", EntityKind::Organisation, "Mistral AI", {}, "startup",
                   {"Jeune pousse qui publie des modèles ouverts.", "Start-up publishing open models."}),
        makeEntity("model:mistral-7b", EntityKind::Model, "Mistral 7B", {}, {},
                   {"Modèle de langue à sept milliards de paramètres.", "A seven billion parameter language model."}),
        makeEntity("model:claire", EntityKind::Model, "Claire", {}, {},
                   {"Modèle conversationnel fondé sur Mistral 7B.", "Conversational model built on Mistral 7B."}),
        makeEntity("org:inria", EntityKind::Organisation, "Inria", {}, "public_research",
                   {"Institut national de recherche en informatique.", "French national research institute for computing."}),
        makeEntity("project:ai4d", EntityKind::Project, "AI for Democracy", {}, {},
                   {"Évaluer les modèles pour la délibération.", "Evaluating models for deliberation."}),
    };
    dataset.entities.back().axes = {"evaluation"};
    dataset.buildIndex();
    return dataset;
}

std::string idOf(const Dataset& dataset, const SearchHit& hit) { return dataset.entities[hit.entity].id; }

std::vector<std::string> idsOf(const Dataset& dataset, const std::vector<SearchHit>& hits) {
    std::vector<std::string> ids;
    for (const SearchHit& hit : hits) ids.push_back(idOf(dataset, hit));
    return ids;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(Search, EnglishAcronymFindsTheFrenchNameThroughItsAlias) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "OECD", Lang::En);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(idOf(dataset, hits[0]), "org:ocde");
    EXPECT_EQ(hits[0].field, MatchField::Alias);
    EXPECT_EQ(hits[0].matched, "OECD");
    EXPECT_EQ(hits[0].score, kScoreExactAlias);
}

TEST(Search, LowerCaseAcronymFindsTheLibrary) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "bnf", Lang::Fr);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(idOf(dataset, hits[0]), "org:bnf");
    EXPECT_EQ(hits[0].field, MatchField::Alias);
    EXPECT_EQ(hits[0].matched, "BnF");
}

TEST(Search, QueryWithoutAccentsFindsAccentedName) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "education nationale", Lang::Fr);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(idOf(dataset, hits[0]), "org:educnat");
    EXPECT_EQ(hits[0].field, MatchField::Name);
    EXPECT_EQ(hits[0].score, kScoreExactName);
    EXPECT_EQ(hits[0].matched, "Éducation nationale");
}

TEST(Search, UpperCaseAccentedQueryFindsTheSameEntity) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "ÉDUCATION", Lang::En);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(idOf(dataset, hits[0]), "org:educnat");
}

TEST(Search, FirstWordOfNameFindsTheEntity) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "sorbonne", Lang::Fr);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(idOf(dataset, hits[0]), "org:sorbonne");
    EXPECT_EQ(hits[0].score, kScoreNameStart + kScoreWholeWordBonus);
}

TEST(Search, SharedWordFindsBothNamesBeforeDescriptionMentions) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<std::string> ids = idsOf(dataset, search(dataset, "mistral", Lang::En));
    // Both names start with the word: same score, so alphabetical ("7" sorts before "A");
    // Claire only mentions Mistral 7B in its description and comes last.
    const std::vector<std::string> expected = {"model:mistral-7b", "org:mistral", "model:claire"};
    EXPECT_EQ(ids, expected);
}

TEST(Search, DescriptionMatchReportsItsField) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "conversational", Lang::En);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(idOf(dataset, hits[0]), "model:claire");
    EXPECT_EQ(hits[0].field, MatchField::Description);
    EXPECT_TRUE(hits[0].matched.empty());
}

TEST(Search, DescriptionIsSearchedInTheCurrentLanguageOnly) {
    const Dataset dataset = makeLaureatesLike();
    EXPECT_TRUE(contains(idsOf(dataset, search(dataset, "fonde", Lang::Fr)), "model:claire"));
    EXPECT_FALSE(contains(idsOf(dataset, search(dataset, "fonde", Lang::En)), "model:claire"));
}

TEST(Search, TypeAndKindLabelsFindEntitiesAndRankLast) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "startup", Lang::En);
    ASSERT_FALSE(hits.empty());
    // Found through the type id "startup" although the label is spelt "Start-up".
    const auto mistral = std::find_if(hits.begin(), hits.end(),
                                      [&](const SearchHit& hit) { return idOf(dataset, hit) == "org:mistral"; });
    ASSERT_NE(mistral, hits.end());
    EXPECT_EQ(mistral->field, MatchField::Label);
    EXPECT_EQ(mistral->matched, "Start-up");

    const std::vector<std::string> models = idsOf(dataset, search(dataset, "modele", Lang::Fr));
    EXPECT_TRUE(contains(models, "model:claire"));
    EXPECT_TRUE(contains(models, "model:mistral-7b"));

    const std::vector<SearchHit> universities = search(dataset, "university", Lang::En);
    ASSERT_FALSE(universities.empty());
    EXPECT_EQ(idOf(dataset, universities[0]), "org:sorbonne");
    EXPECT_EQ(universities[0].field, MatchField::Description); // beats its own type label
}

TEST(Search, ProjectAxisLabelFindsTheProject) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "évaluation", Lang::Fr);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(idOf(dataset, hits[0]), "project:ai4d");
}

TEST(Search, EveryWordMustMatch) {
    const Dataset dataset = makeLaureatesLike();
    EXPECT_EQ(idsOf(dataset, search(dataset, "claire mistral", Lang::En)),
              std::vector<std::string>{"model:claire"});
    EXPECT_TRUE(search(dataset, "mistral sorbonne", Lang::En).empty());
    // Word order does not matter.
    EXPECT_EQ(idsOf(dataset, search(dataset, "nationale education", Lang::Fr)).front(), "org:educnat");
}

TEST(Search, WholePhraseBeatsScatteredWords) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "mistral 7b", Lang::En);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(idOf(dataset, hits[0]), "model:mistral-7b");
    EXPECT_EQ(hits[0].score, kScoreExactName);
    EXPECT_EQ(idOf(dataset, hits[1]), "model:claire");
}

TEST(Search, RankingOrderExactThenStartThenWordThenSubstringThenDescription) {
    Dataset dataset;
    // Listed in the reverse of the expected order, so sorting by index would fail.
    dataset.entities = {
        makeEntity("e:desc", EntityKind::Organisation, "Other", {}, "", {"", "Shares data openly."}),
        makeEntity("e:sub", EntityKind::Organisation, "Metadata Hub"),
        makeEntity("e:word", EntityKind::Organisation, "Open Data Lab"),
        makeEntity("e:start", EntityKind::Organisation, "Database Tools"),
        makeEntity("e:alias", EntityKind::Organisation, "Something Else", {"DATA"}),
        makeEntity("e:exact", EntityKind::Organisation, "Data"),
        makeEntity("e:none", EntityKind::Organisation, "Unrelated"),
    };
    dataset.buildIndex();
    const std::vector<SearchHit> hits = search(dataset, "data", Lang::En);
    const std::vector<std::string> expected = {"e:exact", "e:alias", "e:start", "e:word", "e:sub", "e:desc"};
    EXPECT_EQ(idsOf(dataset, hits), expected);
    for (std::size_t i = 1; i < hits.size(); ++i) EXPECT_GT(hits[i - 1].score, hits[i].score);
}

TEST(Search, TiesAreBrokenByNameThenId) {
    Dataset dataset;
    dataset.entities = {
        makeEntity("z:2", EntityKind::Organisation, "Twin Lab"),
        makeEntity("z:1", EntityKind::Organisation, "Twin Lab"),
        makeEntity("a:9", EntityKind::Organisation, "Twin Arts"),
    };
    dataset.buildIndex();
    const std::vector<std::string> expected = {"a:9", "z:1", "z:2"};
    EXPECT_EQ(idsOf(dataset, search(dataset, "twin", Lang::En)), expected);
}

TEST(Search, ShortWordsOnlyMatchAtWordStarts) {
    const Dataset dataset = makeLaureatesLike();
    // "i" is inside many names but starts only "Inria" (and the "informatique"/"institute" descriptions).
    for (const SearchHit& hit : search(dataset, "i", Lang::Fr, kAllHits)) {
        EXPECT_NE(idOf(dataset, hit), "model:claire");
    }
    EXPECT_EQ(idOf(dataset, search(dataset, "i", Lang::Fr).front()), "org:inria");
}

TEST(Search, EmptyOrBlankOrInvalidQueriesFindNothing) {
    const Dataset dataset = makeLaureatesLike();
    EXPECT_TRUE(search(dataset, "", Lang::En).empty());
    EXPECT_TRUE(search(dataset, "   \t\n ", Lang::En).empty());
    EXPECT_TRUE(search(dataset, "\xff\xfe\xc3", Lang::En).empty());
    EXPECT_TRUE(search(dataset, "\u00a0\u202f", Lang::En).empty());
}

TEST(Search, InvalidBytesInQueryAreIgnored) {
    const Dataset dataset = makeLaureatesLike();
    const std::vector<SearchHit> hits = search(dataset, "\xffin\xc3ria\x80", Lang::En);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(idOf(dataset, hits[0]), "org:inria");
}

TEST(Search, LimitCapsTheNumberOfHits) {
    const Dataset dataset = makeLaureatesLike();
    const std::size_t all = search(dataset, "mistral", Lang::En, kAllHits).size();
    ASSERT_EQ(all, 3u);
    const std::vector<SearchHit> first = search(dataset, "mistral", Lang::En, 1);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(idOf(dataset, first[0]), "model:mistral-7b");
    EXPECT_TRUE(search(dataset, "mistral", Lang::En, 0).empty());
}

TEST(Search, EmptyDatasetFindsNothing) {
    Dataset dataset;
    dataset.buildIndex();
    EXPECT_TRUE(search(dataset, "inria", Lang::Fr).empty());
}

// ---------------------------------------------------------------- the shipped dataset

#if defined(EXPLORER_HAS_LOADER) && defined(EXPLORER_SOURCE_DIR)
std::optional<Dataset> loadShippedDataset() {
    std::ifstream file(std::string(EXPLORER_SOURCE_DIR) + "/data/laureates.json", std::ios::binary);
    if (!file) return std::nullopt;
    std::ostringstream text;
    text << file.rdbuf();
    LoadResult result = loadDataset(text.str());
    EXPECT_TRUE(result.problems.empty()) << "the shipped dataset does not load";
    return std::move(result.dataset);
}

class ShippedDatasetSearch : public ::testing::Test {
protected:
    void SetUp() override {
        std::optional<Dataset> loaded = loadShippedDataset();
        if (!loaded) GTEST_SKIP() << "data/laureates.json not found";
        dataset_ = std::move(*loaded);
    }
    std::string firstHit(std::string_view query, Lang lang) const {
        const std::vector<SearchHit> hits = search(dataset_, query, lang);
        return hits.empty() ? std::string() : idOf(dataset_, hits[0]);
    }
    Dataset dataset_;
};

TEST_F(ShippedDatasetSearch, ReadersFindTheOrganisationsTheyTypeInAnySpelling) {
    EXPECT_EQ(firstHit("OECD", Lang::En), "org:oecd");
    EXPECT_EQ(firstHit("ocde", Lang::Fr), "org:oecd");
    EXPECT_EQ(firstHit("bnf", Lang::Fr), "org:bnf");
    EXPECT_EQ(firstHit("bibliotheque nationale", Lang::Fr), "org:bnf");
    EXPECT_EQ(firstHit("education nationale", Lang::Fr), "org:education-nationale");
    EXPECT_EQ(firstHit("sorbonne", Lang::En), "org:sorbonne-universite");
    EXPECT_EQ(firstHit("inria", Lang::En), "org:inria");

    const std::vector<SearchHit> oecd = search(dataset_, "OECD", Lang::En);
    EXPECT_EQ(oecd[0].field, MatchField::Alias);
    EXPECT_EQ(oecd[0].matched, "OECD");
}

TEST_F(ShippedDatasetSearch, MistralFindsTheCompanyAndTheModelFirst) {
    const std::vector<std::string> ids = idsOf(dataset_, search(dataset_, "mistral", Lang::Fr));
    ASSERT_GE(ids.size(), 2u);
    const std::vector<std::string> firstTwo(ids.begin(), ids.begin() + 2);
    EXPECT_TRUE(contains(firstTwo, "org:mistral-ai"));
    EXPECT_TRUE(contains(firstTwo, "model:mistral-7b"));
}

TEST_F(ShippedDatasetSearch, WhichProjectsInvolveInria) {
    const std::vector<SearchHit> hits = search(dataset_, "inria", Lang::Fr);
    ASSERT_FALSE(hits.empty());
    std::vector<std::string> projects;
    for (std::size_t project : dataset_.memberProjects(hits[0].entity)) projects.push_back(dataset_.entities[project].id);
    EXPECT_TRUE(contains(projects, "project:ai-for-democracy")); // scientific council
    EXPECT_TRUE(contains(projects, "project:scribe"));
    EXPECT_FALSE(contains(projects, "project:cc-swh")) << "connected through Software Heritage, not a member";
}
#endif

} // namespace
} // namespace explorer
