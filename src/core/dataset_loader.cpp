// loadDataset: the raw-text gate (raw_text.hpp), then the JSON syntax (dataset_syntax.cpp), then
// the schema and reference rules (dataset_rules.cpp); problems are placed once, at the end. The
// words of each problem are in problem_messages.cpp.
#include "core/dataset_loader.hpp"

#include "core/dataset_rules.hpp"
#include "core/dataset_syntax.hpp"
#include "core/json_positions.hpp"
#include "core/problem_collector.hpp"
#include "core/raw_text.hpp"

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

} // namespace

LoadResult loadDataset(std::string_view input) {
    const CheckedText checked = checkRawText(input, ProblemCode::EmptyInput);
    const std::string_view text = checked.text;
    if (checked.fault) {
        Problem problem = checked.fault->problem;
        if (checked.fault->offset) {
            const TextPosition position = textPositions(text, {*checked.fault->offset}).front();
            problem.line = position.line;
            problem.column = position.column;
        } else {
            problem.line = 1;
            problem.column = 1;
        }
        return onlyProblem(std::move(problem));
    }

    ProblemCollector problems;
    ParsedJson parsed = parseDatasetJson(text, problems);
    if (parsed.fault) return onlyProblem(std::move(*parsed.fault));

    Dataset dataset;
    readDatasetDocument(parsed.root, problems, dataset);
    parsed.root = nullptr; // the DOM is no longer needed: free it before placing and indexing

    LoadResult result;
    if (problems.empty()) {
        dataset.buildIndex();
        result.dataset = std::move(dataset);
    } else {
        result.problems = placeProblems(text, problems);
    }
    return result;
}

} // namespace explorer
