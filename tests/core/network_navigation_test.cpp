// Walking the network by keyboard: an arrow goes to a CONNECTED node lying that way on screen.
#include "core/network_navigation.hpp"

#include "support/hand_built.hpp"

#include <gtest/gtest.h>

namespace explorer {
namespace {

using test::handBuilt;

// A star around "hub", with one node each way and an unconnected node right next to it.
struct Star : ::testing::Test {
    Dataset d = handBuilt({"project:hub", "org:east", "org:west", "org:north", "org:south", "org:far-east", "org:stranger"},
                          {{"org:east", "partner", "project:hub"},
                           {"org:west", "partner", "project:hub"},
                           {"org:north", "lead", "project:hub"},
                           {"org:south", "supporter", "project:hub"},
                           {"org:far-east", "partner", "project:hub"}});
    std::size_t at(const char* id) const { return *d.findEntity(id); }
    std::vector<NodePlace> places() const {
        return {{at("project:hub"), 0, 0},     {at("org:east"), 10, 3},    {at("org:west"), -10, 0},
                {at("org:north"), 1, -10},    {at("org:south"), -2, 12},  {at("org:far-east"), 30, -1},
                {at("org:stranger"), 2, 0}};
    }
    VisibleSet all() const { return {std::vector<bool>(d.entities.size(), true), std::vector<bool>(d.relations.size(), true)}; }
};

TEST_F(Star, EachArrowReachesTheConnectedNodeThatWay) {
    const auto step = [&](Direction direction) { return neighbourInDirection(d, all(), at("project:hub"), direction, places()); };
    // "stranger" is nearer to the right but shares no relation: never a step.
    EXPECT_EQ(step(Direction::Right), at("org:east"));
    EXPECT_EQ(step(Direction::Left), at("org:west"));
    EXPECT_EQ(step(Direction::Up), at("org:north")); // y grows downwards, as on screen
    EXPECT_EQ(step(Direction::Down), at("org:south"));
}

TEST_F(Star, StepsBackAndStopsAtTheEdge) {
    EXPECT_EQ(neighbourInDirection(d, all(), at("org:east"), Direction::Left, places()), at("project:hub"));
    EXPECT_EQ(neighbourInDirection(d, all(), at("org:east"), Direction::Right, places()), std::nullopt);
    EXPECT_EQ(noStepAnnouncement(d, at("org:east"), Direction::Right, Lang::En), "No connected node to the right of east");
    EXPECT_EQ(noStepAnnouncement(d, at("org:east"), Direction::Up, Lang::Fr), "Aucun nœud relié au-dessus de east");
}

TEST_F(Star, HiddenOrUnplacedNodesAreSkipped) {
    VisibleSet visible = all();
    visible.entity[at("org:east")] = false;
    EXPECT_EQ(neighbourInDirection(d, visible, at("project:hub"), Direction::Right, places()), at("org:far-east"));
    std::vector<NodePlace> without = places();
    std::erase_if(without, [&](const NodePlace& p) { return p.entity == at("org:east") || p.entity == at("org:far-east"); });
    // Nothing inside the cone: the half-plane's best still answers (north lies a little to the right).
    EXPECT_EQ(neighbourInDirection(d, all(), at("project:hub"), Direction::Right, without), at("org:north"));
    std::erase_if(without, [&](const NodePlace& p) { return p.entity == at("org:north"); });
    EXPECT_EQ(neighbourInDirection(d, all(), at("project:hub"), Direction::Right, without), std::nullopt);
    // A node with no place of its own goes nowhere.
    std::erase_if(without, [&](const NodePlace& p) { return p.entity == at("project:hub"); });
    EXPECT_EQ(neighbourInDirection(d, all(), at("project:hub"), Direction::Left, without), std::nullopt);
}

TEST_F(Star, ANodeInsideTheConeWinsOverANearerOneOutsideIt) {
    std::vector<NodePlace> p = places();
    for (NodePlace& place : p) {
        if (place.entity == at("org:east")) place = {place.entity, 3, 5}; // ahead, but more across than along
    }
    EXPECT_EQ(neighbourInDirection(d, all(), at("project:hub"), Direction::Right, p), at("org:far-east"));
}

TEST_F(Star, TheStepSaysWhereItArrivedAndHow) {
    EXPECT_EQ(stepAnnouncement(d, all(), at("project:hub"), at("org:north"), Lang::En), "north: north leads hub");
    EXPECT_EQ(stepAnnouncement(d, all(), at("org:north"), at("org:stranger"), Lang::En), "stranger");
    EXPECT_EQ(directionFromString("ArrowUp"), Direction::Up);
    EXPECT_EQ(directionFromString("left"), Direction::Left);
    EXPECT_EQ(directionFromString("sideways"), std::nullopt);
}

} // namespace
} // namespace explorer
