// Labels by level of detail: the rule and its costs are in label_placement.hpp.
#include "core/label_placement.hpp"

#include "core/network_layout.hpp"
#include "core/sorting.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace explorer {
namespace {

bool finite(float v) { return std::isfinite(v); }

// Strict: labels that only touch do not overlap (the view packs them edge to edge).
bool overlaps(const Rect& a, const Rect& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

bool within(const Rect& inner, const Rect& outer) {
    return inner.min.x >= outer.min.x && inner.min.y >= outer.min.y && inner.max.x <= outer.max.x
           && inner.max.y <= outer.max.y;
}

bool containsPoint(const Rect& r, Vec2 p) { return p.x >= r.min.x && p.x < r.max.x && p.y >= r.min.y && p.y < r.max.y; }

int tierOf(const LabelNodeFacts& n) {
    if (n.kind == EntityKind::Project) return 0;
    if (n.severalProjects) return 1;
    return 2;
}

int kindRank(EntityKind kind) {
    switch (kind) {
    case EntityKind::Project: return 0;
    case EntityKind::Initiative: return 1;
    case EntityKind::Model: return 2;
    case EntityKind::Organisation: break;
    }
    return 3;
}

// A uniform grid over a screen rectangle: which cell holds a point, which cells a box spans
// (clamped to the grid, so boxes reaching past the region land in its border cells).
struct Grid {
    Vec2 origin;
    float cell = 1.0f;
    int columns = 1, rows = 1;

    Grid() = default;
    Grid(const Rect& area, float size, std::size_t maxCells) : origin(area.min), cell(std::max(size, 0.5f)) {
        // A degenerate or gigantic area must not allocate without bound: coarser cells instead.
        const double w = std::max(static_cast<double>(area.width()), 1.0);
        const double h = std::max(static_cast<double>(area.height()), 1.0);
        const double wanted = (w / cell + 1.0) * (h / cell + 1.0);
        if (wanted > static_cast<double>(maxCells)) cell = static_cast<float>(cell * std::sqrt(wanted / static_cast<double>(maxCells)) * 1.01);
        columns = static_cast<int>(w / cell) + 1;
        rows = static_cast<int>(h / cell) + 1;
    }
    std::size_t count() const { return static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows); }
    int column(float x) const { return bin(x - origin.x, columns); }
    int row(float y) const { return bin(y - origin.y, rows); }
    std::size_t at(Vec2 p) const { return static_cast<std::size_t>(row(p.y)) * columns + column(p.x); }

private:
    int bin(float offset, int count) const {
        // Clamped as floats first: a far-off box must not overflow the conversion.
        const float at = offset / cell;
        if (!(at > 0.0f)) return 0;
        return static_cast<int>(std::min(at, static_cast<float>(count - 1)));
    }
};

// Node discs (their bounding boxes) binned in a grid: each disc is listed in every cell its box
// spans, so a label only looks at the discs of the cells it spans. Built in two passes (count,
// then fill) over the region's discs: no allocation per cell.
class DiscGrid {
public:
    using Disc = std::pair<std::uint32_t, Rect>; // node, box
    DiscGrid(const Rect& area, float cell, std::vector<std::uint32_t>& start, std::vector<Disc>& entries,
             std::vector<Disc>& discs)
        : grid_(area, cell, 1u << 18), start_(start), entries_(entries), discs_(discs) {
        discs_.clear();
    }
    void add(std::uint32_t node, const Rect& box) { discs_.emplace_back(node, box); }
    void finish() {
        start_.assign(grid_.count() + 1, 0);
        for (const auto& [node, box] : discs_) forCells(box, [&](std::size_t c) { ++start_[c + 1]; });
        for (std::size_t c = 0; c < grid_.count(); ++c) start_[c + 1] += start_[c];
        entries_.resize(start_[grid_.count()]);
        std::vector<std::uint32_t>& fill = fill_;
        fill.assign(start_.begin(), start_.end() - 1);
        // The boxes themselves, not indices: a test reads a cell's discs in a row (at 100k nodes an
        // index into the disc list was a cache miss per disc, and most of a placement's time).
        for (const Disc& disc : discs_) forCells(disc.second, [&](std::size_t c) { entries_[fill[c]++] = disc; });
    }
    // Whether `box` covers the disc of a node other than `self`.
    bool coversOther(const Rect& box, std::uint32_t self) const {
        bool covered = false;
        forCells(box, [&](std::size_t c) {
            for (std::uint32_t k = start_[c]; k < start_[c + 1] && !covered; ++k) {
                const auto& [node, disc] = entries_[k];
                covered = node != self && overlaps(box, disc);
            }
        });
        return covered;
    }

private:
    template <typename Visit>
    void forCells(const Rect& box, Visit&& visit) const {
        const int c0 = grid_.column(box.min.x), c1 = grid_.column(box.max.x);
        const int r0 = grid_.row(box.min.y), r1 = grid_.row(box.max.y);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) visit(static_cast<std::size_t>(r) * static_cast<std::size_t>(grid_.columns) + c);
    }
    Grid grid_;
    std::vector<std::uint32_t>& start_;
    std::vector<Disc>& entries_;
    std::vector<Disc>& discs_;
    std::vector<std::uint32_t> fill_;
};

} // namespace

LabelGraph buildLabelGraph(std::span<const LabelNodeFacts> nodes,
                           std::span<const std::pair<std::uint32_t, std::uint32_t>> edges) {
    LabelGraph g;
    const std::size_t n = nodes.size();
    std::vector<std::uint32_t> degree(n, 0);
    for (const auto& [a, b] : edges)
        if (a != b && a < n && b < n) ++degree[a], ++degree[b];
    g.start.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) g.start[i + 1] = g.start[i] + degree[i];
    g.neighbours.resize(g.start[n]);
    std::vector<std::uint32_t> fill(g.start.begin(), g.start.end() - 1);
    for (const auto& [a, b] : edges) {
        if (a == b || a >= n || b >= n) continue;
        g.neighbours[fill[a]++] = b;
        g.neighbours[fill[b]++] = a;
    }
    g.order.resize(n);
    for (std::size_t i = 0; i < n; ++i) g.order[i] = static_cast<std::uint32_t>(i);
    sortBy(g.order, [&](std::uint32_t a, std::uint32_t b) {
        const int ta = tierOf(nodes[a]), tb = tierOf(nodes[b]);
        if (ta != tb) return ta < tb;
        if (ta == 1 && nodes[a].projects != nodes[b].projects) return nodes[a].projects > nodes[b].projects;
        if (degree[a] != degree[b]) return degree[a] > degree[b];
        const int ka = kindRank(nodes[a].kind), kb = kindRank(nodes[b].kind);
        if (ka != kb) return ka < kb;
        return a < b;
    });
    g.rank.resize(n);
    for (std::size_t i = 0; i < n; ++i) g.rank[g.order[i]] = static_cast<std::uint32_t>(i);
    g.strongCount = static_cast<std::size_t>(
        std::count_if(nodes.begin(), nodes.end(), [](const LabelNodeFacts& f) { return tierOf(f) < 2; }));
    return g;
}

LabelGraph buildLabelGraph(const Dataset& dataset, const NetworkLayout& layout) {
    std::vector<LabelNodeFacts> facts;
    facts.reserve(layout.nodes().size());
    for (const NetworkNode& node : layout.nodes()) {
        LabelNodeFacts f;
        f.kind = node.kind;
        f.severalProjects = node.severalProjects;
        if (node.kind == EntityKind::Organisation && node.entity < dataset.entities.size())
            f.projects = static_cast<std::uint32_t>(dataset.memberProjects(node.entity).size());
        facts.push_back(f);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    edges.reserve(layout.edges().size());
    for (const NetworkEdge& edge : layout.edges())
        edges.emplace_back(static_cast<std::uint32_t>(edge.a), static_cast<std::uint32_t>(edge.b));
    return buildLabelGraph(facts, edges);
}

std::size_t labelCandidates(Vec2 centre, float radius, LabelSize size, Vec2 outward, std::array<LabelCandidate, 8>& out) {
    constexpr float kDiagonal = 0.70710678f;
    struct Direction {
        Vec2 d;
        LabelPlace place;
    };
    static constexpr std::array<Direction, 8> kDirections{{{{0, 1}, LabelPlace::Below},
                                                           {{0, -1}, LabelPlace::Above},
                                                           {{1, 0}, LabelPlace::Right},
                                                           {{-1, 0}, LabelPlace::Left},
                                                           {{kDiagonal, kDiagonal}, LabelPlace::BelowRight},
                                                           {{-kDiagonal, kDiagonal}, LabelPlace::BelowLeft},
                                                           {{kDiagonal, -kDiagonal}, LabelPlace::AboveRight},
                                                           {{-kDiagonal, -kDiagonal}, LabelPlace::AboveLeft}}};
    std::array<std::size_t, 8> order{0, 1, 2, 3, 4, 5, 6, 7};
    std::size_t count = 4; // without a clear outward direction, the four sides only
    if (finite(outward.x) && finite(outward.y) && outward.x * outward.x + outward.y * outward.y >= 0.25f) {
        count = 8;
        sortBy(order, [&](std::size_t a, std::size_t b) {
            const auto score = [&](Vec2 d) { return d.x * outward.x + d.y * outward.y; };
            return score(kDirections[a].d) > score(kDirections[b].d);
        });
    }
    const float w = size.width, h = size.height;
    for (std::size_t i = 0; i < count; ++i) {
        const Vec2 d = kDirections[order[i]].d;
        const Vec2 touch{centre.x + d.x * radius, centre.y + d.y * radius};
        const float x = d.x > 0.3f ? touch.x : d.x < -0.3f ? touch.x - w : touch.x - w * 0.5f;
        const float y = d.y > 0.3f ? touch.y : d.y < -0.3f ? touch.y - h : touch.y - h * 0.5f;
        out[i] = LabelCandidate{Rect{{x, y}, {x + w, y + h}}, kDirections[order[i]].place};
    }
    return count;
}

void LabelPlacer::reset() {
    valid_ = false;
    placed_.clear();
    shown_.clear();
    key_ = Key{};
}

const std::vector<PlacedLabel>& LabelPlacer::place(const LabelGraph& graph, const LabelView& view,
                                                   const LabelExtent& extent) {
    stats_ = LabelStats{};
    shown_.clear();
    const std::size_t n = graph.size();
    const bool usable = view.at.size() == n && view.radius.size() == n && finite(view.scale) && view.scale > 0.0f
                        && finite(view.origin.x) && finite(view.origin.y) && view.canvas.width() > 0.0f
                        && view.canvas.height() > 0.0f && finite(view.cell) && view.cell > 0.0f;
    if (!usable || n == 0) {
        valid_ = false;
        return shown_;
    }
    const auto screenOf = [&](std::size_t i) {
        return Vec2{view.origin.x + view.at[i].x * view.scale, view.origin.y + view.at[i].y * view.scale};
    };

    // Screen mode when the whole (small) graph is on screen; world mode otherwise.
    bool worldMode = n > kScreenModeMaxNodes;
    for (std::size_t i = 0; i < n && !worldMode; ++i) {
        const Vec2 c = screenOf(i);
        const float r = view.radius[i];
        worldMode = !within(Rect{{c.x - r, c.y - r}, {c.x + r, c.y + r}}, view.canvas);
    }

    Key key;
    key.graph = &graph;
    key.nodes = n;
    key.version = view.version;
    key.scale = view.scale;
    key.gap = view.gap;
    key.cell = view.cell;
    key.inset = view.inset;
    key.canvasWidth = view.canvas.width();
    key.canvasHeight = view.canvas.height();
    key.selected = view.selected;
    key.hovered = view.hovered;
    key.worldMode = worldMode;
    Rect screenRegion;
    if (worldMode) {
        // Tiles a quarter of the canvas' longer side, in layout units, aligned on layout (0, 0).
        const double tile = std::max(view.canvas.width(), view.canvas.height()) * 0.25 / view.scale;
        const auto toWorld = [&](float s, float o) { return (static_cast<double>(s) - o) / view.scale; };
        const double x0 = toWorld(view.canvas.min.x, view.origin.x) - tile * 0.5;
        const double y0 = toWorld(view.canvas.min.y, view.origin.y) - tile * 0.5;
        const double x1 = toWorld(view.canvas.max.x, view.origin.x) + tile * 0.5;
        const double y1 = toWorld(view.canvas.max.y, view.origin.y) + tile * 0.5;
        key.region = Rect{{static_cast<float>(std::floor(x0 / tile) * tile), static_cast<float>(std::floor(y0 / tile) * tile)},
                          {static_cast<float>(std::ceil(x1 / tile) * tile), static_cast<float>(std::ceil(y1 / tile) * tile)}};
        screenRegion = Rect{{view.origin.x + key.region.min.x * view.scale, view.origin.y + key.region.min.y * view.scale},
                            {view.origin.x + key.region.max.x * view.scale, view.origin.y + key.region.max.y * view.scale}};
    } else {
        key.region = Rect{{view.canvas.min.x + view.inset, view.canvas.min.y + view.inset},
                          {view.canvas.max.x - view.inset, view.canvas.max.y - view.inset}};
        key.obstacles.assign(view.obstacles.begin(), view.obstacles.end());
        key.origin = view.origin;
        screenRegion = key.region;
    }
    stats_.worldMode = worldMode;

    if (!(valid_ && key == key_)) {
        key_ = std::move(key);
        placeAll(graph, view, extent, screenRegion, worldMode);
        placedOrigin_ = view.origin;
        valid_ = true;
        stats_.placed = true;
    }
    const float dx = view.origin.x - placedOrigin_.x, dy = view.origin.y - placedOrigin_.y;
    shown_.reserve(placed_.size());
    for (PlacedLabel label : placed_) {
        label.box.min.x += dx, label.box.max.x += dx;
        label.box.min.y += dy, label.box.max.y += dy;
        shown_.push_back(label);
    }
    return shown_;
}

void LabelPlacer::placeAll(const LabelGraph& graph, const LabelView& view, const LabelExtent& extent,
                           const Rect& region, bool worldMode) {
    placed_.clear();
    const std::size_t n = graph.size();
    const auto screenOf = [&](std::size_t i) {
        return Vec2{view.origin.x + view.at[i].x * view.scale, view.origin.y + view.at[i].y * view.scale};
    };
    const auto discOf = [&](std::size_t i) {
        const Vec2 c = screenOf(i);
        const float r = finite(view.radius[i]) ? std::max(view.radius[i], 0.0f) : 0.0f;
        return Rect{{c.x - r, c.y - r}, {c.x + r, c.y + r}};
    };

    // Culling: discs reaching into the region are obstacles; nodes centred in it are candidates.
    DiscGrid discs(region, view.cell * 0.5f, discStart_, discEntries_, discBoxes_);
    region_.clear();
    for (std::size_t i = 0; i < n; ++i) {
        const Rect disc = discOf(i);
        if (!overlaps(disc, region)) continue;
        discs.add(static_cast<std::uint32_t>(i), disc);
        if (containsPoint(region, screenOf(i))) region_.push_back(static_cast<std::uint32_t>(i));
    }
    discs.finish();
    stats_.inRegion = region_.size();

    // The region's nodes by importance: sorted when few, picked out of the order when many.
    if (tried_.size() != n) tried_.assign(n, 0);
    const auto nextEpoch = [&] {
        if (++epoch_ == 0) {
            std::fill(tried_.begin(), tried_.end(), 0);
            epoch_ = 1;
        }
        return epoch_;
    };
    const double logV = std::log2(static_cast<double>(region_.size()) + 2.0);
    if (static_cast<double>(region_.size()) * logV < static_cast<double>(n)) {
        sortBy(region_, [&](std::uint32_t a, std::uint32_t b) { return graph.rank[a] < graph.rank[b]; });
    } else {
        const std::uint32_t inRegion = nextEpoch();
        for (std::uint32_t i : region_) tried_[i] = inRegion;
        region_.clear();
        for (std::uint32_t i : graph.order)
            if (tried_[i] == inRegion) region_.push_back(i);
    }
    const std::uint32_t epoch = nextEpoch();

    const Grid grid(region, view.cell, 1u << 18);
    failures_.assign(grid.count(), 0);
    labelHead_.assign(grid.count(), -1);
    labelNext_.clear();
    // A label spanning several cells is listed in each: entries are (label, next) pairs.
    std::vector<std::int32_t> entryLabel;
    const auto addLabel = [&](const PlacedLabel& label) {
        const std::int32_t index = static_cast<std::int32_t>(placed_.size());
        placed_.push_back(label);
        const int c0 = grid.column(label.box.min.x), c1 = grid.column(label.box.max.x);
        const int r0 = grid.row(label.box.min.y), r1 = grid.row(label.box.max.y);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) {
                const std::size_t cell = static_cast<std::size_t>(r) * grid.columns + c;
                entryLabel.push_back(index);
                labelNext_.push_back(labelHead_[cell]);
                labelHead_[cell] = static_cast<std::int32_t>(labelNext_.size() - 1);
            }
    };
    const auto clearOf = [&](const Rect& box) {
        const int c0 = grid.column(box.min.x), c1 = grid.column(box.max.x);
        const int r0 = grid.row(box.min.y), r1 = grid.row(box.max.y);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                for (std::int32_t k = labelHead_[static_cast<std::size_t>(r) * grid.columns + c]; k >= 0; k = labelNext_[k])
                    if (overlaps(box, placed_[static_cast<std::size_t>(entryLabel[k])].box)) return false;
        if (!worldMode)
            for (const Rect& o : view.obstacles)
                if (overlaps(box, o)) return false;
        return true;
    };

    bool full = false;
    const auto attempt = [&](std::uint32_t node, bool forced) {
        if (node >= n || tried_[node] == epoch) return;
        tried_[node] = epoch;
        const Vec2 c = screenOf(node);
        if (!containsPoint(region, c)) return;
        const std::size_t cell = grid.at(c);
        if (!forced && (full || failures_[cell] >= kFailuresPerCell)) return;
        if (!forced && ++stats_.attempts > kMaxAttempts) {
            full = true;
            return;
        }
        if (forced) ++stats_.attempts;
        const bool strong = forced || graph.strong(node);
        const LabelSize size = extent(node, strong);
        bool done = false;
        if (finite(size.width) && finite(size.height) && size.width > 0.0f && size.height > 0.0f) {
            // Away from the neighbours, from the first few (a hub's few thousand would cost more
            // than the rest of its placement and hardly change the direction).
            Vec2 outward{0, 0};
            const Vec2 a = view.at[node];
            const std::uint32_t end = std::min<std::uint32_t>(graph.start[node + 1], graph.start[node] + kOutwardNeighbours);
            for (std::uint32_t k = graph.start[node]; k < end; ++k) {
                const Vec2 o = view.at[graph.neighbours[k]];
                const float ex = a.x - o.x, ey = a.y - o.y;
                const float length = std::sqrt(ex * ex + ey * ey);
                if (length > 0.0f && finite(length)) outward = Vec2{outward.x + ex / length, outward.y + ey / length};
            }
            const float r = (finite(view.radius[node]) ? std::max(view.radius[node], 0.0f) : 0.0f) + view.gap;
            std::array<LabelCandidate, 8> places;
            const std::size_t count = labelCandidates(c, r, size, outward, places);
            for (int pass = 0; pass < (strong ? 2 : 1) && !done; ++pass) {
                for (std::size_t i = 0; i < count; ++i) {
                    ++stats_.tests;
                    const Rect& box = places[i].box;
                    if (!within(box, region) || !clearOf(box)) continue;
                    if (pass == 0 && discs.coversOther(box, node)) continue;
                    addLabel(PlacedLabel{node, box, places[i].place, strong});
                    done = true;
                    break;
                }
            }
            if (!done && strong && count > 0) {
                Rect box = places[0].box;
                const float dx = std::max(region.min.x - box.min.x, 0.0f) - std::max(box.max.x - region.max.x, 0.0f);
                const float dy = std::max(region.min.y - box.min.y, 0.0f) - std::max(box.max.y - region.max.y, 0.0f);
                box = Rect{{box.min.x + dx, box.min.y + dy}, {box.max.x + dx, box.max.y + dy}};
                ++stats_.tests;
                if ((dx != 0.0f || dy != 0.0f) && within(box, region) && clearOf(box)) {
                    addLabel(PlacedLabel{node, box, LabelPlace::Pushed, strong});
                    done = true;
                }
            }
        }
        if (!done && failures_[cell] < std::numeric_limits<std::uint16_t>::max()) ++failures_[cell];
    };

    attempt(view.selected, true);
    attempt(view.hovered, true);
    std::size_t next = 0;
    for (; next < region_.size() && graph.rank[region_[next]] < graph.strongCount; ++next) attempt(region_[next], false);
    // The focus' neighbours come right after the strong nodes, by importance.
    const std::uint32_t focus = view.hovered != kNoLabelNode ? view.hovered : view.selected;
    if (focus < n) {
        std::vector<std::uint32_t> around(graph.neighbours.begin() + graph.start[focus],
                                          graph.neighbours.begin() + graph.start[focus + 1]);
        sortBy(around, [&](std::uint32_t a, std::uint32_t b) { return graph.rank[a] < graph.rank[b]; });
        for (std::uint32_t node : around) attempt(node, false);
    }
    for (; next < region_.size() && !full; ++next) attempt(region_[next], false);
}

} // namespace explorer
