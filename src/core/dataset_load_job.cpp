#include "core/dataset_load_job.hpp"

#include <utility>

namespace explorer {

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
