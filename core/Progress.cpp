// Progress.hpp: a ticker thread draws the line; std::cerr's buffer is wrapped so that whatever is
// written there clears the line first (under the same lock).
#include "core/Progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <streambuf>
#include <thread>

namespace ereje::progress {
namespace {

using Clock = std::chrono::steady_clock;

struct State {
  std::mutex m;
  std::condition_variable cv;
  bool on = false, stop = false, shown = false;
  std::string stage;
  Clock::time_point start;
  std::thread ticker;
  std::streambuf* original = nullptr;
  std::streambuf* wrapper = nullptr;  // the ClearingBuf put in front of `original`
};
State& state() {
  static State s;
  return s;
}

void write_all(const std::string& s) {
  const char* p = s.data();
  std::size_t n = s.size();
  while (n > 0) {
    const ssize_t w = ::write(STDERR_FILENO, p, n);
    if (w <= 0) return;  // a terminal that refuses: progress is not worth an error
    p += w;
    n -= static_cast<std::size_t>(w);
  }
}

void clear_locked(State& s) {
  if (!s.shown) return;
  write_all("\r\033[K");
  s.shown = false;
}

std::size_t columns() {
  winsize ws{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 10) return ws.ws_col;
  return 80;
}

// std::cerr's buffer while progress is on: clears the line, then passes everything on.
class ClearingBuf : public std::streambuf {
 public:
  explicit ClearingBuf(std::streambuf* to) : to_(to) {}

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    State& st = state();
    std::lock_guard lock(st.m);
    clear_locked(st);
    return to_->sputn(s, n);
  }
  int sync() override { return to_->pubsync(); }

 private:
  std::streambuf* to_;
};

}  // namespace

std::string line(const std::string& stage, double seconds, std::size_t width) {
  char secs[32];
  std::snprintf(secs, sizeof secs, " … %.1f s", seconds);
  std::string text = "ereje: " + stage;
  const std::string tail = secs;
  // Cut by characters (UTF-8 lead bytes), leaving room for the time and the cursor.
  auto length = [](const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  const std::size_t room = width > length(tail) + 2 ? width - length(tail) - 2 : 0;
  if (length(text) > room) {
    std::size_t n = 0, i = 0;
    const std::size_t keep = room > 1 ? room - 1 : 0;
    for (; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && n++ == keep) break;
    text = text.substr(0, i) + "…";
  }
  return text + tail;
}

bool active() { return state().on; }

void begin_if_terminal() {
  State& s = state();
  if (s.on || !::isatty(STDERR_FILENO)) return;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return;
  const char* env = std::getenv("EREJE_PROGRESS");
  if (env && std::strcmp(env, "0") == 0) return;
  const char* timing = std::getenv("EREJE_TIMING");
  if (timing && *timing && *timing != '0') return;
  s.on = true;
  s.stop = false;
  s.start = Clock::now();
  s.original = std::cerr.rdbuf();
  s.wrapper = new ClearingBuf(s.original);  // lives to the end of the process, as std::cerr does
  std::cerr.rdbuf(s.wrapper);
  // EREJE_PROGRESS_DELAY_MS: when the line first appears (1000 by default; tests set 0).
  long delay_ms = 1000;
  if (const char* d = std::getenv("EREJE_PROGRESS_DELAY_MS"); d && *d) {
    char* end = nullptr;
    const long v = std::strtol(d, &end, 10);
    if (end && *end == '\0' && v >= 0 && v <= 600000) delay_ms = v;
  }
  const auto tick = std::chrono::milliseconds(std::min(200L, delay_ms / 2 + 20));
  s.ticker = std::thread([&s, delay_ms, tick] {
    std::unique_lock lock(s.m);
    while (!s.stop) {
      s.cv.wait_for(lock, tick);
      if (s.stop) break;
      const double t = std::chrono::duration<double>(Clock::now() - s.start).count();
      if (t * 1000 < static_cast<double>(delay_ms) || s.stage.empty()) continue;
      write_all("\r\033[K" + line(s.stage, t, columns()));
      s.shown = true;
    }
  });
}

void end() {
  State& s = state();
  if (!s.on) return;
  {
    std::lock_guard lock(s.m);
    s.stop = true;
  }
  s.cv.notify_all();
  if (s.ticker.joinable()) s.ticker.join();
  std::lock_guard lock(s.m);
  clear_locked(s);
  // Another buffer put in front of this one since (cli/MessageLines.hpp) keeps writing through it:
  // it is left in place, and with no line shown it only passes bytes on.
  if (std::cerr.rdbuf() == s.wrapper) std::cerr.rdbuf(s.original);
  s.on = false;
}

Stage::Stage(std::string text) {
  State& s = state();
  if (!s.on) return;
  std::lock_guard lock(s.m);
  before_ = std::move(s.stage);
  s.stage = std::move(text);
  set_ = true;
}

Stage::~Stage() {
  if (!set_) return;
  State& s = state();
  std::lock_guard lock(s.m);
  s.stage = std::move(before_);
}

}  // namespace ereje::progress
