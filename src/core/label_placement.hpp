// Which nodes of the network get their name written, and where: labels by level of detail.
//
// The rule. At every zoom the most important nodes on screen are labelled and no two labels ever
// overlap. Nodes are tried in this order: the selection, the hovered node, projects, organisations
// member of several projects, the neighbours of the focus (hovered, else selected), then every
// other node by degree (LabelGraph says exactly how ties break). A node's label goes at the first
// of up to eight places around its disc (below, above, right, left, then the diagonals; when its
// neighbours lie mostly on one side, the places pointing away from them come first, so the leaves
// of a star are named on the outside) that
//   - lies inside the placement region,
//   - covers no label placed before it and no obstacle (toolbar, legend),
//   - covers no other node's disc (its bounding box): the
//     "strong" nodes (selection, hover, projects, organisations in several projects) may cover
//     discs when nothing else is free, as the view always allowed; weaker ones may not. Last, a
//     strong node may take its first place slid inside the region (LabelPlace::Pushed).
// A node with no such place gets no label.
//
// "The screen is full". Walking nodes by importance would otherwise test every visible node at
// every frame. The walk stops trying nodes whose centre lies in a grid cell (LabelView::cell, about
// 4 em square) that has already seen kFailuresPerCell failed nodes: past that many failures a
// cell is crowded, and what is less important there would fail too. The rule is local (a cell's
// budget depends only on the nodes in it), so it does not depend on where the view's edge is,
// which keeps labels still while panning. A global cap (kMaxAttempts nodes tried) is a safety net
// for huge canvases; it does not bind on ordinary ones.
//
// Stability while panning. Two modes:
//   - Screen: a small graph (≤ kScreenModeMaxNodes) entirely on screen is labelled against the
//     canvas and the obstacles, as the 71-node view always was; re-placed whenever the camera
//     moves (cheap at that size).
//   - World: otherwise labels are placed once for a region made of world-aligned tiles (a quarter
//     of the canvas's longer side) that covers the canvas and a margin of half a tile around it,
//     and the result is reused, shifted, while the camera pans within that region at the same
//     zoom: same zoom and same region, same labels, just moved. Crossing a tile boundary re-places,
//     but the region moved by one tile and the rule is local, so labels away from the region's
//     edge (off screen, by the margin) come out the same (tests/core/label_placement_test.cpp
//     measures it). Labels may reach past the canvas edge there; the view clips them.
//   Any other change (zoom, positions, selection, hover, canvas size, fonts) re-places.
//
// Complexity of a placement (none at all on a pan frame within the region):
//   O(N) to cull (the node positions, a multiply-add each: "beyond culling" means nothing else
//   grows with N), + O(V) to bin the V discs in the region (in cells of half a grid cell),
//   + O(min(N, V log V)) to walk the region's nodes by importance,
//   + O(A × 8 × (L + D)) to test candidates, where A ≤ min(kMaxAttempts, C × (kFailuresPerCell +
//   labels per cell)) nodes are tried for C grid cells, L is the few labels and D the discs near
//   a candidate (a test stops at the first disc it covers, so crowded places fail fast),
//   + O(A × kOutwardNeighbours) for the directions away from neighbours.
//   A does not depend on N: it is bounded by the canvas' area. Memory: O(N) indices, O(V) entries.
// Measured by tools/label_bench.cpp (scripts/bench.sh).
#pragma once

#include "core/graph_layout.hpp" // Vec2, Rect
#include "core/model.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

namespace explorer {

class NetworkLayout;

inline constexpr std::uint32_t kNoLabelNode = static_cast<std::uint32_t>(-1);
inline constexpr std::size_t kFailuresPerCell = 6;
inline constexpr std::size_t kMaxAttempts = 20000;
inline constexpr std::size_t kScreenModeMaxNodes = 2000;
inline constexpr std::size_t kOutwardNeighbours = 64; // a hub's direction from its first 64 neighbours

// What ranks a node, from the dataset: its kind, whether it is an organisation MEMBER of several
// projects (Dataset::memberProjects), in how many projects, and its degree in the visible graph.
struct LabelNodeFacts {
    EntityKind kind = EntityKind::Organisation;
    bool severalProjects = false;
    std::uint32_t projects = 0;
};

// The graph as label placement needs it, built once per graph shown (dataset or visible set),
// never per frame.
struct LabelGraph {
    // Nodes, most important first: projects (by degree), organisations in several projects (by
    // number of projects, then degree), then the rest (by degree, then initiatives, models,
    // organisations); ties by node index.
    std::vector<std::uint32_t> order;
    std::vector<std::uint32_t> rank;   // rank[node]: its position in order
    std::size_t strongCount = 0;       // order[0, strongCount): projects and organisations in several projects
    std::vector<std::uint32_t> start;  // neighbours of node n: neighbours[start[n], start[n + 1])
    std::vector<std::uint32_t> neighbours;
    std::size_t size() const { return rank.size(); }
    bool strong(std::uint32_t node) const { return rank[node] < strongCount; }
};

// `edges` are node pairs (self loops and repeats are harmless).
LabelGraph buildLabelGraph(std::span<const LabelNodeFacts> nodes,
                           std::span<const std::pair<std::uint32_t, std::uint32_t>> edges);
// The network's graph: NetworkLayout's nodes and edges, projects counted by Dataset::memberProjects.
LabelGraph buildLabelGraph(const Dataset& dataset, const NetworkLayout& layout);

// Where a label sits around its node.
// Pushed: a strong node's first place, slid inside the region, when no place fits as is (as the
// view always did for names that must show near the canvas' edge).
enum class LabelPlace : std::uint8_t { Below, Above, Right, Left, BelowRight, BelowLeft, AboveRight, AboveLeft, Pushed };

struct LabelSize {
    float width = 0.0f;
    float height = 0.0f;
};

// The places a width × height label may take around a disc of `radius` (gap included) at `centre`,
// best first, given `outward`, the sum of unit vectors from the node's neighbours to it: with a
// clear outward direction (length ≥ 0.5) all eight places ordered by how far they point along it;
// otherwise the four sides only. Returns how many of `out` are filled.
struct LabelCandidate {
    Rect box;
    LabelPlace place;
};
std::size_t labelCandidates(Vec2 centre, float radius, LabelSize size, Vec2 outward,
                            std::array<LabelCandidate, 8>& out);

// This frame's picture.
struct LabelView {
    std::span<const Vec2> at;       // every node's centre in layout units (the graph's node order)
    std::span<const float> radius;  // every node's drawn radius, screen px
    float scale = 1.0f;             // screen px per layout unit
    Vec2 origin;                    // screen point of layout (0, 0): screen = origin + at × scale
    Rect canvas;                    // what the reader sees, screen px
    float inset = 2.0f;             // labels keep this far inside the canvas (screen mode)
    std::span<const Rect> obstacles; // screen rects labels must not cover (screen mode; see above)
    std::uint32_t selected = kNoLabelNode;
    std::uint32_t hovered = kNoLabelNode;
    float gap = 2.0f;               // between a disc and its label, px
    float cell = 56.0f;             // collision and "full" grid cell, px (about 4 em)
    // Changes whenever `at`, `radius` (beyond scale) or the label extents change: placements are
    // reused only while it stays the same.
    std::uint64_t version = 0;
};

struct PlacedLabel {
    std::uint32_t node = 0;
    Rect box; // screen px, this frame
    LabelPlace place = LabelPlace::Below;
    bool strong = false; // selection, hover, a project or an organisation in several projects
};

struct LabelStats {
    bool placed = false;     // this frame re-placed (false: the last placement, shifted)
    bool worldMode = false;
    std::size_t inRegion = 0; // nodes whose centre lies in the placement region
    std::size_t attempts = 0; // nodes tried
    std::size_t tests = 0;    // candidate places tested
};

// The label size of a node, in the font the view writes it in (`strong` as PlacedLabel::strong).
// Asked only for the nodes tried, at most once per node per placement.
using LabelExtent = std::function<LabelSize(std::uint32_t node, bool strong)>;

// Places labels and keeps the result for the next frames (see "Stability while panning").
class LabelPlacer {
public:
    // The labels of this frame, most important first. `graph` must describe the nodes of `view`.
    const std::vector<PlacedLabel>& place(const LabelGraph& graph, const LabelView& view, const LabelExtent& extent);
    const LabelStats& stats() const { return stats_; }
    // Forget the cached placement (another graph).
    void reset();

private:
    struct Key {
        const LabelGraph* graph = nullptr;
        std::size_t nodes = 0;
        std::uint64_t version = 0;
        float scale = 0.0f, gap = 0.0f, cell = 0.0f, inset = 0.0f;
        float canvasWidth = 0.0f, canvasHeight = 0.0f;
        std::uint32_t selected = kNoLabelNode, hovered = kNoLabelNode;
        bool worldMode = false;
        Rect region;                   // world mode: layout units; screen mode: screen px
        std::vector<Rect> obstacles;   // screen mode only
        Vec2 origin;                   // screen mode only
        bool operator==(const Key&) const = default;
    };
    void placeAll(const LabelGraph& graph, const LabelView& view, const LabelExtent& extent, const Rect& region,
                  bool worldMode);

    Key key_;
    bool valid_ = false;
    Vec2 placedOrigin_;              // origin of the frame the cached boxes were placed in
    std::vector<PlacedLabel> placed_; // boxes at placedOrigin_
    std::vector<PlacedLabel> shown_;  // this frame's
    LabelStats stats_;
    // Work buffers, kept to avoid allocating per placement.
    std::vector<std::uint32_t> tried_; // per node: the placement that last tried it
    std::uint32_t epoch_ = 0;
    std::vector<std::uint32_t> region_;
    std::vector<std::uint32_t> discStart_; // the region's discs, binned (label_placement.cpp)
    std::vector<std::pair<std::uint32_t, Rect>> discEntries_, discBoxes_;
    std::vector<std::uint16_t> failures_;
    std::vector<std::int32_t> labelHead_, labelNext_;
};

} // namespace explorer
