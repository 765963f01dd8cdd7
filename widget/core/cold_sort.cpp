#include "core/cold_sort.hpp"

#include <algorithm>

namespace gp {

void stable_sort_indices(uint32_t* first, uint32_t* last, IndexLess less, const void* context) {
    std::stable_sort(first, last, [less, context](uint32_t a, uint32_t b) { return less(context, a, b); });
}

}  // namespace gp
