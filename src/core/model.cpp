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
    computeMemberships();
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
