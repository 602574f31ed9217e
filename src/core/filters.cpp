#include "core/filters.hpp"

#include "core/sorting.hpp"
#include "core/text_collation.hpp"
#include "core/text_fold.hpp"
#include "core/vocabulary.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>

namespace explorer {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

bool selected(const std::vector<std::string>& choices, std::string_view value) {
    return std::find(choices.begin(), choices.end(), value) != choices.end();
}

bool selectsAny(const std::vector<std::string>& choices, const std::vector<std::string>& values) {
    return std::any_of(values.begin(), values.end(),
                       [&](const std::string& value) { return selected(choices, value); });
}

bool isProject(const Dataset& dataset, std::size_t entity) {
    return dataset.entities[entity].kind == EntityKind::Project;
}

bool projectPasses(const Entity& project, const Filters& filters) {
    return (filters.axes.empty() || selectsAny(filters.axes, project.axes)) &&
           (filters.sectors.empty() || selectsAny(filters.sectors, project.sectors));
}

bool isMultiProject(const Dataset& dataset, std::size_t entity) { return dataset.memberProjects(entity).size() >= 2; }

// Whether the participant passes the filters that judge it on its own (rules 2 and 4).
bool participantPasses(const Dataset& dataset, std::size_t entity, const Filters& filters) {
    const Entity& participant = dataset.entities[entity];
    if (participant.kind == EntityKind::Organisation && !filters.types.empty() &&
        !selected(filters.types, participant.type)) {
        return false;
    }
    return !filters.multiProjectOnly || isMultiProject(dataset, entity);
}

// Every participant linked to some visible project, found in one walk from all of them at once
// (rules of Dataset's participation, through relations whose role passes). `parent` is the entity
// a participant was first linked through, towards a project: following it gives one chain of
// entities "on the way".
struct Links {
    std::vector<bool> linked;
    std::vector<std::size_t> parent;
};

Links linkToProjects(const Dataset& dataset, const std::vector<bool>& rolePasses, const std::vector<bool>& projectVisible) {
    const std::size_t n = dataset.entities.size();
    Links links{std::vector<bool>(n, false), std::vector<std::size_t>(n, kNone)};
    std::vector<bool> foundation(n, false);
    struct Item {
        std::size_t entity;
        bool asFoundation;
    };
    std::vector<Item> queue;
    const auto link = [&](std::size_t entity, std::size_t from) {
        if (links.linked[entity] || isProject(dataset, entity)) return;
        links.linked[entity] = true;
        links.parent[entity] = from;
        queue.push_back({entity, false});
    };
    const auto found = [&](std::size_t entity, std::size_t from) {
        if (isProject(dataset, entity)) return;
        link(entity, from);
        if (foundation[entity]) return;
        foundation[entity] = true;
        queue.push_back({entity, true});
    };
    for (std::size_t p = 0; p < n; ++p) {
        if (!projectVisible[p]) continue;
        for (std::size_t r : dataset.relationsOf(p)) {
            const Relation& relation = dataset.relations[r];
            if (!rolePasses[r] || relation.source == relation.target) continue;
            const std::size_t other = relation.source == p ? relation.target : relation.source;
            if (relation.source == p && dataset.traitsOf(r).projectFoundation) {
                found(other, p);
            } else {
                link(other, p);
            }
        }
    }
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const auto [x, asFoundation] = queue[i];
        for (std::size_t r : dataset.relationsOf(x)) {
            const Relation& relation = dataset.relations[r];
            if (!rolePasses[r] || relation.source == relation.target) continue;
            const RoleTraits& traits = dataset.traitsOf(r);
            if (!asFoundation) {
                if (relation.source == x && traits.unit) link(relation.target, x); // the whole, through its unit
                continue;
            }
            if (relation.source == x && traits.extendsFoundation) {
                found(relation.target, x);
            } else if (relation.target == x && traits.part && dataset.entities[x].kind == EntityKind::Model) {
                found(relation.source, x);
            } else if (relation.target == x && traits.contributes) {
                link(relation.source, x);
            }
        }
    }
    return links;
}

} // namespace

VisibleSet applyFilters(const Dataset& dataset, const Filters& filters) {
    const std::size_t entityCount = dataset.entities.size();
    const std::size_t relationCount = dataset.relations.size();
    VisibleSet visible{std::vector<bool>(entityCount, false), std::vector<bool>(relationCount, false)};

    std::vector<bool> rolePasses(relationCount, true);
    if (!filters.roles.empty()) {
        for (std::size_t r = 0; r < relationCount; ++r) rolePasses[r] = selected(filters.roles, dataset.relations[r].role);
    }

    std::vector<bool> projectVisible(entityCount, false);
    for (std::size_t e = 0; e < entityCount; ++e) {
        if (isProject(dataset, e)) projectVisible[e] = projectPasses(dataset.entities[e], filters);
    }

    const Links links = linkToProjects(dataset, rolePasses, projectVisible);
    const bool linkRequired = !filters.axes.empty() || !filters.sectors.empty() || filters.multiProjectOnly;
    for (std::size_t e = 0; e < entityCount; ++e) {
        if (isProject(dataset, e) || !participantPasses(dataset, e, filters)) continue;
        if (linkRequired && !links.linked[e]) continue;
        // The participant, and the chain that links it to a project (rule 5). A chain stops at the
        // first entity already shown, so every entity is walked once.
        for (std::size_t on = e; on != kNone && !isProject(dataset, on); on = links.parent[on]) {
            if (visible.entity[on] && on != e) break;
            visible.entity[on] = true;
        }
    }
    // Linked units of visible participants stay beside them (rule 5), down every level.
    std::vector<std::size_t> wholes;
    for (std::size_t e = 0; e < entityCount; ++e) {
        if (visible.entity[e]) wholes.push_back(e);
    }
    for (std::size_t i = 0; i < wholes.size(); ++i) {
        for (std::size_t r : dataset.relationsOf(wholes[i])) {
            const Relation& relation = dataset.relations[r];
            const std::size_t unit = relation.source;
            if (relation.target != wholes[i] || !rolePasses[r] || !dataset.traitsOf(r).unit || unit == relation.target) continue;
            if (visible.entity[unit] || !links.linked[unit]) continue;
            visible.entity[unit] = true;
            wholes.push_back(unit);
        }
    }

    // Rule 4: a project stays under multiProjectOnly when a multi-project participant (or one of the
    // wholes it belongs to) is a member of it through relations that pass.
    std::vector<bool> projectReached(entityCount, !filters.multiProjectOnly);
    if (filters.multiProjectOnly) {
        std::vector<bool> multiAbove(entityCount, false);
        std::vector<std::size_t> pending;
        for (std::size_t e = 0; e < entityCount; ++e) {
            if (!isProject(dataset, e) && participantPasses(dataset, e, filters)) {
                multiAbove[e] = true;
                pending.push_back(e);
            }
        }
        while (!pending.empty()) {
            const std::size_t whole = pending.back();
            pending.pop_back();
            for (std::size_t r : dataset.relationsOf(whole)) {
                const Relation& relation = dataset.relations[r];
                if (relation.target != whole || !rolePasses[r] || !dataset.traitsOf(r).unit) continue;
                if (multiAbove[relation.source] || isProject(dataset, relation.source)) continue;
                multiAbove[relation.source] = true;
                pending.push_back(relation.source);
            }
        }
        for (std::size_t r = 0; r < relationCount; ++r) {
            const Relation& relation = dataset.relations[r];
            if (!rolePasses[r] || !dataset.traitsOf(r).membership) continue;
            if (isProject(dataset, relation.target) && !isProject(dataset, relation.source) && multiAbove[relation.source]) {
                projectReached[relation.target] = true;
            } else if (isProject(dataset, relation.source) && !isProject(dataset, relation.target) &&
                       multiAbove[relation.target]) {
                projectReached[relation.source] = true;
            }
        }
    }
    for (std::size_t e = 0; e < entityCount; ++e) {
        if (isProject(dataset, e)) visible.entity[e] = projectVisible[e] && projectReached[e];
    }

    for (std::size_t r = 0; r < relationCount; ++r) {
        const Relation& relation = dataset.relations[r];
        visible.relation[r] = rolePasses[r] && relation.source < entityCount && relation.target < entityCount &&
                              visible.entity[relation.source] && visible.entity[relation.target];
    }

    // Hiding a participant that has no visible relation cannot hide any relation, so one pass
    // settles the roles rule.
    if (!filters.roles.empty()) {
        for (std::size_t e = 0; e < entityCount; ++e) {
            if (!visible.entity[e] || isProject(dataset, e)) continue;
            const std::vector<std::size_t>& relations = dataset.relationsOf(e);
            const bool linked = std::any_of(relations.begin(), relations.end(),
                                            [&](std::size_t r) { return visible.relation[r]; });
            if (!linked) visible.entity[e] = false;
        }
    }
    return visible;
}

std::vector<std::size_t> organisationsInSeveralProjects(const Dataset& dataset) {
    struct Candidate {
        std::size_t entity;
        std::size_t projects;
        std::string foldedName;
    };
    std::vector<Candidate> candidates;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (dataset.entities[e].kind != EntityKind::Organisation) continue;
        const std::size_t projects = dataset.memberProjects(e).size();
        if (projects >= 2) candidates.push_back({e, projects, foldForSearch(dataset.entities[e].name)});
    }
    sortBy(candidates, [&](const Candidate& a, const Candidate& b) {
        if (a.projects != b.projects) return a.projects > b.projects;
        if (const int names = compareFoldedNames(a.foldedName, b.foldedName); names != 0) return names < 0;
        return dataset.entities[a.entity].id < dataset.entities[b.entity].id;
    });
    std::vector<std::size_t> organisations;
    organisations.reserve(candidates.size());
    for (const Candidate& candidate : candidates) organisations.push_back(candidate.entity);
    return organisations;
}

} // namespace explorer
