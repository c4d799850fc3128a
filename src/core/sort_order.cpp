#include "sort_order.h"

#include <algorithm>

namespace tft {

namespace {

struct ByRowLess {
  RowLess less;
  const void* context;
  bool operator()(std::uint32_t a, std::uint32_t b) const { return less(context, a, b); }
};

}  // namespace

void sort_rows(std::uint32_t* first, std::uint32_t* last, RowLess less, const void* context) {
  std::sort(first, last, ByRowLess{less, context});
}

void sort_numbers(std::vector<std::uint32_t>& numbers) {
  sort_rows(numbers, [](std::uint32_t a, std::uint32_t b) { return a < b; });
}

std::vector<std::uint32_t> row_numbers(std::size_t n) {
  std::vector<std::uint32_t> rows(n);
  for (std::uint32_t i = 0; i < rows.size(); ++i) rows[i] = i;
  return rows;
}

}  // namespace tft
