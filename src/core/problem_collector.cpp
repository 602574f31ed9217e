#include "core/problem_collector.hpp"

#include "core/sorting.hpp"

#include <algorithm>
#include <utility>

namespace explorer {

namespace {

std::size_t textBytes(const Problem& problem) {
    return problem.pointer.size() + problem.value.size() + problem.detail.size();
}

} // namespace

bool ProblemCollector::keeps(std::size_t bytes) const {
    if (dropped_ > 0 || kept_.size() >= kMaxProblems) return false;
    return kept_.empty() || keptTextBytes_ + bytes <= kMaxProblemTextBytes;
}

void ProblemCollector::add(Problem problem, Anchor anchor) {
    const std::size_t bytes = textBytes(problem);
    if (!keeps(bytes)) {
        ++dropped_;
        return;
    }
    keptTextBytes_ += bytes;
    kept_.push_back(Entry{std::move(problem), anchor});
}

void ProblemCollector::add(ProblemCode code, std::string pointer, std::string value, std::string detail,
                           std::size_t number, Anchor anchor) {
    Problem problem;
    problem.code = code;
    problem.pointer = std::move(pointer);
    problem.value = std::move(value);
    problem.detail = std::move(detail);
    problem.number = number;
    add(std::move(problem), anchor);
}

void ProblemCollector::addAt(ProblemCode code, int line, int column, std::string pointer, std::string value,
                             std::string detail, std::size_t number) {
    Problem problem;
    problem.code = code;
    problem.line = line;
    problem.column = column;
    problem.pointer = std::move(pointer);
    problem.value = std::move(value);
    problem.detail = std::move(detail);
    problem.number = number;
    add(std::move(problem));
}

std::vector<Problem> ProblemCollector::take() {
    std::vector<Problem> problems;
    problems.reserve(kept_.size() + 1);
    for (Entry& entry : kept_) problems.push_back(std::move(entry.problem));
    kept_.clear();
    keptTextBytes_ = 0;
    sortBy(problems, [](const Problem& a, const Problem& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    if (dropped_ > 0) {
        Problem more;
        more.code = ProblemCode::TooManyProblems;
        more.number = dropped_;
        problems.push_back(std::move(more));
        dropped_ = 0;
    }
    return problems;
}

} // namespace explorer
