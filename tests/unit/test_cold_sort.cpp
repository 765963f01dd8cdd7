#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/cold_sort.hpp"

using namespace gp;

TEST_CASE("cold_sort orders like std::stable_sort, equal keys in their first order", "[cold_sort]") {
    // Few distinct keys among many items, so most comparisons meet equal keys: a sort that is not stable
    // puts some of the tags out of their first order.
    std::vector<std::pair<int, int>> items;  // key, tag
    uint32_t state = 12345;
    for (int tag = 0; tag < 2000; ++tag) {
        state = state * 1103515245u + 12345u;
        items.push_back({int((state >> 16) % 7), tag});
    }
    const auto by_key = [](const std::pair<int, int>& a, const std::pair<int, int>& b) { return a.first < b.first; };
    std::vector<std::pair<int, int>> expected = items;
    std::stable_sort(expected.begin(), expected.end(), by_key);
    cold_sort(items, by_key);
    CHECK(items == expected);
}

TEST_CASE("cold_sort moves items it cannot copy and takes operator< by default", "[cold_sort]") {
    std::vector<std::unique_ptr<std::string>> owned;
    for (const char* word : {"pear", "apple", "fig"}) owned.push_back(std::make_unique<std::string>(word));
    cold_sort(owned, [](const auto& a, const auto& b) { return *a < *b; });
    REQUIRE(owned.size() == 3);
    CHECK(*owned[0] == "apple");
    CHECK(*owned[1] == "fig");
    CHECK(*owned[2] == "pear");

    std::vector<std::string> names{"b", "c", "a"};
    cold_sort(names);
    CHECK(names == std::vector<std::string>{"a", "b", "c"});

    std::vector<int> none;
    cold_sort(none);
    CHECK(none.empty());
    std::vector<int> one{4};
    cold_sort(one, [](int a, int b) { return a > b; });
    CHECK(one == std::vector<int>{4});
}

TEST_CASE("cold_sort sorts a part of a list and leaves the rest", "[cold_sort]") {
    std::vector<int> values{9, 3, 2, 1, 0};
    cold_sort(values.data() + 1, values.data() + 4, [](int a, int b) { return a < b; });
    CHECK(values == std::vector<int>{9, 1, 2, 3, 0});
}
