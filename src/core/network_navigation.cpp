#include "core/network_navigation.hpp"

#include "core/vocabulary.hpp"

#include <cmath>
#include <unordered_map>

namespace explorer {
namespace {

bool isVisible(const std::vector<bool>& flags, std::size_t index) {
    // A visible set that does not match the dataset counts as "everything visible" (semantic_tree.hpp).
    return index >= flags.size() || flags[index];
}

std::size_t otherEnd(const Relation& relation, std::size_t from) {
    return relation.source == from ? relation.target : relation.source;
}

} // namespace

std::optional<Direction> directionFromString(std::string_view name) {
    if (name == "left" || name == "ArrowLeft") return Direction::Left;
    if (name == "right" || name == "ArrowRight") return Direction::Right;
    if (name == "up" || name == "ArrowUp") return Direction::Up;
    if (name == "down" || name == "ArrowDown") return Direction::Down;
    return std::nullopt;
}

std::optional<std::size_t> neighbourInDirection(const Dataset& dataset, const VisibleSet& visible, std::size_t from,
                                                Direction direction, const std::vector<NodePlace>& places) {
    if (from >= dataset.entities.size()) return std::nullopt;
    std::unordered_map<std::size_t, const NodePlace*> placeOf;
    placeOf.reserve(places.size());
    for (const NodePlace& place : places) placeOf.emplace(place.entity, &place);
    const auto origin = placeOf.find(from);
    if (origin == placeOf.end()) return std::nullopt;
    const float ax = direction == Direction::Left ? -1.0f : direction == Direction::Right ? 1.0f : 0.0f;
    const float ay = direction == Direction::Up ? -1.0f : direction == Direction::Down ? 1.0f : 0.0f;

    struct Best {
        bool inCone = false;
        float score = 0;
        std::size_t entity = 0;
    };
    std::optional<Best> best;
    for (const std::size_t r : dataset.relationsOf(from)) {
        if (!isVisible(visible.relation, r)) continue;
        const std::size_t other = otherEnd(dataset.relations[r], from);
        if (other == from || !isVisible(visible.entity, other)) continue;
        const auto place = placeOf.find(other);
        if (place == placeOf.end()) continue;
        const float dx = place->second->x - origin->second->x;
        const float dy = place->second->y - origin->second->y;
        const float along = dx * ax + dy * ay;
        if (!(along > 0.0f)) continue; // behind, beside, or at the same place (NaN included)
        const float across = std::fabs(dx * ay - dy * ax);
        const Best candidate{across <= along, along + 2.0f * across, other};
        const bool better = !best || candidate.inCone > best->inCone ||
                            (candidate.inCone == best->inCone &&
                             (candidate.score < best->score ||
                              (candidate.score == best->score && candidate.entity < best->entity)));
        if (better) best = candidate;
    }
    if (!best) return std::nullopt;
    return best->entity;
}

std::string stepAnnouncement(const Dataset& dataset, const VisibleSet& visible, std::size_t from, std::size_t to,
                             Lang lang) {
    if (to >= dataset.entities.size()) return {};
    std::string said = dataset.entities[to].name;
    bool first = true;
    if (from < dataset.entities.size()) {
        for (const std::size_t r : dataset.relationsOf(from)) {
            if (!isVisible(visible.relation, r) || otherEnd(dataset.relations[r], from) != to) continue;
            said += first ? ": " : "; ";
            said += relationSentence(dataset, r, lang);
            first = false;
        }
    }
    return said;
}

std::string noStepAnnouncement(const Dataset& dataset, std::size_t from, Direction direction, Lang lang) {
    const std::string name = from < dataset.entities.size() ? dataset.entities[from].name : std::string();
    const bool fr = lang == Lang::Fr;
    switch (direction) {
    case Direction::Left: return fr ? "Aucun nœud relié à gauche de " + name : "No connected node to the left of " + name;
    case Direction::Right: return fr ? "Aucun nœud relié à droite de " + name : "No connected node to the right of " + name;
    case Direction::Up: return fr ? "Aucun nœud relié au-dessus de " + name : "No connected node above " + name;
    case Direction::Down: return fr ? "Aucun nœud relié au-dessous de " + name : "No connected node below " + name;
    }
    return {};
}

} // namespace explorer
