// The heap of one run (Heap.hpp): malloc's options, one madvise, and malloc_trim, with glibc.
#include "core/Heap.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define EREJE_OWN_ALLOCATOR 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define EREJE_OWN_ALLOCATOR 1
#endif

namespace ereje {

namespace {
bool g_prepared = false;
}

void prepare_heap() {
#if defined(__GLIBC__) && !defined(EREJE_OWN_ALLOCATOR)
  if (const char* t = std::getenv("GLIBC_TUNABLES"); t && std::strstr(t, "glibc.malloc.")) return;
  if (const char* h = std::getenv("EREJE_HEAP"); h && std::strcmp(h, "plain") == 0) return;
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  constexpr int kPad = 64 << 20;
  // One heap for every thread (a worker's allocations would otherwise go to an arena of its own,
  // mapped apart and faulted in 4 KiB at a time); blocks up to 32 MiB (the most glibc allows)
  // from that heap rather than a mapping each; the heap grown 64 MiB at a time and its top kept.
  if (mallopt(M_ARENA_MAX, 1) != 1 || mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1 || mallopt(M_TOP_PAD, kPad) != 1 ||
      mallopt(M_TRIM_THRESHOLD, 2 * kPad) != 1)
    return;
  g_prepared = true;
  // The first block after these options grows the heap by 64 MiB (when its top had less free);
  // from that block to the heap's end is then advised, in whole huge pages.
  void* p = std::malloc(std::size_t{1} << 20);
  const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const auto from = reinterpret_cast<std::uintptr_t>(p);
  std::free(p);
  if (p == nullptr || end == static_cast<std::uintptr_t>(-1) || end <= from) return;
  const std::uintptr_t b = (from + kHuge - 1) / kHuge * kHuge, e = end / kHuge * kHuge;
  if (e > b) ::madvise(reinterpret_cast<void*>(b), e - b, MADV_HUGEPAGE);
#endif
}

void release_free_memory() {
#if defined(__GLIBC__) && !defined(EREJE_OWN_ALLOCATOR)
  if (g_prepared) malloc_trim(0);
#endif
}

}  // namespace ereje
