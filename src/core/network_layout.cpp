#include "core/network_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace explorer {
namespace {

bool flagAt(const std::vector<bool>& flags, std::size_t i) { return i >= flags.size() || flags[i]; }

bool finite(Vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Layout radius: projects biggest, everything grows a little with its number of relations.
float layoutRadius(EntityKind kind, std::size_t degree) {
    const float links = std::sqrt(static_cast<float>(degree));
    if (kind == EntityKind::Project) return std::min(18.0f + 2.0f * links, 30.0f);
    return std::min(7.0f + 1.5f * links, 16.0f);
}

// Projects push harder, so that each consortium gets room around its project.
float layoutWeight(EntityKind kind) { return kind == EntityKind::Project ? 3.0f : 1.0f; }

LayoutParams layoutParams() {
    LayoutParams params;
    params.seed = kNetworkLayoutSeed;
    // Tuned on the shipped dataset for room around nodes (labels) without scattering components.
    params.charge = 250.0f;
    params.linkGap = 50.0f;
    params.collisionPadding = 10.0f;
    params.gravity = 0.08f;
    return params;
}

} // namespace

NetworkLayout::NetworkLayout() = default;
NetworkLayout::~NetworkLayout() = default;
NetworkLayout::NetworkLayout(NetworkLayout&&) noexcept = default;
NetworkLayout& NetworkLayout::operator=(NetworkLayout&&) noexcept = default;

void NetworkLayout::reset() { *this = NetworkLayout{}; }

bool NetworkLayout::show(const Dataset& dataset, const VisibleSet& visible) {
    const bool sameDataset = dataset_ == &dataset && entityCount_ == dataset.entities.size()
                             && relationCount_ == dataset.relations.size();
    if (!sameDataset) prepare(dataset);
    if (sameDataset && !visibleChanged(visible)) return false;
    rebuildGraph(visible);
    return true;
}

void NetworkLayout::prepare(const Dataset& data) {
    reset();
    dataset_ = &data;
    entityCount_ = data.entities.size();
    relationCount_ = data.relations.size();

    radius_.resize(entityCount_);
    degree_.resize(entityCount_);
    std::vector<LayoutNode> layoutNodes(entityCount_);
    std::size_t placed = 0;
    for (std::size_t e = 0; e < entityCount_; ++e) {
        const EntityKind kind = data.entities[e].kind;
        degree_[e] = data.relationsOf(e).size();
        radius_[e] = layoutRadius(kind, degree_[e]);
        layoutNodes[e].radius = radius_[e];
        layoutNodes[e].weight = layoutWeight(kind);
        if (const auto& at = data.entities[e].position; at && finite(Vec2{(*at)[0], (*at)[1]})) {
            layoutNodes[e].position = Vec2{(*at)[0], (*at)[1]};
            ++placed;
        }
    }
    std::vector<LayoutEdge> links;
    links.reserve(relationCount_);
    for (const Relation& relation : data.relations) {
        const float length = linkLength(relation.source, relation.target);
        links.push_back(LayoutEdge{relation.source, relation.target, 1.0f, length});
    }
    whole_ = std::make_unique<GraphLayout>(std::move(layoutNodes), std::move(links), layoutParams());
    // A dataset that carries every entity's position (`explorer-data layout`) opens laid out: no
    // iteration, nothing glides. Some positions only are starting points, and the layout runs.
    if (placed == entityCount_ && entityCount_ > 0) whole_->acceptPositions();
}

// Links of busy nodes are longer, so that the ring of a hub's neighbours has room for their labels.
// (GraphLayout ignores the edges whose ends are out of range: their length is never read.)
float NetworkLayout::linkLength(std::size_t a, std::size_t b) const {
    if (a >= entityCount_ || b >= entityCount_) return 0.0f;
    const float busiest = std::sqrt(static_cast<float>(std::max(degree_[a], degree_[b])));
    return radius_[a] + radius_[b] + layoutParams().linkGap * (1.0f + kHubStretch * busiest);
}

bool NetworkLayout::visibleChanged(const VisibleSet& visible) const {
    for (std::size_t e = 0; e < entityCount_; ++e)
        if (flagAt(visible.entity, e) != visibleEntity_[e]) return true;
    for (std::size_t r = 0; r < relationCount_; ++r)
        if (flagAt(visible.relation, r) != visibleRelation_[r]) return true;
    return false;
}

void NetworkLayout::rebuildGraph(const VisibleSet& visible) {
    const Dataset& data = *dataset_;
    visibleEntity_.assign(entityCount_, true);
    visibleRelation_.assign(relationCount_, true);
    filtered_ = false;
    nodes_.clear();
    nodeOfEntity_.assign(entityCount_, kNoNode);
    for (std::size_t e = 0; e < entityCount_; ++e) {
        visibleEntity_[e] = flagAt(visible.entity, e);
        if (!visibleEntity_[e]) {
            filtered_ = true;
            continue;
        }
        const Entity& entity = data.entities[e];
        NetworkNode node;
        node.entity = e;
        node.radius = radius_[e];
        node.kind = entity.kind;
        if (entity.kind == EntityKind::Organisation) {
            node.style = orgStyleOf(entity.type);
            node.severalProjects = data.memberProjects(e).size() >= 2;
        }
        nodeOfEntity_[e] = nodes_.size();
        nodes_.push_back(node);
    }
    edges_.clear();
    nodeEdges_.assign(nodes_.size(), {});
    for (std::size_t r = 0; r < relationCount_; ++r) {
        visibleRelation_[r] = flagAt(visible.relation, r);
        const Relation& relation = data.relations[r];
        const std::size_t a = relation.source < entityCount_ ? nodeOfEntity_[relation.source] : kNoNode;
        const std::size_t b = relation.target < entityCount_ ? nodeOfEntity_[relation.target] : kNoNode;
        if (!visibleRelation_[r] || a == kNoNode || b == kNoNode || a == b) {
            filtered_ = true;
            continue;
        }
        nodeEdges_[a].push_back(edges_.size());
        nodeEdges_[b].push_back(edges_.size());
        edges_.push_back(NetworkEdge{a, b, r, data.traitsOf(r).edge});
    }
    filteredLayout_.reset();
    updatePositions();
}

// Starts from the whole dataset's settled positions, at a low alpha.
void NetworkLayout::buildFilteredLayout() {
    const Dataset& data = *dataset_;
    std::vector<LayoutNode> layoutNodes(nodes_.size());
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
        const std::size_t e = nodes_[n].entity;
        layoutNodes[n].radius = radius_[e];
        layoutNodes[n].weight = layoutWeight(data.entities[e].kind);
        layoutNodes[n].position = whole_->positions()[e];
    }
    std::vector<LayoutEdge> links;
    links.reserve(edges_.size());
    for (const NetworkEdge& edge : edges_)
        links.push_back(LayoutEdge{edge.a, edge.b, 1.0f, linkLength(nodes_[edge.a].entity, nodes_[edge.b].entity)});
    filteredLayout_ = std::make_unique<GraphLayout>(std::move(layoutNodes), std::move(links), layoutParams());
    filteredLayout_->reheat(kFilteredLayoutAlpha);
}

bool NetworkLayout::settled() const {
    if (!whole_ || !whole_->settled()) return false;
    return !filtered_ || (filteredLayout_ && filteredLayout_->settled());
}

// Alpha cools geometrically from its start to alphaMin: the share of that descent, in log
// scale, is the share of the iterations run (the final overlap pass is short: it counts as the end).
namespace {
float cooled(const GraphLayout& layout, float startAlpha) {
    if (layout.settled()) return 1.0f;
    const float alphaMin = layoutParams().alphaMin;
    const float span = std::log(startAlpha) - std::log(alphaMin);
    if (!(span > 0.0f)) return 0.0f;
    const float done = std::log(startAlpha) - std::log(std::max(layout.alpha(), alphaMin));
    return std::clamp(done / span, 0.0f, 1.0f);
}
} // namespace

float NetworkLayout::progress() const {
    if (!whole_) return 0.0f;
    if (settled()) return 1.0f;
    const float wholeDone = cooled(*whole_, layoutParams().startAlpha);
    float done = wholeDone;
    if (filtered_) {
        // Each layout weighs what it has to cool down: the filtered one starts lower.
        const float wholeSpan = std::log(layoutParams().startAlpha / layoutParams().alphaMin);
        const float filteredSpan = std::log(kFilteredLayoutAlpha / layoutParams().alphaMin);
        const float filteredDone = filteredLayout_ ? cooled(*filteredLayout_, kFilteredLayoutAlpha) : 0.0f;
        done = (wholeDone * wholeSpan + filteredDone * filteredSpan) / (wholeSpan + filteredSpan);
    }
    // Never 1 before it is settled: a bar at 100 % that stays would look stuck.
    return std::min(done, 0.99f);
}

bool NetworkLayout::workLeft() const { return whole_ && !settled(); }

void NetworkLayout::doOneUnit() {
    if (!whole_->settled())
        whole_->step(1);
    else if (filtered_ && !filteredLayout_)
        buildFilteredLayout();
    else if (filteredLayout_ && !filteredLayout_->settled())
        filteredLayout_->step(1);
}

bool NetworkLayout::advance(Clock::time_point deadline) {
    if (!workLeft()) return false;
    const bool toTheEnd = entityCount_ <= kSettleAtOnceEntities;
    do {
        doOneUnit();
    } while (workLeft() && (toTheEnd || Clock::now() < deadline));
    updatePositions();
    return workLeft();
}

void NetworkLayout::finish() {
    if (!workLeft()) return;
    while (workLeft()) doOneUnit();
    updatePositions();
}

// Until the filtered layout exists, nodes stand at the whole dataset's positions.
void NetworkLayout::updatePositions() {
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
        const Vec2 p = filteredLayout_ ? filteredLayout_->positions()[n] : whole_->positions()[nodes_[n].entity];
        nodes_[n].at = finite(p) ? p : Vec2{};
    }
}

std::size_t NetworkLayout::nodeOf(std::size_t entity) const {
    return entity < nodeOfEntity_.size() ? nodeOfEntity_[entity] : kNoNode;
}

NetworkLayout settledNetworkLayout(const Dataset& dataset, const VisibleSet& visible) {
    NetworkLayout layout;
    layout.show(dataset, visible);
    layout.finish();
    return layout;
}

} // namespace explorer
