// The Dataset's lookups and queries, on datasets built by hand (no loader involved).
#include "core/model.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace explorer {
namespace {

class DatasetBuilder {
public:
    DatasetBuilder& entity(const std::string& id, EntityKind kind) {
        Entity entity;
        entity.id = id;
        entity.name = id;
        entity.kind = kind;
        dataset_.entities.push_back(std::move(entity));
        return *this;
    }
    DatasetBuilder& relation(const std::string& source, const std::string& role, const std::string& target) {
        Relation relation;
        relation.source = indexOf(source);
        relation.target = indexOf(target);
        relation.role = role;
        dataset_.relations.push_back(std::move(relation));
        return *this;
    }
    Dataset build() {
        dataset_.buildIndex();
        return dataset_;
    }

private:
    Dataset dataset_;
    std::size_t indexOf(const std::string& id) const {
        for (std::size_t i = 0; i < dataset_.entities.size(); ++i) {
            if (dataset_.entities[i].id == id) return i;
        }
        ADD_FAILURE() << "no entity " << id;
        return 0;
    }
};

std::vector<std::string> projectIds(const Dataset& dataset, const std::string& entity) {
    std::vector<std::string> ids;
    for (const std::size_t project : dataset.projectsOf(*dataset.findEntity(entity))) {
        ids.push_back(dataset.entities[project].id);
    }
    return ids;
}

// Inria ← ALMAnaCH (team) ← Sub-team (team of the team); Software Heritage (programme of Inria).
Dataset consortia() {
    return DatasetBuilder()
        .entity("project:scribe", EntityKind::Project)
        .entity("project:argimi", EntityKind::Project)
        .entity("project:cc-swh", EntityKind::Project)
        .entity("org:inria", EntityKind::Organisation)
        .entity("org:almanach", EntityKind::Organisation)
        .entity("org:subteam", EntityKind::Organisation)
        .entity("initiative:software-heritage", EntityKind::Initiative)
        .entity("org:mistral-ai", EntityKind::Organisation)
        .entity("model:mistral-7b", EntityKind::Model)
        .relation("org:almanach", "partner", "project:scribe")
        .relation("org:almanach", "team_of", "org:inria")
        .relation("org:subteam", "team_of", "org:almanach")
        .relation("org:subteam", "partner", "project:argimi")
        .relation("initiative:software-heritage", "programme_of", "org:inria")
        .relation("initiative:software-heritage", "lead", "project:cc-swh")
        .relation("org:inria", "partner", "project:scribe")
        .relation("org:mistral-ai", "partner", "project:argimi")
        .relation("org:mistral-ai", "develops", "model:mistral-7b")
        .relation("project:argimi", "develops", "model:mistral-7b")
        .build();
}

TEST(Dataset, FindsEntitiesSourcesAndTermsById) {
    Dataset dataset = consortia();
    dataset.sources.push_back(Source{"silicon-2024-06", "Silicon.fr", "", "", "", "article"});
    dataset.types.push_back(Term{"company", {"Entreprise", "Company"}});
    dataset.buildIndex();
    EXPECT_EQ(dataset.findEntity("org:inria"), 3U);
    EXPECT_FALSE(dataset.findEntity("org:INRIA").has_value()) << "ids are case-sensitive";
    EXPECT_EQ(dataset.findSource("silicon-2024-06"), 0U);
    EXPECT_FALSE(dataset.findSource("nope").has_value());
    ASSERT_NE(dataset.findTerm(dataset.types, "company"), nullptr);
    EXPECT_EQ(dataset.findTerm(dataset.types, "company")->label.fr, "Entreprise");
    EXPECT_EQ(dataset.findTerm(dataset.types, "startup"), nullptr);
}

TEST(Dataset, CountsEntitiesByKind) {
    const Dataset dataset = consortia();
    EXPECT_EQ(dataset.count(EntityKind::Project), 3U);
    EXPECT_EQ(dataset.count(EntityKind::Organisation), 4U);
    EXPECT_EQ(dataset.count(EntityKind::Initiative), 1U);
    EXPECT_EQ(dataset.count(EntityKind::Model), 1U);
}

TEST(Dataset, ListsTheRelationsTouchingAnEntityAtEitherEnd) {
    const Dataset dataset = consortia();
    EXPECT_EQ(dataset.relationsOf(*dataset.findEntity("org:almanach")), (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(dataset.relationsOf(*dataset.findEntity("model:mistral-7b")), (std::vector<std::size_t>{8, 9}));
    EXPECT_TRUE(dataset.relationsOf(999).empty()) << "an unknown index has no relations, and no crash";
}

TEST(Dataset, ProjectsOfAnOrganisationIncludeThoseOfItsTeamsAndProgrammes) {
    const Dataset dataset = consortia();
    EXPECT_EQ(projectIds(dataset, "org:inria"),
              (std::vector<std::string>{"project:scribe", "project:argimi", "project:cc-swh"}))
        << "Scribe directly and through ALMAnaCH (once), ArGiMi through a team of a team, CC-SWH through "
           "Software Heritage; sorted by index, without repeats";
    EXPECT_EQ(projectIds(dataset, "org:almanach"), (std::vector<std::string>{"project:scribe", "project:argimi"}));
    EXPECT_EQ(projectIds(dataset, "org:subteam"), (std::vector<std::string>{"project:argimi"}))
        << "a team does not take part in what its parent does";
    EXPECT_EQ(projectIds(dataset, "org:mistral-ai"), (std::vector<std::string>{"project:argimi"}));
    EXPECT_EQ(projectIds(dataset, "model:mistral-7b"), (std::vector<std::string>{"project:argimi"}))
        << "a relation from the project counts too: ArGiMi develops it";
}

// The OpenLLM-France chain of the shipped dataset, and the AI for Democracy programme.
Dataset foundations() {
    return DatasetBuilder()
        .entity("project:openllm", EntityKind::Project)
        .entity("project:ai4d", EntityKind::Project)
        .entity("project:cc-swh", EntityKind::Project)
        .entity("org:community", EntityKind::Organisation)
        .entity("model:claire", EntityKind::Model)
        .entity("model:claire-mistral", EntityKind::Model)
        .entity("model:mistral-7b", EntityKind::Model)
        .entity("org:mistral-ai", EntityKind::Organisation)
        .entity("org:investor", EntityKind::Organisation)
        .entity("initiative:programme", EntityKind::Initiative)
        .entity("org:sciences-po", EntityKind::Organisation)
        .entity("initiative:archive", EntityKind::Initiative)
        .entity("model:starcoder", EntityKind::Model)
        .entity("org:bigcode", EntityKind::Organisation)
        .relation("project:openllm", "builds_on", "org:community")
        .relation("org:community", "develops", "model:claire")
        .relation("model:claire-mistral", "part_of", "model:claire")
        .relation("model:claire-mistral", "based_on", "model:mistral-7b")
        .relation("org:mistral-ai", "develops", "model:mistral-7b")
        .relation("org:investor", "investor", "org:mistral-ai")
        .relation("project:ai4d", "part_of", "initiative:programme")
        .relation("org:sciences-po", "founding_member", "initiative:programme")
        .relation("project:cc-swh", "builds_on", "initiative:archive")
        .relation("model:starcoder", "trained_on", "initiative:archive")
        .relation("org:bigcode", "develops", "model:starcoder")
        .build();
}

TEST(Dataset, ContributorsToWhatAProjectIsBuiltOnTakePartInIt) {
    const Dataset dataset = foundations();
    using How = Dataset::Participation;
    const auto id = [&](const char* text) { return *dataset.findEntity(text); };
    EXPECT_EQ(projectIds(dataset, "org:mistral-ai"), std::vector<std::string>{"project:openllm"})
        << "Mistral AI develops Mistral 7B, which a variant of Claire is based on";
    EXPECT_EQ(dataset.participation(id("org:mistral-ai"), id("project:openllm")), How::ThroughFoundation);
    EXPECT_EQ(dataset.participation(id("org:community"), id("project:openllm")), How::Direct);
    EXPECT_EQ(projectIds(dataset, "model:mistral-7b"), std::vector<std::string>{"project:openllm"});
    EXPECT_EQ(projectIds(dataset, "org:sciences-po"), std::vector<std::string>{"project:ai4d"})
        << "a founder of the programme the project is part of";
    EXPECT_TRUE(projectIds(dataset, "org:investor").empty()) << "investing in a contributor is not taking part";
    EXPECT_TRUE(projectIds(dataset, "model:starcoder").empty()) << "being trained on an archive is using it, not building it";
    EXPECT_TRUE(projectIds(dataset, "org:bigcode").empty());
}

TEST(Dataset, ProjectsOfAProjectIsEmpty) {
    const Dataset dataset = DatasetBuilder()
                                .entity("project:a", EntityKind::Project)
                                .entity("project:b", EntityKind::Project)
                                .relation("project:a", "part_of", "project:b")
                                .build();
    EXPECT_TRUE(projectIds(dataset, "project:a").empty());
    EXPECT_TRUE(dataset.projectsOf(42).empty());
}

TEST(Dataset, ProjectsOfSurvivesMembershipCycles) {
    const Dataset dataset = DatasetBuilder()
                                .entity("project:p", EntityKind::Project)
                                .entity("org:a", EntityKind::Organisation)
                                .entity("org:b", EntityKind::Organisation)
                                .relation("org:a", "team_of", "org:b")
                                .relation("org:b", "programme_of", "org:a")
                                .relation("org:b", "partner", "project:p")
                                .build();
    EXPECT_EQ(projectIds(dataset, "org:a"), std::vector<std::string>{"project:p"});
    EXPECT_EQ(projectIds(dataset, "org:b"), std::vector<std::string>{"project:p"});
}

TEST(Dataset, BuildIndexAgainAfterAnEditSeesTheEdit) {
    Dataset dataset = consortia();
    Entity added;
    added.id = "org:new";
    dataset.entities.push_back(added);
    EXPECT_FALSE(dataset.findEntity("org:new").has_value());
    dataset.buildIndex();
    EXPECT_EQ(dataset.findEntity("org:new"), dataset.entities.size() - 1);
    EXPECT_TRUE(dataset.relationsOf(dataset.entities.size() - 1).empty());
}

TEST(EntityKind, NamesRoundTrip) {
    for (std::size_t i = 0; i < kEntityKindCount; ++i) {
        const auto kind = static_cast<EntityKind>(i);
        EXPECT_EQ(entityKindFromString(toString(kind)), kind);
    }
    EXPECT_EQ(toString(EntityKind::Organisation), "organisation");
    EXPECT_FALSE(entityKindFromString("organization").has_value());
    EXPECT_FALSE(entityKindFromString("Project").has_value());
}

} // namespace
} // namespace explorer
