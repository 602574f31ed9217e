// One compiled sort for the whole program. Each std::sort or std::stable_sort call with its own
// comparator (every lambda is a type of its own) instantiates an introsort or a merge sort of a
// few hundred bytes to a few KB; the widget had about forty of them, 122 functions and 46 KB of
// its wasm (issue 12, "Size"). sortBy sorts a permutation of indices with the one merge sort of
// sorting.cpp, calling the comparator through a plain function pointer, then moves the elements
// into place once. The order is stable: equal elements keep their order, on every platform.
// Cost: O(n log n) comparisons, each an indirect call; n 32-bit indices of extra memory. The
// layout's hot loop (graph_layout.cpp) sorts its grid cells with a radix sort of its own instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace explorer {

using IndexLess = bool (*)(const void* context, std::uint32_t a, std::uint32_t b);

// Sorts `order` (indices) so that less(context, order[i], order[i + 1]) never holds backwards;
// stable. Precondition: n < 2^32.
void stableSortIndices(std::uint32_t* order, std::size_t n, IndexLess less, const void* context);

// 0, 1, …, n - 1 in the order stableSortIndices gives them.
std::vector<std::uint32_t> sortedOrder(std::size_t n, IndexLess less, const void* context);

namespace detail {

// Moves element order[i] to place i, cycle by cycle (order ends as the identity). A function of
// its own, per element type only: the call sites that sort the same type with different
// comparators share it, and each keeps just the comparator's trampoline (3.6 KB less wasm than
// one whole sortBy per call site).
template <class T>
void applyOrder(T* items, std::uint32_t* order, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        if (order[i] == i) continue;
        T held = std::move(items[i]);
        std::size_t place = i;
        while (order[place] != i) {
            const std::size_t from = order[place];
            items[place] = std::move(items[from]);
            order[place] = static_cast<std::uint32_t>(place);
            place = from;
        }
        items[place] = std::move(held);
        order[place] = static_cast<std::uint32_t>(place);
    }
}

} // namespace detail

// Stable sort of [first, last) by `less`, as std::stable_sort(first, last, less) would order it.
template <std::contiguous_iterator It, class Less>
void sortBy(It first, It last, Less less) {
    using T = std::iter_value_t<It>;
    const auto n = static_cast<std::size_t>(last - first);
    if (n < 2) return;
    T* items = std::to_address(first);
    struct Context {
        T* items;
        Less* less;
    } context{items, &less};
    std::vector<std::uint32_t> order = sortedOrder(
        n,
        [](const void* c, std::uint32_t a, std::uint32_t b) {
            const auto* ctx = static_cast<const Context*>(c);
            return static_cast<bool>((*ctx->less)(ctx->items[a], ctx->items[b]));
        },
        &context);
    detail::applyOrder(items, order.data(), n);
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
