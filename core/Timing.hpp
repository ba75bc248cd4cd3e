// EREJE_TIMING=1: each phase of a command prints its wall time to standard error. For bench/ and
// for finding where a slow run spends its time. Nothing else reads the clock but the evaluator's
// choice of sharing bodies out between threads (Engine::for_bodies), which changes no output.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace ereje {

inline bool timing_enabled() {
  static const bool on = [] {
    const char* v = std::getenv("EREJE_TIMING");
    return v && *v && *v != '0';
  }();
  return on;
}

// Prints "timing: NAME  N.NNN ms" when it goes out of scope, if EREJE_TIMING is set.
class Phase {
 public:
  explicit Phase(std::string name) : name_(std::move(name)) {
    if (timing_enabled()) start_ = std::chrono::steady_clock::now();
  }
  ~Phase() {
    if (!timing_enabled()) return;
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start_);
    std::fprintf(stderr, "timing: %-44s %9.3f ms\n", name_.c_str(), static_cast<double>(us.count()) / 1000.0);
  }
  Phase(const Phase&) = delete;
  Phase& operator=(const Phase&) = delete;

 private:
  std::string name_;
  std::chrono::steady_clock::time_point start_{};
};

}  // namespace ereje
