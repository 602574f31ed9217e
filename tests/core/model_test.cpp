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
    for (const std::size_t project : dataset.memberProjects(*dataset.findEntity(entity))) {
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
    EXPECT_TRUE(projectIds(dataset, "model:mistral-7b").empty())
        << "what a project develops is not a member of it";
    const std::vector<Dataset::Connection> model = dataset.connectionsOf(*dataset.findEntity("model:mistral-7b"));
    ASSERT_EQ(model.size(), 1U);
    EXPECT_EQ(dataset.entities[model[0].project].id, "project:argimi") << "it is connected to it";
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

std::vector<std::string> connectedIds(const Dataset& dataset, const std::string& entity) {
    std::vector<std::string> ids;
    for (const Dataset::Connection& connection : dataset.connectionsOf(*dataset.findEntity(entity))) {
        ids.push_back(dataset.entities[connection.project].id);
    }
    return ids;
}

TEST(Dataset, ContributorsToWhatAProjectIsBuiltOnAreConnectedNotMembers) {
    const Dataset dataset = foundations();
    using How = Dataset::Membership;
    const auto id = [&](const char* text) { return *dataset.findEntity(text); };
    EXPECT_TRUE(projectIds(dataset, "org:mistral-ai").empty()) << "developing a model a project builds on is no membership";
    EXPECT_EQ(connectedIds(dataset, "org:mistral-ai"), std::vector<std::string>{"project:openllm"})
        << "Mistral AI develops Mistral 7B, which a variant of Claire is based on";
    EXPECT_EQ(dataset.membership(id("org:mistral-ai"), id("project:openllm")), How::None);
    EXPECT_EQ(dataset.membership(id("org:community"), id("project:openllm")), How::None)
        << "the project builds on the community: a connection";
    EXPECT_EQ(connectedIds(dataset, "org:community"), std::vector<std::string>{"project:openllm"});
    EXPECT_EQ(connectedIds(dataset, "model:mistral-7b"), std::vector<std::string>{"project:openllm"});
    EXPECT_EQ(connectedIds(dataset, "org:sciences-po"), std::vector<std::string>{"project:ai4d"})
        << "a founder of the programme the project is part of is connected to it";
    EXPECT_TRUE(projectIds(dataset, "org:sciences-po").empty());
    EXPECT_TRUE(connectedIds(dataset, "org:investor").empty()) << "investing in a contributor connects to nothing";
    EXPECT_TRUE(connectedIds(dataset, "model:starcoder").empty()) << "being trained on an archive is using it, not building it";
    EXPECT_TRUE(connectedIds(dataset, "org:bigcode").empty());
}

TEST(Dataset, AConnectionComesWithItsChainFromTheEntityToTheProject) {
    const Dataset dataset = foundations();
    const std::vector<Dataset::Connection> connections = dataset.connectionsOf(*dataset.findEntity("org:mistral-ai"));
    ASSERT_EQ(connections.size(), 1U);
    std::vector<std::string> chain;
    for (std::size_t r : connections[0].path) {
        const Relation& relation = dataset.relations[r];
        chain.push_back(dataset.entities[relation.source].id + " " + relation.role + " " + dataset.entities[relation.target].id);
    }
    EXPECT_EQ(chain, (std::vector<std::string>{"org:mistral-ai develops model:mistral-7b",
                                               "model:claire-mistral based_on model:mistral-7b",
                                               "model:claire-mistral part_of model:claire",
                                               "org:community develops model:claire",
                                               "project:openllm builds_on org:community"}));
}

TEST(Dataset, AWholeIsConnectedThroughItsUnitAndAMemberThroughItsTeam) {
    const Dataset dataset = DatasetBuilder()
                                .entity("project:scribe", EntityKind::Project)
                                .entity("project:cc-swh", EntityKind::Project)
                                .entity("org:inria", EntityKind::Organisation)
                                .entity("org:almanach", EntityKind::Organisation)
                                .entity("initiative:swh", EntityKind::Initiative)
                                .relation("org:almanach", "team_of", "org:inria")
                                .relation("org:almanach", "partner", "project:scribe")
                                .relation("initiative:swh", "programme_of", "org:inria")
                                .relation("project:cc-swh", "builds_on", "initiative:swh")
                                .build();
    const std::size_t inria = *dataset.findEntity("org:inria");
    EXPECT_EQ(projectIds(dataset, "org:inria"), std::vector<std::string>{"project:scribe"});
    EXPECT_EQ(dataset.membership(inria, *dataset.findEntity("project:scribe")), Dataset::Membership::ThroughUnit);
    EXPECT_EQ(dataset.unitPath(inria, *dataset.findEntity("project:scribe")), (std::vector<std::size_t>{1, 0}))
        << "ALMAnaCH partner Scribe, then ALMAnaCH team_of Inria";
    const std::vector<Dataset::Connection> connections = dataset.connectionsOf(inria);
    ASSERT_EQ(connections.size(), 1U);
    EXPECT_EQ(dataset.entities[connections[0].project].id, "project:cc-swh");
    EXPECT_EQ(connections[0].path, (std::vector<std::size_t>{2, 3})) << "SWH programme_of Inria, CC-SWH builds_on SWH";
}

TEST(Dataset, ProjectsOfAProjectIsEmpty) {
    const Dataset dataset = DatasetBuilder()
                                .entity("project:a", EntityKind::Project)
                                .entity("project:b", EntityKind::Project)
                                .relation("project:a", "part_of", "project:b")
                                .build();
    EXPECT_TRUE(projectIds(dataset, "project:a").empty());
    EXPECT_TRUE(dataset.memberProjects(42).empty());
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
