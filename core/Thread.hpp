// Threads whose stack size is stated, not inherited: std::thread takes the size from `ulimit -s`
// (glibc uses RLIMIT_STACK), so a formula that passes `check` could overflow the stack of a user
// who runs with a small one. Every thread that evaluates formulas (the command itself, the
// evaluator's and the kernels' workers) runs on one of these instead, with kStackBytes of stack:
// address space reserved, not memory used, until the recursion reaches it.
#pragma once
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <utility>

namespace ereje {

// Enough for the deepest formula the checker accepts (kMaxFormulaDepth levels, about 1 KiB of
// stack each in the checker and the evaluator) many times over.
inline constexpr std::size_t kStackBytes = std::size_t{64} << 20;

class Thread {
 public:
  // Starts `fn` on a new thread with `stack` bytes of stack. Throws std::system_error when the
  // system refuses (as std::thread does).
  explicit Thread(std::function<void()> fn, std::size_t stack = kStackBytes);
  Thread(Thread&& other) noexcept;
  Thread& operator=(Thread&&) = delete;
  Thread(const Thread&) = delete;
  ~Thread();  // joins, as std::jthread does
  void join();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Runs `fn` on a thread of `stack` bytes and waits for it: its result, or its exception rethrown here.
template <class F>
auto on_own_stack_of(std::size_t stack, F&& fn) -> decltype(fn()) {
  using R = decltype(fn());
  std::exception_ptr failed;
  if constexpr (std::is_void_v<R>) {
    Thread([&] {
      try {
        fn();
      } catch (...) {
        failed = std::current_exception();
      }
    }, stack).join();
    if (failed) std::rethrow_exception(failed);
  } else {
    R result{};
    Thread([&] {
      try {
        result = fn();
      } catch (...) {
        failed = std::current_exception();
      }
    }, stack).join();
    if (failed) std::rethrow_exception(failed);
    return result;
  }
}

// Runs `fn` on a thread of kStackBytes, as on_own_stack_of does.
template <class F>
auto on_own_stack(F&& fn) -> decltype(fn()) {
  return on_own_stack_of(kStackBytes, std::forward<F>(fn));
}

}  // namespace ereje
