#include "model.hpp"

#include <algorithm>
#include <array>

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

std::vector<std::size_t> Dataset::projectsOf(std::size_t entity) const {
    std::vector<std::size_t> projects;
    if (entity >= entities.size() || entities[entity].kind == EntityKind::Project) return projects;

    // Walk from the entity down to its teams and programmes, and theirs, collecting the projects
    // each of them has a relation to. `visited` stops cycles (A team_of B, B team_of A).
    std::vector<bool> visited(entities.size(), false);
    std::vector<std::size_t> pending{entity};
    visited[entity] = true;
    while (!pending.empty()) {
        const std::size_t member = pending.back();
        pending.pop_back();
        for (const std::size_t relationIndex : relationsOf(member)) {
            const Relation& relation = relations[relationIndex];
            if (relation.source >= entities.size() || relation.target >= entities.size()) continue;
            if (relation.source == member && entities[relation.target].kind == EntityKind::Project) {
                projects.push_back(relation.target);
            } else if (relation.target == member && isMembershipRole(relation.role) &&
                       !visited[relation.source] &&
                       entities[relation.source].kind != EntityKind::Project) {
                visited[relation.source] = true;
                pending.push_back(relation.source);
            }
        }
    }
    std::sort(projects.begin(), projects.end());
    projects.erase(std::unique(projects.begin(), projects.end()), projects.end());
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
