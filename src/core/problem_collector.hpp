// The list of problems a loader builds while it reads a dataset (loadDataset, loadCsvDataset):
// the first problems found are kept, the others only counted, and take() hands them over in file
// order with one TooManyProblems at the end saying how many were left out.
//
// Kept: at most kMaxProblems problems, and at most kMaxProblemTextBytes of text in their
// pointers, values and details together (the first problem is always kept). Only hostile input
// reaches the second cap: 200 duplicate keys inside an object whose member name is megabytes
// long would otherwise hold 200 copies of that name in their pointers. Once one problem is left
// out, every later one is too, so the list is always the first problems found.
//
// A problem can be added with its place (CSV: line and field number, known while reading) or
// with a JSON pointer only (JSON: the DOM has no positions), in which case the loader places
// every kept problem at once before take() (entries(), Anchor).
//
// Cost: add is O(1) amortised plus the size of the strings moved in; memory is bounded by
// kMaxProblems problems and kMaxProblemTextBytes whatever the input; take() sorts: O(k log k)
// for k ≤ kMaxProblems.
#pragma once

#include "core/dataset_loader.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace explorer {

inline constexpr std::size_t kMaxProblemTextBytes = 1024U * 1024U; // 1 MiB

// Where a problem found through a JSON pointer is shown: at the member's value, or at its name
// (UnknownField, DuplicateKey, FieldNotForKind).
enum class Anchor { Value, Key };

class ProblemCollector {
public:
    struct Entry {
        Problem problem;
        Anchor anchor = Anchor::Value;
    };

    void add(Problem problem, Anchor anchor = Anchor::Value);

    // A problem about the value (or member name) at `pointer`; line and column are set later.
    void add(ProblemCode code, std::string pointer, std::string value = {}, std::string detail = {},
             std::size_t number = 0, Anchor anchor = Anchor::Value);

    // A problem whose place is known: `line` and `column` as the loader counts them.
    void addAt(ProblemCode code, int line, int column, std::string pointer = {}, std::string value = {},
               std::string detail = {}, std::size_t number = 0);

    // Whether a problem with `textBytes` of pointer, value and detail would be kept. A caller
    // whose problem text is costly to build asks first, and calls skip() when it would not be.
    bool keeps(std::size_t textBytes) const;
    // Counts one problem that is not kept.
    void skip() { ++dropped_; }

    bool empty() const { return kept_.empty() && dropped_ == 0; }
    std::size_t dropped() const { return dropped_; }

    // The kept problems, in the order they were added, for the loader to place.
    std::vector<Entry>& entries() { return kept_; }

    // The kept problems sorted by line then column (stable: equal places keep the order they
    // were found in), then TooManyProblems (line 0) when some were left out. Empties the list.
    std::vector<Problem> take();

private:
    std::vector<Entry> kept_;
    std::size_t keptTextBytes_ = 0;
    std::size_t dropped_ = 0;
};

} // namespace explorer
