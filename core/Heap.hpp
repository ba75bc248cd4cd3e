// The heap of one run: what a batch over millions of rows allocates, on transparent huge pages.
#pragma once

namespace ereje {

// Called once, first thing in main. In a virtual machine each first touch of a 4 KiB page is a
// trip through the hypervisor (several microseconds): a run over 2 million rows touched about
// 5,900 pages, a sixth of its processor time, and `check` of 10,000 clauses 44,000. This grows the
// main heap in one large step (address space, not memory: a page costs memory only once written;
// 1 GiB for the commands that read data, unless the kernel counts address space against a limit
// (vm.overcommit_memory = 2), the process's address space or data is capped (a ulimit) or the
// step is refused, else 64 MiB, as later steps are), takes blocks of
// up to 32 MiB from it rather than a mapping each, and asks the kernel for huge pages there
// (madvise; a hint the system may decline), so that first touches come 2 MiB at a time; each
// worker thread's arena gets the same (prepare_thread_heap). glibc takes later steps without a
// word to us: those fault 4 KiB at a time (why the first step is large: 10 million rows took
// 11,164 faults with a first step of 64 MiB, 418 with 1 GiB).
// `one_arena` (the commands that read a data folder): every thread allocates from the main heap,
// which then serves a phase's blocks from pages an earlier phase touched (2,100 faults instead of
// 3,300 on 2 million rows); commands over rule files only keep an arena per thread, as their two
// parsing threads allocate at once and would wait on one lock. The price: freed memory stays in
// the heap for the next block rather than going back to the system, and a huge page touched in
// one place counts whole. Nothing is done under a sanitizer (its own
// allocator), when GLIBC_TUNABLES sets malloc's options, or with EREJE_HEAP=plain (malloc's
// defaults, for comparison).
void prepare_heap(bool one_arena);

// Called first thing in each worker thread (core/Thread.cpp): the arena malloc gives the thread
// (a mapping of its own, 64 MiB of address space) advised for huge pages, as the main heap is.
// One arena per thread keeps threads that allocate at once from waiting on one lock.
void prepare_thread_heap();

}  // namespace ereje
