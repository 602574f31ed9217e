#include "model.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

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
    indexStage_ = IndexStage::Done;
    while (buildIndexStep(std::numeric_limits<std::size_t>::max())) {
    }
}

bool Dataset::buildIndexStep(std::size_t items) {
    if (indexStage_ == IndexStage::Done) {
        entityIndex_.clear();
        sourceIndex_.clear();
        entityIndex_.reserve(entities.size());
        sourceIndex_.reserve(sources.size());
        relationsByEntity_.assign(entities.size(), {});
        indexStage_ = IndexStage::Entities;
        indexNext_ = 0;
    }
    if (indexStage_ == IndexStage::Memberships) {
        computeMemberships();
        indexStage_ = IndexStage::Done;
        return false;
    }
    for (; items > 0; --items) {
        if (indexStage_ == IndexStage::Entities) {
            if (indexNext_ == entities.size()) {
                indexStage_ = IndexStage::Sources;
                indexNext_ = 0;
                continue;
            }
            // emplace keeps the first of two equal ids; the loader rejects such datasets anyway.
            entityIndex_.emplace(entities[indexNext_].id, indexNext_);
        } else if (indexStage_ == IndexStage::Sources) {
            if (indexNext_ == sources.size()) {
                indexStage_ = IndexStage::Relations;
                indexNext_ = 0;
                continue;
            }
            sourceIndex_.emplace(sources[indexNext_].id, indexNext_);
        } else {
            if (indexNext_ == relations.size()) {
                indexStage_ = IndexStage::Memberships;
                return true;
            }
            const Relation& relation = relations[indexNext_];
            if (relation.source < entities.size()) relationsByEntity_[relation.source].push_back(indexNext_);
            if (relation.target < entities.size() && relation.target != relation.source) {
                relationsByEntity_[relation.target].push_back(indexNext_);
            }
        }
        ++indexNext_;
    }
    return true;
}

double Dataset::indexProgress() const {
    // The memberships take about as long as the three lists together.
    const double total = static_cast<double>(entities.size() + sources.size() + relations.size()) + 1.0;
    switch (indexStage_) {
    case IndexStage::Done: return 0.0;
    case IndexStage::Entities: return 0.5 * static_cast<double>(indexNext_) / total;
    case IndexStage::Sources: return 0.5 * static_cast<double>(entities.size() + indexNext_) / total;
    case IndexStage::Relations: return 0.5 * static_cast<double>(entities.size() + sources.size() + indexNext_) / total;
    case IndexStage::Memberships: return 0.5;
    }
    return 0.0;
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
