// Where the items of an edited list were before the edit: the one matching rule behind the workspace's goal
// revisions and the page mirror's changed lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gp {

// For each of `count` items now, its place among the `before` items of the list before the edit, or -1.
// Edits keep the order, so the old item at the same place, shifted by what was added or removed before it,
// is tried first, and `find(i)` (any place, or `before` for none) looks up the others; `same(i, j)` says
// whether old item j is item i as it was. Each old item is the former place of one item at most.
template <class Same, class Find>
std::vector<int64_t> former_places(size_t count, size_t before, Same&& same, Find&& find) {
    std::vector<int64_t> place(count, -1);
    std::vector<bool> taken(before, false);
    std::ptrdiff_t shift = 0;
    for (size_t i = 0; i < count; ++i) {
        const auto fits = [&](size_t j) { return j < before && !taken[j] && same(i, j); };
        size_t j = size_t(std::ptrdiff_t(i) + shift);
        if (!fits(j)) j = find(i);
        if (!fits(j)) continue;
        taken[j] = true;
        place[i] = int64_t(j);
        shift = std::ptrdiff_t(j) - std::ptrdiff_t(i);
    }
    return place;
}

}  // namespace gp
