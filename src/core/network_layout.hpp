// The network picture's layout policy: which nodes and edges the network shows for a dataset and a
// VisibleSet (filters.hpp), how big each node is, how each is drawn (kind, organisation style,
// the ring of organisations in several projects, the line style of each relation) and where it
// goes. Pure C++: the widget (ui/network_view.cpp) draws what this gives, a frame at a time; the
// SVG export (data_export.hpp) and the command line (`explorer-data svg`) run it to the end and
// draw the same places.
//
// Policy (graph_layout.hpp does the forces):
//  - Size. Projects are the biggest nodes; every node grows a little with the square root of its
//    number of relations in the whole dataset (so a node keeps its size under any filter).
//  - Forces. Projects repel three times harder than other nodes, so that each consortium gets
//    room around its project. A link's length is the two radii plus a gap that grows with the
//    square root of the busier end's number of relations (hub stretch), so that the ring of a
//    hub's neighbours has room for their labels.
//  - Whole dataset first. The whole dataset is laid out once, with a fixed seed, so the picture is
//    the same for every reader of a dataset.
//  - Positions carried by the dataset (Entity::position, written by `explorer-data layout`, which
//    runs this very layout to the end): when every entity has one, they are the whole dataset's
//    settled layout as they are, with no iteration (a 100,000-node map opens laid out); when only
//    some have one, those are starting points and the layout runs as usual.
//  - Filtered re-layout. When something is hidden (an entity, or a relation between two visible
//    entities), the rest gets a layout of its own that starts, once the whole dataset's layout
//    has settled, from the whole dataset's positions and relaxes from there (a low starting
//    alpha). It depends only on the dataset and the visible set, never on the filters tried
//    before: a shared link (filters + camera) shows the picture its author saw.
//
// Determinism: the same dataset and visible set give the same positions, bit for bit, whether the
// work is spread over many advance() calls (whatever their deadlines) or done by finish(), on any
// machine, natively and in wasm (graph_layout.hpp, "Determinism"). Only the number of calls it
// takes depends on the clock.
//
// Units: layout units (graph_layout.hpp); radii are meant as screen pixels at zoom 1.
#pragma once

#include "core/filters.hpp"
#include "core/graph_layout.hpp"
#include "core/model.hpp"
#include "core/vocabulary.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace explorer {

// How an organisation is drawn (OrgStyle, orgStyleOf) comes with its type: vocabulary.hpp.

// A node of the network: one visible entity.
struct NetworkNode {
    std::size_t entity = 0;                        // index in Dataset::entities
    Vec2 at;                                       // centre, layout units; always finite
    float radius = 0.0f;                           // layout units
    EntityKind kind = EntityKind::Organisation;    // the shape: square, disc, diamond, hexagon
    OrgStyle style = OrgStyle::Public;             // organisations only (Public for other kinds)
    bool severalProjects = false;                  // an organisation MEMBER of two or more projects
                                                   // (Dataset::memberProjects): it wears a ring
};

// An edge of the network: one visible relation between two distinct visible entities.
struct NetworkEdge {
    std::size_t a = 0;        // node indices (NetworkLayout::nodes()): the relation's source…
    std::size_t b = 0;        // …and target
    std::size_t relation = 0; // index in Dataset::relations
    EdgeStyle style = EdgeStyle::Member; // Dataset::traitsOf(relation).edge
};

// Tuning, public for tests and documentation.
inline constexpr std::uint64_t kNetworkLayoutSeed = 20240521;
// A filtered layout starts from the whole dataset's positions at this alpha: it relaxes without
// forgetting them.
inline constexpr float kFilteredLayoutAlpha = 0.35f;
// Link length grows by this share of the link gap per sqrt(relations) of its busier end.
inline constexpr float kHubStretch = 0.2f;
// Datasets up to this many entities are laid out to the end by a single advance(), whatever its
// deadline (the shipped dataset takes a few ms): what a reader sees first, and what tests check,
// never depends on the machine's load. Larger ones share the work out over calls.
inline constexpr std::size_t kSettleAtOnceEntities = 400;

class NetworkLayout {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::size_t kNoNode = static_cast<std::size_t>(-1);

    NetworkLayout();
    ~NetworkLayout();
    NetworkLayout(NetworkLayout&&) noexcept;
    NetworkLayout& operator=(NetworkLayout&&) noexcept;
    NetworkLayout(const NetworkLayout&) = delete;
    NetworkLayout& operator=(const NetworkLayout&) = delete;

    // Lays out what `visible` leaves of `dataset` (flags missing from a short VisibleSet count as
    // visible, as the network always drew them). The layout keeps a pointer to `dataset`: keep it
    // alive, or call show() with another one. Cheap when nothing changed (O(entities + relations)
    // to compare the flags); the whole dataset's layout is kept across visible sets, and redone
    // only for another Dataset object or other entity or relation counts (a new dataset loaded
    // into the same object with the same counts is only noticed after reset()). Nodes and edges
    // are rebuilt at once, placed where the work done so far puts them.
    // Returns true when the graph changed (another dataset or another visible set).
    bool show(const Dataset& dataset, const VisibleSet& visible);

    // Forgets everything (as a new object).
    void reset();

    // Layout work, one unit at a time (an iteration of the whole dataset's layout, building the
    // filtered layout, or an iteration of it), until `deadline`; at least one unit per call, so
    // that any layout settles in a bounded number of calls (a few hundred). Datasets up to
    // kSettleAtOnceEntities entities are done in one call whatever the deadline. Returns true
    // while the layout is still moving.
    bool advance(Clock::time_point deadline);
    // All the work at once: afterwards settled() is true.
    void finish();
    // The positions are final: the whole dataset's layout has settled and, when something is
    // hidden, the filtered one too. False before the first show().
    bool settled() const;
    // How far the layout work has gone, from 0 (nothing done, or nothing shown) to 1 (settled()):
    // for a progress bar where the layout is not drawn while it moves (reduced motion).
    float progress() const;

    // The visible graph: nodes in dataset order, edges in relation order.
    const std::vector<NetworkNode>& nodes() const { return nodes_; }
    const std::vector<NetworkEdge>& edges() const { return edges_; }
    // Edges touching a node (indices into edges()), in relation order.
    const std::vector<std::size_t>& edgesOf(std::size_t node) const { return nodeEdges_[node]; }
    // The node of an entity, or kNoNode when it is hidden or out of range.
    std::size_t nodeOf(std::size_t entity) const;
    // Whether show() has been called since construction or reset().
    bool shown() const { return dataset_ != nullptr; }

private:
    void prepare(const Dataset& dataset);
    bool visibleChanged(const VisibleSet& visible) const;
    void rebuildGraph(const VisibleSet& visible);
    void buildFilteredLayout();
    bool workLeft() const;
    void doOneUnit();
    void updatePositions();
    float linkLength(std::size_t entityA, std::size_t entityB) const;

    // The dataset the caches describe.
    const Dataset* dataset_ = nullptr;
    std::size_t entityCount_ = 0;
    std::size_t relationCount_ = 0;
    std::vector<float> radius_;           // per entity
    std::vector<std::size_t> degree_;     // per entity: relations touching it in the whole dataset
    std::unique_ptr<GraphLayout> whole_;  // the whole dataset, one node per entity

    // The visible graph.
    std::vector<bool> visibleEntity_; // the flags it was built from, one per entity / relation
    std::vector<bool> visibleRelation_;
    bool filtered_ = false;           // something is hidden: filtered_ lays the rest out
    std::vector<NetworkNode> nodes_;
    std::vector<std::size_t> nodeOfEntity_;
    std::vector<NetworkEdge> edges_;
    std::vector<std::vector<std::size_t>> nodeEdges_;
    std::unique_ptr<GraphLayout> filteredLayout_; // null until whole_ has settled, or when not filtered
};

// What `visible` leaves of `dataset`, laid out to the end: what the widget shows once still.
NetworkLayout settledNetworkLayout(const Dataset& dataset, const VisibleSet& visible);

} // namespace explorer
