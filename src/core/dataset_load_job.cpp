#include "core/dataset_load_job.hpp"

#include <algorithm>
#include <utility>

namespace explorer {

bool stepRawText(RawTextScan& gate, std::string_view input, WorkBudget& budget) {
    const std::size_t bytes = std::min(budget.left(), input.size());
    const bool more = gate.step(bytes);
    budget.spend(std::max<std::size_t>(bytes, 1));
    return more;
}

bool stepIndex(Dataset& dataset, WorkBudget& budget, std::size_t unitsPerItem) {
    if (!dataset.buildIndexStep(std::max<std::size_t>(budget.left() / std::max<std::size_t>(unitsPerItem, 1), 1)))
        return false;
    budget.spend(budget.left());
    return true;
}

double fractionDone(std::size_t done, std::size_t total) {
    return total == 0 ? 1.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
}

LoadResult runToEnd(SlicedLoad& load) {
    for (;;) {
        WorkBudget budget(DatasetLoadJob::kUnlimited);
        if (!load.step(budget)) break;
    }
    return load.take();
}

DatasetLoadJob::DatasetLoadJob(std::string text, DatasetFormat format)
    : text_(std::make_unique<std::string>(std::move(text))), format_(format) {
    load_ = format == DatasetFormat::Csv ? startCsvLoad(*text_) : startJsonLoad(*text_);
}

DatasetLoadJob::~DatasetLoadJob() = default;

bool DatasetLoadJob::step(std::size_t workUnits) {
    if (done_) return false;
    ++steps_;
    WorkBudget budget(workUnits == 0 ? 1 : workUnits);
    done_ = !load_->step(budget);
    return !done_;
}

double DatasetLoadJob::progress() const { return done_ ? 1.0 : load_->progress(); }

LoadResult DatasetLoadJob::take() {
    if (!done_ || taken_) return {};
    taken_ = true;
    return load_->take();
}

} // namespace explorer
