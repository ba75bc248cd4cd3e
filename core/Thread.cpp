#include "core/Thread.hpp"

#include "core/Heap.hpp"

#include <pthread.h>

#include <cerrno>
#include <system_error>

namespace ereje {

struct Thread::State {
  std::function<void()> fn;
  pthread_t id{};
  bool joinable = false;
};

namespace {

void* start(void* fn) {
  prepare_thread_heap();
  (*static_cast<std::function<void()>*>(fn))();
  return nullptr;
}

}  // namespace

Thread::Thread(std::function<void()> fn, std::size_t stack) : state_(std::make_unique<State>()) {
  state_->fn = std::move(fn);
  pthread_attr_t attr;
  if (int e = pthread_attr_init(&attr); e != 0) throw std::system_error(e, std::generic_category(), "thread");
  int e = pthread_attr_setstacksize(&attr, stack);
  if (e == 0) e = pthread_create(&state_->id, &attr, start, &state_->fn);
  pthread_attr_destroy(&attr);
  if (e != 0) throw std::system_error(e, std::generic_category(), "cannot start a thread");
  state_->joinable = true;
}

Thread::Thread(Thread&& other) noexcept = default;

Thread::~Thread() { join(); }

void Thread::join() {
  if (!state_ || !state_->joinable) return;
  pthread_join(state_->id, nullptr);
  state_->joinable = false;
}

}  // namespace ereje
