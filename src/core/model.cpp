#include "model.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace explorer {

namespace {

// What relationsOf returns for an index it does not know: a shared empty list, so callers can
// iterate without checking first.
const std::vector<std::size_t> kNoRelations;

constexpr std::array<std::string_view, kEntityKindCount> kEntityKindNames = {
    "project", "organisation", "model", "initiative"};

// Roles that make the source a part of the target: whatever the part takes part in, the whole
// takes part in too (ALMAnaCH team_of Inria, Software Heritage programme_of Inria).
bool isMembershipRole(std::string_view role) {
    return role == "team_of" || role == "programme_of";
}

// Roles by which the source helps make the target (as opposed to using it).
bool isContributorRole(std::string_view role) {
    return role == "develops" || role == "founding_member" || role == "lead" || role == "partner" ||
           role == "public_partner" || role == "private_partner" || role == "supporter" ||
           role == "scientific_council" || role == "joint_research_team";
}

} // namespace

std::optional<std::size_t> Dataset::findEntity(std::string_view id) const {
    const auto found = entityIndex_.find(std::string(id));
    if (found == entityIndex_.end()) return std::nullopt;
    return found->second;
}

std::optional<std::size_t> Dataset::findSource(std::string_view id) const {
    const auto found = sourceIndex_.find(std::string(id));
    if (found == sourceIndex_.end()) return std::nullopt;
    return found->second;
}

const Term* Dataset::findTerm(const std::vector<Term>& terms, std::string_view id) const {
    const auto found =
        std::find_if(terms.begin(), terms.end(), [id](const Term& term) { return term.id == id; });
    return found == terms.end() ? nullptr : &*found;
}

std::size_t Dataset::count(EntityKind kind) const {
    return static_cast<std::size_t>(std::count_if(
        entities.begin(), entities.end(), [kind](const Entity& entity) { return entity.kind == kind; }));
}

const std::vector<std::size_t>& Dataset::relationsOf(std::size_t entity) const {
    if (entity >= relationsByEntity_.size()) return kNoRelations;
    return relationsByEntity_[entity];
}

Dataset::Participation Dataset::participation(std::size_t entity, std::size_t project) const {
    if (entity >= participation_.size()) return Participation::None;
    for (const auto& [p, how] : participation_[entity]) {
        if (p == project) return how;
    }
    return Participation::None;
}

std::vector<std::size_t> Dataset::projectsOf(std::size_t entity) const {
    std::vector<std::size_t> projects;
    if (entity >= participation_.size()) return projects;
    for (const auto& entry : participation_[entity]) projects.push_back(entry.first);
    return projects;
}

void Dataset::buildIndex() {
    entityIndex_.clear();
    sourceIndex_.clear();
    entityIndex_.reserve(entities.size());
    sourceIndex_.reserve(sources.size());
    // emplace keeps the first of two equal ids; the loader rejects such datasets anyway.
    for (std::size_t i = 0; i < entities.size(); ++i) entityIndex_.emplace(entities[i].id, i);
    for (std::size_t i = 0; i < sources.size(); ++i) sourceIndex_.emplace(sources[i].id, i);

    relationsByEntity_.assign(entities.size(), {});
    for (std::size_t i = 0; i < relations.size(); ++i) {
        const Relation& relation = relations[i];
        if (relation.source < entities.size()) relationsByEntity_[relation.source].push_back(i);
        if (relation.target < entities.size() && relation.target != relation.source) {
            relationsByEntity_[relation.target].push_back(i);
        }
    }
    computeParticipation();
}

namespace {

// The relation by which a foundation was reached from the project (or from another foundation).
struct FoundationStep {
    std::size_t entity;
    std::size_t relation; // the relation that reached it
    std::size_t parent;   // index into the steps; the first steps (from the project) point to themselves
};

// Breadth-first walk from a project along "is built on" links (model.hpp, Participation).
std::vector<FoundationStep> walkFoundations(const Dataset& dataset, std::size_t project) {
    const std::size_t n = dataset.entities.size();
    std::vector<FoundationStep> steps;
    std::vector<bool> seen(n, false);
    seen[project] = true;
    auto add = [&](std::size_t entity, std::size_t relation, std::size_t parent) {
        if (seen[entity] || dataset.entities[entity].kind == EntityKind::Project) return;
        seen[entity] = true;
        steps.push_back(FoundationStep{entity, relation, parent == SIZE_MAX ? steps.size() : parent});
    };
    auto valid = [&](const Relation& r) { return r.source < n && r.target < n && r.source != r.target; };
    for (std::size_t r : dataset.relationsOf(project)) {
        const Relation& relation = dataset.relations[r];
        if (valid(relation) && relation.source == project &&
            (relation.role == "part_of" || relation.role == "builds_on" || relation.role == "develops")) {
            add(relation.target, r, SIZE_MAX);
        }
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::size_t base = steps[i].entity;
        for (std::size_t r : dataset.relationsOf(base)) {
            const Relation& relation = dataset.relations[r];
            if (!valid(relation)) continue;
            if (relation.source == base && (relation.role == "develops" || relation.role == "based_on" ||
                                            relation.role == "part_of" || relation.role == "builds_on")) {
                add(relation.target, r, i);
            } else if (relation.target == base && relation.role == "part_of" &&
                       dataset.entities[base].kind == EntityKind::Model) {
                add(relation.source, r, i); // a variant of a model the project uses
            }
        }
    }
    return steps;
}

} // namespace

std::vector<std::size_t> Dataset::foundationPath(std::size_t entity, std::size_t project) const {
    std::vector<std::size_t> path;
    if (participation(entity, project) != Participation::ThroughFoundation) return path;
    const std::vector<FoundationStep> steps = walkFoundations(*this, project);
    auto chainFrom = [&](std::size_t step) {
        for (;;) {
            path.push_back(steps[step].relation);
            if (steps[step].parent == step) break;
            step = steps[step].parent;
        }
    };
    // The entity is a foundation itself, or contributes to the nearest one it can.
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].entity == entity) {
            chainFrom(i);
            return path;
        }
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        for (std::size_t r : relationsOf(steps[i].entity)) {
            const Relation& relation = relations[r];
            if (relation.source == entity && relation.target == steps[i].entity && isContributorRole(relation.role)) {
                path.push_back(r);
                chainFrom(i);
                return path;
            }
        }
    }
    return path;
}

void Dataset::computeParticipation() {
    using How = Participation;
    participation_.assign(entities.size(), {});
    const std::size_t n = entities.size();
    auto valid = [&](const Relation& r) { return r.source < n && r.target < n && r.source != r.target; };

    std::vector<How> how(n);
    for (std::size_t project = 0; project < n; ++project) {
        if (entities[project].kind != EntityKind::Project) continue;
        std::fill(how.begin(), how.end(), How::None);
        auto raise = [&](std::size_t entity, How level) {
            if (entities[entity].kind == EntityKind::Project) return false;
            if (how[entity] >= level) return false;
            how[entity] = level;
            return true;
        };

        // Direct links, then the foundations (what the project is built on).
        for (std::size_t r : relationsOf(project)) {
            const Relation& relation = relations[r];
            if (!valid(relation)) continue;
            raise(relation.source == project ? relation.target : relation.source, How::Direct);
        }
        std::vector<std::size_t> foundations;
        for (const FoundationStep& step : walkFoundations(*this, project)) {
            foundations.push_back(step.entity);
            raise(step.entity, How::ThroughFoundation);
        }
        // Contributors to the foundations.
        for (std::size_t base : foundations) {
            for (std::size_t r : relationsOf(base)) {
                const Relation& relation = relations[r];
                if (valid(relation) && relation.target == base && isContributorRole(relation.role)) {
                    raise(relation.source, How::ThroughFoundation);
                }
            }
        }
        // Whoever a taking-part entity is a team or programme of takes part through it.
        std::vector<std::size_t> pending;
        for (std::size_t e = 0; e < n; ++e) {
            if (how[e] != How::None) pending.push_back(e);
        }
        while (!pending.empty()) {
            const std::size_t unit = pending.back();
            pending.pop_back();
            for (std::size_t r : relationsOf(unit)) {
                const Relation& relation = relations[r];
                if (valid(relation) && relation.source == unit && isMembershipRole(relation.role) &&
                    raise(relation.target, How::ThroughUnit)) {
                    pending.push_back(relation.target);
                }
            }
        }
        for (std::size_t e = 0; e < n; ++e) {
            if (how[e] != How::None) participation_[e].emplace_back(project, how[e]);
        }
    }
}

std::string_view toString(EntityKind kind) {
    return kEntityKindNames[static_cast<std::size_t>(kind)];
}

std::optional<EntityKind> entityKindFromString(std::string_view text) {
    for (std::size_t i = 0; i < kEntityKindNames.size(); ++i) {
        if (kEntityKindNames[i] == text) return static_cast<EntityKind>(i);
    }
    return std::nullopt;
}

} // namespace explorer
