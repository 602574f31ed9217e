#include "core/sorting.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace explorer {
namespace {

struct Item {
    int key;
    int arrival;
    std::string name; // moved, never copied, by the permutation
};

TEST(Sorting, OrdersLikeStdStableSortAtEverySize) {
    std::mt19937 random(7);
    for (std::size_t n : {0u, 1u, 2u, 15u, 16u, 17u, 33u, 100u, 1000u, 4097u}) {
        std::vector<Item> items;
        for (std::size_t i = 0; i < n; ++i)
            items.push_back({static_cast<int>(random() % 10), static_cast<int>(i), "item " + std::to_string(i)});
        std::vector<Item> expected = items;
        const auto byKey = [](const Item& a, const Item& b) { return a.key < b.key; };
        std::stable_sort(expected.begin(), expected.end(), byKey);
        sortBy(items, byKey);
        ASSERT_EQ(items.size(), expected.size());
        for (std::size_t i = 0; i < n; ++i) {
            EXPECT_EQ(items[i].key, expected[i].key) << "n=" << n << " i=" << i;
            EXPECT_EQ(items[i].arrival, expected[i].arrival) << "ties keep their order, n=" << n;
            EXPECT_EQ(items[i].name, expected[i].name);
        }
    }
}

TEST(Sorting, SortsARangeAndNaturalOrder) {
    std::vector<int> values{5, 3, 9, 1, 7, 3};
    sortBy(values.begin() + 1, values.end(), [](int a, int b) { return a > b; });
    EXPECT_EQ(values, (std::vector<int>{5, 9, 7, 3, 3, 1}));
    sortBy(values);
    EXPECT_EQ(values, (std::vector<int>{1, 3, 3, 5, 7, 9}));
}

} // namespace
} // namespace explorer
