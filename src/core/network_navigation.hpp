// Walking the network by keyboard (issue 11): an arrow key moves from the node a reader is on to
// a node CONNECTED to it (one relation, either way), the one lying in the arrow's direction on
// screen. Screen directions are layout directions (the camera only scales and moves the picture),
// so places are layout coordinates, y growing downwards as on screen. Pure data: the page asks
// through the bridge (explorer_navigate), a test asks directly.
#pragma once

#include "core/filters.hpp"
#include "core/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

enum class Direction { Left, Right, Up, Down };

// "left", "right", "up", "down" (also the DOM's key names "ArrowLeft"…); nullopt otherwise.
std::optional<Direction> directionFromString(std::string_view name);

// Where the network drew an entity (layout units).
struct NodePlace {
    std::size_t entity = 0;
    float x = 0;
    float y = 0;
};

// The visible neighbour of `from` in `direction`: among the entities sharing a visible relation
// with `from` and having a place, those ahead (positive offset along the direction); of those,
// the ones inside the 90° cone around the direction win over the rest; then the smallest
// "along + 2 × across" (near and straight ahead, as browsers' spatial navigation scores), then the
// lower entity index. nullopt when nothing lies that way, or `from` has no place.
// O(d + P) for d relations of `from` and P places.
std::optional<std::size_t> neighbourInDirection(const Dataset& dataset, const VisibleSet& visible, std::size_t from,
                                                Direction direction, const std::vector<NodePlace>& places);

// What a reader hears after a step from `from` to `to`: the new node's name, then how the two are
// linked, each visible relation between them read from its source, joined by "; ":
// "Scribe: Inria is a partner of Scribe". The name alone when they share no visible relation.
std::string stepAnnouncement(const Dataset& dataset, const VisibleSet& visible, std::size_t from, std::size_t to,
                             Lang lang);

// "No connected node to the right of Inria" / « Aucun nœud relié à droite de Inria ».
std::string noStepAnnouncement(const Dataset& dataset, std::size_t from, Direction direction, Lang lang);

} // namespace explorer
