// goalpost core: one sort for the lists sorted once per call or edit (a few keys, a page of goals, a
// font's rectangles), where each std::sort or std::stable_sort with its own comparator would be its own
// copy of the sorting code in the download: 1-4 KB of wasm each, 58 KB raw for the 77 copies that
// libc++ made (docs/payload.md). Every caller here shares one stable sort of 32-bit indices, compiled
// once; a caller's own code is a three-line comparison thunk.
//
// The price is an indirect call per comparison and a pass that moves the items into place. The sorts of
// every record keep std::sort: events by time, a deal's stage entries, page views by visitor and by time
// (match.run in wasm was up to 7 % slower with visitors sorted here) and the view's order of the goals
// (ui.frame.new_data_10k in wasm was 20 % slower with it here). Attribution's touches are sorted here:
// their index is built once per log, and their comparison was an indirect call already.
//
//     cold_sort(goals, [](const Goal& a, const Goal& b) { return a.title < b.title; });
//     cold_sort(names);  // operator<
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace gp {

// Whether the item at index `a` goes before the one at `b`; `context` is the caller's.
using IndexLess = bool (*)(const void* context, uint32_t a, uint32_t b);

// Stable-sorts the indices in [first, last) by `less`: equal items keep their order.
void stable_sort_indices(uint32_t* first, uint32_t* last, IndexLess less, const void* context);

// Stable-sorts [first, last) by `less` (a strict weak order, as std::stable_sort takes). Items are moved,
// never copied. At most 2^32 - 1 items.
template <class T, class Less>
void cold_sort(T* first, T* last, const Less& less) {
    const size_t count = size_t(last - first);
    if (count < 2) return;
    std::vector<uint32_t> order(count);
    for (uint32_t i = 0; i < count; ++i) order[i] = i;
    struct Context {
        const T* items;
        const Less* less;
    } context{first, &less};
    stable_sort_indices(
        order.data(), order.data() + count,
        [](const void* c, uint32_t a, uint32_t b) {
            const auto& x = *static_cast<const Context*>(c);
            return bool((*x.less)(x.items[a], x.items[b]));
        },
        &context);
    std::vector<T> sorted;
    sorted.reserve(count);
    for (const uint32_t i : order) sorted.push_back(std::move(first[i]));
    for (size_t i = 0; i < count; ++i) first[i] = std::move(sorted[i]);
}

template <class T, class Less>
void cold_sort(std::vector<T>& items, const Less& less) {
    cold_sort(items.data(), items.data() + items.size(), less);
}

template <class T>
void cold_sort(std::vector<T>& items) {
    cold_sort(items, std::less<>());
}

}  // namespace gp
