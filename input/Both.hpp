// Two passes at once, for the loader's passes over whole columns (TableBuilder: pieces moved down,
// the key checks): the result never depends on the number of threads.
#pragma once
#include <exception>
#include <thread>

namespace ereje::input {

// Runs a() on another thread and b() on this one when `threads` > 1, else one after the other. Each
// writes only what the other does not read. An exception from either is rethrown here, after both.
template <class A, class B>
void both(unsigned threads, A&& a, B&& b) {
  if (threads <= 1) {
    a();
    b();
    return;
  }
  std::exception_ptr failed;
  {
    std::jthread other([&] {
      try {
        a();
      } catch (...) {
        failed = std::current_exception();
      }
    });
    b();
  }
  if (failed) std::rethrow_exception(failed);
}

}  // namespace ereje::input
