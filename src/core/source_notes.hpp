// Sources numbered like footnotes, in the order a text first cites them: the details panel, the
// semantic tree and the static page all cite this way, so "[2]" means the same source in the
// panel a reader sees and in what a screen reader or a no-JavaScript reader gets.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace explorer {

class SourceNotes {
public:
    // "[1, 3]" for the sources given (indices into Dataset::sources): each number once, in the
    // order cited; "" for none. A source cited for the first time gets the next number.
    // O(s × n) for s sources given and n numbered so far (n is small: one entity's sources).
    std::string cite(const std::vector<std::size_t>& sources) {
        std::vector<std::size_t> numbers;
        for (std::size_t source : sources) {
            auto it = std::find(order_.begin(), order_.end(), source);
            if (it == order_.end()) it = order_.insert(order_.end(), source);
            const auto number = static_cast<std::size_t>(it - order_.begin()) + 1;
            if (std::find(numbers.begin(), numbers.end(), number) == numbers.end()) numbers.push_back(number);
        }
        std::string marks;
        for (std::size_t number : numbers) marks += (marks.empty() ? "[" : ", ") + std::to_string(number);
        return marks.empty() ? marks : marks + "]";
    }
    // The sources cited so far, in the order of their numbers.
    const std::vector<std::size_t>& order() const { return order_; }

private:
    std::vector<std::size_t> order_;
};

} // namespace explorer
