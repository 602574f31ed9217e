// The schema and reference rules of the `communs-explorer/1` format (dataset_loader.hpp,
// data/README.md), internal to the core: reads a parsed document into a Dataset and reports
// every rule it breaks, each with the JSON pointer of the value at fault (placed later by the
// loader).
//
// Cost, for a document of v JSON values (v = O(n) for n bytes of text): O(v) expected time (ids,
// sources, terms and relation triples are looked up in hash tables; every allowed-field list
// and the built-in vocabulary have a fixed size); O(v) memory besides the DOM. Lists past
// kMaxEntities or kMaxRelations are refused by their size before any item is read.
#pragma once

#include "core/dataset_loader.hpp"
#include "core/problem_collector.hpp"

#include <nlohmann/json.hpp>

namespace explorer {

// `root` is an object. Fills `dataset` (meaningful only when no problem was added; buildIndex
// not called) and adds every problem found to `problems`.
void readDatasetDocument(const nlohmann::json& root, ProblemCollector& problems, Dataset& dataset);

} // namespace explorer
