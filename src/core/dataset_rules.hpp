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

#include "core/dataset_load_job.hpp"
#include "core/dataset_loader.hpp"
#include "core/problem_collector.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>

namespace explorer {

// `root` is an object. Fills `dataset` (meaningful only when no problem was added; buildIndex
// not called) and adds every problem found to `problems`. Reads the document in slices
// (dataset_load_job.hpp): the top-level fields, then one source, entity or relation at a time, in
// the order and with the problems of one pass. `root`, `problems` and `dataset` must outlive it.
class DatasetDocumentReader {
public:
    DatasetDocumentReader(const nlohmann::json& root, ProblemCollector& problems, Dataset& dataset);
    DatasetDocumentReader(const DatasetDocumentReader&) = delete;
    DatasetDocumentReader& operator=(const DatasetDocumentReader&) = delete;
    ~DatasetDocumentReader();

    // Reads items until `budget` is spent, each costing `unitsPerItem`. False once done.
    bool step(WorkBudget& budget, std::size_t unitsPerItem);
    // Items read and to read: each source and relation once, each entity twice (ids first, so
    // that duplicates are found whatever the order, then the rest), the top-level fields thrice.
    // Frees the tables of ids the reading kept, a piece at a time, once step() returned false.
    // False once done.
    bool releaseStep(WorkBudget& budget, std::size_t unitsPerItem);
    std::size_t itemsRead() const;
    std::size_t itemCount() const { return itemCount_; }

private:
    class Reader;
    std::unique_ptr<Reader> reader_;
    std::size_t itemCount_ = 0;
};

// The items of a document (DatasetDocumentReader::itemCount), read from its DOM in O(1).
std::size_t documentItemCount(const nlohmann::json& root);

} // namespace explorer
