// loadDataset: the raw-text gate (raw_text.hpp), then the JSON syntax (dataset_syntax.cpp), then
// the schema and reference rules (dataset_rules.cpp); problems are placed once, at the end. The
// words of each problem are in problem_messages.cpp. Every stage goes in slices (JsonLoad, the
// JSON half of DatasetLoadJob); loadDataset runs them all in one call.
#include "core/dataset_loader.hpp"

#include "core/dataset_load_job.hpp"
#include "core/dataset_rules.hpp"
#include "core/dataset_syntax.hpp"
#include "core/json_positions.hpp"
#include "core/problem_collector.hpp"
#include "core/raw_text.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace explorer {

namespace {

LoadResult onlyProblem(Problem problem) {
    LoadResult result;
    result.problems.push_back(std::move(problem));
    return result;
}

// Places the problems found through their JSON pointers, in one pass over the text for the
// pointers and one for the positions, then hands them over in document order.
std::vector<Problem> placeProblems(std::string_view text, ProblemCollector& collector) {
    std::vector<ProblemCollector::Entry>& entries = collector.entries();
    std::vector<std::string> pointers;
    pointers.reserve(entries.size());
    for (const ProblemCollector::Entry& entry : entries) pointers.push_back(entry.problem.pointer);
    const std::vector<PointerLocation> locations = locatePointers(text, pointers);

    std::vector<std::size_t> offsets;
    offsets.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const PointerLocation& location = locations[i];
        const bool onKey =
            entries[i].anchor == Anchor::Key && location.exact && location.keyOffset != std::string_view::npos;
        offsets.push_back(onKey ? location.keyOffset : location.valueOffset);
    }
    const std::vector<TextPosition> positions = textPositions(text, offsets);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        entries[i].problem.line = positions[i].line;
        entries[i].problem.column = positions[i].column;
    }
    return collector.take();
}

// The stages of loadDataset, each in slices (dataset_load_job.hpp). Shares of the whole, for the
// progress bar, from the time each took on 100,000 synthetic entities (dataset_loader.hpp).
class JsonLoad final : public SlicedLoad {
public:
    explicit JsonLoad(std::string_view input) : input_(input), gate_(input, ProblemCode::EmptyInput) {}

    bool step(WorkBudget& budget) override {
        const std::size_t initial = budget.left();
        do {
            switch (stage_) {
            case Stage::Gate: stepGate(budget); break;
            case Stage::Parse: stepParse(budget); break;
            case Stage::Rules: stepRules(budget); break;
            case Stage::Release: stepRelease(budget); break;
            case Stage::Place:
                // Not cut: it gets a step of its own rather than the end of another's.
                if (budget.left() < initial) return true;
                result_.problems = placeProblems(text_, problems_);
                stage_ = Stage::Done;
                break;
            case Stage::Index:
                if (stepIndex(dataset_, budget, unitsPerItem_)) break;
                result_.dataset = std::move(dataset_);
                stage_ = Stage::Done;
                break;
            case Stage::Done: return false;
            }
        } while (!budget.spent());
        return stage_ != Stage::Done;
    }

    double progress() const override {
        switch (stage_) {
        case Stage::Gate: return kGateShare * gate_.progress();
        case Stage::Parse: return kGateShare + kParseShare * parse_->progress();
        case Stage::Rules:
            return kGateShare + kParseShare +
                   kRulesShare * fractionDone(reader_->itemsRead(), reader_->itemCount());
        case Stage::Release: {
            if (reader_) return kGateShare + kParseShare + kRulesShare;
            const double released = fractionDone(releaseTotal_ - releaseLeft(), releaseTotal_);
            return kGateShare + kParseShare + kRulesShare + kReleaseShare * released;
        }
        case Stage::Place: return 1.0 - kIndexShare;
        case Stage::Index: return 1.0 - kIndexShare + kIndexShare * dataset_.indexProgress();
        case Stage::Done: return 1.0;
        }
        return 1.0;
    }

    LoadResult take() override { return std::move(result_); }

private:
    enum class Stage { Gate, Parse, Rules, Release, Place, Index, Done };
    static constexpr double kGateShare = 0.03;
    static constexpr double kParseShare = 0.40;
    static constexpr double kRulesShare = 0.25;
    static constexpr double kReleaseShare = 0.14;
    static constexpr double kIndexShare = 1.0 - kGateShare - kParseShare - kRulesShare - kReleaseShare;

    std::string_view input_;
    RawTextScan gate_;
    std::string_view text_;
    Stage stage_ = Stage::Gate;
    ProblemCollector problems_;
    std::optional<SlicedJsonParse> parse_;
    ParsedJson parsed_;
    Dataset dataset_;
    std::optional<DatasetDocumentReader> reader_;
    std::size_t unitsPerItem_ = 1;
    std::vector<nlohmann::json*> lists_; // the DOM's top-level arrays, emptied item by item
    std::size_t releaseTotal_ = 0;
    LoadResult result_;

    void stepGate(WorkBudget& budget) {
        if (stepRawText(gate_, input_, budget)) return;
        const CheckedText& checked = gate_.result();
        text_ = checked.text;
        if (checked.fault) {
            Problem problem = checked.fault->problem;
            if (checked.fault->offset) {
                const TextPosition position = textPositions(text_, {*checked.fault->offset}).front();
                problem.line = position.line;
                problem.column = position.column;
            } else {
                problem.line = 1;
                problem.column = 1;
            }
            result_ = onlyProblem(std::move(problem));
            stage_ = Stage::Done;
            return;
        }
        parse_.emplace(text_, problems_);
        stage_ = Stage::Parse;
    }

    void stepParse(WorkBudget& budget) {
        if (parse_->step(budget)) return;
        parsed_ = parse_->take();
        parse_.reset();
        if (parsed_.fault) {
            result_ = onlyProblem(std::move(*parsed_.fault));
            stage_ = Stage::Done;
            return;
        }
        reader_.emplace(parsed_.root, problems_, dataset_);
        unitsPerItem_ = std::max<std::size_t>(text_.size() / std::max<std::size_t>(reader_->itemCount(), 1), 1);
        stage_ = Stage::Rules;
    }

    void stepRules(WorkBudget& budget) {
        if (reader_->step(budget, unitsPerItem_)) return;
        for (auto& member : parsed_.root.items()) {
            if (member.value().is_array()) {
                lists_.push_back(&member.value());
                releaseTotal_ += member.value().size();
            }
        }
        stage_ = Stage::Release;
    }

    std::size_t releaseLeft() const {
        std::size_t left = 0;
        for (const nlohmann::json* list : lists_) left += list->size();
        return left;
    }

    // The reader's tables and the DOM are no longer needed: freed before placing and indexing, an
    // item at a time (freeing 100,000 entities' DOM at once took as long as reading their rules).
    void stepRelease(WorkBudget& budget) {
        if (reader_) {
            if (reader_->releaseStep(budget, unitsPerItem_)) return;
            reader_.reset();
        }
        while (!lists_.empty()) {
            nlohmann::json::array_t& items = lists_.back()->get_ref<nlohmann::json::array_t&>();
            if (items.empty()) {
                lists_.pop_back();
                continue;
            }
            if (budget.spent()) return;
            items.pop_back();
            budget.spend(unitsPerItem_);
        }
        parsed_.root = nullptr;
        stage_ = problems_.empty() ? Stage::Index : Stage::Place;
    }
};

} // namespace

std::unique_ptr<SlicedLoad> startJsonLoad(std::string_view text) { return std::make_unique<JsonLoad>(text); }

LoadResult loadDataset(std::string_view input) {
    JsonLoad load(input);
    return runToEnd(load);
}

} // namespace explorer
