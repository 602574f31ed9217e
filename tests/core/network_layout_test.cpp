// The network's layout policy (core/network_layout.hpp): which nodes and edges, their sizes and
// styles, and places that depend only on the dataset and the visible set, however the work is
// spread out.
#include "core/network_layout.hpp"

#include "core/filters.hpp"
#include "core/vocabulary.hpp"

#include "support/hand_built.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

namespace explorer {
namespace {

using test::ecosystem;
using test::handBuilt;
using test::RelationSpec;

VisibleSet everything(const Dataset& dataset) { return applyFilters(dataset, Filters{}); }

// Bit-for-bit equality of two layouts' nodes.
void expectSamePlaces(const NetworkLayout& a, const NetworkLayout& b) {
    ASSERT_EQ(a.nodes().size(), b.nodes().size());
    for (std::size_t n = 0; n < a.nodes().size(); ++n) {
        EXPECT_EQ(a.nodes()[n].entity, b.nodes()[n].entity);
        EXPECT_EQ(a.nodes()[n].at, b.nodes()[n].at) << "node " << n;
        EXPECT_EQ(a.nodes()[n].radius, b.nodes()[n].radius);
    }
}

TEST(NetworkLayout, ShowsEveryEntityAndRelationOfTheShippedDatasetWithTheirStyles) {
    const Dataset dataset = test::loadShippedDataset();
    const NetworkLayout layout = settledNetworkLayout(dataset, everything(dataset));
    ASSERT_TRUE(layout.settled());
    ASSERT_EQ(layout.nodes().size(), dataset.entities.size());
    ASSERT_EQ(layout.edges().size(), dataset.relations.size());
    std::vector<std::string> ringed;
    for (std::size_t n = 0; n < layout.nodes().size(); ++n) {
        const NetworkNode& node = layout.nodes()[n];
        const Entity& entity = dataset.entities[node.entity];
        EXPECT_EQ(node.entity, n) << "nodes in dataset order";
        EXPECT_EQ(layout.nodeOf(n), n);
        EXPECT_EQ(node.kind, entity.kind);
        EXPECT_TRUE(std::isfinite(node.at.x) && std::isfinite(node.at.y)) << entity.id;
        EXPECT_GE(node.radius, entity.kind == EntityKind::Project ? 18.0f : 7.0f) << entity.id;
        EXPECT_LE(node.radius, entity.kind == EntityKind::Project ? 30.0f : 16.0f) << entity.id;
        if (entity.kind == EntityKind::Organisation) {
            EXPECT_EQ(node.style, orgStyleOf(entity.type)) << entity.id;
        }
        if (node.severalProjects) ringed.push_back(entity.id);
    }
    std::sort(ringed.begin(), ringed.end());
    EXPECT_EQ(ringed, (std::vector<std::string>{"org:cnrs", "org:inria"})) << "members of two projects, nothing else";
    for (std::size_t e = 0; e < layout.edges().size(); ++e) {
        const NetworkEdge& edge = layout.edges()[e];
        EXPECT_EQ(edge.relation, e) << "edges in relation order";
        EXPECT_EQ(layout.nodes()[edge.a].entity, dataset.relations[e].source);
        EXPECT_EQ(layout.nodes()[edge.b].entity, dataset.relations[e].target);
        EXPECT_EQ(edge.style, dataset.traitsOf(e).edge);
        for (std::size_t end : {edge.a, edge.b}) {
            const auto& touching = layout.edgesOf(end);
            EXPECT_NE(std::find(touching.begin(), touching.end(), e), touching.end());
        }
    }
    // Settled: no two discs overlap.
    for (std::size_t i = 0; i < layout.nodes().size(); ++i) {
        for (std::size_t j = i + 1; j < layout.nodes().size(); ++j) {
            const NetworkNode& a = layout.nodes()[i];
            const NetworkNode& b = layout.nodes()[j];
            const float distance = std::hypot(a.at.x - b.at.x, a.at.y - b.at.y);
            EXPECT_GE(distance, a.radius + b.radius) << dataset.entities[a.entity].id << " / "
                                                     << dataset.entities[b.entity].id;
        }
    }
}

TEST(NetworkLayout, OrganisationStylesByType) {
    EXPECT_EQ(orgStyleOf("university"), OrgStyle::Public);
    EXPECT_EQ(orgStyleOf("public_research"), OrgStyle::Public);
    EXPECT_EQ(orgStyleOf("company"), OrgStyle::Private);
    EXPECT_EQ(orgStyleOf("investor"), OrgStyle::Private);
    EXPECT_EQ(orgStyleOf("association"), OrgStyle::Civil);
    EXPECT_EQ(orgStyleOf(""), OrgStyle::Civil);
}

TEST(NetworkLayout, SameDatasetAndVisibleSetGiveTheSamePlacesHoweverTheWorkIsSpreadOut) {
    const Dataset dataset = ecosystem(30, 20); // 630 entities: advance() stops at its deadline
    ASSERT_GT(dataset.entities.size(), kSettleAtOnceEntities);
    Filters filters;
    filters.roles = {"lead", "supporter"};
    const VisibleSet filtered = applyFilters(dataset, filters);

    const NetworkLayout atOnce = settledNetworkLayout(dataset, filtered);
    ASSERT_TRUE(atOnce.settled());

    NetworkLayout inSteps;
    inSteps.show(dataset, filtered);
    int calls = 0;
    while (inSteps.advance(NetworkLayout::Clock::now() - std::chrono::seconds(1))) ++calls;
    EXPECT_GT(calls, 300) << "one unit of work per call when the deadline has passed";
    EXPECT_LT(calls, 1000);
    EXPECT_TRUE(inSteps.settled());
    expectSamePlaces(atOnce, inSteps);

    // The same visible set reached after another one.
    NetworkLayout wandering;
    wandering.show(dataset, everything(dataset));
    wandering.finish();
    Filters other;
    other.roles = {"partner"};
    wandering.show(dataset, applyFilters(dataset, other));
    wandering.advance(NetworkLayout::Clock::now());
    EXPECT_TRUE(wandering.show(dataset, filtered));
    wandering.finish();
    expectSamePlaces(atOnce, wandering);
}

TEST(NetworkLayout, AFilteredLayoutStartsFromTheWholeDatasetsPlaces) {
    const Dataset dataset = test::loadShippedDataset();
    NetworkLayout layout;
    EXPECT_FALSE(layout.shown());
    EXPECT_FALSE(layout.settled());
    EXPECT_TRUE(layout.show(dataset, everything(dataset)));
    EXPECT_FALSE(layout.show(dataset, everything(dataset))) << "nothing changed";
    layout.finish();
    const std::vector<NetworkNode> whole = layout.nodes();

    Filters filters;
    filters.axes = {"apis"};
    const VisibleSet visible = applyFilters(dataset, filters);
    EXPECT_TRUE(layout.show(dataset, visible));
    EXPECT_FALSE(layout.settled());
    ASSERT_LT(layout.nodes().size(), whole.size());
    for (const NetworkNode& node : layout.nodes()) EXPECT_EQ(node.at, whole[node.entity].at) << "before any work";
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        EXPECT_EQ(layout.nodeOf(e) != NetworkLayout::kNoNode, static_cast<bool>(visible.entity[e]));
    }
    layout.finish();
    float moved = 0.0f;
    for (const NetworkNode& node : layout.nodes())
        moved = std::max(moved, std::hypot(node.at.x - whole[node.entity].at.x, node.at.y - whole[node.entity].at.y));
    EXPECT_GT(moved, 0.0f) << "the rest relaxes";
    EXPECT_LT(moved, 400.0f) << "without forgetting where it was";
}

TEST(NetworkLayout, HiddenRelationsSelfLoopsShortVisibleSetsAndEmptyDatasets) {
    Dataset dataset = handBuilt({"project:p", "org:a", "org:b"},
                                {{"org:a", "lead", "project:p"}, {"org:b", "partner", "project:p"}});
    Relation selfLoop;
    selfLoop.source = 1;
    selfLoop.target = 1;
    selfLoop.role = "partner";
    dataset.relations.push_back(selfLoop);
    dataset.buildIndex();
    VisibleSet visible = everything(dataset);
    visible.relation.assign(dataset.relations.size(), true);
    visible.relation[1] = false;
    NetworkLayout layout;
    layout.show(dataset, visible);
    layout.finish();
    ASSERT_EQ(layout.nodes().size(), 3u);
    ASSERT_EQ(layout.edges().size(), 1u) << "the hidden relation and the self-loop are not edges";
    EXPECT_EQ(layout.edges()[0].style, EdgeStyle::Lead);
    EXPECT_TRUE(layout.settled());

    // Flags missing from a short VisibleSet count as visible, as the network always drew them.
    layout.show(dataset, VisibleSet{});
    layout.finish();
    EXPECT_EQ(layout.nodes().size(), 3u);
    EXPECT_EQ(layout.edges().size(), 2u);

    const Dataset empty;
    layout.show(empty, VisibleSet{});
    EXPECT_FALSE(layout.advance(NetworkLayout::Clock::now()));
    EXPECT_TRUE(layout.settled());
    EXPECT_TRUE(layout.nodes().empty());
    EXPECT_EQ(layout.nodeOf(0), NetworkLayout::kNoNode);
    layout.reset();
    EXPECT_FALSE(layout.shown());
}

} // namespace
} // namespace explorer
