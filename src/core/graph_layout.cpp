// Force-directed layout; the contract is in graph_layout.hpp.
//
// [SECTION] helpers: clamping, splitmix64
// [SECTION] construction: input cleaning, initial placement
// [SECTION] stepping and pinning
// [SECTION] forces: links, repulsion (exact and Barnes–Hut), gravity, collision
// [SECTION] overlap search (uniform grid) and final overlap removal
#include "graph_layout.hpp"

#include "sorting.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

// This file is compiled -O3 in the wasm for the force loop (CMakeLists.txt, HOT_LAYOUT_SOURCES).
// What runs once per layout or per reader's gesture (construction, initial placement, pinning,
// bounds) is compiled for size all the same: clang's minsize. 1.6 KB less wasm, 0.4 KB of LZMA,
// and the layout as fast (scripts/bench-layout.mjs).
#if defined(__clang__)
#define EXPLORER_RUNS_ONCE __attribute__((minsize))
#else
#define EXPLORER_RUNS_ONCE
#endif

namespace explorer {

// [SECTION] helpers --------------------------------------------------------------------------

namespace {

constexpr float kDistanceMin2 = 1.0f;   // repulsion is capped below a distance of 1 unit
constexpr int kMaxQuadDepth = 48;       // deeper than float precision can split
constexpr int kQuadLeafSize = 8;        // nodes a leaf holds before it splits
constexpr float kMaxEdgeLength = 1.0e7f;
constexpr std::size_t kMaxExactRepulsion = 2000;
constexpr int kOverlapPassesPerRound = 300;
constexpr int kOverlapRounds = 4;

// cos and sin of the golden angle pi * (3 - sqrt 5): successive spiral slots turn by it.
constexpr double kGoldenCos = -0.7373688780783197;
constexpr double kGoldenSin = 0.6754902942615238;

float clampOr(float value, float low, float high, float fallback) {
    if (!std::isfinite(value)) return fallback;
    return std::clamp(value, low, high);
}

bool finite(Vec2 point) { return std::isfinite(point.x) && std::isfinite(point.y); }

bool usable(Vec2 point) {
    return finite(point) && std::abs(point.x) <= kMaxLayoutCoordinate
           && std::abs(point.y) <= kMaxLayoutCoordinate;
}

LayoutParams cleaned(LayoutParams p) {
    const LayoutParams d;
    p.linkGap = clampOr(p.linkGap, 0.0f, 1.0e6f, d.linkGap);
    p.charge = clampOr(p.charge, 0.0f, 1.0e6f, d.charge);
    p.gravity = clampOr(p.gravity, 0.0f, 1.0f, d.gravity);
    p.collisionPadding = clampOr(p.collisionPadding, 0.0f, 1.0e6f, d.collisionPadding);
    p.collisionStrength = clampOr(p.collisionStrength, 0.0f, 1.0f, d.collisionStrength);
    p.velocityDecay = clampOr(p.velocityDecay, 0.0f, 1.0f, d.velocityDecay);
    p.alphaDecay = clampOr(p.alphaDecay, 0.001f, 1.0f, d.alphaDecay);
    p.alphaMin = clampOr(p.alphaMin, 1.0e-6f, 0.5f, d.alphaMin);
    p.startAlpha = clampOr(p.startAlpha, 0.0f, 1.0f, d.startAlpha);
    p.reheatAlpha = clampOr(p.reheatAlpha, p.alphaMin, 1.0f, d.reheatAlpha);
    p.theta = clampOr(p.theta, 0.3f, 2.0f, d.theta);
    p.exactRepulsionLimit = std::min(p.exactRepulsionLimit, kMaxExactRepulsion);
    return p;
}

// Share of a push taken by the first of two discs: the smaller disc moves more.
double firstShare(double radiusA, double radiusB, bool pinnedA, bool pinnedB) {
    if (pinnedA) return 0.0;
    if (pinnedB) return 1.0;
    const double a2 = radiusA * radiusA;
    const double b2 = radiusB * radiusB;
    return a2 + b2 > 0.0 ? b2 / (a2 + b2) : 0.5;
}

using CellEntry = std::pair<std::uint64_t, std::uint32_t>; // (cell column << 32 | row, node)

// Orders entries by cell, then node, as std::sort did: an LSD radix sort, whose passes are stable,
// over entries that arrive in node order. Rows then columns, each offset from its smallest value,
// a byte a pass, as many bytes as its spread needs (one or two for most layouts). Measured (issue
// 12, "Size"): 0.9 KB of wasm where std::sort's introsort of these pairs took 3.2 KB, and 7 % more
// iterations/s at 1k and 10k nodes. The passes are listed before they run so that the compiler
// (-O3 here) does not unroll a copy of them per byte.
void sortCellEntries(std::vector<CellEntry>& entries) {
    if (entries.size() < 2) return;
    std::uint32_t low[2] = {std::numeric_limits<std::uint32_t>::max(), std::numeric_limits<std::uint32_t>::max()};
    std::uint32_t high[2] = {0, 0};
    for (const CellEntry& e : entries) {
        for (int half = 0; half < 2; ++half) {
            const auto v = static_cast<std::uint32_t>(e.first >> (32 * half));
            low[half] = std::min(low[half], v);
            high[half] = std::max(high[half], v);
        }
    }
    int passes[8]; // 32 * half + shift
    int passCount = 0;
    for (int half = 0; half < 2; ++half)
        for (int shift = 0; shift < 32 && ((high[half] - low[half]) >> shift) != 0; shift += 8)
            passes[passCount++] = 32 * half + shift;
    std::vector<CellEntry> scratch(entries); // every pass overwrites it; a copy is one memcpy
    for (int p = 0; p < passCount; ++p) {
        const int half = passes[p] / 32;
        const int shift = passes[p] % 32;
        const std::uint32_t base = low[half];
        const auto digit = [&](const CellEntry& e) {
            return ((static_cast<std::uint32_t>(e.first >> (32 * half)) - base) >> shift) & 0xFFu;
        };
        std::uint32_t start[257] = {};
        for (const CellEntry& e : entries) ++start[digit(e) + 1];
        for (int d = 0; d < 256; ++d) start[d + 1] += start[d];
        for (const CellEntry& e : entries) scratch[start[digit(e)]++] = e;
        entries.swap(scratch);
    }
}

} // namespace

std::uint64_t GraphLayout::nextRandom() {
    randomState_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = randomState_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// A tiny non-zero offset that breaks exact ties (coincident nodes), as d3-force does.
float GraphLayout::jiggle() {
    const float unit = static_cast<float>(nextRandom() >> 40) * (1.0f / 16777216.0f);
    return (unit - 0.5f) * 1.0e-6f;
}

// [SECTION] construction ---------------------------------------------------------------------

EXPLORER_RUNS_ONCE GraphLayout::GraphLayout(std::vector<LayoutNode> nodes, std::vector<LayoutEdge> edges, LayoutParams params)
    : params_(cleaned(params)), randomState_(params.seed) {
    const std::size_t n = nodes.size();
    radii_.resize(n);
    weights_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        radii_[i] = clampOr(nodes[i].radius, 0.0f, kMaxLayoutRadius, 0.0f);
        weights_[i] = clampOr(nodes[i].weight, 0.0f, 1.0e6f, 0.0f);
    }

    // Keep the first of each undirected pair, in input order, in linear time: the edges are
    // bucketed by their lower end (a counting sort, which keeps input order within a bucket), and
    // in each bucket the first edge to reach a given higher end is the one kept. (A sort of
    // (pair, index) keys did this before, with 4 KB of wasm of its own: issue 12, "Size".)
    const auto valid = [n](const LayoutEdge& e) { return e.a < n && e.b < n && e.a != e.b; };
    // Counts per lower end, shifted by one, then their prefix sums: bucketEnd[low] is where the
    // bucket of `low` starts until its edges are placed, and where it ends after.
    std::vector<std::size_t> bucketEnd(n + 1, 0);
    for (const LayoutEdge& e : edges)
        if (valid(e)) ++bucketEnd[std::min(e.a, e.b) + 1];
    for (std::size_t low = 0; low < n; ++low) bucketEnd[low + 1] += bucketEnd[low];
    std::vector<std::size_t> byLow(bucketEnd[n]);
    for (std::size_t k = 0; k < edges.size(); ++k)
        if (valid(edges[k])) byLow[bucketEnd[std::min(edges[k].a, edges[k].b)]++] = k;
    std::vector<unsigned char> kept(edges.size(), 0);
    std::vector<std::size_t> lastLow(n, n); // the last lower end seen with this higher end
    for (std::size_t low = 0, i = 0; low < n; ++low) {
        for (; i < bucketEnd[low]; ++i) {
            const LayoutEdge& e = edges[byLow[i]];
            std::size_t& seen = lastLow[std::max(e.a, e.b)];
            if (seen == low) continue;
            seen = low;
            kept[byLow[i]] = 1;
        }
    }

    std::vector<int> degree(n, 0);
    for (std::size_t k = 0; k < edges.size(); ++k) {
        if (!kept[k]) continue;
        LayoutEdge e = edges[k];
        e.strength = clampOr(e.strength, 0.0f, 1.0f, 1.0f);
        e.length = clampOr(e.length, 0.0f, kMaxEdgeLength, 0.0f);
        edges_.push_back(e);
        ++degree[e.a];
        ++degree[e.b];
    }
    for (const LayoutEdge& e : edges_) {
        const auto da = static_cast<float>(degree[e.a]);
        const auto db = static_cast<float>(degree[e.b]);
        linkBias_.push_back(da / (da + db));
        linkStrength_.push_back(e.strength / std::min(da, db));
        linkLength_.push_back(e.length > 0.0f ? e.length : radii_[e.a] + radii_[e.b] + params_.linkGap);
    }

    alpha_ = params_.startAlpha;
    velocities_.assign(n, Vec2{});
    pinned_.assign(n, 0);
    pinnedAt_.assign(n, Vec2{});
    quadNext_.assign(n, -1);
    placeInitially(nodes);
    for (std::size_t i = 0; i < n; ++i) {
        if (!nodes[i].pinned) continue;
        pinned_[i] = 1;
        pinnedAt_[i] = positions_[i];
    }
    // A single node has nothing to settle against.
    if (n < 2) {
        alpha_ = 0.0f;
        settled_ = true;
    }
}

// Nodes are laid on a sunflower spiral in breadth-first order from the best-connected nodes, so
// that a hub starts among its neighbours and the simulation has little to untangle. The seed
// shuffles the order of ties and of neighbours, and turns the whole spiral.
EXPLORER_RUNS_ONCE void GraphLayout::placeInitially(const std::vector<LayoutNode>& nodes) {
    const std::size_t n = nodes.size();
    positions_.assign(n, Vec2{});
    if (n == 0) return;

    std::vector<std::vector<std::size_t>> neighbours(n);
    for (const LayoutEdge& e : edges_) {
        neighbours[e.a].push_back(e.b);
        neighbours[e.b].push_back(e.a);
    }
    const auto shuffle = [this](std::vector<std::size_t>& items) {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[static_cast<std::size_t>(nextRandom() % i)]);
    };
    for (auto& list : neighbours) shuffle(list);
    std::vector<std::size_t> starts(n);
    for (std::size_t i = 0; i < n; ++i) starts[i] = i;
    shuffle(starts);
    sortBy(starts, [&](std::size_t a, std::size_t b) {
        return neighbours[a].size() > neighbours[b].size();
    });

    std::vector<std::size_t> order;
    order.reserve(n);
    std::vector<unsigned char> seen(n, 0);
    for (std::size_t start : starts) {
        if (seen[start]) continue;
        seen[start] = 1;
        std::size_t next = order.size();
        order.push_back(start);
        for (; next < order.size(); ++next) {
            for (std::size_t other : neighbours[order[next]]) {
                if (seen[other]) continue;
                seen[other] = 1;
                order.push_back(other);
            }
        }
    }

    double radiusSum = 0.0;
    for (float r : radii_) radiusSum += r;
    const double spacing = std::max(1.0, radiusSum / static_cast<double>(n) + 0.5 * params_.collisionPadding
                                             + 0.25 * params_.linkGap);
    // A seeded direction for slot 1, drawn uniformly in the unit disc and normalised.
    double dirX = 1.0;
    double dirY = 0.0;
    for (int attempt = 0; attempt < 64; ++attempt) {
        const double x = static_cast<double>(nextRandom() >> 11) * 0x1.0p-52 - 1.0;
        const double y = static_cast<double>(nextRandom() >> 11) * 0x1.0p-52 - 1.0;
        const double length2 = x * x + y * y;
        if (length2 > 0.01 && length2 <= 1.0) {
            const double length = std::sqrt(length2);
            dirX = x / length;
            dirY = y / length;
            break;
        }
    }
    for (std::size_t slot = 0; slot < n; ++slot) {
        const std::size_t node = order[slot];
        const double distance = spacing * std::sqrt(static_cast<double>(slot));
        positions_[node] = {static_cast<float>(dirX * distance), static_cast<float>(dirY * distance)};
        const double turnedX = dirX * kGoldenCos - dirY * kGoldenSin;
        const double turnedY = dirX * kGoldenSin + dirY * kGoldenCos;
        const double length = std::sqrt(turnedX * turnedX + turnedY * turnedY);
        dirX = turnedX / length;
        dirY = turnedY / length;
    }
    for (std::size_t i = 0; i < n; ++i)
        if (nodes[i].position && usable(*nodes[i].position)) positions_[i] = *nodes[i].position;
}

// [SECTION] stepping and pinning -------------------------------------------------------------

bool GraphLayout::step(int iterations) {
    for (int k = 0; k < iterations && !settled_; ++k) tick();
    return !settled_;
}

EXPLORER_RUNS_ONCE bool GraphLayout::settle(int maxIterations) {
    step(maxIterations);
    return settled_;
}

void GraphLayout::tick() {
    alpha_ -= alpha_ * params_.alphaDecay;
    applyLinks();
    if (positions_.size() <= params_.exactRepulsionLimit)
        applyRepulsionExact();
    else
        applyRepulsionBarnesHut();
    applyGravity();
    applyCollision();

    const float keep = 1.0f - params_.velocityDecay;
    for (std::size_t i = 0; i < positions_.size(); ++i) {
        Vec2& v = velocities_[i];
        if (pinned_[i]) {
            positions_[i] = pinnedAt_[i];
            v = {};
            continue;
        }
        v.x *= keep;
        v.y *= keep;
        if (!finite(v)) v = {};
        positions_[i].x += v.x;
        positions_[i].y += v.y;
    }
    ++iterations_;
    if (alpha_ < params_.alphaMin) {
        resolveOverlaps();
        for (Vec2& v : velocities_) v = {};
        settled_ = true;
    }
}

EXPLORER_RUNS_ONCE void GraphLayout::pin(std::size_t node, Vec2 at) {
    if (node >= positions_.size() || !usable(at)) return;
    pinned_[node] = 1;
    pinnedAt_[node] = at;
    positions_[node] = at;
    velocities_[node] = {};
    reheat(std::max(alpha_, params_.reheatAlpha));
}

EXPLORER_RUNS_ONCE void GraphLayout::unpin(std::size_t node) {
    if (node < pinned_.size()) pinned_[node] = 0;
}

EXPLORER_RUNS_ONCE void GraphLayout::acceptPositions() {
    alpha_ = 0.0f;
    for (Vec2& v : velocities_) v = {};
    settled_ = true;
}

EXPLORER_RUNS_ONCE void GraphLayout::reheat(float alpha) {
    if (positions_.size() < 2 || !std::isfinite(alpha)) return;
    alpha_ = std::clamp(alpha, 0.0f, 1.0f);
    settled_ = false;
}

EXPLORER_RUNS_ONCE Rect GraphLayout::bounds() const {
    if (positions_.empty()) return {};
    Rect box{{std::numeric_limits<float>::max(), std::numeric_limits<float>::max()},
             {std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()}};
    for (std::size_t i = 0; i < positions_.size(); ++i) {
        const Vec2 p = positions_[i];
        const float r = radii_[i];
        box.min = {std::min(box.min.x, p.x - r), std::min(box.min.y, p.y - r)};
        box.max = {std::max(box.max.x, p.x + r), std::max(box.max.y, p.y + r)};
    }
    return box;
}

// [SECTION] forces ---------------------------------------------------------------------------
// Each force adds to the velocities; none moves a node directly.

// Springs towards the wanted length, looking one step ahead (position + velocity). The end with
// fewer links takes the larger share, so leaves move towards hubs rather than the reverse.
void GraphLayout::applyLinks() {
    for (std::size_t k = 0; k < edges_.size(); ++k) {
        const std::size_t a = edges_[k].a;
        const std::size_t b = edges_[k].b;
        float x = positions_[b].x + velocities_[b].x - positions_[a].x - velocities_[a].x;
        float y = positions_[b].y + velocities_[b].y - positions_[a].y - velocities_[a].y;
        if (x == 0.0f) x = jiggle();
        if (y == 0.0f) y = jiggle();
        const float length = std::sqrt(x * x + y * y);
        const float pull = (length - linkLength_[k]) / length * alpha_ * linkStrength_[k];
        x *= pull;
        y *= pull;
        const float bias = linkBias_[k];
        velocities_[b].x -= x * bias;
        velocities_[b].y -= y * bias;
        velocities_[a].x += x * (1.0f - bias);
        velocities_[a].y += y * (1.0f - bias);
    }
}

void GraphLayout::applyRepulsionExact() {
    const std::size_t n = positions_.size();
    const float scale = -params_.charge * alpha_;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            float x = positions_[j].x - positions_[i].x;
            float y = positions_[j].y - positions_[i].y;
            float l = x * x + y * y;
            if (x == 0.0f) {
                x = jiggle();
                l += x * x;
            }
            if (y == 0.0f) {
                y = jiggle();
                l += y * y;
            }
            if (l < kDistanceMin2) l = std::sqrt(kDistanceMin2 * l);
            const float unit = scale / l;
            velocities_[i].x += x * unit * weights_[j];
            velocities_[i].y += y * unit * weights_[j];
            velocities_[j].x -= x * unit * weights_[i];
            velocities_[j].y -= y * unit * weights_[i];
        }
    }
}

// Barnes–Hut: a distant cell acts as one node at its weighted centre. A cell is distant when its
// side is less than theta times the distance to its centre and it does not hold the node itself.
void GraphLayout::applyRepulsionBarnesHut() {
    const std::size_t n = positions_.size();
    float minX = positions_[0].x, minY = positions_[0].y, maxX = minX, maxY = minY;
    for (const Vec2& p : positions_) {
        minX = std::min(minX, p.x);
        minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x);
        maxY = std::max(maxY, p.y);
    }
    Quad root;
    root.x0 = minX;
    root.y0 = minY;
    root.size = std::max({maxX - minX, maxY - minY, 1.0e-3f}) * 1.0001f;
    quads_.clear();
    quads_.push_back(root);
    std::fill(quadNext_.begin(), quadNext_.end(), -1);

    const auto allAt = [this](int head, Vec2 p) {
        for (int node = head; node >= 0; node = quadNext_[static_cast<std::size_t>(node)])
            if (positions_[static_cast<std::size_t>(node)] != p) return false;
        return true;
    };
    const auto childFor = [this](int q, Vec2 p) {
        const Quad& quad = quads_[static_cast<std::size_t>(q)];
        const float half = quad.size * 0.5f;
        const int right = p.x >= quad.x0 + half ? 1 : 0;
        const int below = p.y >= quad.y0 + half ? 2 : 0;
        return quad.firstChild + right + below;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 p = positions_[i];
        int q = 0;
        for (int depth = 0;; ++depth) {
            Quad& quad = quads_[static_cast<std::size_t>(q)];
            if (quad.firstChild >= 0) {
                q = childFor(q, p);
                continue;
            }
            // A leaf holds up to kQuadLeafSize nodes, more only when they all coincide or
            // precision runs out.
            if (quad.count < kQuadLeafSize || depth >= kMaxQuadDepth || allAt(quad.head, p)) {
                quadNext_[i] = quad.head;
                quad.head = static_cast<int>(i);
                ++quad.count;
                break;
            }
            int chain = quad.head;
            const float half = quad.size * 0.5f;
            const Quad parent = quad;
            const int first = static_cast<int>(quads_.size());
            for (int c = 0; c < 4; ++c) {
                Quad child;
                child.x0 = parent.x0 + ((c & 1) ? half : 0.0f);
                child.y0 = parent.y0 + ((c & 2) ? half : 0.0f);
                child.size = half;
                quads_.push_back(child);
            }
            Quad& split = quads_[static_cast<std::size_t>(q)];
            split.firstChild = first;
            split.head = -1;
            split.count = 0;
            while (chain >= 0) {
                const auto node = static_cast<std::size_t>(chain);
                chain = quadNext_[node];
                Quad& child = quads_[static_cast<std::size_t>(childFor(q, positions_[node]))];
                quadNext_[node] = child.head;
                child.head = static_cast<int>(node);
                ++child.count;
            }
            q = childFor(q, p);
        }
    }
    // Children always come after their parent, so a reverse sweep sees them first.
    for (std::size_t q = quads_.size(); q-- > 0;) {
        Quad& quad = quads_[q];
        float weight = 0.0f, sumX = 0.0f, sumY = 0.0f;
        if (quad.firstChild >= 0) {
            for (int c = 0; c < 4; ++c) {
                const Quad& child = quads_[static_cast<std::size_t>(quad.firstChild + c)];
                weight += child.weight;
                sumX += child.cx * child.weight;
                sumY += child.cy * child.weight;
            }
        } else {
            for (int p = quad.head; p >= 0; p = quadNext_[static_cast<std::size_t>(p)]) {
                const float w = weights_[static_cast<std::size_t>(p)];
                weight += w;
                sumX += positions_[static_cast<std::size_t>(p)].x * w;
                sumY += positions_[static_cast<std::size_t>(p)].y * w;
            }
        }
        quad.weight = weight;
        if (weight > 0.0f) {
            quad.cx = sumX / weight;
            quad.cy = sumY / weight;
        }
    }

    // Visiting nodes leaf by leaf makes consecutive traversals walk the same cells (cache-friendly).
    // Each node only changes its own velocity, so the order matters only for which tie-breaking
    // jiggle a coincident node draws, and it is itself deterministic.
    spatialOrder_.clear();
    quadStack_.assign(1, 0);
    while (!quadStack_.empty()) {
        const Quad& quad = quads_[static_cast<std::size_t>(quadStack_.back())];
        quadStack_.pop_back();
        if (quad.firstChild >= 0) {
            for (int c = 3; c >= 0; --c) quadStack_.push_back(quad.firstChild + c);
            continue;
        }
        for (int node = quad.head; node >= 0; node = quadNext_[static_cast<std::size_t>(node)])
            spatialOrder_.push_back(static_cast<std::uint32_t>(node));
    }

    const float theta2 = params_.theta * params_.theta;
    const float scale = -params_.charge * alpha_;
    for (const std::uint32_t i : spatialOrder_) {
        const Vec2 p = positions_[i];
        Vec2 v = velocities_[i];
        const auto push = [&](float x, float y, float weight) {
            float l = x * x + y * y;
            if (x == 0.0f) {
                x = jiggle();
                l += x * x;
            }
            if (y == 0.0f) {
                y = jiggle();
                l += y * y;
            }
            if (l < kDistanceMin2) l = std::sqrt(kDistanceMin2 * l);
            const float unit = scale * weight / l;
            v.x += x * unit;
            v.y += y * unit;
        };
        quadStack_.assign(1, 0);
        while (!quadStack_.empty()) {
            const Quad& quad = quads_[static_cast<std::size_t>(quadStack_.back())];
            quadStack_.pop_back();
            if (quad.weight <= 0.0f) continue;
            if (quad.firstChild < 0) {
                for (int other = quad.head; other >= 0; other = quadNext_[static_cast<std::size_t>(other)]) {
                    if (static_cast<std::size_t>(other) == i) continue;
                    const Vec2 o = positions_[static_cast<std::size_t>(other)];
                    push(o.x - p.x, o.y - p.y, weights_[static_cast<std::size_t>(other)]);
                }
                continue;
            }
            const float x = quad.cx - p.x;
            const float y = quad.cy - p.y;
            const bool inside = p.x >= quad.x0 && p.x <= quad.x0 + quad.size && p.y >= quad.y0
                                && p.y <= quad.y0 + quad.size;
            if (!inside && quad.size * quad.size < theta2 * (x * x + y * y)) {
                push(x, y, quad.weight);
                continue;
            }
            for (int c = 3; c >= 0; --c) quadStack_.push_back(quad.firstChild + c);
        }
        velocities_[i] = v;
    }
}

void GraphLayout::applyGravity() {
    const float pull = params_.gravity * alpha_;
    for (std::size_t i = 0; i < positions_.size(); ++i) {
        velocities_[i].x -= positions_[i].x * pull;
        velocities_[i].y -= positions_[i].y * pull;
    }
}

// Soft collision on the positions predicted for the end of the iteration: each overlapping pair
// is pushed apart by a share of its overlap. Not scaled by alpha, so it keeps working while cooling.
void GraphLayout::applyCollision() {
    if (params_.collisionStrength <= 0.0f) return;
    predicted_.resize(positions_.size());
    for (std::size_t i = 0; i < positions_.size(); ++i)
        predicted_[i] = {positions_[i].x + velocities_[i].x, positions_[i].y + velocities_[i].y};
    collectCandidatePairs(predicted_);
    for (const auto& [i, j] : candidatePairs_) {
        if (pinned_[i] && pinned_[j]) continue;
        float x = positions_[i].x + velocities_[i].x - positions_[j].x - velocities_[j].x;
        float y = positions_[i].y + velocities_[i].y - positions_[j].y - velocities_[j].y;
        const float reach = radii_[i] + radii_[j] + params_.collisionPadding;
        float l = x * x + y * y;
        if (l >= reach * reach) continue;
        if (x == 0.0f) {
            x = jiggle();
            l += x * x;
        }
        if (y == 0.0f) {
            y = jiggle();
            l += y * y;
        }
        const float length = std::sqrt(l);
        const float push = (reach - length) / length * params_.collisionStrength;
        x *= push;
        y *= push;
        const auto share =
            static_cast<float>(firstShare(radii_[i], radii_[j], pinned_[i] != 0, pinned_[j] != 0));
        velocities_[i].x += x * share;
        velocities_[i].y += y * share;
        velocities_[j].x -= x * (1.0f - share);
        velocities_[j].y -= y * (1.0f - share);
    }
}

// [SECTION] overlap search and removal -------------------------------------------------------

// Discs, grown by half the padding, are binned by centre in a uniform grid whose cell side is the
// largest grown diameter among "small" discs, so two small discs can overlap only if their cells
// touch; each cell is compared with itself and four of its neighbours, so a pair is seen once.
// Discs more than twice the 95th-percentile size ("big", at most 5% of them) would make the grid
// coarse: they are tested against every node instead.
void GraphLayout::collectCandidatePairs(const std::vector<Vec2>& centres) {
    candidatePairs_.clear();
    cellEntries_.clear();
    bigNodes_.clear();
    const std::size_t n = centres.size();
    if (n < 2) return;
    const float halfPad = 0.5f * params_.collisionPadding;
    reach_.resize(n);
    float maxAbs = 0.0f;
    for (std::size_t i = 0; i < n; ++i) {
        reach_[i] = radii_[i] + halfPad;
        maxAbs = std::max({maxAbs, std::abs(centres[i].x), std::abs(centres[i].y)});
    }
    sortedReach_ = reach_;
    const std::size_t q95 = (n - 1) * 95 / 100;
    const auto q95At = sortedReach_.begin() + static_cast<std::ptrdiff_t>(q95);
    std::nth_element(sortedReach_.begin(), q95At, sortedReach_.end());
    const float bigFrom = sortedReach_[q95] > 0.0f ? 2.0f * sortedReach_[q95]
                                                   : std::numeric_limits<float>::max();
    float maxSmall = 0.0f;
    for (std::size_t i = 0; i < n; ++i) {
        if (reach_[i] > bigFrom)
            bigNodes_.push_back(static_cast<std::uint32_t>(i));
        else
            maxSmall = std::max(maxSmall, reach_[i]);
    }
    // Slightly generous (reach_ is rounded to float), so no pair the exact test rejects is missed.
    constexpr double kGenerous = 1.0 + 1.0e-6;
    const auto boxesOverlap = [&](std::size_t i, std::size_t j) {
        const double limit = (static_cast<double>(reach_[i]) + reach_[j]) * kGenerous;
        return std::abs(static_cast<double>(centres[i].x) - centres[j].x) < limit
               && std::abs(static_cast<double>(centres[i].y) - centres[j].y) < limit;
    };

    if (maxSmall > 0.0f) {
        // Cell indices stay well within int32 even for far-flung nodes.
        const double cell = std::max(2.0 * maxSmall * kGenerous, static_cast<double>(maxAbs) * 0x1.0p-28);
        // Biased so that keys sort like (cx, cy) and a neighbour's key is this key plus a constant.
        const auto key = [](std::int64_t cx, std::int64_t cy) {
            return (static_cast<std::uint64_t>(cx + 0x80000000LL) << 32)
                   | static_cast<std::uint64_t>(cy + 0x80000000LL);
        };
        for (std::size_t i = 0; i < n; ++i) {
            if (reach_[i] > bigFrom) continue;
            const auto cx = static_cast<std::int64_t>(std::floor(centres[i].x / cell));
            const auto cy = static_cast<std::int64_t>(std::floor(centres[i].y / cell));
            cellEntries_.push_back({key(cx, cy), static_cast<std::uint32_t>(i)});
        }
        sortCellEntries(cellEntries_);
        const auto comparePair = [&](std::uint32_t i, std::uint32_t j) {
            if (boxesOverlap(i, j)) candidatePairs_.push_back({std::min(i, j), std::max(i, j)});
        };
        // Right, lower left, below, lower right: with the cell itself, every touching pair once.
        const std::uint64_t origin = key(0, 0);
        const std::uint64_t offsets[4] = {key(1, 0) - origin, key(-1, 1) - origin, key(0, 1) - origin,
                                          key(1, 1) - origin};
        std::size_t cursors[4] = {0, 0, 0, 0}; // wanted keys only grow, so cursors only advance
        const std::size_t count = cellEntries_.size();
        for (std::size_t begin = 0; begin < count;) {
            const std::uint64_t here = cellEntries_[begin].first;
            std::size_t end = begin + 1;
            while (end < count && cellEntries_[end].first == here) ++end;
            for (std::size_t a = begin; a < end; ++a)
                for (std::size_t b = a + 1; b < end; ++b)
                    comparePair(cellEntries_[a].second, cellEntries_[b].second);
            for (int k = 0; k < 4; ++k) {
                const std::uint64_t wanted = here + offsets[k];
                std::size_t& cursor = cursors[k];
                while (cursor < count && cellEntries_[cursor].first < wanted) ++cursor;
                for (std::size_t other = cursor; other < count && cellEntries_[other].first == wanted;
                     ++other)
                    for (std::size_t a = begin; a < end; ++a)
                        comparePair(cellEntries_[a].second, cellEntries_[other].second);
            }
            begin = end;
        }
    }
    for (std::size_t k = 0; k < bigNodes_.size(); ++k) {
        const std::uint32_t big = bigNodes_[k];
        for (std::uint32_t j = 0; j < n; ++j) {
            // Big-big pairs are compared once, from the earlier big node.
            const bool laterBig = reach_[j] > bigFrom && j <= big;
            if (j == big || laterBig || !boxesOverlap(big, j)) continue;
            candidatePairs_.push_back({std::min(big, j), std::max(big, j)});
        }
    }
}

// Moves discs apart, positions only, until a full search finds no overlap. Distances are checked
// in double on the stored floats, and each push overshoots by a hair (more than float rounding)
// so that a pass never undoes itself. If passes alone do not converge (a crowd pinned in place),
// the free nodes are spread out from their centroid by the worst remaining ratio, which removes
// every overlap between free nodes at once.
void GraphLayout::resolveOverlaps() {
    const std::size_t n = positions_.size();
    const double padding = params_.collisionPadding;
    for (int round = 0; round < kOverlapRounds; ++round) {
        for (int pass = 0; pass < kOverlapPassesPerRound; ++pass) {
            collectCandidatePairs(positions_);
            double maxAbs = 0.0;
            for (const Vec2& p : positions_)
                maxAbs = std::max({maxAbs, static_cast<double>(std::abs(p.x)),
                                   static_cast<double>(std::abs(p.y))});
            const double roundingSlack = maxAbs * 0x1.0p-20;
            bool moved = false;
            for (const auto& [i, j] : candidatePairs_) {
                if (pinned_[i] && pinned_[j]) continue;
                double x = static_cast<double>(positions_[i].x) - positions_[j].x;
                double y = static_cast<double>(positions_[i].y) - positions_[j].y;
                const double target = static_cast<double>(radii_[i]) + radii_[j] + padding;
                const double distance2 = x * x + y * y;
                if (distance2 >= target * target) continue;
                moved = true;
                double distance = std::sqrt(distance2);
                if (distance == 0.0) {
                    x = static_cast<double>(jiggle());
                    y = static_cast<double>(jiggle());
                    distance = std::sqrt(x * x + y * y);
                }
                const double push = (target - distance + 1.0e-4 * target + roundingSlack) / distance;
                const double share = firstShare(radii_[i], radii_[j], pinned_[i] != 0, pinned_[j] != 0);
                positions_[i].x = static_cast<float>(positions_[i].x + x * push * share);
                positions_[i].y = static_cast<float>(positions_[i].y + y * push * share);
                positions_[j].x = static_cast<float>(positions_[j].x - x * push * (1.0 - share));
                positions_[j].y = static_cast<float>(positions_[j].y - y * push * (1.0 - share));
            }
            if (!moved) return;
        }
        if (round + 1 == kOverlapRounds) return;
        double ratio = 1.0;
        for (const auto& [i, j] : candidatePairs_) {
            const double x = static_cast<double>(positions_[i].x) - positions_[j].x;
            const double y = static_cast<double>(positions_[i].y) - positions_[j].y;
            const double distance = std::sqrt(x * x + y * y);
            const double target = static_cast<double>(radii_[i]) + radii_[j] + padding;
            if (distance > 0.0 && distance < target) ratio = std::max(ratio, target / distance);
        }
        double centreX = 0.0, centreY = 0.0;
        for (const Vec2& p : positions_) {
            centreX += p.x;
            centreY += p.y;
        }
        centreX /= static_cast<double>(n);
        centreY /= static_cast<double>(n);
        ratio *= 1.001;
        for (std::size_t i = 0; i < n; ++i) {
            if (pinned_[i]) continue;
            positions_[i].x = static_cast<float>(centreX + (positions_[i].x - centreX) * ratio);
            positions_[i].y = static_cast<float>(centreY + (positions_[i].y - centreY) * ratio);
        }
    }
}

} // namespace explorer
