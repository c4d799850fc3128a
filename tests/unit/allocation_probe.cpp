// Replaces the global operator new and delete for the test binary (allocation_probe.h).
#include "allocation_probe.h"

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::size_t> in_use{0};
std::atomic<std::size_t> peak{0};
std::atomic<std::size_t> calls{0};

void* take(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  ++calls;
  const std::size_t now = in_use += malloc_usable_size(p);
  std::size_t seen = peak.load();
  while (now > seen && !peak.compare_exchange_weak(seen, now)) {
  }
  return p;
}

void give(void* p) noexcept {
  if (!p) return;
  in_use -= malloc_usable_size(p);
  std::free(p);
}

}  // namespace

void* operator new(std::size_t n) {
  return take(n);
}
void* operator new[](std::size_t n) {
  return take(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return take(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return take(n);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept {
  give(p);
}
void operator delete[](void* p) noexcept {
  give(p);
}
void operator delete(void* p, std::size_t) noexcept {
  give(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  give(p);
}

namespace tft::test {

std::size_t bytes_in_use() {
  return in_use.load();
}

std::size_t allocations_made() {
  return calls.load();
}

PeakWatch::PeakWatch() : start_(in_use.load()) {
  peak = start_;
}

std::size_t PeakWatch::peak_above_start() const {
  const std::size_t p = peak.load();
  return p > start_ ? p - start_ : 0;
}

}  // namespace tft::test
