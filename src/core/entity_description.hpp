// What the explorer says about one entity's place among the projects, as data: the projects it is
// a member of (and through which unit), the projects it is only connected to (through what, and
// the whole chain of relations), and whether it counts as "in two or more projects". The details
// panel, the page's `explorer.describe(id)` and the command line read this, so a sentence a
// reader sees and an answer a script gets cannot disagree.
#pragma once

#include "core/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace explorer {

struct ProjectLink {
    std::size_t project = 0;
    std::optional<std::size_t> through; // the unit (member) or the foundation (connection), if any
    std::vector<std::size_t> chain;     // relation indices from the entity to the project
};

struct EntityDescription {
    std::size_t entity = 0;
    std::vector<ProjectLink> memberOf;    // Dataset::memberProjects, in project order
    std::vector<ProjectLink> connectedTo; // Dataset::connectionsOf, in project order
    bool severalProjects = false;         // an organisation member of two or more projects (the ring)
};

// O(entities + relations): one walk for the connections.
EntityDescription describeEntity(const Dataset& dataset, std::size_t entity);

// The description as JSON for the page: {"id", "name", "kind", "severalProjects", "memberOf":
// [{"id", "name", "through"?: {"id", "name"}, "chain": [sentence…]}], "connectedTo": [same]}, with
// chain sentences in `lang` ("Mistral AI develops Mistral 7B").
std::string describeEntityJson(const Dataset& dataset, std::size_t entity, Lang lang);

} // namespace explorer
