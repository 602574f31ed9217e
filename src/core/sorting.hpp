// One compiled sort for the whole program. Each std::sort or std::stable_sort call with its own
// comparator (every lambda is a type of its own) instantiates an introsort or a merge sort of a
// few hundred bytes to a few KB; the widget had about forty of them, 122 functions and 46 KB of
// its wasm (issue 12, "Size"). sortBy sorts a permutation of indices with the one merge sort of
// sorting.cpp, calling the comparator through a plain function pointer, then moves the elements
// into place once. The order is stable: equal elements keep their order, on every platform.
// Cost: O(n log n) comparisons, each an indirect call; n 32-bit indices of extra memory. Hot
// loops over plain numbers (graph_layout.cpp) keep std::sort, which the compiler inlines there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <utility>
#include <vector>

namespace explorer {

using IndexLess = bool (*)(const void* context, std::uint32_t a, std::uint32_t b);

// Sorts `order` (indices) so that less(context, order[i], order[i + 1]) never holds backwards;
// stable. Precondition: n < 2^32.
void stableSortIndices(std::uint32_t* order, std::size_t n, IndexLess less, const void* context);

// Stable sort of [first, last) by `less`, as std::stable_sort(first, last, less) would order it.
template <class RandomIt, class Less>
void sortBy(RandomIt first, RandomIt last, Less less) {
    const auto n = static_cast<std::size_t>(last - first);
    if (n < 2) return;
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    struct Context {
        RandomIt first;
        Less* less;
    } context{first, &less};
    stableSortIndices(order.data(), n,
                      [](const void* c, std::uint32_t a, std::uint32_t b) {
                          const auto* ctx = static_cast<const Context*>(c);
                          return static_cast<bool>((*ctx->less)(ctx->first[a], ctx->first[b]));
                      },
                      &context);
    // Apply the permutation in place, cycle by cycle: element order[i] goes to place i.
    for (std::size_t i = 0; i < n; ++i) {
        if (order[i] == i) continue;
        auto held = std::move(first[i]);
        std::size_t place = i;
        while (order[place] != i) {
            const std::size_t from = order[place];
            first[place] = std::move(first[from]);
            order[place] = static_cast<std::uint32_t>(place);
            place = from;
        }
        first[place] = std::move(held);
        order[place] = static_cast<std::uint32_t>(place);
    }
}

template <class Container, class Less>
void sortBy(Container& items, Less less) {
    sortBy(std::begin(items), std::end(items), less);
}

// Elements in their natural order (operator<).
template <class Container>
void sortBy(Container& items) {
    sortBy(std::begin(items), std::end(items), [](const auto& a, const auto& b) { return a < b; });
}

} // namespace explorer
