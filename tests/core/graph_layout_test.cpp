// The network view's layout: reproducible, settles and stops, never overlaps discs, keeps
// components together, survives degenerate input, and lets the reader drag a node.
#include "core/graph_layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace explorer {
namespace {

struct Graph {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
};

LayoutNode disc(float radius) {
    LayoutNode node;
    node.radius = radius;
    return node;
}

constexpr std::size_t kHubs = 7;

// The shape of the shipped dataset: 7 large project hubs, 60 organisations linked to one hub,
// some to two or three; plus a 4-node chain, a triangle and two isolated nodes.
Graph explorerShape() {
    Graph g;
    for (std::size_t h = 0; h < kHubs; ++h) g.nodes.push_back(disc(18.0f + 2.0f * static_cast<float>(h)));
    for (std::size_t l = 0; l < 60; ++l) {
        const std::size_t leaf = g.nodes.size();
        g.nodes.push_back(disc(6.0f + static_cast<float>(l % 5)));
        g.edges.push_back({l % kHubs, leaf});
        if (l % 5 == 0) g.edges.push_back({(l + 3) % kHubs, leaf});
        if (l % 11 == 0) g.edges.push_back({(l + 5) % kHubs, leaf});
    }
    std::size_t first = g.nodes.size();
    for (int k = 0; k < 4; ++k) g.nodes.push_back(disc(10.0f));
    for (std::size_t k = 0; k < 3; ++k) g.edges.push_back({first + k, first + k + 1});
    first = g.nodes.size();
    for (int k = 0; k < 3; ++k) g.nodes.push_back(disc(8.0f));
    g.edges.push_back({first, first + 1});
    g.edges.push_back({first + 1, first + 2});
    g.edges.push_back({first + 2, first});
    g.nodes.push_back(disc(12.0f));
    g.nodes.push_back(disc(7.0f));
    return g;
}

// n nodes of radius 4..11; half the edges end on the first n/20 nodes (hubs), half anywhere.
Graph randomGraph(std::size_t n, std::size_t edgeCount, std::uint64_t seed) {
    Graph g;
    std::uint64_t state = seed;
    const auto next = [&state] {
        state += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    };
    for (std::size_t i = 0; i < n; ++i) g.nodes.push_back(disc(4.0f + static_cast<float>(next() % 8)));
    for (std::size_t k = 0; k < edgeCount; ++k) {
        const std::size_t a = next() % n;
        const std::size_t b = k % 2 == 0 ? next() % (n / 20 + 1) : next() % n;
        g.edges.push_back({a, b});
    }
    return g;
}

double distance(Vec2 a, Vec2 b) {
    return std::hypot(static_cast<double>(a.x) - b.x, static_cast<double>(a.y) - b.y);
}

bool allFinite(const std::vector<Vec2>& positions) {
    return std::all_of(positions.begin(), positions.end(),
                       [](Vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); });
}

// Pairs closer than the contract allows (radius a + radius b + padding), pinned pairs excepted.
std::size_t overlappingPairs(const GraphLayout& layout, const std::vector<LayoutNode>& nodes, float padding) {
    const auto& positions = layout.positions();
    std::size_t count = 0;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        for (std::size_t j = i + 1; j < positions.size(); ++j) {
            if (layout.pinned(i) && layout.pinned(j)) continue;
            const double wanted = static_cast<double>(nodes[i].radius) + nodes[j].radius + padding;
            const double dx = static_cast<double>(positions[i].x) - positions[j].x;
            const double dy = static_cast<double>(positions[i].y) - positions[j].y;
            if (dx * dx + dy * dy < wanted * wanted) ++count;
        }
    }
    return count;
}

TEST(GraphLayout, EmptyGraphIsSettledFromTheStart) {
    GraphLayout layout({}, {});
    EXPECT_TRUE(layout.settled());
    EXPECT_FALSE(layout.step(10));
    EXPECT_TRUE(layout.positions().empty());
    EXPECT_EQ(layout.bounds(), Rect{});
    EXPECT_EQ(layout.iterations(), 0);
}

TEST(GraphLayout, SingleNodeIsSettledAndItsBoundsIncludeTheRadius) {
    GraphLayout layout({disc(10.0f)}, {{0, 0}});
    EXPECT_TRUE(layout.settled());
    EXPECT_FALSE(layout.step());
    ASSERT_EQ(layout.positions().size(), 1u);
    const Vec2 p = layout.positions()[0];
    EXPECT_EQ(layout.bounds(), (Rect{{p.x - 10.0f, p.y - 10.0f}, {p.x + 10.0f, p.y + 10.0f}}));
    EXPECT_TRUE(layout.edges().empty());
}

TEST(GraphLayout, SameInputsGiveBitIdenticalPositions) {
    const Graph g = explorerShape();
    LayoutParams params;
    params.seed = 42;
    GraphLayout first(g.nodes, g.edges, params);
    GraphLayout second(g.nodes, g.edges, params);
    EXPECT_EQ(first.positions(), second.positions());
    first.settle(1000);
    // Stepping frame by frame, as the widget does, must end exactly where settle() ends.
    while (second.step(1)) {}
    EXPECT_EQ(first.iterations(), second.iterations());
    EXPECT_EQ(first.positions(), second.positions());
}

TEST(GraphLayout, LargeLayoutsAreDeterministicToo) {
    const Graph g = randomGraph(900, 2500, 5); // above the exact-repulsion limit
    GraphLayout first(g.nodes, g.edges);
    GraphLayout second(g.nodes, g.edges);
    first.settle(1000);
    second.settle(1000);
    EXPECT_EQ(first.positions(), second.positions());
}

TEST(GraphLayout, DifferentSeedsGiveDifferentLayouts) {
    const Graph g = explorerShape();
    LayoutParams params;
    params.seed = 1;
    GraphLayout first(g.nodes, g.edges, params);
    params.seed = 2;
    GraphLayout second(g.nodes, g.edges, params);
    first.settle(1000);
    second.settle(1000);
    std::size_t moved = 0;
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        if (distance(first.positions()[i], second.positions()[i]) > 5.0) ++moved;
    EXPECT_GT(moved, g.nodes.size() / 2);
}

TEST(GraphLayout, SettlesWithinABoundedNumberOfIterationsAndThenReallyStops) {
    const Graph g = explorerShape();
    GraphLayout layout(g.nodes, g.edges);
    EXPECT_FALSE(layout.settled());
    EXPECT_TRUE(layout.step());
    EXPECT_TRUE(layout.settle(10000));
    EXPECT_GE(layout.iterations(), 100);
    EXPECT_LE(layout.iterations(), 400);

    const std::vector<Vec2> settled = layout.positions();
    const int iterations = layout.iterations();
    EXPECT_FALSE(layout.step(50));
    EXPECT_TRUE(layout.settled());
    EXPECT_EQ(layout.positions(), settled);
    EXPECT_EQ(layout.iterations(), iterations);
}

TEST(GraphLayout, NoTwoDiscsOverlapOnceSettled) {
    const Graph g = explorerShape();
    LayoutParams params;
    GraphLayout layout(g.nodes, g.edges, params);
    ASSERT_TRUE(layout.settle());
    EXPECT_EQ(overlappingPairs(layout, g.nodes, params.collisionPadding), 0u);

    // A larger padding is honoured as well, even while nodes start crammed on one point.
    Graph crowded = g;
    for (LayoutNode& node : crowded.nodes) node.position = Vec2{3.0f, -2.0f};
    params.collisionPadding = 15.0f;
    GraphLayout spaced(crowded.nodes, crowded.edges, params);
    ASSERT_TRUE(spaced.settle());
    EXPECT_EQ(overlappingPairs(spaced, crowded.nodes, params.collisionPadding), 0u);
}

TEST(GraphLayout, DisconnectedComponentsStayNearTheMainOne) {
    const Graph g = explorerShape();
    GraphLayout layout(g.nodes, g.edges);
    ASSERT_TRUE(layout.settle());
    double discArea = 0.0;
    for (const LayoutNode& node : g.nodes) discArea += 3.14159265 * node.radius * node.radius;
    // A tight packing would be about sqrt(area) wide; without gravity this layout spreads over
    // more than six times that.
    const Rect box = layout.bounds();
    EXPECT_LT(std::max(box.width(), box.height()), 5.0 * std::sqrt(discArea));
    // And the view is centred near the origin.
    EXPECT_LT(std::abs(box.centre().x), box.width() * 0.25f);
    EXPECT_LT(std::abs(box.centre().y), box.height() * 0.25f);
}

TEST(GraphLayout, BoundsHoldEveryDiscAndTouchIt) {
    const Graph g = explorerShape();
    GraphLayout layout(g.nodes, g.edges);
    layout.settle();
    const Rect box = layout.bounds();
    float left = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const Vec2 p = layout.positions()[i];
        const float r = g.nodes[i].radius;
        EXPECT_GE(p.x - r, box.min.x);
        EXPECT_LE(p.x + r, box.max.x);
        EXPECT_GE(p.y - r, box.min.y);
        EXPECT_LE(p.y + r, box.max.y);
        left = std::min(left, p.x - r);
    }
    EXPECT_EQ(left, box.min.x);
}

TEST(GraphLayout, LinkedNodesEndCloserThanUnlinkedOnes) {
    const Graph g = explorerShape();
    GraphLayout layout(g.nodes, g.edges);
    ASSERT_TRUE(layout.settle());
    std::set<std::pair<std::size_t, std::size_t>> linked;
    double linkedSum = 0.0;
    for (const LayoutEdge& e : layout.edges()) {
        linked.insert({std::min(e.a, e.b), std::max(e.a, e.b)});
        linkedSum += distance(layout.positions()[e.a], layout.positions()[e.b]);
    }
    double unlinkedSum = 0.0;
    std::size_t unlinkedCount = 0;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        for (std::size_t j = i + 1; j < g.nodes.size(); ++j) {
            if (linked.count({i, j})) continue;
            unlinkedSum += distance(layout.positions()[i], layout.positions()[j]);
            ++unlinkedCount;
        }
    }
    const double linkedMean = linkedSum / static_cast<double>(linked.size());
    const double unlinkedMean = unlinkedSum / static_cast<double>(unlinkedCount);
    EXPECT_LT(linkedMean, 0.6 * unlinkedMean);

    // Each hub's own leaves sit around it, not across the map.
    for (std::size_t l = 0; l < 60; ++l) {
        if (l % 5 == 0 || l % 11 == 0) continue; // leaves shared by several hubs
        const std::size_t hub = l % kHubs;
        const double wanted = g.nodes[hub].radius + g.nodes[kHubs + l].radius + LayoutParams{}.linkGap;
        EXPECT_LT(distance(layout.positions()[hub], layout.positions()[kHubs + l]), 2.0 * wanted)
            << "leaf " << l;
    }
}

TEST(GraphLayout, SelfLoopsDuplicatesAndBadEndsAreIgnored) {
    const Graph clean = explorerShape();
    Graph messy = clean;
    const std::size_t n = clean.nodes.size();
    messy.edges.push_back({3, 3});                          // self-loop
    messy.edges.push_back(clean.edges[0]);                  // duplicate
    messy.edges.push_back({clean.edges[1].b, clean.edges[1].a}); // duplicate, reversed
    messy.edges.push_back({0, n});                          // end out of range
    messy.edges.push_back({std::numeric_limits<std::size_t>::max(), 1});
    GraphLayout expected(clean.nodes, clean.edges);
    GraphLayout layout(messy.nodes, messy.edges);
    ASSERT_EQ(layout.edges().size(), clean.edges.size());
    expected.settle();
    layout.settle();
    EXPECT_EQ(layout.positions(), expected.positions());
}

TEST(GraphLayout, DegenerateInputStaysFiniteAndStillSeparatesDiscs) {
    Graph g;
    // Every node starts on the same point; some radii are zero, huge, negative or not a number.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float infinity = std::numeric_limits<float>::infinity();
    const float radii[] = {0.0f, 0.0f, 5.0f, 5.0f, 1.0e5f, 3.0e6f, -4.0f, nan, infinity, 9.0f};
    for (float r : radii) {
        LayoutNode node = disc(r);
        node.position = Vec2{0.0f, 0.0f};
        g.nodes.push_back(node);
    }
    g.nodes[2].weight = nan;
    g.nodes[3].position = Vec2{infinity, 0.0f};
    g.nodes[9].position = Vec2{1.0e30f, -1.0e30f}; // finite, but the forces would overflow there
    g.edges = {{0, 1, 1.0f, 1.0e-6f},  // a near-zero length
               {1, 2, infinity, 0.0f},
               {2, 3, 1.0f, nan},
               {4, 5},
               {5, 9, 1.0f, -10.0f}};
    LayoutParams params;
    params.charge = nan;
    GraphLayout layout(g.nodes, g.edges, params);
    while (layout.step(1)) ASSERT_TRUE(allFinite(layout.positions())) << "iteration " << layout.iterations();
    EXPECT_TRUE(allFinite(layout.positions()));
    EXPECT_LE(layout.iterations(), 400);

    // Sanitised radii, as the header promises: bad values count as 0, huge ones are capped.
    std::vector<LayoutNode> effective = g.nodes;
    for (LayoutNode& node : effective)
        node.radius = std::isfinite(node.radius) ? std::clamp(node.radius, 0.0f, kMaxLayoutRadius) : 0.0f;
    EXPECT_EQ(overlappingPairs(layout, effective, params.collisionPadding), 0u);
    const Rect box = layout.bounds();
    EXPECT_TRUE(std::isfinite(box.width()) && std::isfinite(box.height()));
    EXPECT_GE(box.width(), 2.0f * kMaxLayoutRadius);
}

TEST(GraphLayout, OutOfRangeParametersStillSettle) {
    const Graph g = explorerShape();
    LayoutParams params;
    params.alphaDecay = 0.0f;  // would never cool: clamped to the slowest allowed decay
    params.alphaMin = -1.0f;
    params.velocityDecay = std::numeric_limits<float>::infinity();
    params.theta = 0.0f;
    GraphLayout layout(g.nodes, g.edges, params);
    EXPECT_TRUE(layout.settle(20000));
    EXPECT_TRUE(allFinite(layout.positions()));
    EXPECT_EQ(overlappingPairs(layout, g.nodes, params.collisionPadding), 0u);
}

TEST(GraphLayout, DraggingANodeHoldsItAndItsNeighboursFollow) {
    const Graph g = explorerShape();
    GraphLayout layout(g.nodes, g.edges);
    ASSERT_TRUE(layout.settle());
    const std::size_t hub = 0;
    const Vec2 target{600.0f, -450.0f};

    layout.pin(hub, target);
    EXPECT_TRUE(layout.pinned(hub));
    EXPECT_FALSE(layout.settled()); // the widget must draw frames again
    EXPECT_EQ(layout.positions()[hub], target);
    const int before = layout.iterations();
    ASSERT_TRUE(layout.settle());
    EXPECT_LE(layout.iterations() - before, 300);
    EXPECT_EQ(layout.positions()[hub], target);
    for (std::size_t l = 0; l < 60; l += kHubs) { // leaves 0, 7, 14 ... belong to hub 0
        if (l % 5 == 0 || l % 11 == 0) continue;
        EXPECT_LT(distance(layout.positions()[kHubs + l], target), 120.0) << "leaf " << l;
    }
    EXPECT_EQ(overlappingPairs(layout, g.nodes, LayoutParams{}.collisionPadding), 0u);

    // Releasing a settled layout does not move anything.
    const std::vector<Vec2> held = layout.positions();
    layout.unpin(hub);
    EXPECT_FALSE(layout.pinned(hub));
    EXPECT_FALSE(layout.step());
    EXPECT_EQ(layout.positions(), held);

    // Bad requests are ignored.
    layout.pin(g.nodes.size(), {0.0f, 0.0f});
    layout.pin(1, {std::numeric_limits<float>::quiet_NaN(), 0.0f});
    layout.pin(1, {0.0f, 1.0e20f});
    EXPECT_TRUE(layout.settled());
    EXPECT_EQ(layout.positions(), held);
}

TEST(GraphLayout, NodesPinnedFromTheStartNeverMove) {
    Graph g = explorerShape();
    g.nodes[0].pinned = true;
    g.nodes[0].position = Vec2{-80.0f, 40.0f};
    g.nodes[3].pinned = true; // pinned at its starting slot
    GraphLayout layout(g.nodes, g.edges);
    const Vec2 start3 = layout.positions()[3];
    ASSERT_TRUE(layout.settle());
    EXPECT_EQ(layout.positions()[0], (Vec2{-80.0f, 40.0f}));
    EXPECT_EQ(layout.positions()[3], start3);
    EXPECT_EQ(overlappingPairs(layout, g.nodes, LayoutParams{}.collisionPadding), 0u);
}

TEST(GraphLayout, ReheatingRestartsAndSettlesAgain) {
    const Graph g = explorerShape();
    GraphLayout layout(g.nodes, g.edges);
    ASSERT_TRUE(layout.settle());
    layout.reheat(0.5f);
    EXPECT_FALSE(layout.settled());
    EXPECT_TRUE(layout.settle(400));
    EXPECT_EQ(overlappingPairs(layout, g.nodes, LayoutParams{}.collisionPadding), 0u);
}

TEST(GraphLayout, StartingPositionsAreKept) {
    // Re-laying out from the previous positions (e.g. after a filter change) keeps the picture:
    // nodes end near where they were instead of being reshuffled.
    const Graph g = explorerShape();
    GraphLayout previous(g.nodes, g.edges);
    ASSERT_TRUE(previous.settle());
    Graph again = g;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) again.nodes[i].position = previous.positions()[i];
    LayoutParams params;
    params.seed = 99;
    params.startAlpha = 0.1f;
    GraphLayout layout(again.nodes, again.edges, params);
    EXPECT_EQ(layout.positions(), previous.positions());
    ASSERT_TRUE(layout.settle());
    double drift = 0.0;
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        drift += distance(layout.positions()[i], previous.positions()[i]);
    EXPECT_LT(drift / static_cast<double>(g.nodes.size()), 20.0);
}

TEST(GraphLayout, BarnesHutMatchesExactRepulsionInOverallShape) {
    const Graph g = randomGraph(500, 1200, 11);
    LayoutParams exact;
    exact.exactRepulsionLimit = 2000;
    LayoutParams approximate;
    approximate.exactRepulsionLimit = 0;
    GraphLayout a(g.nodes, g.edges, exact);
    GraphLayout b(g.nodes, g.edges, approximate);
    ASSERT_TRUE(a.settle());
    ASSERT_TRUE(b.settle());
    const float sizeA = std::max(a.bounds().width(), a.bounds().height());
    const float sizeB = std::max(b.bounds().width(), b.bounds().height());
    EXPECT_NEAR(sizeB / sizeA, 1.0f, 0.15f);
    EXPECT_EQ(overlappingPairs(b, g.nodes, approximate.collisionPadding), 0u);
}

TEST(GraphLayout, FiveThousandNodesSettleFiniteAndWithoutOverlap) {
    const Graph g = randomGraph(5000, 20000, 3);
    GraphLayout layout(g.nodes, g.edges);
    EXPECT_TRUE(layout.settle(1000));
    EXPECT_LE(layout.iterations(), 400);
    EXPECT_TRUE(allFinite(layout.positions()));
    EXPECT_EQ(overlappingPairs(layout, g.nodes, LayoutParams{}.collisionPadding), 0u);
}

} // namespace
} // namespace explorer
