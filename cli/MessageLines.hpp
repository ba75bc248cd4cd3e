// ereje's own command-line messages (an option's error, a note about the date, a refused output)
// in the language of `--lang`: the lines it writes to standard error for itself, as opposed to
// the coded diagnostics, which DiagnosticTranslator puts in the language where they are made.
//
// Why a filter on std::cerr rather than a translating helper at each of the ~100 places that say
// something: the places build their lines from parts (`"error: unknown format `" << f << "`"`),
// several are CLI11's own parse errors, and the English output must stay byte for byte what it is.
// A filter sees the whole line as the user would, matches it against the catalogue's patterns
// (the same matcher, placeholders and Kazakh case endings as the coded diagnostics), and is only
// there when `--lang kk|ru` is on the command line. Its cost is that a message line is held until
// its newline: only a line that begins like a message (`error: `, `warning: `, `note: `,
// `  = help: `) is held, every other byte passes at once, and what is held when the command ends
// is written by finish().
#pragma once
#include <mutex>
#include <streambuf>
#include <string>
#include <string_view>

namespace ereje::cli {

// The language `--lang` names on the command line ("kk", "ru"), before any parsing; "" otherwise
// (English, or a value the command itself will refuse). The last `--lang` given counts, as in CLI11.
std::string message_language(int argc, char** argv);

// A stream buffer in front of another (std::cerr's): each whole line "error: TEXT",
// "warning: TEXT", "note: TEXT" or "  = help: TEXT" whose TEXT is not a coded diagnostic (no
// " [code]" at its end) is written with TEXT in Kazakh or Russian where the catalogue words it
// (code "cli", core/DiagnosticText.cpp); the keyword before it stays English, as a translated
// diagnostic's does. Any other line passes byte for byte, as it is written. A line with no wording
// stays English; finish() then says the translator's notice once (unless a command said it
// already). Safe to write to from several threads; may sit above or below core/Progress's buffer.
class MessageLines : public std::streambuf {
 public:
  MessageLines(std::streambuf* to, std::string lang);
  ~MessageLines() override { finish(); }
  MessageLines(const MessageLines&) = delete;
  MessageLines& operator=(const MessageLines&) = delete;
  // Writes the line still held (translated, as it is: with no newline added), then the notice if
  // one is due; from then on every byte passes straight through. Called once the command is done.
  void finish();

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void take(std::string_view s);
  std::string said(const std::string& line);  // one line (without its newline) as it is written
  void write(std::string_view s);
  void watch_notice(std::string_view s);  // a passing line that is the notice itself

  std::mutex m_;
  std::streambuf* to_;
  std::string lang_;
  std::string notice_;  // DiagnosticTranslator's, with its newline
  enum class Line { Start, Held, Passing } state_ = Line::Start;
  std::string held_;     // the line so far while it may be a message
  std::string passing_;  // the passing line so far, while it may be the notice
  bool missed_ = false, noticed_ = false, finished_ = false, at_line_start_ = true;
};

}  // namespace ereje::cli
