// A hash index of numbered items whose keys are kept elsewhere: the keys of a JSON object as it is
// read (json_input.cpp, to refuse a repeated key) and the ids of loaded packed shards
// (packed_rows.cpp). It stores item numbers, not keys, so it never copies a key and stays valid
// while the container holding the keys grows.
//
// Open addressing with linear probing over a power-of-two table kept at most half full, so every
// look-up ends at an empty slot. Keys are short (object keys, id slugs), so FNV-1a a byte at a
// time is as fast as anything here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tft {

// FNV-1a over the key's bytes.
inline std::uint32_t hash_bytes(std::string_view bytes) {
  std::uint32_t h = 2166136261u;
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

struct ItemIndex {
  std::vector<std::uint32_t> slots;  // item number + 1; 0 is an empty slot

  // The size a table needs for `count` items: a power of two of at least `smallest`, at least
  // twice `count`.
  static std::size_t slots_for(std::size_t count, std::size_t smallest) {
    std::size_t n = smallest;
    while (n < 2 * count) n *= 2;
    return n;
  }

  // The slot holding the item whose key is `key`, or the empty slot where it would go.
  // key_of(item number) gives an item's key. The table must not be empty.
  template <typename KeyOf>
  std::size_t slot_of(std::string_view key, KeyOf key_of) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t s = hash_bytes(key) & mask;; s = (s + 1) & mask)
      if (slots[s] == 0 || key_of(slots[s] - 1) == key) return s;
  }

  // The table made anew with `size` slots holding items 0 .. held-1 (their keys distinct).
  template <typename KeyOf>
  void rebuild(std::size_t size, std::size_t held, KeyOf key_of) {
    slots.assign(size, 0);
    for (std::uint32_t i = 0; i < held; ++i) slots[slot_of(key_of(i), key_of)] = i + 1;
  }
};

}  // namespace tft
