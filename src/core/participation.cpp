// Members and connections (model.hpp, "Participation"). Every rule reads RoleTraits, never a role id.
//
// Costs, for N entities and R relations (K = kMaxProjectsThroughUnits = 64): memberships are
// computed once per dataset. Pairs stored: at most R direct + K·N through units. Work: each pair
// visits the wholes of its unit that are not yet capped; a visit either adds a pair (at most K per
// whole) or finds one already there, which a membership relation of that whole paid for; a capped
// whole is dropped from its units' lists at the first visit. So O(K·(N + R)) time and memory in the
// worst case (units nested thousands deep, a unit with thousands of wholes), O(N + R) for ordinary
// data. connectionsOf and unitPath walk the graph once: O(N + R). Nothing here is quadratic in the
// number of projects; tools/core_bench.cpp times the worst shapes at the limits.
#include "core/model.hpp"
#include "core/sorting.hpp"
#include "core/vocabulary.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <unordered_set>

namespace explorer {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
const std::vector<std::size_t> kNoProjects;

bool isProject(const Dataset& dataset, std::size_t entity) {
    return dataset.entities[entity].kind == EntityKind::Project;
}

bool isValid(const Dataset& dataset, const Relation& relation) {
    const std::size_t n = dataset.entities.size();
    return relation.source < n && relation.target < n && relation.source != relation.target;
}

// The entity and its units (teams, programmes, and theirs), breadth first. upRelation[i] is the
// unit relation that leads from nodes[i] towards the entity (kNone for the entity itself), upNode[i]
// the index in `nodes` of the node it leads to.
struct UnitTree {
    std::vector<std::size_t> nodes;
    std::vector<std::size_t> upRelation;
    std::vector<std::size_t> upNode;
};

UnitTree unitsOf(const Dataset& dataset, std::size_t entity, std::vector<std::size_t>& seenMark, std::size_t mark) {
    UnitTree tree{{entity}, {kNone}, {0}};
    seenMark[entity] = mark;
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        const std::size_t whole = tree.nodes[i];
        for (std::size_t r : dataset.relationsOf(whole)) {
            const Relation& relation = dataset.relations[r];
            if (!isValid(dataset, relation) || relation.target != whole || !dataset.traitsOf(r).unit) continue;
            if (seenMark[relation.source] == mark || isProject(dataset, relation.source)) continue;
            seenMark[relation.source] = mark;
            tree.nodes.push_back(relation.source);
            tree.upRelation.push_back(r);
            tree.upNode.push_back(i);
        }
    }
    return tree;
}

// Appends the unit relations from tree node `i` up to the entity.
void appendUnitChain(const UnitTree& tree, std::size_t i, std::vector<std::size_t>& path) {
    for (; tree.upRelation[i] != kNone; i = tree.upNode[i]) path.push_back(tree.upRelation[i]);
}

} // namespace

const RoleTraits& Dataset::traitsOf(std::size_t relation) const {
    if (relation >= relationTraits_.size() || relationTraits_[relation] == nullptr) return kDeclaredRoleTraits;
    return *relationTraits_[relation];
}

Dataset::Membership Dataset::membership(std::size_t entity, std::size_t project) const {
    if (entity >= memberProjects_.size()) return Membership::None;
    const std::vector<std::size_t>& projects = memberProjects_[entity];
    const auto found = std::lower_bound(projects.begin(), projects.end(), project);
    if (found == projects.end() || *found != project) return Membership::None;
    return memberHow_[entity][static_cast<std::size_t>(found - projects.begin())];
}

const std::vector<std::size_t>& Dataset::memberProjects(std::size_t entity) const {
    return entity < memberProjects_.size() ? memberProjects_[entity] : kNoProjects;
}

bool Dataset::memberProjectsCapped(std::size_t entity) const {
    return entity < memberCapped_.size() && memberCapped_[entity];
}

void Dataset::computeMemberships() {
    const std::size_t n = entities.size();
    relationTraits_.assign(relations.size(), nullptr);
    for (std::size_t r = 0; r < relations.size(); ++r) relationTraits_[r] = &roleTraits(relations[r].role);

    // Found memberships by project: reading them project by project at the end lists each
    // entity's projects in order, with no sort (a sort of these pairs was 1.7 KB of wasm).
    std::vector<std::vector<std::pair<std::size_t, Membership>>> found(n);
    std::unordered_set<std::uint64_t> known; // entity << 32 | project
    known.reserve(relations.size());
    const auto key = [](std::size_t entity, std::size_t project) {
        return (static_cast<std::uint64_t>(entity) << 32) | static_cast<std::uint64_t>(project);
    };
    std::deque<std::pair<std::size_t, std::size_t>> pending;
    for (std::size_t r = 0; r < relations.size(); ++r) {
        const Relation& relation = relations[r];
        if (!isValid(*this, relation) || !traitsOf(r).membership) continue;
        // "source ROLE target" reads from the member to the project; a dataset written the other
        // way round ("project ROLE member") is read the same.
        std::size_t member = relation.source, project = relation.target;
        if (isProject(*this, member)) std::swap(member, project);
        if (isProject(*this, member) || !isProject(*this, project)) continue;
        if (!known.insert(key(member, project)).second) continue;
        found[project].emplace_back(member, Membership::Direct);
        pending.emplace_back(member, project);
    }
    // Whatever a unit is a member of, the whole it belongs to is too: each (entity, project) pair
    // is reached once, and each pass over a unit's relations adds at most one pair per whole.
    std::vector<std::size_t> throughUnits(n, 0);
    memberCapped_.assign(n, false);
    // The wholes each unit belongs to, listed once, so a pair costs its unit's wholes, not all
    // of the unit's relations.
    std::vector<std::vector<std::size_t>> wholesOf(n);
    for (std::size_t r = 0; r < relations.size(); ++r) {
        const Relation& relation = relations[r];
        if (isValid(*this, relation) && traitsOf(r).unit && !isProject(*this, relation.target)) {
            wholesOf[relation.source].push_back(relation.target);
        }
    }
    while (!pending.empty()) {
        const auto [unit, project] = pending.front();
        pending.pop_front();
        std::vector<std::size_t>& wholes = wholesOf[unit];
        for (std::size_t i = 0; i < wholes.size();) {
            const std::size_t whole = wholes[i];
            if (throughUnits[whole] >= kMaxProjectsThroughUnits) {
                // A capped whole takes nothing more from anyone: forget it, so no later pair of
                // this unit looks at it again.
                memberCapped_[whole] = true;
                wholes[i] = wholes.back();
                wholes.pop_back();
                continue;
            }
            ++i;
            if (!known.insert(key(whole, project)).second) continue;
            ++throughUnits[whole];
            found[project].emplace_back(whole, Membership::ThroughUnit);
            pending.emplace_back(whole, project);
        }
    }
    std::vector<std::size_t> projectCount(n, 0);
    for (const auto& members : found)
        for (const auto& entry : members) ++projectCount[entry.first];
    memberProjects_.assign(n, {});
    memberHow_.assign(n, {});
    for (std::size_t e = 0; e < n; ++e) {
        memberProjects_[e].reserve(projectCount[e]);
        memberHow_[e].reserve(projectCount[e]);
    }
    for (std::size_t project = 0; project < n; ++project) {
        for (const auto& [member, how] : found[project]) {
            memberProjects_[member].push_back(project);
            memberHow_[member].push_back(how);
        }
    }
}

std::vector<std::size_t> Dataset::unitPath(std::size_t entity, std::size_t project) const {
    std::vector<std::size_t> path;
    if (membership(entity, project) != Membership::ThroughUnit) return path;
    std::vector<std::size_t> seen(entities.size(), kNone);
    const UnitTree tree = unitsOf(*this, entity, seen, 0);
    for (std::size_t i = 1; i < tree.nodes.size(); ++i) {
        for (std::size_t r : relationsOf(tree.nodes[i])) {
            const Relation& relation = relations[r];
            if (!isValid(*this, relation) || !traitsOf(r).membership) continue;
            if (relation.source != project && relation.target != project) continue;
            path.push_back(r);
            appendUnitChain(tree, i, path);
            return path;
        }
    }
    return path;
}

std::vector<Dataset::Connection> Dataset::connectionsOf(std::size_t entity) const {
    std::vector<Connection> connections;
    const std::size_t n = entities.size();
    if (entity >= n || isProject(*this, entity)) return connections;

    std::vector<std::size_t> seen(n, kNone);
    const UnitTree tree = unitsOf(*this, entity, seen, 0);

    // The walk goes from the entity towards the projects, against the direction in which a
    // project's foundations are found: from x to whatever has x as a foundation. step[i] says how
    // node i was reached: from node `from` by relation `relation` (kNone for the unit tree).
    struct Step {
        std::size_t entity, from, relation;
    };
    std::vector<Step> steps;
    std::vector<std::size_t> stepOf(n, kNone);
    std::vector<std::size_t> reachedBy(n, kNone); // per project: the step it was reached from
    std::vector<std::size_t> projectRelation(n, kNone);
    std::vector<std::size_t> reachedProjects;
    const auto reachProject = [&](std::size_t project, std::size_t step, std::size_t r) {
        if (reachedBy[project] != kNone || membership(entity, project) != Membership::None) return;
        reachedBy[project] = step;
        projectRelation[project] = r;
        reachedProjects.push_back(project);
    };
    const auto addStep = [&](std::size_t node, std::size_t from, std::size_t r) {
        if (stepOf[node] != kNone || isProject(*this, node)) return;
        stepOf[node] = steps.size();
        steps.push_back({node, from, r});
    };
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) addStep(tree.nodes[i], kNone, kNone);
    // The entity and its units: any relation other than a membership with a project connects them
    // to it (an investor); what they contribute to is a candidate foundation.
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        const std::size_t node = tree.nodes[i];
        for (std::size_t r : relationsOf(node)) {
            const Relation& relation = relations[r];
            if (!isValid(*this, relation)) continue;
            const std::size_t other = relation.source == node ? relation.target : relation.source;
            const RoleTraits& traits = traitsOf(r);
            if (isProject(*this, other)) {
                if (!traits.membership) reachProject(other, stepOf[node], r);
            } else if (relation.source == node && traits.contributes) {
                addStep(other, stepOf[node], r);
            }
        }
    }
    // x is a foundation of whatever extends to it, of the whole a model variant belongs to, and of
    // the projects that build on it.
    for (std::size_t s = 0; s < steps.size(); ++s) {
        const std::size_t node = steps[s].entity;
        for (std::size_t r : relationsOf(node)) {
            const Relation& relation = relations[r];
            if (!isValid(*this, relation)) continue;
            const RoleTraits& traits = traitsOf(r);
            if (relation.target == node) {
                if (isProject(*this, relation.source)) {
                    if (traits.projectFoundation) reachProject(relation.source, s, r);
                } else if (traits.extendsFoundation) {
                    addStep(relation.source, s, r);
                }
            } else if (traits.part && entities[relation.target].kind == EntityKind::Model) {
                addStep(relation.target, s, r);
            }
        }
    }

    sortBy(reachedProjects);
    for (std::size_t project : reachedProjects) {
        Connection connection{project, {}};
        std::vector<std::size_t> chain{projectRelation[project]};
        std::size_t s = reachedBy[project];
        while (steps[s].relation != kNone) {
            chain.push_back(steps[s].relation);
            s = steps[s].from;
        }
        // s is now a node of the unit tree (its steps come first, in the tree's order): the chain
        // between the entity and that unit comes first, from the entity down.
        appendUnitChain(tree, s, connection.path);
        std::reverse(connection.path.begin(), connection.path.end());
        connection.path.insert(connection.path.end(), chain.rbegin(), chain.rend());
        connections.push_back(std::move(connection));
    }
    return connections;
}

} // namespace explorer
