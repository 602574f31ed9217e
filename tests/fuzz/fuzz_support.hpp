// What every fuzz target of tests/fuzz shares: a check that stops the run on the spot (libFuzzer
// keeps the input as a crash; the replay test fails), and the checks of loader results.
#pragma once

#include "core/dataset_loader.hpp"

#include <cstddef>
#include <string_view>

namespace explorer::fuzz {

inline void require(bool condition) {
    if (!condition) __builtin_trap();
}

// Printable ASCII only, as notices promise (view_state_codec.hpp): no space, no control, no byte
// of a multi-byte character.
inline bool isPrintableAscii(std::string_view text) {
    for (const char c : text) {
        if (c <= 0x20 || c >= 0x7F) return false;
    }
    return true;
}

// The loaders' contract (dataset_loader.hpp, csv_import.hpp): a Dataset exactly when there is
// no problem, at most kMaxProblems problems and one TooManyProblems after them, and a sentence
// for each in both languages.
inline void checkLoadResult(const LoadResult& result) {
    require(result.dataset.has_value() == result.problems.empty());
    require(result.problems.size() <= kMaxProblems + 1);
    for (std::size_t i = 0; i < result.problems.size(); ++i) {
        const Problem& problem = result.problems[i];
        require(problem.code != ProblemCode::TooManyProblems || i + 1 == result.problems.size());
        require(!problemMessage(problem, Lang::Fr).empty());
        require(!describe(problem, Lang::En).empty());
    }
    if (!result.dataset) return;
    const Dataset& dataset = *result.dataset;
    require(dataset.entities.size() <= kMaxEntities);
    require(dataset.relations.size() <= kMaxRelations);
    for (const Relation& relation : dataset.relations) {
        require(relation.source < dataset.entities.size() && relation.target < dataset.entities.size());
        for (const std::size_t source : relation.sources) require(source < dataset.sources.size());
    }
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        const auto found = dataset.findEntity(dataset.entities[e].id);
        require(found && *found == e);
    }
}

} // namespace explorer::fuzz
