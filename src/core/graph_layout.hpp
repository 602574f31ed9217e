// Force-directed layout of the network view: nodes are discs, edges are springs.
//
// Units. Positions, radii, lengths and paddings share one "layout unit". The defaults (gaps of
// 30, padding of 2) suit radii given in screen pixels; the view then scales bounds() to fit
// (Camera::zoom 1 = fit). A weak gravity keeps the layout centred on the origin.
//
// Model (close to d3-force): every iteration applies, in this order, edge springs, a repulsion
// between all nodes (exact pairs for small graphs, a Barnes–Hut quadtree above
// LayoutParams::exactRepulsionLimit, so one iteration costs O(n log n + edges)), a gravity towards
// the origin that keeps disconnected components together, and a soft collision between discs.
// Every force but the collision is scaled by `alpha`, which starts at LayoutParams::startAlpha
// (1) and decays geometrically.
//
// Settling. When alpha falls below alphaMin, a final pass moves nodes apart (positions only)
// until no two discs overlap, then the layout is settled: step() returns false, positions stop
// changing and settled() stays true until pin() or reheat(). With the default parameters this
// happens after 300 iterations (ceil(log(alphaMin) / log(1 - alphaDecay))), 248 after a pin();
// whatever the parameters, clamping bounds it by about 13,800. After settling, every pair of
// nodes that are not both pinned satisfies
//     distance(centre a, centre b) >= radius a + radius b + collisionPadding
// (the one exception: free nodes walled in by pinned ones with no room left, where the final
// pass gives up after a bounded effort).
//
// Determinism. The result depends only on the nodes, the edges (in order) and the parameters:
// same inputs and seed give bit-identical positions on every run. The code draws its randomness
// from a seeded splitmix64, never iterates unordered containers and uses only + - * / and sqrt,
// which IEEE 754 rounds the same way on every platform: native and wasm builds agree as long as
// the compiler does not fuse multiply-adds (GCC in ISO mode does not; wasm has no fused
// multiply-add). A different seed gives a different layout.
//
// Robustness. Invalid input is tolerated, never fatal: edges with an end out of range,
// self-loops and duplicates (a-b after a-b or b-a) are ignored; non-finite or negative radii and
// weights count as 0; radii are capped at kMaxLayoutRadius; a non-finite edge strength counts as
// 1 and a non-finite length as the default; starting and pinned points that are not finite or
// lie beyond kMaxLayoutCoordinate are ignored. Positions stay finite even with coincident nodes
// and zero-length edges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace explorer {

struct Vec2 {
    float x = 0.0f;
    float y = 0.0f;
    bool operator==(const Vec2&) const = default;
};

// Axis-aligned box; for an empty layout min == max == (0, 0).
struct Rect {
    Vec2 min;
    Vec2 max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    Vec2 centre() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
    bool operator==(const Rect&) const = default;
};

inline constexpr float kMaxLayoutRadius = 1.0e6f;
inline constexpr float kMaxLayoutCoordinate = 1.0e9f; // farther starting or pinned points are ignored

struct LayoutNode {
    float radius = 0.0f;                // disc drawn for the node; collisions respect it
    float weight = 1.0f;                // scales the node's repulsion (0 = repels nothing)
    std::optional<Vec2> position;       // start here instead of the seeded spiral slot
    bool pinned = false;                // never moves (at `position`, or its spiral slot)
};

struct LayoutEdge {
    std::size_t a = 0;
    std::size_t b = 0;
    float strength = 1.0f; // in [0, 1], times the stiffness 1 / min(degree a, degree b)
    float length = 0.0f;   // wanted centre-to-centre distance; <= 0 = radius a + radius b + linkGap
};

// Out-of-range values are clamped to the nearest sensible one, so that the layout always settles.
struct LayoutParams {
    std::uint64_t seed = 1;
    float linkGap = 30.0f;            // free space between the discs of linked nodes
    float charge = 30.0f;             // repulsion of a weight-1 node (d3's -30)
    float gravity = 0.05f;            // pull towards the origin, per unit of distance
    float collisionPadding = 2.0f;    // minimum free space between any two discs
    float collisionStrength = 0.7f;   // share of an overlap removed per iteration while cooling
    float velocityDecay = 0.4f;       // friction: share of the velocity lost per iteration
    float alphaDecay = 0.0228f;       // in [0.001, 1]; 0.0228 settles in 300 iterations
    float alphaMin = 0.001f;          // in [1e-6, 0.5]
    float startAlpha = 1.0f;          // in [0, 1]; lower it (e.g. 0.1) when nodes start from a
                                      // previous layout, so the picture is adjusted, not redone
    float reheatAlpha = 0.3f;         // alpha restored by pin()
    float theta = 0.9f;               // Barnes–Hut accuracy, in [0.3, 2] (smaller = more exact)
    std::size_t exactRepulsionLimit = 400; // up to this node count (at most 2000), exact repulsion
};

class GraphLayout {
public:
    GraphLayout(std::vector<LayoutNode> nodes, std::vector<LayoutEdge> edges, LayoutParams params = {});

    // Runs up to `iterations` iterations (stopping early once settled). Returns true while the
    // layout is still moving, false once it is settled. The call that settles still moves nodes:
    // draw its positions, then the caller can stop redrawing until pin() or reheat().
    bool step(int iterations = 1);
    bool settled() const { return settled_; }
    // Steps until settled or until maxIterations have run; returns settled().
    bool settle(int maxIterations = 1000);

    const std::vector<Vec2>& positions() const { return positions_; }
    std::size_t nodeCount() const { return positions_.size(); }
    // Smallest box holding every disc (radius included); (0,0)-(0,0) when there is no node.
    Rect bounds() const;
    // Iterations run since construction, reheats included.
    int iterations() const { return iterations_; }
    float alpha() const { return alpha_; }
    // Edges kept after dropping self-loops, duplicates and out-of-range ends, in input order.
    const std::vector<LayoutEdge>& edges() const { return edges_; }

    // Dragging: pin() holds `node` at `at` (call it on every pointer move) and reheats the layout
    // so the others follow; unpin() releases it and lets the layout cool down again. Invalid
    // nodes or non-finite points are ignored.
    void pin(std::size_t node, Vec2 at);
    void unpin(std::size_t node);
    bool pinned(std::size_t node) const { return node < pinned_.size() && pinned_[node] != 0; }
    // Takes the positions as they are for final: settled() becomes true without an iteration or
    // the final overlap pass (for positions a finished layout wrote down, which already keep
    // discs apart; others are kept as given). pin() or reheat() start it again.
    void acceptPositions();
    // Restarts the simulation at the given alpha (e.g. after the reader asks for a new layout).
    void reheat(float alpha);

private:
    // A Barnes–Hut cell: a square, the weighted centre of the nodes inside, and either four
    // children (firstChild..firstChild+3) or a chain of nodes (head, then quadNext_).
    struct Quad {
        float x0 = 0.0f;
        float y0 = 0.0f;
        float size = 0.0f;
        float cx = 0.0f;
        float cy = 0.0f;
        float weight = 0.0f;
        int firstChild = -1;
        int head = -1;
        int count = 0;
    };

    void placeInitially(const std::vector<LayoutNode>& nodes);
    void tick();
    void applyLinks();
    void applyRepulsionExact();
    void applyRepulsionBarnesHut();
    void applyGravity();
    void applyCollision();
    void resolveOverlaps();
    // Pairs (i < j) whose inflated discs, centred at `centres`, may overlap; deterministic order.
    void collectCandidatePairs(const std::vector<Vec2>& centres);
    float jiggle();
    std::uint64_t nextRandom();

    LayoutParams params_;
    std::vector<LayoutEdge> edges_;
    std::vector<float> radii_;
    std::vector<float> weights_;
    std::vector<Vec2> positions_;
    std::vector<Vec2> velocities_;
    std::vector<Vec2> pinnedAt_;
    std::vector<unsigned char> pinned_;
    std::vector<float> linkBias_;     // per edge: share of the correction taken by end b
    std::vector<float> linkStrength_; // per edge
    std::vector<float> linkLength_;   // per edge

    // Scratch buffers, kept to avoid reallocating every iteration.
    std::vector<Quad> quads_;
    std::vector<int> quadNext_;       // per node: next node in the same quadtree leaf, or -1
    std::vector<int> quadStack_;
    std::vector<std::uint32_t> spatialOrder_;
    std::vector<Vec2> predicted_;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> cellEntries_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> candidatePairs_;
    std::vector<std::uint32_t> bigNodes_;
    std::vector<float> reach_;
    std::vector<float> sortedReach_;

    std::uint64_t randomState_ = 0;
    float alpha_ = 1.0f;
    int iterations_ = 0;
    bool settled_ = false;
};

} // namespace explorer
