// label-bench: what labelling costs per frame (core/label_placement.hpp) at 1k, 10k and 100k
// nodes, on a 1200 × 700 canvas: a placement (a frame after a zoom, or a pan across a tile
// boundary) and a pan frame within the region (the placement reused, shifted), at three zooms:
// the whole graph in view, a quarter of it, and close up. Figures, not verdicts.
//
// The graphs are consortium-like pictures made here (projects scattered over a square, members
// around them, one in twenty in two projects): the placement only needs positions, radii and the
// importance order, so no layout has to run first.
//
//   build/native/tools/label-bench [--repeat N]
#include "core/label_placement.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

using namespace explorer;

namespace {

struct Graph {
    std::vector<Vec2> at;
    std::vector<float> radius;
    LabelGraph labels;
    std::vector<float> widths;
};

Graph makeGraph(std::size_t nodes, std::uint32_t seed) {
    Graph g;
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    // Side grows with sqrt(nodes): the same density of nodes per layout unit at every size.
    const float side = 60.0f * std::sqrt(static_cast<float>(nodes));
    const std::size_t projects = std::max<std::size_t>(nodes / 10, 1);
    std::vector<LabelNodeFacts> facts(nodes);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    g.at.resize(nodes);
    g.radius.resize(nodes);
    for (std::size_t p = 0; p < projects; ++p) {
        facts[p].kind = EntityKind::Project;
        g.at[p] = Vec2{unit(random) * side, unit(random) * side};
        g.radius[p] = 6.0f;
    }
    for (std::size_t i = projects; i < nodes; ++i) {
        const auto home = static_cast<std::uint32_t>(random() % projects);
        const float angle = unit(random) * 6.2831853f, distance = 8.0f + unit(random) * 30.0f;
        g.at[i] = Vec2{g.at[home].x + std::cos(angle) * distance, g.at[home].y + std::sin(angle) * distance};
        g.radius[i] = 3.0f;
        facts[i].projects = 1;
        edges.emplace_back(static_cast<std::uint32_t>(i), home);
        if (i % 20 == 0) {
            edges.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(random() % projects));
            facts[i].severalProjects = true;
            facts[i].projects = 2;
        }
    }
    g.labels = buildLabelGraph(facts, edges);
    g.widths.resize(nodes);
    for (float& w : g.widths) w = 7.0f * static_cast<float>(5 + random() % 16);
    return g;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    int repeat = 15;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: label-bench [--repeat N]\n");
            return 2;
        }
    }
    std::printf("label placement, 1200 x 700 canvas, median of %d (ms)\n", repeat);
    std::printf("%8s  %-12s %10s %10s %9s %9s %12s\n", "nodes", "view", "in region", "labels", "tried",
                "place", "pan frame");
    for (const std::size_t n : {std::size_t{1000}, std::size_t{10000}, std::size_t{100000}}) {
        const Graph g = makeGraph(n, 1);
        const float side = 60.0f * std::sqrt(static_cast<float>(n));
        const LabelExtent extent = [&](std::uint32_t node, bool strong) {
            return LabelSize{g.widths[node] * (strong ? 1.1f : 1.0f), 16.0f};
        };
        struct Zoom {
            const char* name;
            float scale;
        };
        const float fit = 700.0f / side;
        for (const Zoom zoom : {Zoom{"whole graph", fit}, Zoom{"a quarter", fit * 2.0f}, Zoom{"close up", 2.0f}}) {
            std::vector<float> radius(n);
            const float radiusScale = std::max(zoom.scale, 0.5f);
            for (std::size_t i = 0; i < n; ++i) radius[i] = g.radius[i] * radiusScale;
            LabelView view;
            view.at = g.at;
            view.radius = radius;
            view.scale = zoom.scale;
            view.canvas = Rect{{0, 0}, {1200, 700}};
            view.gap = 1.7f;
            view.cell = 56.0f;
            const auto centreOn = [&](float x, float y) {
                view.origin = Vec2{600.0f - x * zoom.scale, 350.0f - y * zoom.scale};
            };
            using Clock = std::chrono::steady_clock;
            std::vector<double> place, pan;
            std::size_t labels = 0, tried = 0, inRegion = 0;
            for (int r = 0; r < repeat; ++r) {
                LabelPlacer placer;
                centreOn(side * 0.5f, side * 0.5f);
                const auto t0 = Clock::now();
                labels = placer.place(g.labels, view, extent).size();
                const auto t1 = Clock::now();
                tried = placer.stats().attempts;
                inRegion = placer.stats().inRegion;
                place.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                // A one-pixel pan: within the region, the placement is reused.
                centreOn(side * 0.5f + 1.0f / zoom.scale, side * 0.5f);
                const auto t2 = Clock::now();
                placer.place(g.labels, view, extent);
                const auto t3 = Clock::now();
                pan.push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
            }
            std::printf("%8zu  %-12s %10zu %10zu %9zu %9.3f %12.3f\n", n, zoom.name, inRegion, labels, tried,
                        median(place), median(pan));
        }
    }
    std::printf("(place: a frame that re-places, after a zoom or a pan across a tile, culling included;\n"
                " pan frame: the placement reused and shifted, no culling needed.)\n");
    return 0;
}
