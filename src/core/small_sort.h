// Sorting the short lists of a result: the concerns behind one approach recommendation (at most
// the answers' concern limit), crisis contacts (at most 40) and relax suggestions (a handful).
//
// An insertion sort, stable like std::stable_sort, so the output is the same. It is O(n²), which is
// nothing at these sizes, and it is a fraction of the code: every std::stable_sort comparator
// instantiates its own merge sort of about 3 kB of WebAssembly (docs/matching.md, "Module size").
// Long lists (places, directory order, search ranking) sort through sort_order.h.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace tft {

// Sorts `items` by `less` (a strict weak order), keeping equal items in their order.
template <typename T, typename Less>
void small_stable_sort(std::vector<T>& items, Less less) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    T item = std::move(items[i]);
    std::size_t j = i;
    for (; j > 0 && less(item, items[j - 1]); --j) items[j] = std::move(items[j - 1]);
    items[j] = std::move(item);
  }
}

}  // namespace tft
