// One sort for the whole core. Every std::sort comparator instantiates its own copy of the sort
// (about 1.7 kB of WebAssembly each; std::stable_sort about 3 kB), and a dozen comparators cost
// 18 kB of the module (docs/matching.md, "Module size"). Here one compiled std::sort orders row
// numbers through a comparator called by pointer; each call site adds only a few bytes.
//
// Same results as the std::sort it replaces: a comparison sort does the same comparisons and moves
// whatever it sorts, so sorting row numbers by `less` of their items gives exactly the order that
// sorting the items themselves would, ties included. One caveat makes sort_items need items that
// are trivially copyable: libc++ switches to insertion sort below 30 items for such types but
// below 6 for others, so for those the order of equal items could differ. stable_sort_items has
// no such caveat: the stable order is the only one.
//
// Cost: as std::sort, O(n log n) comparisons, each through one indirect call; sort_items and
// stable_sort_items also allocate n row numbers and move each item once more.
#pragma once

#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

namespace tft {

// Whether row a goes before row b, for the rows `context` describes.
using RowLess = bool (*)(const void* context, std::uint32_t a, std::uint32_t b);

// std::sort(first, last, less with context): the one instantiation.
void sort_rows(std::uint32_t* first, std::uint32_t* last, RowLess less, const void* context);

// Sorts the row numbers [first, last) by `less(a, b)`, a strict weak order on row numbers.
template <typename Less>
void sort_rows(std::uint32_t* first, std::uint32_t* last, const Less& less) {
  sort_rows(
      first, last,
      [](const void* context, std::uint32_t a, std::uint32_t b) {
        return (*static_cast<const Less*>(context))(a, b);
      },
      &less);
}

template <typename Less>
void sort_rows(std::vector<std::uint32_t>& rows, const Less& less) {
  sort_rows(rows.data(), rows.data() + rows.size(), less);
}

// std::sort(numbers.begin(), numbers.end()): equal numbers are alike, so any sort gives these bytes.
void sort_numbers(std::vector<std::uint32_t>& numbers);

// 0, 1, ..., n - 1.
std::vector<std::uint32_t> row_numbers(std::size_t n);

// Puts items[order[0]] first, items[order[1]] second, ... (order is a permutation; it is used up).
template <typename T>
void apply_order(std::vector<T>& items, std::vector<std::uint32_t>& order) {
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    T held = std::move(items[i]);
    std::uint32_t at = i;
    while (order[at] != i) {  // follow the cycle through i, each item moving once
      const std::uint32_t from = order[at];
      items[at] = std::move(items[from]);
      order[at] = at;
      at = from;
    }
    items[at] = std::move(held);
    order[at] = at;
  }
}

// The order std::sort(items.begin(), items.end(), less) leaves.
template <typename T, typename Less>
void sort_items(std::vector<T>& items, const Less& less) {
  static_assert(std::is_trivially_copyable<T>::value,
                "equal items could end in another order (sort_order.h)");
  std::vector<std::uint32_t> order = row_numbers(items.size());
  sort_rows(order, [&](std::uint32_t a, std::uint32_t b) { return less(items[a], items[b]); });
  apply_order(items, order);
}

// The order std::stable_sort(items.begin(), items.end(), less) leaves: equal items keep their
// order, because rows that `less` finds equal are ordered by row number.
template <typename T, typename Less>
void stable_sort_items(std::vector<T>& items, const Less& less) {
  std::vector<std::uint32_t> order = row_numbers(items.size());
  sort_rows(order, [&](std::uint32_t a, std::uint32_t b) {
    if (less(items[a], items[b])) return true;
    return !less(items[b], items[a]) && a < b;
  });
  apply_order(items, order);
}

}  // namespace tft
