// Loading a dataset a slice at a time, so that a page can go on drawing while a big file is read
// (issue 12: 200,000 entities and 1,000,000 relations without freezing the page).
//
// DatasetLoadJob runs the same loaders as loadDataset and loadCsvDataset; those two are the job
// run to its end in one call (one code path): same dataset, same problems at the same places,
// whatever the slices. Each call to step() does a bounded piece of work and returns; the caller
// decides how many pieces fit in its time (the web loop: about 10 ms a frame) and keeps what it
// shows until the job is done.
//
// Work is counted in units of about one byte of text read: the raw-text gate, the JSON syntax
// check and DOM parse, and the CSV records go by the bytes they read; stages that go by items
// (the JSON rules, freeing the DOM, building the CSV dataset) charge each item the text's average
// bytes per item. A step may overshoot its budget by one piece: one JSON value at the top level
// of the document or one item of a top-level array, one CSV record, one entity or relation. A
// few pieces are not cut (measured at 100,000 entities in dataset_loader.hpp): the memberships of
// Dataset::buildIndex (participation.cpp), placing the problems of a rejected file, and a JSON
// text whose shape is not an object of members, or whose syntax is wrong (it is then parsed
// whole, exactly as before, to find its one problem).
//
// progress() goes from 0 to 1 and never goes back; it reaches 1 when step() returns false.
#pragma once

#include "core/dataset_format.hpp"
#include "core/dataset_loader.hpp"
#include "core/raw_text.hpp"

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <string_view>

namespace explorer {

// What a step may still do, in work units (above). Stages spend from it and stop once it is spent.
class WorkBudget {
public:
    explicit WorkBudget(std::size_t units) : left_(units) {}
    void spend(std::size_t units) { left_ = units >= left_ ? 0 : left_ - units; }
    bool spent() const { return left_ == 0; }
    std::size_t left() const { return left_; }

private:
    std::size_t left_;
};

// Empties `items` a piece at a time, each charged `unitsPerItem`: false once empty. The loaders
// free their tables this way (freeing 100,000 entities' worth of small strings at once held the
// page about 400 ms in wasm).
template <class Container>
bool drain(Container& items, WorkBudget& budget, std::size_t unitsPerItem) {
    while (!items.empty()) {
        if (budget.spent()) return true;
        if constexpr (requires { items.pop_back(); }) {
            items.pop_back();
        } else {
            items.erase(items.begin());
        }
        budget.spend(unitsPerItem);
    }
    return false;
}

// The steps both loaders share. stepRawText: one slice of the raw-text gate (raw_text.hpp) over
// `input`; false once it has read everything (then `gate.result()` holds the text or its fault).
// stepIndex: one slice of Dataset::buildIndex, each item charged `unitsPerItem`; false once the
// index is built. fractionDone: done / total, as a progress (1 when there is nothing to do).
bool stepRawText(RawTextScan& gate, std::string_view input, WorkBudget& budget);
bool stepIndex(Dataset& dataset, WorkBudget& budget, std::size_t unitsPerItem);
double fractionDone(std::size_t done, std::size_t total);

// A loader that can stop between pieces of work (dataset_loader.cpp for JSON, csv_import.cpp for
// CSV). Internal to the core: use DatasetLoadJob.
class SlicedLoad {
public:
    virtual ~SlicedLoad() = default;
    // Does work until `budget` is spent (at least one piece). False once the result is ready.
    virtual bool step(WorkBudget& budget) = 0;
    virtual double progress() const = 0;
    virtual LoadResult take() = 0;
};

// `text` must outlive the load.
std::unique_ptr<SlicedLoad> startJsonLoad(std::string_view text);
std::unique_ptr<SlicedLoad> startCsvLoad(std::string_view text);

// Runs a load to its end in one call: what loadDataset and loadCsvDataset do.
LoadResult runToEnd(SlicedLoad& load);

class DatasetLoadJob {
public:
    static constexpr std::size_t kUnlimited = std::numeric_limits<std::size_t>::max();

    // The job keeps the text.
    DatasetLoadJob(std::string text, DatasetFormat format);
    DatasetLoadJob(const DatasetLoadJob&) = delete;
    DatasetLoadJob& operator=(const DatasetLoadJob&) = delete;
    ~DatasetLoadJob();

    // Does about `workUnits` units of work (at least one piece). Returns true while there is more
    // to do; false once the result is ready (then take() it). Calling it again changes nothing.
    bool step(std::size_t workUnits);
    bool done() const { return done_; }
    // 0 to 1, never decreasing; 1 once done.
    double progress() const;
    // The result, once done (an empty result before, or when already taken).
    LoadResult take();

    DatasetFormat format() const { return format_; }
    const std::string& text() const { return *text_; }
    std::size_t steps() const { return steps_; }

private:
    // On the heap: the loads keep views into it, which must survive moving the job's owner.
    std::unique_ptr<std::string> text_;
    DatasetFormat format_;
    std::unique_ptr<SlicedLoad> load_;
    bool done_ = false;
    bool taken_ = false;
    std::size_t steps_ = 0;
};

} // namespace explorer
