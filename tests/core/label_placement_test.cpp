// Labels by level of detail (core/label_placement.hpp): never two labels over each other, the
// important names first, the selection always named, the same labels while panning, and work per
// placement bounded by the screen rather than by the graph.
#include "core/label_placement.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <vector>

namespace explorer {
namespace {

// A consortium-like picture: projects scattered over a square, their members around them, a few
// organisations in several projects (with links to each), leaves of one project. Positions are in
// layout units over [0, side]²; radii as the view draws them (projects biggest).
struct RandomGraph {
    std::vector<LabelNodeFacts> facts;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<Vec2> at;
    std::vector<float> radius; // layout units
    LabelGraph graph;
};

RandomGraph randomGraph(std::size_t nodes, std::uint32_t seed, float side = 2000.0f) {
    RandomGraph g;
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    const std::size_t projects = std::max<std::size_t>(nodes / 10, 1);
    g.facts.resize(nodes);
    g.at.resize(nodes);
    g.radius.resize(nodes);
    for (std::size_t p = 0; p < projects; ++p) {
        g.facts[p].kind = EntityKind::Project;
        g.at[p] = Vec2{unit(random) * side, unit(random) * side};
        g.radius[p] = 6.0f;
    }
    for (std::size_t i = projects; i < nodes; ++i) {
        const std::uint32_t home = static_cast<std::uint32_t>(random() % projects);
        const float angle = unit(random) * 6.2831853f, distance = 8.0f + unit(random) * 30.0f;
        g.at[i] = Vec2{g.at[home].x + std::cos(angle) * distance, g.at[home].y + std::sin(angle) * distance};
        g.radius[i] = 3.0f;
        g.facts[i].projects = 1;
        g.edges.emplace_back(static_cast<std::uint32_t>(i), home);
        if (i % 20 == 0) { // in several projects
            const std::uint32_t other = static_cast<std::uint32_t>(random() % projects);
            if (other != home) {
                g.edges.emplace_back(static_cast<std::uint32_t>(i), other);
                g.facts[i].severalProjects = true;
                g.facts[i].projects = 2;
            }
        }
        if (i % 37 == 0) g.facts[i].kind = EntityKind::Model;
    }
    g.graph = buildLabelGraph(g.facts, g.edges);
    return g;
}

// Labels sized like names in the view's fonts: 5 to 20 characters of ~7 px, 16 px high; strong
// names a little wider (bold).
LabelExtent extents(std::size_t nodes, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::vector<float> widths(nodes);
    for (float& w : widths) w = 7.0f * static_cast<float>(5 + random() % 16);
    return [widths](std::uint32_t node, bool strong) {
        return LabelSize{widths[node] * (strong ? 1.1f : 1.0f), 16.0f};
    };
}

struct Picture {
    std::vector<float> radius; // screen px
    LabelView view;
};

// The graph seen at `scale` px per layout unit, the layout point `centre` in the middle of a
// 1200 × 700 canvas.
Picture picture(const RandomGraph& g, float scale, Vec2 centre) {
    Picture p;
    const float radiusScale = std::max(scale, 0.5f);
    p.radius.resize(g.radius.size());
    for (std::size_t i = 0; i < g.radius.size(); ++i) p.radius[i] = g.radius[i] * radiusScale;
    p.view.at = g.at;
    p.view.radius = p.radius;
    p.view.scale = scale;
    p.view.canvas = Rect{{0, 0}, {1200, 700}};
    p.view.origin = Vec2{600.0f - centre.x * scale, 350.0f - centre.y * scale};
    p.view.gap = 1.7f;
    p.view.cell = 56.0f;
    return p;
}

Rect discOf(const Picture& p, std::size_t i) {
    const Vec2 c{p.view.origin.x + p.view.at[i].x * p.view.scale, p.view.origin.y + p.view.at[i].y * p.view.scale};
    const float r = p.view.radius[i];
    return Rect{{c.x - r, c.y - r}, {c.x + r, c.y + r}};
}

bool overlap(const Rect& a, const Rect& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

bool onCanvas(const Rect& box, const Rect& canvas) {
    return box.min.x >= canvas.min.x && box.min.y >= canvas.min.y && box.max.x <= canvas.max.x
           && box.max.y <= canvas.max.y;
}

// Every pair of labels, through a sort on x (a few hundred labels).
void expectNoOverlap(const std::vector<PlacedLabel>& labels, const char* where) {
    std::vector<const PlacedLabel*> byX;
    for (const PlacedLabel& l : labels) byX.push_back(&l);
    std::sort(byX.begin(), byX.end(), [](const PlacedLabel* a, const PlacedLabel* b) { return a->box.min.x < b->box.min.x; });
    std::size_t overlaps = 0;
    for (std::size_t i = 0; i < byX.size(); ++i)
        for (std::size_t j = i + 1; j < byX.size() && byX[j]->box.min.x < byX[i]->box.max.x; ++j)
            if (overlap(byX[i]->box, byX[j]->box)) ++overlaps;
    EXPECT_EQ(overlaps, 0u) << where;
}

TEST(LabelGraph, OrdersProjectsThenSharedOrganisationsThenByDegree) {
    // 0: leaf with 3 links; 1: project with 1; 2: org in 3 projects; 3: org in 2 projects with more
    // links; 4: project with 2 links; 5: model with 3 links (as many as 0: models go first); 6: leaf.
    std::vector<LabelNodeFacts> facts(7);
    facts[1].kind = EntityKind::Project;
    facts[4].kind = EntityKind::Project;
    facts[2] = {EntityKind::Organisation, true, 3};
    facts[3] = {EntityKind::Organisation, true, 2};
    facts[5].kind = EntityKind::Model;
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> edges{{0, 1}, {0, 4}, {0, 6}, {2, 4}, {3, 4},
                                                                      {3, 5}, {3, 6}, {5, 6}, {5, 2}};
    const LabelGraph g = buildLabelGraph(facts, edges);
    EXPECT_EQ(g.order, (std::vector<std::uint32_t>{4, 1, 2, 3, 5, 0, 6}));
    EXPECT_EQ(g.strongCount, 4u);
    EXPECT_TRUE(g.strong(2));
    EXPECT_FALSE(g.strong(0));
    for (std::size_t i = 0; i < g.order.size(); ++i) EXPECT_EQ(g.rank[g.order[i]], i);
    EXPECT_EQ(g.start[7] - g.start[0], 18u);
}

TEST(LabelCandidates, SidesFirstAndAwayFromNeighbours) {
    std::array<LabelCandidate, 8> out;
    ASSERT_EQ(labelCandidates({100, 100}, 10, {40, 10}, {0, 0}, out), 4u);
    EXPECT_EQ(out[0].place, LabelPlace::Below);
    EXPECT_FLOAT_EQ(out[0].box.min.y, 110.0f);
    EXPECT_FLOAT_EQ(out[0].box.min.x, 80.0f);
    EXPECT_EQ(out[1].place, LabelPlace::Above);
    EXPECT_FLOAT_EQ(out[1].box.max.y, 90.0f);
    EXPECT_EQ(out[3].place, LabelPlace::Left);
    EXPECT_FLOAT_EQ(out[3].box.max.x, 90.0f);
    // Neighbours on the left: the label goes right first, left last.
    ASSERT_EQ(labelCandidates({100, 100}, 10, {40, 10}, {1.0f, 0.0f}, out), 8u);
    EXPECT_EQ(out[0].place, LabelPlace::Right);
    EXPECT_EQ(out[7].place, LabelPlace::Left);
}

TEST(LabelPlacement, NoTwoLabelsOverlapOnTenThousandNodesAtThreeZooms) {
    const RandomGraph g = randomGraph(10000, 7);
    const LabelExtent extent = extents(10000, 8);
    for (const float scale : {0.3f, 1.0f, 4.0f}) {
        Picture p = picture(g, scale, Vec2{1000, 1000});
        LabelPlacer placer;
        const std::vector<PlacedLabel> labels = placer.place(g.graph, p.view, extent);
        SCOPED_TRACE(testing::Message() << "scale " << scale << ", " << labels.size() << " labels, "
                                        << placer.stats().attempts << " nodes tried");
        EXPECT_TRUE(placer.stats().worldMode);
        EXPECT_GT(labels.size(), 20u);
        expectNoOverlap(labels, "labels");
        // Weak labels cover no other node's disc; strong ones may, but never a label.
        std::set<std::uint32_t> labelled;
        for (const PlacedLabel& l : labels) {
            labelled.insert(l.node);
            EXPECT_EQ(l.strong, g.graph.strong(l.node));
            if (l.strong) continue;
            for (std::size_t i = 0; i < g.at.size(); ++i)
                if (i != l.node && overlap(l.box, discOf(p, i))) ADD_FAILURE() << "label of " << l.node << " covers " << i;
        }
        EXPECT_EQ(labelled.size(), labels.size()) << "a node labelled twice";
    }
}

TEST(LabelPlacement, AProjectIsLabelledBeforeALeafItCollidesWith) {
    // Both at the same point near the top of the canvas: only the place below fits, for one of them.
    // The leaf comes first in node order and has more links; the project still wins.
    std::vector<LabelNodeFacts> facts(6);
    facts[1].kind = EntityKind::Project;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges{{0, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 5}};
    const LabelGraph g = buildLabelGraph(facts, edges);
    const std::vector<Vec2> at{{100, 10}, {100, 10}, {10, 90}, {190, 90}, {10, 60}, {190, 60}};
    const std::vector<float> radius(6, 2.0f);
    LabelView view;
    view.at = at;
    view.radius = radius;
    view.canvas = Rect{{0, 0}, {200, 100}};
    const LabelExtent wide = [](std::uint32_t, bool) { return LabelSize{150.0f, 40.0f}; };
    LabelPlacer placer;
    const std::vector<PlacedLabel> labels = placer.place(g, view, wide);
    EXPECT_FALSE(placer.stats().worldMode);
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels[0].node, 1u);
    EXPECT_EQ(labels[0].place, LabelPlace::Below);
    // Selected, the leaf comes before anything.
    view.selected = 0;
    const std::vector<PlacedLabel> selected = placer.place(g, view, wide);
    ASSERT_EQ(selected.size(), 1u);
    EXPECT_EQ(selected[0].node, 0u);
    EXPECT_TRUE(selected[0].strong);
}

TEST(LabelPlacement, TheSelectionAndTheHoveredNodeAreAlwaysLabelled) {
    const RandomGraph g = randomGraph(10000, 11);
    const LabelExtent extent = extents(10000, 12);
    Picture p = picture(g, 0.3f, Vec2{1000, 1000}); // the whole graph, crowded
    LabelPlacer placer;
    std::mt19937 random(13);
    int checked = 0;
    while (checked < 40) {
        const std::uint32_t node = static_cast<std::uint32_t>(random() % g.at.size());
        const Rect disc = discOf(p, node);
        // Well inside the canvas, so that some place around it is on screen.
        if (disc.min.x < 200 || disc.max.x > 1000 || disc.min.y < 100 || disc.max.y > 600) continue;
        ++checked;
        p.view.selected = node;
        p.view.hovered = checked % 2 ? kNoLabelNode : static_cast<std::uint32_t>((node + 1) % g.at.size());
        const std::vector<PlacedLabel> labels = placer.place(g.graph, p.view, extent);
        ASSERT_FALSE(labels.empty());
        EXPECT_EQ(labels[0].node, node) << "the selection is placed first";
        expectNoOverlap(labels, "with a selection");
    }
}

// Labels fully on the canvas, as node → box relative to the node's centre.
std::map<std::uint32_t, std::pair<LabelPlace, Vec2>> shownOnCanvas(const std::vector<PlacedLabel>& labels,
                                                                   const Picture& p) {
    std::map<std::uint32_t, std::pair<LabelPlace, Vec2>> shown;
    for (const PlacedLabel& l : labels) {
        if (!onCanvas(l.box, p.view.canvas)) continue;
        const Vec2 c{p.view.origin.x + p.view.at[l.node].x * p.view.scale, p.view.origin.y + p.view.at[l.node].y * p.view.scale};
        shown[l.node] = {l.place, Vec2{l.box.min.x - c.x, l.box.min.y - c.y}};
    }
    return shown;
}

TEST(LabelPlacement, PanningKeepsTheSameLabelsJustShifted) {
    const RandomGraph g = randomGraph(10000, 21);
    const LabelExtent extent = extents(10000, 22);
    for (const float scale : {0.6f, 2.0f}) {
        LabelPlacer placer;
        Vec2 centre{700, 800};
        Picture p = picture(g, scale, centre);
        auto before = shownOnCanvas(placer.place(g.graph, p.view, extent), p);
        std::size_t compared = 0, changed = 0, placements = 0;
        const int steps = 200;
        for (int step = 0; step < steps; ++step) {
            // 6 px a frame to the right and 2 down: a drag.
            centre.x += 6.0f / scale;
            centre.y += 2.0f / scale;
            p = picture(g, scale, centre);
            const std::vector<PlacedLabel>& labels = placer.place(g.graph, p.view, extent);
            if (placer.stats().placed) ++placements;
            expectNoOverlap(labels, "panning");
            auto now = shownOnCanvas(labels, p);
            // Nodes labelled on the canvas in both frames keep their label, at the same place.
            for (const auto& [node, where] : before) {
                const auto it = now.find(node);
                if (it == now.end()) {
                    // Gone only if it left the canvas (or was cut by its edge).
                    const Rect disc = discOf(p, node);
                    const bool nearEdge = disc.min.x < 300 || disc.max.x > 900 || disc.min.y < 100 || disc.max.y > 600;
                    ++compared;
                    if (!nearEdge) ++changed;
                    continue;
                }
                ++compared;
                if (it->second.first != where.first || std::abs(it->second.second.x - where.second.x) > 0.01f
                    || std::abs(it->second.second.y - where.second.y) > 0.01f)
                    ++changed;
            }
            before = std::move(now);
        }
        std::printf("[ figures  ] scale %.1f: %zu placements in %d pan frames; %zu of %zu labels changed (%.2f %%)\n",
                    static_cast<double>(scale), placements, steps, changed, compared,
                    compared ? 100.0 * static_cast<double>(changed) / static_cast<double>(compared) : 0.0);
        EXPECT_LT(placements, static_cast<std::size_t>(steps / 4)) << "most pan frames reuse the placement";
        EXPECT_LE(changed * 200, compared) << "at most 0.5 % of the labels on screen change while panning";
    }
}

TEST(LabelPlacement, WorkIsBoundedByTheScreenNotByTheGraph) {
    // The same canvas over 10k and 100k nodes, zoomed out so that every node is in view: the
    // number of nodes tried stays bounded by the canvas' cells.
    const std::size_t cells = static_cast<std::size_t>((1200 / 56 + 1) * (700 / 56 + 1));
    std::vector<std::size_t> attempts;
    for (const std::size_t n : {std::size_t{10000}, std::size_t{100000}}) {
        const RandomGraph g = randomGraph(n, 31, 2000.0f);
        Picture p = picture(g, 0.3f, Vec2{1000, 1000});
        LabelPlacer placer;
        const std::vector<PlacedLabel> labels = placer.place(g.graph, p.view, extents(n, 32));
        EXPECT_EQ(placer.stats().inRegion, n);
        attempts.push_back(placer.stats().attempts);
        // The region is at most (1 + 2 × 1/8 + 2 × 1/4)² of the canvas: < 3.1 times its cells.
        EXPECT_LE(placer.stats().attempts, cells * 31 / 10 * (kFailuresPerCell + 4)) << n << " nodes";
        expectNoOverlap(labels, "bounded");
    }
    EXPECT_LT(attempts[1], attempts[0] * 2) << "ten times the nodes, hardly more work";
}

TEST(LabelPlacement, ASmallGraphOnScreenKeepsItsLabelsInsideAndOffTheToolbar) {
    const RandomGraph g = randomGraph(300, 41, 400.0f);
    Picture p = picture(g, 1.4f, Vec2{200, 200});
    const std::vector<Rect> toolbar{Rect{{900, 640}, {1190, 690}}};
    p.view.obstacles = toolbar;
    LabelPlacer placer;
    const std::vector<PlacedLabel> labels = placer.place(g.graph, p.view, extents(300, 42));
    EXPECT_FALSE(placer.stats().worldMode);
    EXPECT_GT(labels.size(), 30u);
    expectNoOverlap(labels, "small graph");
    for (const PlacedLabel& l : labels) {
        EXPECT_TRUE(onCanvas(l.box, Rect{{2, 2}, {1198, 698}})) << l.node;
        EXPECT_FALSE(overlap(l.box, toolbar[0])) << l.node;
    }
    // Panning re-places (the canvas' edge matters) but keeps the no-overlap rule.
    p = picture(g, 1.4f, Vec2{230, 190});
    p.view.obstacles = toolbar;
    expectNoOverlap(placer.place(g.graph, p.view, extents(300, 42)), "small graph panned");
    EXPECT_TRUE(placer.stats().placed);
}

} // namespace
} // namespace explorer
