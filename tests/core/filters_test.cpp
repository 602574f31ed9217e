// Filters: what stays visible in every view for each combination a reader can set.
#include "core/filters.hpp"

#include "support/source_files.hpp"

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

Entity makeEntity(std::string id, EntityKind kind, std::string name, std::string type = {}) {
    Entity entity;
    entity.id = std::move(id);
    entity.kind = kind;
    entity.name = std::move(name);
    entity.type = std::move(type);
    return entity;
}

Entity makeProject(std::string id, std::string name, std::vector<std::string> axes,
                   std::vector<std::string> sectors) {
    Entity project = makeEntity(std::move(id), EntityKind::Project, std::move(name));
    project.axes = std::move(axes);
    project.sectors = std::move(sectors);
    return project;
}

// A small world shaped like the laureates dataset:
//  - Inria takes part in Scribe through its team ALMAnaCH, in AI for Democracy directly
//    (scientific council) and in CC-SWH through its programme Software Heritage: 3 projects;
//  - the BnF and Sorbonne Université are each in 2 projects, everybody else in 1 or none;
//  - Claire and Mistral 7B are models linked to no project;
//  - AI for Democracy is part of the initiative Communs démocratiques (a link from the project).
class FiltersTest : public ::testing::Test {
protected:
    void SetUp() override {
        dataset_.entities = {
            makeProject("project:scribe", "Scribe", {"models"}, {"culture"}),
            makeProject("project:ai4d", "AI for Democracy", {"evaluation"}, {"law"}),
            makeProject("project:ccswh", "CC-SWH", {"models"}, {"education"}),
            makeProject("project:argimi", "ArGiMi", {"models", "evaluation"}, {"culture", "industry"}),
            makeProject("project:solo", "Solo", {"uses"}, {"law"}),
            makeEntity("org:inria", EntityKind::Organisation, "Inria", "public_research"),
            makeEntity("org:almanach", EntityKind::Organisation, "ALMAnaCH", "research_team"),
            makeEntity("initiative:swh", EntityKind::Initiative, "Software Heritage"),
            makeEntity("initiative:commons", EntityKind::Initiative, "Communs démocratiques"),
            makeEntity("org:photoroom", EntityKind::Organisation, "Photoroom", "startup"),
            makeEntity("org:ocde", EntityKind::Organisation, "OCDE", "intergovernmental"),
            makeEntity("org:bnf", EntityKind::Organisation, "Bibliothèque nationale de France", "public_institution"),
            makeEntity("org:sorbonne", EntityKind::Organisation, "Sorbonne Université", "university"),
            makeEntity("org:mistral", EntityKind::Organisation, "Mistral AI", "startup"),
            makeEntity("model:mistral-7b", EntityKind::Model, "Mistral 7B"),
            makeEntity("model:claire", EntityKind::Model, "Claire"),
            makeEntity("org:lighton", EntityKind::Organisation, "LightOn", "company"),
            makeEntity("org:tiny", EntityKind::Organisation, "Tiny Lab", "company"),
            makeEntity("org:lonely", EntityKind::Organisation, "Lonely Start", "startup"),
        };
        relate("org:almanach", "team_of", "org:inria");
        relate("org:almanach", "partner", "project:scribe");
        relate("org:inria", "scientific_council", "project:ai4d");
        relate("initiative:swh", "programme_of", "org:inria");
        relate("initiative:swh", "lead", "project:ccswh");
        relate("project:ccswh", "builds_on", "initiative:swh");
        relate("project:ai4d", "part_of", "initiative:commons");
        relate("org:photoroom", "lead", "project:argimi");
        relate("org:bnf", "public_partner", "project:argimi");
        relate("org:bnf", "public_partner", "project:scribe");
        relate("org:ocde", "supporter", "project:ai4d");
        relate("org:sorbonne", "partner", "project:ai4d");
        relate("org:sorbonne", "partner", "project:argimi");
        relate("org:mistral", "develops", "model:mistral-7b");
        relate("model:claire", "based_on", "model:mistral-7b");
        relate("org:lighton", "develops", "model:claire");
        relate("org:lighton", "lead", "project:scribe");
        relate("org:tiny", "lead", "project:solo");
        dataset_.buildIndex();
    }

    void relate(const std::string& source, const std::string& role, const std::string& target) {
        Relation relation;
        relation.source = indexOf(source);
        relation.target = indexOf(target);
        relation.role = role;
        dataset_.relations.push_back(relation);
    }

    std::size_t indexOf(const std::string& id) const {
        const auto found = std::find_if(dataset_.entities.begin(), dataset_.entities.end(),
                                        [&](const Entity& entity) { return entity.id == id; });
        return static_cast<std::size_t>(found - dataset_.entities.begin());
    }

    std::vector<std::string> visibleIds(const Filters& filters) const {
        const VisibleSet visible = applyFilters(dataset_, filters);
        std::vector<std::string> ids;
        for (std::size_t e = 0; e < dataset_.entities.size(); ++e) {
            if (visible.entity[e]) ids.push_back(dataset_.entities[e].id);
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    bool relationVisible(const VisibleSet& visible, const std::string& source, const std::string& role,
                         const std::string& target) const {
        for (std::size_t r = 0; r < dataset_.relations.size(); ++r) {
            const Relation& relation = dataset_.relations[r];
            if (relation.source == indexOf(source) && relation.target == indexOf(target) &&
                relation.role == role) {
                return visible.relation[r];
            }
        }
        ADD_FAILURE() << "no relation " << source << ' ' << role << ' ' << target;
        return false;
    }

    static std::vector<std::string> sorted(std::vector<std::string> ids) {
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    Dataset dataset_;
};

TEST_F(FiltersTest, EmptyFiltersShowEverything) {
    const VisibleSet visible = applyFilters(dataset_, Filters{});
    ASSERT_EQ(visible.entity.size(), dataset_.entities.size());
    ASSERT_EQ(visible.relation.size(), dataset_.relations.size());
    EXPECT_TRUE(std::all_of(visible.entity.begin(), visible.entity.end(), [](bool v) { return v; }));
    EXPECT_TRUE(std::all_of(visible.relation.begin(), visible.relation.end(), [](bool v) { return v; }));
}

TEST_F(FiltersTest, AxisKeepsItsProjectsAndTheirParticipantsOnly) {
    Filters filters;
    filters.axes = {"evaluation"};
    // AI for Democracy and ArGiMi are on the evaluation axis; Inria is in AI for Democracy
    // directly. ALMAnaCH (Scribe only), Software Heritage (CC-SWH only), the models and the
    // organisation without any relation are gone.
    EXPECT_EQ(visibleIds(filters),
              sorted({"project:ai4d", "project:argimi", "org:inria", "org:ocde", "org:sorbonne",
                      "org:photoroom", "org:bnf", "initiative:commons"}));
    const VisibleSet visible = applyFilters(dataset_, filters);
    EXPECT_TRUE(relationVisible(visible, "org:bnf", "public_partner", "project:argimi"));
    // The BnF stays, but not its link to Scribe, which is hidden.
    EXPECT_FALSE(relationVisible(visible, "org:bnf", "public_partner", "project:scribe"));
    // A link from the project counts as well as a link to it.
    EXPECT_TRUE(relationVisible(visible, "project:ai4d", "part_of", "initiative:commons"));
}

TEST_F(FiltersTest, SeveralAxesAreAlternatives) {
    Filters filters;
    filters.axes = {"evaluation", "uses"};
    const std::vector<std::string> ids = visibleIds(filters);
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), "project:solo"));
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), "project:ai4d"));
    EXPECT_FALSE(std::binary_search(ids.begin(), ids.end(), "project:scribe"));
}

TEST_F(FiltersTest, AxesAndSectorsMustBothMatch) {
    Filters filters;
    filters.axes = {"models"};
    filters.sectors = {"education"};
    // Only CC-SWH is both on the models axis and in education. Inria reaches it through
    // Software Heritage, which stays visible with both links.
    EXPECT_EQ(visibleIds(filters), sorted({"project:ccswh", "initiative:swh", "org:inria"}));
    const VisibleSet visible = applyFilters(dataset_, filters);
    EXPECT_TRUE(relationVisible(visible, "initiative:swh", "programme_of", "org:inria"));
    EXPECT_TRUE(relationVisible(visible, "project:ccswh", "builds_on", "initiative:swh"));
}

TEST_F(FiltersTest, ParticipantsReachProjectsThroughNestedUnits) {
    // A lab inside ALMAnaCH inside Inria: Inria is still in Scribe through two levels.
    dataset_.entities.push_back(makeEntity("org:sublab", EntityKind::Organisation, "Sub Lab", "research_team"));
    relate("org:sublab", "team_of", "org:almanach");
    relate("org:sublab", "partner", "project:solo");
    dataset_.buildIndex();
    Filters filters;
    filters.axes = {"uses"};
    EXPECT_EQ(visibleIds(filters), sorted({"project:solo", "org:tiny", "org:sublab", "org:almanach", "org:inria"}));
}

TEST_F(FiltersTest, UnknownVocabularyMatchesNothing) {
    Filters filters;
    filters.axes = {"no-such-axis"};
    EXPECT_TRUE(visibleIds(filters).empty());
}

TEST_F(FiltersTest, TypeFilterHidesOtherOrganisationsButNeverProjectsOrModels) {
    Filters filters;
    filters.types = {"startup"};
    EXPECT_EQ(visibleIds(filters),
              sorted({"project:scribe", "project:ai4d", "project:ccswh", "project:argimi", "project:solo",
                      "org:photoroom", "org:mistral", "org:lonely", "initiative:swh", "initiative:commons",
                      "model:mistral-7b", "model:claire"}));
    const VisibleSet visible = applyFilters(dataset_, filters);
    EXPECT_TRUE(relationVisible(visible, "org:photoroom", "lead", "project:argimi"));
    EXPECT_FALSE(relationVisible(visible, "org:bnf", "public_partner", "project:argimi"));
    EXPECT_TRUE(relationVisible(visible, "org:mistral", "develops", "model:mistral-7b"));
}

TEST_F(FiltersTest, TypeFilterKeepsTheUnitsThatLinkAKeptOrganisationToItsProjects) {
    Filters filters;
    filters.types = {"public_research"};
    const std::vector<std::string> ids = visibleIds(filters);
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), "org:inria"));
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), "org:almanach")); // research team, on the way
    EXPECT_FALSE(std::binary_search(ids.begin(), ids.end(), "org:sorbonne"));
    EXPECT_FALSE(std::binary_search(ids.begin(), ids.end(), "org:bnf"));
    const VisibleSet visible = applyFilters(dataset_, filters);
    EXPECT_TRUE(relationVisible(visible, "org:almanach", "team_of", "org:inria"));
    EXPECT_TRUE(relationVisible(visible, "org:almanach", "partner", "project:scribe"));
}

TEST_F(FiltersTest, RoleFilterKeepsMatchingRelationsAndAllProjects) {
    Filters filters;
    filters.roles = {"lead"};
    // Every project stays, even CC-SWH and AI for Democracy, which nobody leads here.
    EXPECT_EQ(visibleIds(filters),
              sorted({"project:scribe", "project:ai4d", "project:ccswh", "project:argimi", "project:solo",
                      "org:photoroom", "org:lighton", "org:tiny", "initiative:swh"}));
    const VisibleSet visible = applyFilters(dataset_, filters);
    EXPECT_TRUE(relationVisible(visible, "org:lighton", "lead", "project:scribe"));
    EXPECT_FALSE(relationVisible(visible, "org:lighton", "develops", "model:claire"));
}

TEST_F(FiltersTest, RoleFilterCanKeepLinksBetweenModels) {
    Filters filters;
    filters.roles = {"based_on"};
    const std::vector<std::string> ids = visibleIds(filters);
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), "model:claire"));
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), "model:mistral-7b"));
    EXPECT_FALSE(std::binary_search(ids.begin(), ids.end(), "org:mistral"));
}

TEST_F(FiltersTest, RoleFilterDecidesParticipationThroughUnitsToo) {
    Filters filters;
    filters.axes = {"models"};
    filters.sectors = {"culture"};
    filters.roles = {"partner", "public_partner", "lead"};
    // Scribe and ArGiMi stay; ALMAnaCH is a partner of Scribe but its team_of link is not a
    // selected role, so Inria is not in Scribe under this filter.
    const std::vector<std::string> ids = visibleIds(filters);
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), "org:almanach"));
    EXPECT_FALSE(std::binary_search(ids.begin(), ids.end(), "org:inria"));

    filters.roles.push_back("team_of");
    const std::vector<std::string> withTeams = visibleIds(filters);
    EXPECT_TRUE(std::binary_search(withTeams.begin(), withTeams.end(), "org:inria"));
}

TEST_F(FiltersTest, StartupsThatLeadProjects) {
    Filters filters;
    filters.types = {"startup"};
    filters.roles = {"lead"};
    const VisibleSet visible = applyFilters(dataset_, filters);
    // Software Heritage is an initiative, which a types filter does not judge: it leads CC-SWH
    // and stays.
    EXPECT_EQ(visibleIds(filters),
              sorted({"project:scribe", "project:ai4d", "project:ccswh", "project:argimi", "project:solo",
                      "org:photoroom", "initiative:swh"}));
    EXPECT_TRUE(relationVisible(visible, "org:photoroom", "lead", "project:argimi"));
    EXPECT_FALSE(relationVisible(visible, "org:lighton", "lead", "project:scribe"));
    EXPECT_EQ(std::count(visible.relation.begin(), visible.relation.end(), true), 2);
}

TEST_F(FiltersTest, MultiProjectOnlyKeepsBridgingOrganisationsAndTheirProjects) {
    Filters filters;
    filters.multiProjectOnly = true;
    // Inria (3), the BnF (2), Sorbonne Université (2); ALMAnaCH and Software Heritage stay as
    // the units through which Inria is in Scribe and CC-SWH. Solo has none of them and goes.
    EXPECT_EQ(visibleIds(filters),
              sorted({"project:scribe", "project:ai4d", "project:ccswh", "project:argimi", "org:inria",
                      "org:bnf", "org:sorbonne", "org:almanach", "initiative:swh"}));
    const VisibleSet visible = applyFilters(dataset_, filters);
    EXPECT_TRUE(relationVisible(visible, "org:almanach", "team_of", "org:inria"));
    EXPECT_FALSE(relationVisible(visible, "org:ocde", "supporter", "project:ai4d"));
    EXPECT_FALSE(relationVisible(visible, "org:tiny", "lead", "project:solo"));
}

TEST_F(FiltersTest, MultiProjectCountsAllProjectsEvenWhenAnAxisHidesSome) {
    Filters filters;
    filters.multiProjectOnly = true;
    filters.axes = {"evaluation"};
    // Inria is in three projects overall, only one of them on this axis: it still counts as
    // being in several projects, and stays beside AI for Democracy.
    EXPECT_EQ(visibleIds(filters),
              sorted({"project:ai4d", "project:argimi", "org:inria", "org:bnf", "org:sorbonne"}));
}

TEST_F(FiltersTest, RelationVisibleOnlyWhenBothEndsAre) {
    Filters filters;
    filters.axes = {"evaluation"};
    const VisibleSet visible = applyFilters(dataset_, filters);
    for (std::size_t r = 0; r < dataset_.relations.size(); ++r) {
        const Relation& relation = dataset_.relations[r];
        EXPECT_EQ(visible.relation[r], visible.entity[relation.source] && visible.entity[relation.target])
            << dataset_.entities[relation.source].id << ' ' << relation.role << ' '
            << dataset_.entities[relation.target].id;
    }
}

TEST_F(FiltersTest, OrganisationsInSeveralProjectsComeFromTheData) {
    const std::vector<std::size_t> organisations = organisationsInSeveralProjects(dataset_);
    std::vector<std::string> ids;
    for (std::size_t e : organisations) ids.push_back(dataset_.entities[e].id);
    // Most projects first, then by name ("Bibliothèque…" before "Sorbonne…"). Software Heritage is
    // an initiative, not an organisation.
    const std::vector<std::string> expected = {"org:inria", "org:bnf", "org:sorbonne"};
    EXPECT_EQ(ids, expected);

    // One more relation changes the answer: the list is never fixed in advance.
    relate("org:photoroom", "partner", "project:solo");
    dataset_.buildIndex();
    const std::vector<std::size_t> after = organisationsInSeveralProjects(dataset_);
    EXPECT_EQ(after.size(), 4u);
}

TEST(Filters, EmptyDatasetGivesEmptySets) {
    Dataset dataset;
    dataset.buildIndex();
    Filters filters;
    filters.multiProjectOnly = true;
    const VisibleSet visible = applyFilters(dataset, filters);
    EXPECT_TRUE(visible.entity.empty());
    EXPECT_TRUE(visible.relation.empty());
    EXPECT_TRUE(organisationsInSeveralProjects(dataset).empty());
}

// ---------------------------------------------------------------- the shipped dataset

#if defined(EXPLORER_HAS_LOADER) && defined(EXPLORER_SOURCE_DIR)
class ShippedDatasetFilters : public ::testing::Test {
protected:
    void SetUp() override {
        std::ifstream file(std::string(EXPLORER_SOURCE_DIR) + "/data/laureates.json", std::ios::binary);
        if (!file) GTEST_SKIP() << "data/laureates.json not found";
        std::ostringstream text;
        text << file.rdbuf();
        LoadResult result = loadDataset(text.str());
        ASSERT_TRUE(result.problems.empty()) << "the shipped dataset does not load";
        dataset_ = std::move(*result.dataset);
    }

    bool visibleEntity(const VisibleSet& visible, std::string_view id) const {
        const std::optional<std::size_t> index = dataset_.findEntity(id);
        if (!index) {
            ADD_FAILURE() << "no entity " << id;
        }
        return index && visible.entity[*index];
    }

    bool visibleRelation(const VisibleSet& visible, std::string_view source, std::string_view role,
                         std::string_view target) const {
        for (std::size_t r = 0; r < dataset_.relations.size(); ++r) {
            const Relation& relation = dataset_.relations[r];
            if (dataset_.entities[relation.source].id == source && relation.role == role &&
                dataset_.entities[relation.target].id == target) {
                return visible.relation[r];
            }
        }
        ADD_FAILURE() << "no relation " << source << ' ' << role << ' ' << target;
        return false;
    }

    Dataset dataset_;
};

TEST_F(ShippedDatasetFilters, WhichProjectsAreLedByStartups) {
    Filters filters;
    filters.types = {"startup"};
    filters.roles = {"lead"};
    const VisibleSet visible = applyFilters(dataset_, filters);
    EXPECT_TRUE(visibleRelation(visible, "org:photoroom", "lead", "project:photoroom"));
    EXPECT_TRUE(visibleRelation(visible, "org:dust", "lead", "project:podria"));
    EXPECT_FALSE(visibleRelation(visible, "org:linagora", "lead", "project:openllm-france")); // a company
    for (std::size_t e = 0; e < dataset_.entities.size(); ++e) {
        const Entity& entity = dataset_.entities[e];
        if (visible.entity[e] && entity.kind == EntityKind::Organisation) {
            EXPECT_EQ(entity.type, "startup") << entity.id;
        }
    }
    for (std::size_t r = 0; r < dataset_.relations.size(); ++r) {
        if (visible.relation[r]) {
            EXPECT_EQ(dataset_.relations[r].role, "lead");
        }
    }
}

TEST_F(ShippedDatasetFilters, WhoEvaluatesModels) {
    Filters filters;
    filters.axes = {"evaluation"};
    const VisibleSet visible = applyFilters(dataset_, filters);
    EXPECT_TRUE(visibleEntity(visible, "project:podria"));
    EXPECT_TRUE(visibleEntity(visible, "project:ai-for-democracy"));
    EXPECT_TRUE(visibleEntity(visible, "org:dust"));
    EXPECT_TRUE(visibleEntity(visible, "org:make-org"));
    for (std::size_t e = 0; e < dataset_.entities.size(); ++e) {
        const Entity& entity = dataset_.entities[e];
        if (entity.kind == EntityKind::Project) {
            const bool onAxis = std::find(entity.axes.begin(), entity.axes.end(), "evaluation") != entity.axes.end();
            EXPECT_EQ(visible.entity[e], onAxis) << entity.id;
        } else if (visible.entity[e]) {
            // Every participant shown is there because of a link the reader can see.
            const std::vector<std::size_t>& relations = dataset_.relationsOf(e);
            EXPECT_TRUE(std::any_of(relations.begin(), relations.end(),
                                    [&](std::size_t r) { return visible.relation[r]; }))
                << entity.id;
        }
    }
}

TEST_F(ShippedDatasetFilters, OrganisationsInSeveralProjectsAreCnrsAndInria) {
    const std::vector<std::size_t> organisations = organisationsInSeveralProjects(dataset_);
    ASSERT_EQ(organisations.size(), 2U);
    EXPECT_EQ(dataset_.entities[organisations[0]].id, "org:cnrs") << "two projects each: by name";
    EXPECT_EQ(dataset_.entities[organisations[1]].id, "org:inria");
    std::size_t previous = dataset_.memberProjects(organisations[0]).size();
    for (std::size_t e : organisations) {
        const std::size_t projects = dataset_.memberProjects(e).size();
        EXPECT_GE(projects, 2u) << dataset_.entities[e].id;
        EXPECT_LE(projects, previous) << dataset_.entities[e].id;
        previous = projects;
    }
    const auto cnrs = dataset_.findEntity("org:cnrs");
    ASSERT_TRUE(cnrs.has_value());
    EXPECT_NE(std::find(organisations.begin(), organisations.end(), *cnrs), organisations.end());

    Filters filters;
    filters.multiProjectOnly = true;
    const VisibleSet visible = applyFilters(dataset_, filters);
    for (std::size_t e : organisations) EXPECT_TRUE(visible.entity[e]) << dataset_.entities[e].id;
    EXPECT_FALSE(visibleEntity(visible, "project:podria")); // Dust leads it alone
}
#endif

} // namespace
} // namespace explorer

namespace {
using namespace explorer;

// "In two or more projects" counts members only: CNRS and Inria stay with AI for Democracy and
// Scribe; Mistral AI, a member of ArGiMi and only connected to OpenLLM-France, does not.
TEST(FiltersOnTheShippedData, MultiProjectKeepsMembersOfSeveralProjectsOnly) {
    const Dataset dataset = test::loadShippedDataset();
    ASSERT_FALSE(dataset.entities.empty());
    Filters filters;
    filters.multiProjectOnly = true;
    const VisibleSet visible = applyFilters(dataset, filters);
    const auto shown = [&](const char* id) { return bool(visible.entity[*dataset.findEntity(id)]); };
    for (const char* id : {"org:inria", "org:cnrs", "project:ai-for-democracy", "project:scribe"}) {
        EXPECT_TRUE(shown(id)) << id;
    }
    for (const char* id : {"org:mistral-ai", "org:genci", "project:argimi", "project:openllm-france", "project:podria",
                           "org:sequoia-capital", "model:mistral-7b"}) {
        EXPECT_FALSE(shown(id)) << id;
    }
    // Inria is a member of Scribe directly and through ALMAnaCH: with roles = {partner, team_of}
    // the team stays on the way; without team_of it has no visible relation left and goes.
    filters.roles = {"partner", "team_of"};
    EXPECT_TRUE(applyFilters(dataset, filters).entity[*dataset.findEntity("org:almanach")]);
}

// Filters cost one walk of the graph, whatever its shape: a thousand projects building on one model
// that a thousand organisations develop (the reproducer that took 19 s in the old per-pair walk).
TEST(FiltersOnGeneratedData, SharedFoundationAndLongTeamChainsStayLinear) {
    Dataset dataset;
    const std::size_t n = 2000;
    const auto add = [&](std::string id, EntityKind kind) {
        Entity entity;
        entity.id = id;
        entity.name = id;
        entity.kind = kind;
        entity.type = kind == EntityKind::Organisation ? "company" : "";
        dataset.entities.push_back(std::move(entity));
        return dataset.entities.size() - 1;
    };
    const auto relate = [&](std::size_t source, const char* role, std::size_t target) {
        Relation relation;
        relation.source = source;
        relation.target = target;
        relation.role = role;
        dataset.relations.push_back(std::move(relation));
    };
    const std::size_t model = add("model:shared", EntityKind::Model);
    std::size_t previousTeam = add("org:team-0", EntityKind::Organisation);
    for (std::size_t i = 0; i < n; ++i) {
        relate(add("project:p" + std::to_string(i), EntityKind::Project), "builds_on", model);
        relate(add("org:o" + std::to_string(i), EntityKind::Organisation), "develops", model);
        const std::size_t team = add("org:team-" + std::to_string(i + 1), EntityKind::Organisation);
        relate(previousTeam, "team_of", team);
        previousTeam = team;
    }
    relate(1, "partner", 2); // team-0 is a partner of p0 (index 2): the whole chain of teams above it is a member
    dataset.buildIndex();
    Filters filters;
    filters.axes = {"none-such"}; // every project hidden: nothing may stay
    VisibleSet visible = applyFilters(dataset, filters);
    EXPECT_EQ(std::count(visible.entity.begin(), visible.entity.end(), true), 0);
    filters = {};
    filters.multiProjectOnly = true;
    visible = applyFilters(dataset, filters);
    EXPECT_EQ(std::count(visible.entity.begin(), visible.entity.end(), true), 0)
        << "connections never make anyone multi-project";
    EXPECT_EQ(dataset.memberProjects(previousTeam), std::vector<std::size_t>{2}) << "the top of the chain, through its units";
    filters = {};
    filters.types = {"company"};
    visible = applyFilters(dataset, filters);
    EXPECT_TRUE(visible.entity[model]) << "models are not judged by type";
}
} // namespace
