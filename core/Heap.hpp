// The heap of one run: what a batch over millions of rows allocates, on transparent huge pages.
#pragma once

namespace ereje {

// Called once, first thing in main. In a virtual machine each first touch of a 4 KiB page is a
// trip through the hypervisor (several microseconds): a run over 2 million rows touched about
// 5,800 pages, a sixth of its processor time. This puts every thread's blocks in the main heap,
// grows it in one large step (64 MiB of address space, not of memory: a page costs memory only
// once written) and asks the kernel for huge pages there (madvise; a hint the system may decline),
// so that its first touches come 2 MiB at a time (2,100 faults). The price: freed memory stays in
// the heap for the next block rather than going back to the system, and a huge page touched in
// one place counts whole (see release_free_memory). Nothing is done under a sanitizer (its own
// allocator), when GLIBC_TUNABLES sets malloc's options, or with EREJE_HEAP=plain (malloc's
// defaults, for comparison).
void prepare_heap();

// Gives the system back the heap's free pages (malloc_trim), before a block of megabytes whose
// phase would otherwise be the run's peak of memory: what earlier phases freed (a file's scratch,
// the dictionaries of its pieces) then does not count in it. Nothing without prepare_heap.
void release_free_memory();

}  // namespace ereje
