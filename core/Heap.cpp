// The heap of one run (Heap.hpp): malloc's options and one madvise, with glibc.
#include "core/Heap.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
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

#if defined(__GLIBC__) && !defined(EREJE_OWN_ALLOCATOR)
namespace {
bool g_prepared = false;
void* g_spacer = nullptr;  // never freed: see prepare_heap
}  // namespace

extern "C" char end;  // the linker's: where the program's data ends and the brk heap may begin

// Whether the process's address space or data segment is capped (`ulimit -v`, `ulimit -d`): a
// step of 1 GiB taken under a cap a little above it leaves too little for the rest (a thread's
// stack, a library opened later), which would then fail in words that do not say why.
bool address_space_capped() {
  for (const int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    rlimit l{};
    if (getrlimit(resource, &l) == 0 && l.rlim_cur != RLIM_INFINITY) return true;
  }
  return false;
}
#endif

void prepare_heap([[maybe_unused]] bool one_arena) {
#if defined(__GLIBC__) && !defined(EREJE_OWN_ALLOCATOR)
  if (const char* t = std::getenv("GLIBC_TUNABLES"); t && std::strstr(t, "glibc.malloc.")) return;
  if (const char* h = std::getenv("EREJE_HEAP"); h && std::strcmp(h, "plain") == 0) return;
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  constexpr int kPad = 64 << 20;
  // A command over data: every thread's blocks in the main heap (its workers allocate little at
  // once, and a run of theirs then touches pages already faulted in rather than an arena each).
  if (one_arena && mallopt(M_ARENA_MAX, 1) != 1) return;
  // The heap's first step: 1 GiB of address space (not of memory) for a command over data, all
  // advised below. glibc grows the heap later without a word to us, so a later step would fault
  // 4 KiB at a time (10 million rows: 11,000 faults, most in the evaluation). Not where the kernel
  // counts address space against a limit (vm.overcommit_memory = 2), nor under a cap on the
  // process's address space or data (a ulimit), nor when the step is refused: 64 MiB then, as for
  // the other commands.
  int first_step = kPad;
  if (one_arena && !address_space_capped()) {
    int mode = 0;
    if (std::FILE* f = std::fopen("/proc/sys/vm/overcommit_memory", "r")) {
      if (std::fscanf(f, "%d", &mode) != 1) mode = 2;
      std::fclose(f);
    }
    if (mode != 2) first_step = 1 << 30;
  }
  // Blocks up to 32 MiB (the most glibc allows) from the heap rather than a mapping each; the
  // heap's top kept (trimmed only past the first step and half again).
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1 || mallopt(M_TOP_PAD, first_step) != 1 ||
      mallopt(M_TRIM_THRESHOLD, first_step + first_step / 2) != 1)
    return;
  g_prepared = true;
  // The first block after these options grows the heap by the first step (when its top had less
  // free); from that block to the heap's end is then advised, in whole huge pages.
  void* p = std::malloc(std::size_t{1} << 20);
  if (p == nullptr && first_step != kPad) {  // the large step refused: the ordinary one
    first_step = kPad;
    mallopt(M_TOP_PAD, kPad);
    mallopt(M_TRIM_THRESHOLD, 2 * kPad);
    p = std::malloc(std::size_t{1} << 20);
  }
  mallopt(M_TOP_PAD, kPad);  // later steps: 64 MiB
  const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const auto from = reinterpret_cast<std::uintptr_t>(p);
  std::free(p);
  if (p == nullptr || top == static_cast<std::uintptr_t>(-1) || top <= from) return;
  const std::uintptr_t b = (from + kHuge - 1) / kHuge * kHuge, e = top / kHuge * kHuge;
  if (e > b) ::madvise(reinterpret_cast<void*>(b), e - b, MADV_HUGEPAGE);
  // The heap from `from` up to the first huge page boundary `b` is in no huge page: blocks taken
  // there fault a 4 KiB page at a time (about 500 faults for those 2 MiB, 5 ms of a short run on
  // the bench's machine). One block spanning it, never freed and never written but for malloc's
  // header, makes the next blocks start at `b`: the gap's pages stay untouched.
  if (e > b && b - from >= 64) g_spacer = std::malloc(b - from - 16);
#endif
}

void prepare_thread_heap() {
#if defined(__GLIBC__) && !defined(EREJE_OWN_ALLOCATOR)
  if (!g_prepared) return;
  void* p = std::malloc(64);
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::free(p);
  const auto brk_end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (p == nullptr || (at >= reinterpret_cast<std::uintptr_t>(&end) && at < brk_end)) return;  // the main heap
  // A thread's arena is a mapping of glibc's HEAP_MAX_SIZE (64 MiB on 64-bit systems) aligned to
  // its size, grown inside it as blocks are taken: advised whole, once, it faults in huge pages.
  constexpr std::uintptr_t kArena = std::uintptr_t{64} << 20;
  ::madvise(reinterpret_cast<void*>(at & ~(kArena - 1)), kArena, MADV_HUGEPAGE);
#endif
}


}  // namespace ereje
