// Where loaded data lives: every column of a Table is a LargeVector, a std::vector that takes whole
// 2 MiB pages once it is large. The loader fills each column once; clauses only read them.
#pragma once
#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <utility>
#include <vector>

namespace ereje::input {

// Storage of large columns: 2 MiB-aligned, in whole 2 MiB pages, marked for transparent huge
// pages. A column of a million rows is then filled with a few page faults instead of a thousand
// (each a trip through the kernel, dear in a virtual machine); unaligned, the first and last
// megabytes of each column would still be faulted in 4 KiB at a time. Small vectors: operator new.
template <class T>
struct PageAllocator {
  using value_type = T;
  PageAllocator() = default;
  template <class U>
  PageAllocator(const PageAllocator<U>&) {}  // NOLINT: rebinding
  static constexpr std::size_t kHuge = std::size_t{2} << 20;
  static bool large(std::size_t n) { return n * sizeof(T) >= kHuge / 2; }
  T* allocate(std::size_t n) {
    if (!large(n)) return static_cast<T*>(::operator new(n * sizeof(T)));
    const std::size_t rounded = (n * sizeof(T) + kHuge - 1) / kHuge * kHuge;
    void* p = std::aligned_alloc(kHuge, rounded);
    if (!p) throw std::bad_alloc();
    ::madvise(p, rounded, MADV_HUGEPAGE);  // a hint: nothing changes if the system declines
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    if (!large(n)) ::operator delete(p);
    else std::free(p);
  }
  template <class U>
  bool operator==(const PageAllocator<U>&) const { return true; }
  // Elements made without a value are left as they are (default-initialized): a column sized
  // ahead of its rows is not written, so its pages are neither touched nor cleared until a row
  // lands there. Every reader writes each row before anything reads it.
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
template <class T>
using LargeVector = std::vector<T, PageAllocator<T>>;

// `v` as n copies of `fill` (a large column's storage is on 2 MiB pages: PageAllocator).
template <class T, class A>
void fill_large(std::vector<T, A>& v, std::size_t n, T fill) {
  if (v.capacity() < n) {
    std::vector<T, A>().swap(v);
    v.reserve(n);
  }
  v.assign(n, fill);
}

// `v` as n values f(0), f(1), ..., written once (no fill first).
template <class T, class A, class F>
void build_large(std::vector<T, A>& v, std::size_t n, F&& f) {
  std::vector<T, A>().swap(v);
  v.reserve(n);
  for (std::size_t i = 0; i < n; ++i) v.push_back(f(i));
}

}  // namespace ereje::input
