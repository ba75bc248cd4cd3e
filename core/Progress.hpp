// Progress on standard error for commands that can take more than a second: when standard error
// is a terminal (and TERM is not `dumb`, and EREJE_PROGRESS is not 0, and EREJE_TIMING is off), a
// line such as "ereje: reading the data (services.csv) … 2.1 s" appears after the first second and
// is redrawn in place until the command ends. Anything else written to std::cerr (a diagnostic)
// first clears the line, so the two never mix; the line is gone before the command returns. A
// pipe, a file or CI sees nothing. EREJE_PROGRESS_DELAY_MS sets the first second to another delay.
#pragma once
#include <string>

namespace ereje::progress {

// In main, before a command runs: turns progress on when standard error is a terminal.
void begin_if_terminal();
// After the command: stops the ticker and clears the line (also safe when progress never began).
void end();
// Whether the line may be drawn (begin_if_terminal found a terminal).
bool active();

// The current stage while it lives; the one before it comes back after.
class Stage {
 public:
  explicit Stage(std::string text);
  ~Stage();
  Stage(const Stage&) = delete;
  Stage& operator=(const Stage&) = delete;

 private:
  std::string before_;
  bool set_ = false;
};

// The text of a progress line at `seconds` into the command, cut to `width` columns (counted in
// UTF-8 characters). Exposed for tests.
std::string line(const std::string& stage, double seconds, std::size_t width);

}  // namespace ereje::progress
