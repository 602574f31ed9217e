#include "core/filters.hpp"

#include "core/text_fold.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>

namespace explorer {
namespace {

bool selected(const std::vector<std::string>& choices, std::string_view value) {
    return std::find(choices.begin(), choices.end(), value) != choices.end();
}

bool selectsAny(const std::vector<std::string>& choices, const std::vector<std::string>& values) {
    return std::any_of(values.begin(), values.end(),
                       [&](const std::string& value) { return selected(choices, value); });
}

// "source team_of target", "source programme_of target": the source is a unit of the target.
bool isUnitRole(std::string_view role) { return role == "team_of" || role == "programme_of"; }

bool isProject(const Dataset& dataset, std::size_t entity) {
    return dataset.entities[entity].kind == EntityKind::Project;
}

bool projectPasses(const Entity& project, const Filters& filters) {
    return (filters.axes.empty() || selectsAny(filters.axes, project.axes)) &&
           (filters.sectors.empty() || selectsAny(filters.sectors, project.sectors));
}

// Whether the participant passes the filters that judge it on its own (rules 2 and 4).
bool participantPasses(const Dataset& dataset, std::size_t entity, const Filters& filters) {
    const Entity& participant = dataset.entities[entity];
    if (participant.kind == EntityKind::Organisation && !filters.types.empty() &&
        !selected(filters.types, participant.type)) {
        return false;
    }
    return !filters.multiProjectOnly || dataset.projectsOf(entity).size() >= 2;
}

// The walk from one participant down through its units to the visible projects they touch,
// using only relations whose role passes.
struct ParticipationWalk {
    std::vector<std::size_t> projectsReached;
    // Every entity on a path from the participant to a reached project: the participant itself
    // and the units between it and the project.
    std::vector<std::size_t> onTheWay;
};

ParticipationWalk walkParticipation(const Dataset& dataset, std::size_t participant,
                                    const std::vector<bool>& relationRolePasses,
                                    const std::vector<bool>& projectVisible) {
    struct Step {
        std::size_t entity;
        std::size_t cameFrom; // index into `steps`; the participant's own step points to itself
    };
    std::vector<Step> steps{{participant, 0}};
    const auto alreadySeen = [&](std::size_t entity) {
        return std::any_of(steps.begin(), steps.end(), [&](const Step& step) { return step.entity == entity; });
    };
    std::vector<bool> stepTouchesProject;
    ParticipationWalk walk;
    for (std::size_t next = 0; next < steps.size(); ++next) {
        const std::size_t unit = steps[next].entity;
        bool touchesProject = false;
        for (std::size_t r : dataset.relationsOf(unit)) {
            if (!relationRolePasses[r]) continue;
            const Relation& relation = dataset.relations[r];
            const std::size_t other = relation.source == unit ? relation.target : relation.source;
            if (isProject(dataset, other)) {
                if (projectVisible[other]) {
                    walk.projectsReached.push_back(other);
                    touchesProject = true;
                }
            } else if (isUnitRole(relation.role) && relation.target == unit && !alreadySeen(other)) {
                steps.push_back({other, next});
            }
        }
        stepTouchesProject.push_back(touchesProject);
    }
    // A participant has few units, so the linear look-ups above stay cheap; marking the paths
    // backwards from each unit that touches a project stops at the first step already marked.
    std::vector<bool> marked(steps.size(), false);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (!stepTouchesProject[i]) continue;
        for (std::size_t step = i; !marked[step]; step = steps[step].cameFrom) {
            marked[step] = true;
            walk.onTheWay.push_back(steps[step].entity);
        }
    }
    return walk;
}

// Projects reached through what they are built on (Dataset::foundationPath): Mistral AI reaches
// OpenLLM-France through Mistral 7B, Claire and the community, which then stay visible on the
// way, so every view can show how. Every relation of the chain must pass the roles filter.
void addFoundationPaths(const Dataset& dataset, std::size_t participant, const std::vector<bool>& relationRolePasses,
                        const std::vector<bool>& projectVisible, ParticipationWalk& walk) {
    for (std::size_t project : dataset.projectsOf(participant)) {
        if (!projectVisible[project] ||
            dataset.participation(participant, project) != Dataset::Participation::ThroughFoundation) {
            continue;
        }
        const std::vector<std::size_t> path = dataset.foundationPath(participant, project);
        if (path.empty() || !std::all_of(path.begin(), path.end(), [&](std::size_t r) { return relationRolePasses[r]; })) {
            continue;
        }
        walk.projectsReached.push_back(project);
        for (std::size_t r : path) {
            for (std::size_t end : {dataset.relations[r].source, dataset.relations[r].target}) {
                if (!isProject(dataset, end)) walk.onTheWay.push_back(end);
            }
        }
    }
}

} // namespace

VisibleSet applyFilters(const Dataset& dataset, const Filters& filters) {
    const std::size_t entityCount = dataset.entities.size();
    const std::size_t relationCount = dataset.relations.size();
    VisibleSet visible{std::vector<bool>(entityCount, false), std::vector<bool>(relationCount, false)};

    std::vector<bool> relationRolePasses(relationCount, true);
    if (!filters.roles.empty()) {
        for (std::size_t r = 0; r < relationCount; ++r) {
            relationRolePasses[r] = selected(filters.roles, dataset.relations[r].role);
        }
    }

    std::vector<bool> projectVisible(entityCount, false);
    for (std::size_t e = 0; e < entityCount; ++e) {
        if (isProject(dataset, e)) projectVisible[e] = projectPasses(dataset.entities[e], filters);
    }

    const bool participationRequired =
        !filters.axes.empty() || !filters.sectors.empty() || filters.multiProjectOnly;
    std::vector<bool> projectReached(entityCount, false);
    for (std::size_t e = 0; e < entityCount; ++e) {
        if (isProject(dataset, e) || !participantPasses(dataset, e, filters)) continue;
        ParticipationWalk walk = walkParticipation(dataset, e, relationRolePasses, projectVisible);
        addFoundationPaths(dataset, e, relationRolePasses, projectVisible, walk);
        if (participationRequired && walk.projectsReached.empty()) continue;
        visible.entity[e] = true;
        for (std::size_t project : walk.projectsReached) projectReached[project] = true;
        for (std::size_t entity : walk.onTheWay) visible.entity[entity] = true;
    }

    for (std::size_t e = 0; e < entityCount; ++e) {
        if (!isProject(dataset, e)) continue;
        visible.entity[e] = projectVisible[e] && (!filters.multiProjectOnly || projectReached[e]);
    }

    for (std::size_t r = 0; r < relationCount; ++r) {
        const Relation& relation = dataset.relations[r];
        visible.relation[r] = relationRolePasses[r] && visible.entity[relation.source] &&
                              visible.entity[relation.target];
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
        const std::size_t projects = dataset.projectsOf(e).size();
        if (projects >= 2) candidates.push_back({e, projects, foldForSearch(dataset.entities[e].name)});
    }
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
        return std::tie(b.projects, a.foldedName, dataset.entities[a.entity].id) <
               std::tie(a.projects, b.foldedName, dataset.entities[b.entity].id);
    });
    std::vector<std::size_t> organisations;
    organisations.reserve(candidates.size());
    for (const Candidate& candidate : candidates) organisations.push_back(candidate.entity);
    return organisations;
}

} // namespace explorer
