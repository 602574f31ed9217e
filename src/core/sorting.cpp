#include "core/sorting.hpp"

#include <algorithm>
#include <numeric>

namespace explorer {
namespace {

// Runs this short are sorted by insertion before merging: fewer calls through the pointer.
constexpr std::size_t kInsertionRun = 16;

void insertionSort(std::uint32_t* order, std::size_t n, IndexLess less, const void* context) {
    for (std::size_t i = 1; i < n; ++i) {
        const std::uint32_t item = order[i];
        std::size_t j = i;
        while (j > 0 && less(context, item, order[j - 1])) {
            order[j] = order[j - 1];
            --j;
        }
        order[j] = item;
    }
}

} // namespace

void stableSortIndices(std::uint32_t* order, std::size_t n, IndexLess less, const void* context) {
    for (std::size_t start = 0; start < n; start += kInsertionRun)
        insertionSort(order + start, std::min(kInsertionRun, n - start), less, context);
    if (n <= kInsertionRun) return;
    // Bottom-up merges between `order` and a buffer; a right element goes first only when
    // strictly less, which keeps the sort stable.
    std::vector<std::uint32_t> buffer(n);
    std::uint32_t* from = order;
    std::uint32_t* to = buffer.data();
    for (std::size_t width = kInsertionRun; width < n; width *= 2) {
        for (std::size_t left = 0; left < n; left += 2 * width) {
            const std::size_t middle = std::min(left + width, n);
            const std::size_t right = std::min(left + 2 * width, n);
            std::size_t a = left, b = middle, out = left;
            while (a < middle && b < right) to[out++] = less(context, from[b], from[a]) ? from[b++] : from[a++];
            while (a < middle) to[out++] = from[a++];
            while (b < right) to[out++] = from[b++];
        }
        std::swap(from, to);
    }
    if (from != order) std::copy(from, from + n, order);
}

std::vector<std::uint32_t> sortedOrder(std::size_t n, IndexLess less, const void* context) {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    stableSortIndices(order.data(), n, less, context);
    return order;
}

} // namespace explorer
